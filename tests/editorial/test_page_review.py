"""Periodic review and change notes: review dates from each section, the overdue report and
weekly reminders, and the public "Last reviewed / Last updated" line with the page's history."""

import datetime
from io import BytesIO, StringIO

from dateutil.relativedelta import relativedelta
from django.core import mail
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.models import Page

from cooperation.models import OpportunityPage
from editorial.models import PageReview, ReviewReminder, RevisionNote
from editorial.page_review import REMIND_AGAIN_AFTER, send_review_reminders
from tests.editorial.workflow_client import act, edit_page_html, submit
from tourism.models import AttractionPage

OVERDUE = datetime.date(2026, 1, 5)


def public_html(client, page, language):
    client.logout()
    with translation.override(language):
        url = Page.objects.get(pk=page.pk).specific.get_url()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_publishing_sets_the_review_date_from_the_section(db):
    for model, months in ((OpportunityPage, 6), (AttractionPage, 12)):
        page = model.objects.live().first()
        published = timezone.localdate(page.last_published_at)
        review = PageReview.objects.get(page=page)
        assert review.next_review_on == published + relativedelta(months=months)


def make_overdue(page, owner=None):
    PageReview.objects.filter(page=page).update(next_review_on=OVERDUE)
    Page.objects.filter(pk=page.pk).update(owner=owner)


def test_the_report_lists_overdue_pages_with_owner_and_date(client, people, article):
    opportunity = OpportunityPage.objects.live().first()
    make_overdue(article, owner=people["editor"])
    make_overdue(opportunity)
    client.force_login(people["moderator"])
    html = client.get("/admin/reports/review/").content.decode()
    assert html.count(f'href="/admin/pages/{article.pk}/edit/"') == 1
    assert f'href="/admin/pages/{opportunity.pk}/edit/"' in html
    assert "edna" in html and "No owner: the moderators are reminded" in html
    assert 'datetime="2026-01-05"' in html
    other = AttractionPage.objects.live().first()
    assert f'href="/admin/pages/{other.pk}/edit/"' not in html

    response = client.get("/admin/reports/review/?export=csv")
    csv = b"".join(response.streaming_content).decode()
    rows = csv.splitlines()
    assert len(rows) == 3  # the headings and two pages
    # In the moderator's language (English), though Wagtail streams the file after the view.
    assert rows[0].endswith("Review due,Owner,Owner's e-mail")
    assert any(article.title_en in row and "2026-01-05" in row and "edna" in row for row in rows)
    response = client.get("/admin/reports/review/?export=xlsx")
    sheet = load_workbook(BytesIO(b"".join(response.streaming_content))).active
    assert [cell.value for cell in next(sheet.rows)][-3:] == [
        "Review due",
        "Owner",
        "Owner's e-mail",
    ]


def test_reminders_mail_each_owner_their_overdue_pages(make_person, people, article):
    owner = make_person("owen", "Editors", language="zh-hans")
    opportunity = OpportunityPage.objects.live().first()
    make_overdue(article, owner=owner)
    make_overdue(opportunity)  # nobody's: the moderators are reminded
    output = StringIO()
    call_command("send_review_reminders", stdout=output)
    assert output.getvalue() == "2 reminder(s) sent\n"
    mails = {message.to[0]: message for message in mail.outbox}
    assert set(mails) == {"owen@example.org", "mo@example.org"}
    assert mails["owen@example.org"].subject == "1 个页面已到审阅日期"
    assert f"/admin/pages/{article.pk}/edit/" in mails["owen@example.org"].body
    assert f"/admin/pages/{opportunity.pk}/edit/" not in mails["owen@example.org"].body
    assert mails["mo@example.org"].subject == "1 page is due for review"
    assert f"/admin/pages/{opportunity.pk}/edit/" in mails["mo@example.org"].body


