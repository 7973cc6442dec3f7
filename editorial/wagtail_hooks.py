from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.staticfiles import versioned_static
from wagtail.models import Page, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from editorial import choosers
from editorial.dashboard import role_panels
from editorial.page_review import ReviewReportView
from editorial.translation_report import TranslationReportView
from editorial.workflow_messages import replace_messages, review_message, submission_message
from editorial.workflow_names import localise_logged_names

page_permission_policy = PagePermissionPolicy()


class EditorsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return page_permission_policy.user_has_any_permission(
            request.user, ["add", "change", "publish"]
        )


# The editors' reports: address and URL name, view, menu label, icon.
REPORTS = [
    ("translation", TranslationReportView, _("English to update"), "doc-full"),
    ("review", ReviewReportView, _("Pages due for review"), "date"),
]


@hooks.register("register_admin_urls")
def register_report_urls():
    urls = []
    for slug, view, _label, _icon in REPORTS:
        urls += [
            path(f"reports/{slug}/", view.as_view(), name=f"{slug}_report"),
            path(
                f"reports/{slug}/results/",
                view.as_view(results_only=True),
                name=f"{slug}_report_results",
            ),
        ]
    return urls


def report_menu_item(slug, label, icon, order):
    def menu_item():
        url = reverse(f"{slug}_report")
        return EditorsReportMenuItem(label, url, name=f"{slug}-report", icon_name=icon, order=order)

    return menu_item


for index, (slug, _view, label, icon) in enumerate(REPORTS):
    hooks.register("register_reports_menu_item", report_menu_item(slug, label, icon, 1300 + index))


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """The same action as Wagtail's, under one name whether first sent or sent again."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        state = context.get("page") and context["page"].current_workflow_state
        if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = _("Submit again for review")
        else:
            context["label"] = _("Submit for review")
        return context


@hooks.register("construct_page_action_menu")
def submit_first_for_those_who_cannot_publish(menu_items, request, context):
    """Editors and translators see "Submit for review" as the button, not inside the menu."""
    for index, item in enumerate(menu_items):
        if item.name == "action-submit":
            menu_items.pop(index)
            submit = SubmitForReviewMenuItem(order=item.order)
            if context["user_page_permissions_tester"].can_publish():
                menu_items.insert(index, submit)
            else:
                menu_items.insert(0, submit)
            return


def confirm_workflow_step(request, page):
    if "action-submit" in request.POST or "action-restart-workflow" in request.POST:
        replace_messages(request, *submission_message(page))
    elif "action-workflow-action" in request.POST:
        replace_messages(request, *review_message(page))


hooks.register("after_create_page", confirm_workflow_step)
hooks.register("after_edit_page", confirm_workflow_step)


def review_confirmation(request, page_id):
    """Where the dashboard's "Approve and publish" lands: says what the approval did."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    messages.add_message(request, *review_message(page))
    return redirect("wagtailadmin_home")


@hooks.register("register_admin_urls")
def register_review_confirmation_url():
    return [path("reviewed/<int:page_id>/", review_confirmation, name="review_confirmation")]


@hooks.register("register_admin_urls")
def register_chooser_urls():
    return [path("autocomplete/", include(choosers))]


@hooks.register("insert_editor_js")
def chooser_strings():
    """The choosers' own English strings, in the admin's language (the script says how)."""
    return format_html(
        '<script src="{}" data-nothing-selected="{}" data-remove="{}"></script>',
        versioned_static("editorial/autocomplete-i18n.js"),
        _("Nothing selected."),
        _("Remove"),
    )


# After Wagtail's own (order 0), whose formatters it wraps.
hooks.register("register_log_actions", localise_logged_names, order=1)


@hooks.register("construct_homepage_panels")
def add_role_panels(request, panels):
    role_panels(request, panels)
