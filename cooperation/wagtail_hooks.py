"""Investor enquiries in the admin: staff filter and export them, record status and reply, and
say who answers enquiries about which strategy area or sector."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cooperation.models import Enquiry, EnquiryRoute
from portal.spreadsheets import SafeCsvExportMixin


class EnquiryIndexView(SafeCsvExportMixin, IndexView):
    """Enquiries are typed by visitors: their CSV export must not carry formulas."""


class EnquiryViewSet(SnippetViewSet):
    model = Enquiry
    index_view_class = EnquiryIndexView
    icon = "mail"
    menu_label = _("Enquiries")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["reference", "name", "opportunity", "status", "created_at", "replied_at"]
    list_filter = ["status", "language", "consent"]
    list_export = [
        "reference",
        "created_at",
        "status",
        "replied_at",
        "opportunity",
        "name",
        "organisation",
        "email",
        "country",
        "message",
        "consent",
        "language",
    ]
    export_filename = "enquiries"
    search_fields = ["reference", "name", "organisation", "email", "message"]
    ordering = ["-created_at"]


class EnquiryRouteViewSet(SnippetViewSet):
    model = EnquiryRoute
    icon = "mail"
    menu_label = _("Enquiry routing")
    add_to_settings_menu = True
    list_display = ["strategy_area", "sector", "recipients"]


register_snippet(EnquiryViewSet)
register_snippet(EnquiryRouteViewSet)
