"""Admin report: the pages whose English is missing or older than their Chinese."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page

from core.navigation import SECTION_DEPTH
from editorial.translation_status import problems_by_page
from portal.spreadsheets import SafeCsvExportMixin


class TranslationReportFilterSet(WagtailFilterSet):
    section = django_filters.ModelChoiceFilter(
        label=_("Section"),
        empty_label=_("All sections"),
        queryset=lambda request: Page.objects.filter(depth=SECTION_DEPTH).order_by("path"),
        method="in_section",
    )

    class Meta:
        model = Page
        fields = ["section"]

    def in_section(self, queryset, name, section):
        return queryset.filter(path__startswith=section.path)


class TranslationReportView(SafeCsvExportMixin, PageReportView):
    page_title = _("English to update")
    header_icon = "doc-full"
    results_template_name = "editorial/admin/translation_report_results.html"
    filterset_class = TranslationReportFilterSet
    index_url_name = "translation_report"
    index_results_url_name = "translation_report_results"
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "url_path", "english_problems"]
    export_headings = {"english_problems": _("English to update")}

    def get_queryset(self):
        editable = self.permission_policy.instances_user_has_permission_for(
            self.request.user, "change"
        )
        self.problems = problems_by_page(editable)
        self.queryset = (
            Page.objects.filter(pk__in=self.problems)
            .select_related("content_type")
            .annotate_approved_schedule()
            .prefetch_workflow_states()
            .order_by("path")
        )
        return super().get_queryset()

    def decorate_paginated_queryset(self, pages):
        for page in pages:
            page.english_problems = self.problems[page.pk].describe()
        return pages
