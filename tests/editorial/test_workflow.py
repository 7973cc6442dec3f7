"""The editorial workflow, driven through the Wagtail admin as each role would use it."""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Page, Revision, WorkflowState
from wagtail.users.models import UserProfile

from editorial.translation_status import EnglishProblems, problems_by_page
from home.models import NewsPage
from tests.editorial.workflow_client import act, edit, edit_form_data, live_title, submit


def test_roles_have_the_documented_page_permissions(people, article):
    editor_perms = article.permissions_for_user(people["editor"])
    moderator_perms = article.permissions_for_user(people["moderator"])
    assert editor_perms.can_edit() and not editor_perms.can_publish()
    assert moderator_perms.can_publish() and moderator_perms.can_unpublish()
    assert article.get_workflow().name == "Bilingual review"


def test_editor_cannot_publish(client, people, article):
    before = live_title(article)
    edit(client, people["editor"], article, "publish", title_en="Published by an editor?")
    assert live_title(article) == before
    assert not Revision.page_revisions.filter(
        object_id=str(article.pk), approved_go_live_at__isnull=False
    ).exists()


def test_submission_leaves_live_page_unchanged_until_a_moderator_approves(client, people, article):
    before = live_title(article)
    mail.outbox.clear()
    response = submit(client, people["editor"], article, title_en="Revised English title")
    assert response.status_code == 200
    assert live_title(article) == before
    assert article.current_workflow_task.name == "Moderators approval"
    assert [message.to for message in mail.outbox] == [["mo@example.org"]]

    mail.outbox.clear()
    act(client, people["moderator"], article, "approve")
    assert live_title(article) == "Revised English title"
    assert [message.to for message in mail.outbox] == [["edna@example.org"]]


@pytest.mark.parametrize("admin_language", ["zh-hans", "en"])
def test_translation_check_stops_a_revision_without_english_title(
    client, people, article, admin_language
):
    before = live_title(article)
    mail.outbox.clear()
    # In an English admin `title` means the English title: leaving it empty must still reach
    # the translation check, not fail model validation.
    profile = UserProfile.get_for_user(people["editor"])
    profile.preferred_language = admin_language
    profile.save()
    response = submit(client, people["editor"], article, title_en="")
    page = Page.objects.get(pk=article.pk)
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    with translation.override(admin_language):
        expected = EnglishProblems(NewsPage, missing=["title"]).describe()
    assert state.current_task_state.comment == expected
    assert expected in response.content.decode()
    assert live_title(article) == before
    assert mail.outbox == []  # the moderators are not asked to review it


