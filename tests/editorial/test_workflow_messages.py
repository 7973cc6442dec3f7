"""The message after each workflow step says what actually happened."""

from wagtail.models import Page, WorkflowState

from tests.editorial.workflow_client import edit, submit


def test_a_reviewer_whose_change_the_translation_check_sends_back_is_told_so(
    client, people, article
):
    submit(client, people["editor"], article, title_en="Revised English title")
    # The moderator changes the Chinese in the editor and approves: the check runs again.
    page = Page.objects.get(pk=article.pk).specific
    response = edit(
        client,
        people["moderator"],
        page,
        "workflow-action",
        title_zh_hans="审核人改过的标题",
        **{"workflow-action-name": "approve"},
    )
    text = response.content.decode()
    assert Page.objects.get(pk=article.pk).current_workflow_state.status == (
        WorkflowState.STATUS_NEEDS_CHANGES
    )
    assert "after your approval the translation check sent it back" in text
    assert "English older than the Chinese: title." in text
    assert "with your comment" not in text


def test_restarting_the_workflow_is_confirmed_like_a_submission(client, people, article):
    submit(client, people["editor"], article, title_zh_hans="改过的中文标题")  # sent back
    page = Page.objects.get(pk=article.pk).specific
    response = edit(client, people["editor"], page, "restart-workflow", title_en="New title")
    text = response.content.decode()
    assert "is submitted for review. Next: a moderator approves and publishes it" in text
    assert "has been restarted" not in text
