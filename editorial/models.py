from functools import partial

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision, Task

from core.i18n import in_active_language
from core.models.fields import emptied_link, optional_date
from editorial.translation_status import problems_by_page


class TranslationCheckTask(Task):
    """A workflow step nobody acts on: it passes a page revision on to the next step when its
    English is complete and no older than its Chinese, and otherwise sends it back to the editor
    with a comment naming the fields."""

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        # The task state holds the page's latest revision, the one problems_by_page judges.
        page = Page.objects.filter(pk=workflow_state.object_id)
        problems = problems_by_page(page).get(int(workflow_state.object_id))
        # update=False: WorkflowState.update moves on (or back to the editor) after start returns.
        if problems:
            task_state.reject(comment=problems.describe(), update=False)
        else:
            task_state.approve(update=False)
        return task_state

    @classmethod
    def get_description(cls):
        return _("Sends back revisions whose English is missing or older than the Chinese")

    class Meta:
        verbose_name = _("translation check")
        verbose_name_plural = _("translation checks")


class PageReview(models.Model):
    """When a page is next due to be checked. Kept beside the page, so no page type needs a
    field; when it was last reviewed is the latest published RevisionNote with a date."""

    page = models.OneToOneField(
        Page, on_delete=models.CASCADE, primary_key=True, related_name="review"
    )
    next_review_on = models.DateField(_("next review"), db_index=True)

    class Meta:
        verbose_name = _("page review")
        verbose_name_plural = _("page reviews")

    def __str__(self):
        return f"{self.page_id}: {self.next_review_on}"


class ReviewReminder(models.Model):
    """One overdue-review e-mail about a page: to whom, for which due date, when. A page is
    mailed about once per due date, and again only while it stays overdue
    (page_review.REMIND_AGAIN_AFTER)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="review_reminders")
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    due_on = models.DateField(_("review due"))
    sent_at = models.DateTimeField(_("sent"), db_index=True)

    class Meta:
        verbose_name = _("review reminder")
        verbose_name_plural = _("review reminders")
        indexes = [models.Index(fields=["page", "due_on"])]

    def __str__(self):
        return f"{self.page_id}: {self.due_on} → {self.recipient_id}"


class RevisionNote(models.Model):
    """What an editor entered beside a revision's content: a "what changed" note for the page's
    public history, and a new review date. Both take effect when that revision, or a later one,
    is published (an editor's note goes public when a moderator approves)."""

    page = models.ForeignKey(Page, on_delete=models.CASCADE, related_name="revision_notes")
    # Kept when old revisions are purged (`purge_revisions`): the public history stays.
    revision = emptied_link(Revision, related_name="+")
    note_zh_hans = models.TextField(_("what changed (Chinese)"), blank=True)
    note_en = models.TextField(_("what changed (English)"), blank=True)
    next_review_on = optional_date(_("next review"))
    published_at = models.DateTimeField(_("published"), null=True, db_index=True)

    class Meta:
        verbose_name = _("revision note")
        verbose_name_plural = _("revision notes")

    def __str__(self):
        return self.note_zh_hans or self.note_en

    @property
    def note(self):
        """The note in the visitor's language, falling back as the pages' own fields do."""
        return in_active_language(partial(getattr, self), "note")
