"""Investor enquiries in the admin: a read-mostly list that staff can filter and export."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cooperation.models import Enquiry
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
    list_display = ["name", "organisation", "email", "country", "opportunity", "created_at"]
    list_filter = ["language", "consent"]
    list_export = [
        "created_at",
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
    search_fields = ["name", "organisation", "email", "message"]
    ordering = ["-created_at"]


register_snippet(EnquiryViewSet)
