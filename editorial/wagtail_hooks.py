from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial.models import TranslationCheckTask
from editorial.translation_report import TranslationReportView

page_permission_policy = PagePermissionPolicy()


class TranslationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path("reports/translation/", TranslationReportView.as_view(), name="translation_report"),
        path(
            "reports/translation/results/",
            TranslationReportView.as_view(results_only=True),
            name="translation_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationReportMenuItem(
        _("English to update"),
        reverse("translation_report"),
        name="translation-report",
        icon_name="doc-full",
        order=1300,
    )


def report_translation_check(request, page):
    """Tell the editor at once when the translation check sent a submission straight back."""
    if "action-submit" not in request.POST:
        return
    # Queried afresh: the editor's page object caches the states from before the submission.
    state = page.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if state and isinstance(state.current_task_state.task.specific, TranslationCheckTask):
        messages.error(request, state.current_task_state.comment)


hooks.register("after_create_page", report_translation_check)
hooks.register("after_edit_page", report_translation_check)
