"""The plan's shared data in the admin: one "Plan data" menu with a listing per snippet."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cooperation.models import Organisation, SectorGroup
from core.i18n import localized_fields
from core.models import County, PartnerRegion, Sector
from home.models import Indicator

NAMES = localized_fields("name")


class IndicatorViewSet(SnippetViewSet):
    model = Indicator
    icon = "table"
    list_display = [
        "order",
        "name",
        "unit",
        "baseline_2021",
        "target_2025",
        # A tick or a cross, not the words True and False.
        BooleanColumn("target_or_more", label=_("target is a minimum (以上)")),
    ]
    ordering = ["order"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "kind", "region"]
    list_filter = ["kind"]
    search_fields = list(NAMES.values())


class NamedViewSet(SnippetViewSet):
    """A taxonomy snippet, listed and searched by its name in both languages."""

    list_display = ["name", NAMES["en"]]
    search_fields = list(NAMES.values())


class SectorGroupViewSet(NamedViewSet):
    model = SectorGroup
    icon = "list-ul"
    list_display = ["name", NAMES["en"], "key", "sort_order"]
    ordering = ["sort_order"]


class PlanDataGroup(SnippetViewSetGroup):
    menu_label = _("Plan data")
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (
        IndicatorViewSet,
        OrganisationViewSet,
        NamedViewSet(model=County, icon="site"),
        NamedViewSet(model=PartnerRegion, icon="globe"),
        NamedViewSet(model=Sector, icon="tag"),
        SectorGroupViewSet,
    )
