"""Editor, translator and moderator in the Chinese admin: one visible submit button, the Chinese
source beside each English field, and approval from the dashboard. Screenshots of each step go
to artifacts/browser/editorial/ (gitignored)."""

import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ARTEFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser" / "editorial"
ROLES = {"edna": "Editors", "tran": "Translators", "mo": "Moderators"}


def committed(action):
    """Run `action` on another connection, so the live server sees (or loses) what it did."""
    from django.db import connection

    result = []

    def run():
        result.append(action())
        connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()
    return result[0]


@contextmanager
def people_editing(page):
    """The three people, in the Chinese admin, while the test edits `page`; afterwards they and
    what they did to the page (its workflow, the revisions after the live one) are removed."""
    from django.contrib.auth.models import Group, User
    from wagtail.models import Page, PageLogEntry, Revision, WorkflowState
    from wagtail.users.models import UserProfile

    live_revision = page.live_revision_id

    def create():
        for name, group in ROLES.items():
            user = User.objects.create_user(name, f"{name}@example.org", "browser-pw")
            user.groups.add(Group.objects.get(name=group))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = "zh-hans"
            profile.save()

    def restore():
        # Their log entries too: `load_plan` keeps a page a person edited as they left it, and
        # an entry outlives its user (it keeps the id), so the page would stay "edited".
        PageLogEntry.objects.filter(page_id=page.pk, user__username__in=ROLES).delete()
        User.objects.filter(username__in=ROLES).delete()
        WorkflowState.objects.filter(object_id=str(page.pk)).delete()
        Revision.objects.get(pk=live_revision).publish()
        Revision.page_revisions.filter(object_id=str(page.pk)).exclude(pk=live_revision).delete()
        Page.objects.filter(pk=page.pk).update(latest_revision=live_revision)

    committed(create)
    yield page
    committed(restore)


@pytest.fixture
def people_and_page(db):
    from home.models import NewsPage

    with people_editing(NewsPage.objects.live().order_by("-path").first()) as page:
        yield page


@pytest.fixture
def people_and_opportunity(db):
    from cooperation.models import OpportunityPage

    with people_editing(OpportunityPage.objects.live().order_by("path").first()) as page:
        yield page


@pytest.fixture
def reminded_page(people_and_page):
    """The news page overdue for review and its reminder sent (to the moderators: the page,
    loaded by `load_plan`, has no owner); afterwards due when it was."""
    import datetime

    from editorial.models import PageReview, ReviewReminder
    from editorial.page_review import send_review_reminders

    page = people_and_page
    reviews = PageReview.objects.filter(page_id=page.pk)
    due = reviews.get().next_review_on

    def remind():
        reviews.update(next_review_on=datetime.date(2026, 1, 5))
        return send_review_reminders()

    assert committed(remind) >= 1
    yield page

    def restore():
        ReviewReminder.objects.filter(page_id=page.pk).delete()
        reviews.update(next_review_on=due)

    committed(restore)


def set_language(name, language):
    from django.contrib.auth.models import User
    from wagtail.users.models import UserProfile

    def save():
        profile = UserProfile.get_for_user(User.objects.get(username=name))
        profile.preferred_language = language
        profile.save()

    committed(save)


def log_in(browser, live_site, name):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    tab = context.new_page()
    tab.goto(f"{live_site.url}/admin/login/")
    tab.fill("input[name=username]", name)
    tab.fill("input[name=password]", "browser-pw")
    tab.locator("form button[type=submit]").click()
    tab.wait_for_url(f"{live_site.url}/admin/")
    return tab


def shot(tab, name):
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    tab.screenshot(path=ARTEFACTS / f"{name}.png", full_page=True)