def test_a_page_is_reminded_of_once_per_due_date_until_four_weeks_pass(make_person, article):
    owner = make_person("owen", "Editors")
    make_overdue(article, owner=owner)
    assert send_review_reminders() == 1
    reminder = ReviewReminder.objects.get()
    assert (reminder.page_id, reminder.recipient, reminder.due_on) == (article.pk, owner, OVERDUE)
    assert "You are reminded again after 4 weeks" in mail.outbox[0].body
    assert send_review_reminders() == 0  # next week's run: already reminded

    def sent_days_earlier(days):
        ReviewReminder.objects.update(sent_at=F("sent_at") - datetime.timedelta(days=days))

    sent_days_earlier(REMIND_AGAIN_AFTER.days - 1)
    assert send_review_reminders() == 0
    sent_days_earlier(1)
    assert send_review_reminders() == 1
    assert ReviewReminder.objects.count() == 2
    # Reviewed, and overdue again: a new due date is reminded of at once.
    PageReview.objects.filter(page=article).update(next_review_on=OVERDUE + relativedelta(days=1))
    assert send_review_reminders() == 1
    assert len(mail.outbox) == 3


def test_the_review_panel_says_when_a_reminder_was_sent(client, make_person, people, article):
    chinese_editor = make_person("zhou", "Editors", language="zh-hans")
    make_overdue(article, owner=people["editor"])
    assert "Reminder sent on" not in edit_page_html(client, people["editor"], article)
    send_review_reminders()
    today = timezone.localdate().isoformat()
    html = edit_page_html(client, people["editor"], article)
    assert f'Reminder sent on <time datetime="{today}">' in html and "to edna</li>" in html
    assert f'已于 <time datetime="{today}">' in edit_page_html(client, chinese_editor, article)
    # Once the page has a new due date, the reminders about the old one are history.
    PageReview.objects.filter(page=article).update(next_review_on=OVERDUE + relativedelta(years=2))
    assert "Reminder sent on" not in edit_page_html(client, people["editor"], article)


def test_a_change_note_and_review_date_go_public_when_approved(client, people, article):
    before = {language: public_html(client, article, language) for language in ("zh-hans", "en")}
    assert "Last updated" in before["en"] and "最近更新" in before["zh-hans"]
    assert "Last reviewed" not in before["en"]
    submit(
        client,
        people["editor"],
        article,
        title_en="Revised English title",
        note_zh_hans="更新了投资额。",
        note_en="Investment figure updated.",
        next_review_on="2027-03-01",
    )
    # Submitted, not yet published: the cached public page is unchanged.
    assert public_html(client, article, "en") == before["en"]
    act(client, people["moderator"], article, "approve")

    review = PageReview.objects.get(page=article)
    assert review.next_review_on == datetime.date(2027, 3, 1)
    chinese, english = (public_html(client, article, lang) for lang in ("zh-hans", "en"))
    today = timezone.localdate().isoformat()
    assert "更新了投资额。" in chinese and f'最近审阅 <time datetime="{today}"' in chinese
    assert "Investment figure updated." not in chinese
    assert (
        "Investment figure updated." in english
        and f'Last reviewed <time datetime="{today}"' in english
    )
    assert "更新了投资额。" not in english
    html = edit_page_html(client, people["editor"], article)
    assert 'value="2027-03-01"' in html


def test_notes_are_listed_newest_first_and_never_on_a_page_without_one(client, people, article):
    for note in ("First change.", "Second change."):
        submit(client, people["editor"], article, title_en=note, note_en=note)
        act(client, people["moderator"], article, "approve")
    english = public_html(client, article, "en")
    assert english.index("Second change.") < english.index("First change.")
    # Written in English only: the Chinese page, which has no fallback, shows neither.
    assert "Second change." not in public_html(client, article, "zh-hans")

    other = OpportunityPage.objects.live().first()
    for language in ("zh-hans", "en"):
        html = public_html(client, other, language)
        assert 'class="page-history"' in html
        assert "<details" not in html[html.index('class="page-history"') :]


def test_translators_write_the_english_note_only(client, people, article):
    html = edit_page_html(client, people["translator"], article)
    assert 'name="note_en"' in html
    assert 'name="note_zh_hans"' not in html and 'name="next_review_on"' not in html
    editor_html = edit_page_html(client, people["editor"], article)
    assert 'name="note_zh_hans"' in editor_html and 'name="next_review_on"' in editor_html


def test_a_review_date_must_be_after_today(client, people, article):
    response = submit(client, people["editor"], article, next_review_on="2020-01-01")
    assert "Choose a date after today." in response.content.decode()
    assert not RevisionNote.objects.filter(page=article).exists()
