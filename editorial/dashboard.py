"""Dashboard panels that show each role its own work, with counts and links."""

from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component
from wagtail.models import GroupApprovalTask, Page, Revision, TaskState, WorkflowState
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.content_version import content_version
from editorial.translation_status import problems_by_page
from editorial.translator_access import may_edit_source

SHOWN = 10  # rows per panel; the count and the footer link cover the rest


class WorkPanel(Component):
    """A heading, how many pages, the first of them with a note each; subclasses give rows()."""

    template_name = "editorial/admin/work_panel.html"
    heading = ""
    empty = ""
    order = 60  # an editor's own work, after the reviews (role_panels shows one such panel)

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        rows = self.rows()
        return {
            "panel": self,
            "count": len(rows),
            "rows": rows[:SHOWN],
            "csrf_token": parent_context["csrf_token"],
        }

    @staticmethod
    def page_row(page, note, **extra):
        return {
            "title": page.get_admin_display_title(),
            "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
            "note": note,
            **extra,
        }


def reviews_pages(user):
    return (
        user.is_superuser
        or GroupApprovalTask.objects.filter(active=True, groups__in=user.groups.all()).exists()
    )


class AwaitingMyReviewPanel(WorkPanel):
    name = "awaiting_my_review"
    order = 50
    heading = _("Awaiting my review")
    empty = _("Nothing is waiting for your review.")

    def rows(self):
        states = list(
            TaskState.objects.reviewable_by(self.request.user)
            .filter(workflow_state__base_content_type__model="page")
            .select_related("workflow_state__requested_by")
            .order_by("-started_at")
        )
        pages = Page.objects.in_bulk([int(state.workflow_state.object_id) for state in states])
        rows = []
        for state in states:
            page = pages.get(int(state.workflow_state.object_id))
            if page is None:
                continue
            submitted_by = _("Submitted by %(person)s") % {
                "person": state.workflow_state.requested_by or "—"
            }
            approve = reverse(
                "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.pk]
            )
            rows.append(
                self.page_row(
                    page,
                    submitted_by,
                    approve_url=approve,
                    next_url=reverse("review_confirmation", args=[page.pk]),
                )
            )
        return rows


def english_problems_of_every_page():
    """problems_by_page over every page, judged again only once something is published or a
    revision is saved (a draft leaves the content version as it was, so its id is in the key)."""
    latest_revision = Revision.objects.order_by("-id").values_list("id", flat=True).first()
    key = f"editorial:english-problems:{content_version()}:{latest_revision}"
    problems = cache.get(key)
    if problems is None:
        problems = problems_by_page(Page.objects.all())
        cache.set(key, problems)
    return problems


class EnglishToWritePanel(WorkPanel):
    name = "english_to_write"
    heading = _("English to write or update")
    empty = _("All English is up to date.")

    def footer(self):
        return reverse("translation_report"), _("All pages in the “English to update” report")

    def rows(self):
        editable = PagePermissionPolicy().instances_user_has_permission_for(
            self.request.user, "change"
        )
        problems = english_problems_of_every_page()
        pages = editable.filter(pk__in=list(problems)).order_by("path")
        return [self.page_row(page, problems[page.pk].describe()) for page in pages]


class MyDraftsPanel(WorkPanel):
    name = "my_drafts"
    heading = _("My drafts and sent-back pages")
    empty = _("You have no drafts and no pages sent back.")

    def rows(self):
        user = self.request.user
        sent_back = WorkflowState.objects.filter(
            status=WorkflowState.STATUS_NEEDS_CHANGES, base_content_type__model="page"
        )
        pages = (
            Page.objects.filter(
                Q(latest_revision__user=user, has_unpublished_changes=True)
                | Q(
                    pk__in=[
                        int(pk)
                        for pk in sent_back.filter(requested_by=user).values_list(
                            "object_id", flat=True
                        )
                    ]
                )
            )
            .prefetch_workflow_states()
            .order_by("-latest_revision_created_at")
        )
        rows = []
        for page in pages:
            state = page.current_workflow_state
            if state and state.status == WorkflowState.STATUS_IN_PROGRESS:
                continue  # with the reviewers, not with this editor
            if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                note = _("Sent back: %(comment)s") % {
                    "comment": state.current_task_state.comment or "—"
                }
            else:
                note = _("Draft, not yet submitted")
            rows.append(self.page_row(page, note))
        return rows


# Wagtail's "Awaiting your review" lists the same pages as "Awaiting my review".
REPLACED = {"workflow_objects_to_moderate"}


def role_panels(request, panels):
    user = request.user
    panels[:] = [panel for panel in panels if getattr(panel, "name", "") not in REPLACED]
    if reviews_pages(user):
        panels.append(AwaitingMyReviewPanel(request))
    # Who may edit the Chinese source writes drafts; a translator brings the English up to date.
    own_work = MyDraftsPanel if may_edit_source(user) else EnglishToWritePanel
    panels.append(own_work(request))