def test_edit_translate_and_approve_in_the_chinese_admin(chromium, live_site, people_and_page):
    from wagtail.models import Page

    page = people_and_page
    edit_url = f"{live_site.url}/admin/pages/{page.pk}/edit/"
    new_chinese, new_english = f"{page.title_zh_hans}（修订）", f"{page.title_en} (revised)"

    # The editor changes the Chinese title and submits with the one visible button; the
    # translation check sends it back, naming the field and the translator.
    editor = log_in(chromium, live_site, "edna")
    editor.goto(edit_url)
    primary = editor.locator("footer .actions button").first
    assert primary.inner_text().strip() == "提交审核"
    editor.fill("#id_title_zh_hans", new_chinese)
    shot(editor, "1-editor-submits")
    primary.click()
    editor.get_by_text("翻译检查将其退回").wait_for()
    editor.get_by_text("由翻译人员更新这些字段的英文").first.wait_for()
    shot(editor, "2-editor-sent-back-to-translator")

    # The translator finds the page on the dashboard, sees the Chinese source beside every
    # English field, writes the English and submits it again.
    translator = log_in(chromium, live_site, "tran")
    panel = translator.locator("#english_to_write-section")
    panel.get_by_role("link", name=new_chinese).click()
    translator.locator("#id_title_en").wait_for()
    sources = translator.locator(".w-field__textoutput")
    english = translator.locator("[name$=_en]:not([type=hidden])")
    assert sources.count() >= english.count() >= 2
    assert translator.locator("[name=title_zh_hans]").count() == 0
    translator.get_by_text(new_chinese, exact=True).first.wait_for()
    shot(translator, "3-translator-side-by-side")
    translator.fill("#id_title_en", new_english)
    translator.locator("footer .actions button").first.click()
    translator.get_by_text("已提交审核").wait_for()
    shot(translator, "4-translator-submitted")

    # The moderator approves from the dashboard panel and is told the page is published.
    moderator = log_in(chromium, live_site, "mo")
    panel = moderator.locator("#awaiting_my_review-section")
    panel.get_by_role("link", name=new_chinese).wait_for()
    shot(moderator, "5-moderator-dashboard")
    panel.get_by_role("button", name="批准并发布").first.click()
    moderator.get_by_text("已批准并发布").wait_for()
    shot(moderator, "6-moderator-approved")
    live = committed(lambda: Page.objects.get(pk=page.pk).specific)
    assert (live.title_zh_hans, live.title_en) == (new_chinese, new_english)


def test_an_editor_replaces_an_organisation_by_typing_part_of_its_name(
    chromium, live_site, people_and_opportunity
):
    from wagtail.models import Page

    from cooperation.models import Organisation

    page = people_and_opportunity
    assert page.organisations.count() == 1
    organisation = Organisation.objects.exclude(opportunitypage=page).order_by("pk").first()
    name = organisation.name_zh_hans
    editor = log_in(chromium, live_site, "edna")
    editor.goto(f"{live_site.url}/admin/pages/{page.pk}/edit/")
    # The chooser's own words are Chinese too: the remove button's name and the empty chooser.
    chooser = editor.locator('[data-autocomplete-input-name="organisations"]')
    chooser.get_by_role("button", name="移除", exact=True).click()
    chooser.get_by_text("尚未选择。", exact=True).wait_for()
    editor.fill("#id_organisations", name[: max(2, len(name) - 1)])
    editor.get_by_role("option", name=name, exact=True).click()
    chooser.get_by_role("button", name="移除", exact=True).wait_for()
    choosers = editor.locator('[data-controller~="autocomplete-controller"]')
    words = " ".join(choosers.all_text_contents())
    assert "Nothing selected." not in words and "Remove" not in words
    shot(editor, "7-editor-chooses-an-organisation")
    editor.keyboard.press("Control+s")  # the admin's shortcut for "save draft"
    editor.locator(".messages li.success").wait_for()
    draft = committed(lambda: Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object())
    assert list(draft.organisations.all()) == [organisation]


@pytest.mark.parametrize(
    "language, heading, sent",
    [
        ("zh-hans", "审阅与公开更新记录", "已于"),
        ("en", "Review and public history", "Reminder sent on"),
    ],
)
def test_the_review_panel_in_the_page_editor(
    chromium, live_site, reminded_page, language, heading, sent
):
    set_language("edna", language)
    editor = log_in(chromium, live_site, "edna")
    editor.goto(f"{live_site.url}/admin/pages/{reminded_page.pk}/edit/")
    reminders = editor.locator(".reminders-sent li")
    reminders.first.wait_for()
    assert reminders.first.inner_text().startswith(sent)
    assert "mo" in reminders.first.inner_text()
    panel = editor.locator("section.w-panel").filter(has=reminders.first).last
    assert heading in panel.inner_text()
    assert panel.locator("[name=next_review_on]").input_value() == "2026-01-05"
    panel.scroll_into_view_if_needed()
    shot(editor, f"8-review-panel-{language}")
    panel.screenshot(path=ARTEFACTS / f"8-review-panel-{language}-detail.png")
