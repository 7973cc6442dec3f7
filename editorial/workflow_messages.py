"""One message after each workflow step, saying what happened and what happens next.

Wagtail's own messages say "submitted for moderation" even when the translation check sent the
page straight back, and "has been updated" when a moderator approved and published; these
replace them.
"""

from django.contrib import messages
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, WorkflowState

from editorial.models import TranslationCheckTask


def replace_messages(request, level, message):
    """Show `message` instead of Wagtail's. Iterating the storage marks its messages as shown,
    so only those added afterwards reach the next page."""
    list(messages.get_messages(request))
    messages.add_message(request, level, message)


def sent_back_by_translation_check(page):
    state = page.workflow_states.filter(status=WorkflowState.STATUS_NEEDS_CHANGES).first()
    if state and isinstance(state.current_task_state.task.specific, TranslationCheckTask):
        return state.current_task_state.comment
    return None


def submission_message(page):
    """(level, text) for a page just submitted: sent back at once, or waiting for review."""
    title = page.get_admin_display_title()
    problems = sent_back_by_translation_check(page)
    if problems:
        return messages.ERROR, _(
            "“%(title)s” was not sent for review: the translation check sent it back. %(problems)s"
        ) % {"title": title, "problems": problems}
    return messages.SUCCESS, _(
        "“%(title)s” is submitted for review. Next: a moderator approves and publishes it, or "
        "sends it back with a comment; you will be e-mailed either way."
    ) % {"title": title}


def review_message(page):
    """(level, text) once a moderator acted on `page`, judged by the page's state now."""
    page = Page.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    problems = sent_back_by_translation_check(page)
    if problems:  # the reviewer changed the page: the check ran again on their revision
        return messages.ERROR, _(
            "“%(title)s” was not published: after your approval the translation check sent it "
            "back. %(problems)s"
        ) % {"title": title, "problems": problems}
    state = page.workflow_states.order_by("-created_at").first()
    if state and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return messages.SUCCESS, _(
            "“%(title)s” is sent back to %(person)s with your comment. Next: they change it and "
            "submit it again."
        ) % {"title": title, "person": state.requested_by or _("its author")}
    revision = page.latest_revision
    if revision and revision.approved_go_live_at and revision.approved_go_live_at > timezone.now():
        when = formats.date_format(
            timezone.localtime(revision.approved_go_live_at), "DATETIME_FORMAT"
        )
        return messages.SUCCESS, _("“%(title)s” is approved; it goes live on %(when)s.") % {
            "title": title,
            "when": when,
        }
    if page.live and not page.has_unpublished_changes:
        return messages.SUCCESS, _("“%(title)s” is approved and published.") % {"title": title}
    return messages.SUCCESS, _("“%(title)s” is approved; it moves on to the next review step.") % {
        "title": title
    }
