from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import NamedSnippet


class SectorGroup(NamedSnippet):
    """An investor's word for a set of the plan's sectors ("advanced manufacturing" …).

    The listing offers these groups as its first filter; a group matches every opportunity in
    any of its sectors. `key` is the group's value in filter URLs (`?group=life-sciences-health`).
    """

    key = models.SlugField(_("key"), max_length=80, unique=True)
    sort_order = models.PositiveSmallIntegerField(_("position in the filter"), default=0)
    sectors = models.ManyToManyField(
        "core.Sector", related_name="groups", verbose_name=_("plan sectors")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("key"),
        FieldPanel("sort_order"),
        FieldPanel("sectors"),
    ]

    class Meta(NamedSnippet.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("investor sector group")
        verbose_name_plural = _("investor sector groups")