def test_translation_check_stops_chinese_changes_without_english(client, people, article):
    response = submit(client, people["editor"], article, title_zh_hans="改过的中文标题")
    assert "English older than the Chinese: title." in response.content.decode()
    state = Page.objects.get(pk=article.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES


def test_rejection_returns_the_page_to_the_editor_with_the_comment(client, people, article):
    submit(client, people["editor"], article, title_en="Revised English title")
    mail.outbox.clear()
    act(client, people["moderator"], article, "reject", comment="Cite the plan's clause.")
    state = Page.objects.get(pk=article.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment == "Cite the plan's clause."
    [message] = mail.outbox
    assert message.to == ["edna@example.org"]
    assert "Cite the plan's clause." in message.body
    client.force_login(people["editor"])
    editor_view = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()
    assert "Cite the plan&#x27;s clause." in editor_view


def test_resubmission_is_checked_again(client, people, article):
    submit(client, people["editor"], article, title_en="Revised English title")
    act(client, people["moderator"], article, "reject", comment="Shorter, please.")
    page = Page.objects.get(pk=article.pk).specific
    submit(client, people["editor"], page, body_en="")
    act(client, people["moderator"], page, "approve")
    state = Page.objects.get(pk=article.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert state.current_task_state.comment.startswith("English missing: text. Next: a translator")
    assert live_title(article) != "Revised English title"


def test_scheduled_page_goes_live_after_publish_scheduled(client, people, article):
    go_live = timezone.localtime() + timedelta(hours=1)
    submit(
        client,
        people["editor"],
        article,
        title_en="Scheduled English title",
        go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
    )
    act(client, people["moderator"], article, "approve")
    assert live_title(article) != "Scheduled English title"
    scheduled = Revision.page_revisions.filter(object_id=str(article.pk)).exclude(
        approved_go_live_at=None
    )
    assert scheduled.count() == 1
    # An hour passes.
    past = timezone.now() - timedelta(minutes=1)
    revision = scheduled.get()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    call_command("publish_scheduled", stdout=StringIO())
    assert live_title(article) == "Scheduled English title"


def test_fresh_plan_needs_no_english_work(db):
    assert problems_by_page(Page.objects.all()) == {}


def test_translation_report_lists_exactly_the_pages_that_need_work(
    client, people, django_assert_max_num_queries
):
    stale, missing = NewsPage.objects.order_by("path")[:2]
    edit(client, people["editor"], stale, "save", title_zh_hans="新的中文标题")
    edit(client, people["editor"], missing, "save", body_en="")
    assert set(problems_by_page(Page.objects.all())) == {stale.pk, missing.pk}

    client.force_login(people["moderator"])
    with django_assert_max_num_queries(20):
        body = client.get("/admin/reports/translation/").content.decode()
    assert body.count('href="/admin/pages/') - body.count("/admin/pages/?") >= 2
    assert f'href="/admin/pages/{stale.pk}/edit/"' in body
    assert "English older than the Chinese: title." in body
    assert f'href="/admin/pages/{missing.pk}/edit/"' in body
    assert "English missing: text." in body

    news = stale.get_parent()
    in_news = client.get(f"/admin/reports/translation/?section={news.pk}").content.decode()
    assert f'href="/admin/pages/{stale.pk}/edit/"' in in_news
    tourism = Page.objects.get(depth=3, slug="tourism")
    elsewhere = client.get(f"/admin/reports/translation/?section={tourism.pk}").content.decode()
    assert f'href="/admin/pages/{stale.pk}/edit/"' not in elsewhere


def test_both_languages_changed_together_need_no_work(client, people, article):
    edit(client, people["editor"], article, "save", title_zh_hans="新标题", title_en="New title")
    assert problems_by_page(Page.objects.all()) == {}


def latest(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def test_a_published_chinese_change_stays_flagged_until_the_english_follows(
    client, people, article
):
    edit(client, people["moderator"], article, "publish", title_zh_hans="主持人发布的新标题")
    # Another edit, of another field, and the check the submission goes through.
    response = submit(client, people["editor"], latest(article), body_en="Revised English text")
    assert "English older than the Chinese: title." in response.content.decode()
    assert problems_by_page(Page.objects.all())[article.pk].stale == ["title"]

    edit(client, people["translator"], latest(article), "save", title_en="A newly translated title")
    assert problems_by_page(Page.objects.all()) == {}
    edit(client, people["editor"], latest(article), "save", body_en="Revised again")
    assert problems_by_page(Page.objects.all()) == {}


def test_both_languages_changed_together_stay_up_to_date_after_other_edits(client, people, article):
    edit(client, people["moderator"], article, "publish", title_zh_hans="新标题", title_en="New")
    edit(client, people["editor"], latest(article), "save", body_en="Revised English text")
    edit(client, people["editor"], latest(article), "save", body_en="Revised again")
    assert problems_by_page(Page.objects.all()) == {}


def test_demo_accounts_refuse_production_settings(db, settings):
    settings.DEBUG = False
    with pytest.raises(CommandError):
        call_command("demo_accounts", stdout=StringIO())


def test_demo_accounts_create_one_login_per_role(db, settings, client):
    settings.DEBUG = True
    call_command("demo_accounts", stdout=StringIO())
    call_command("demo_accounts", stdout=StringIO())  # idempotent
    # django-axes watches every login, so it needs the request (here one from the test client).
    request = RequestFactory().post("/")
    assert client.login(request=request, username="editor", password="editor-demo")
    assert client.get("/admin/").status_code == 200
    editor = Group.objects.get(name="Editors").user_set.get()
    assert editor.username == "editor"


def test_translators_edit_only_the_english(client, people, article):
    translator = people["translator"]
    fields = set(
        article.get_edit_handler().get_form_class()(instance=article, for_user=translator).fields
    )
    assert {"title_en", "body_en"} <= fields
    assert not {"title_zh_hans", "body_zh_hans", "date", "slug_zh_hans"} & fields
    editor_fields = (
        article.get_edit_handler()
        .get_form_class()(instance=article, for_user=people["editor"])
        .fields
    )
    assert {"title_zh_hans", "body_zh_hans", "date"} <= set(editor_fields)

    chinese_title = article.title_zh_hans
    # A crafted post cannot change the Chinese either: the field is not in the translator's form.
    response = submit(
        client, translator, article, title_en="Translated title", title_zh_hans="被篡改的标题"
    )
    assert response.status_code == 200
    draft = Page.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert draft.title_en == "Translated title"
    assert draft.title_zh_hans == chinese_title


@pytest.mark.parametrize("model_name", ["opportunitypage", "routepage", "strategyareapage"])
def test_translators_can_open_every_kind_of_page(client, people, model_name):
    page = Page.objects.filter(content_type__model=model_name).first()
    client.force_login(people["translator"])
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_translator_saves_an_opportunity_with_its_shared_fields_untouched(client, people):
    page = Page.objects.filter(content_type__model="opportunitypage").first().specific
    sectors = set(page.sectors.all())
    client.force_login(people["translator"])
    data = edit_form_data(page, people["translator"], title_en="Checked by a translator")
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    draft = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert draft.title_en == "Checked by a translator"
    assert (draft.kind, set(draft.sectors.all())) == (page.kind, sectors)
