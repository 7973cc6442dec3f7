from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Task

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
