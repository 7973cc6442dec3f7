"""Enquiries that get answered: reference number, acknowledgement in the investor's language,
routing to the responsible staff, status and reply, the public response figure, retention."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from cooperation.enquiry_stats import response_time
from cooperation.models import Enquiry, EnquiryRoute, OpportunityIndexPage, OpportunityPage
from tests import factories
from tests.cooperation.test_opportunity_page import ENQUIRY, enquiry_url, url

pytestmark = pytest.mark.django_db
REFERENCE = re.compile(r"XOC-\d{4}-\d{4,}")


@pytest.fixture
def opportunity():
    return OpportunityPage.objects.live().filter(sectors__isnull=False).first()


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "We aim to reply within 5 working days."), ("zh-hans", "我们争取在 5 个工作日内答复")],
)
@override_settings(ENQUIRY_RESPONSE_WORKING_DAYS=5)
def test_acknowledgement_in_the_investors_language_with_reference(
    client, opportunity, language, words
):
    client.post(enquiry_url(opportunity, language), ENQUIRY)
    enquiry = Enquiry.objects.get()
    assert REFERENCE.fullmatch(enquiry.reference)
    assert enquiry.reference == f"XOC-{enquiry.created_at.year}-{enquiry.pk:04d}"
    staff, acknowledgement = mail.outbox
    assert acknowledgement.to == ["ada@example.com"]
    assert enquiry.reference in acknowledgement.subject
    assert enquiry.reference in acknowledgement.body
    assert words in acknowledgement.body
    assert enquiry.reference in staff.subject


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@override_settings(ENQUIRY_RESPONSE_WORKING_DAYS=None)
def test_no_reply_time_is_promised_before_the_office_sets_one(client, opportunity, language):
    client.post(enquiry_url(opportunity, language), ENQUIRY)
    _staff, acknowledgement = mail.outbox
    assert Enquiry.objects.get().reference in acknowledgement.body
    assert not re.search(r"working day|工作日|None", acknowledgement.body)


def test_enquiries_go_to_the_staff_of_the_area_or_sector(client, opportunity):
    EnquiryRoute.objects.create(
        strategy_area=opportunity.strategy_area, recipients="area@example.gov.cn"
    )
    EnquiryRoute.objects.create(
        sector=opportunity.sectors.first(), recipients="sector@example.gov.cn, area@example.gov.cn"
    )
    client.post(enquiry_url(opportunity), ENQUIRY)
    assert mail.outbox[0].to == ["area@example.gov.cn", "sector@example.gov.cn"]
    assert Enquiry.objects.get().routed_to == "area@example.gov.cn, sector@example.gov.cn"


@override_settings(ENQUIRY_RECIPIENTS=["desk@example.gov.cn"])
def test_without_a_route_enquiries_go_to_the_general_desk(client, opportunity):
    client.post(enquiry_url(opportunity), ENQUIRY)
    assert mail.outbox[0].to == ["desk@example.gov.cn"]


def test_staff_record_status_and_reply_in_the_admin(client, opportunity):
    client.post(enquiry_url(opportunity), ENQUIRY)
    enquiry = Enquiry.objects.get()
    assert enquiry.status == Enquiry.Status.NEW
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    edit_url = f"/admin/snippets/cooperation/enquiry/edit/{enquiry.pk}/"
    assert client.get(edit_url).status_code == 200
    form = {"status": "assigned", "assigned_to": "Li Ming", "reply": "", "replied_at": ""}
    response = client.post(edit_url, form)
    assert response.status_code == 302
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.assigned_to, enquiry.name) == (
        "assigned",
        "Li Ming",
        "Ada Investor",  # the investor's own fields are read-only
    )
    client.post(edit_url, {**form, "reply": "Details attached."})
    enquiry.refresh_from_db()
    assert enquiry.status == "answered" and enquiry.replied_at is not None


def received(days_ago, reply_after_days=None):
    now = timezone.now()
    enquiry = Enquiry.objects.create(
        name="x", email="x@example.com", country="x", message="x", consent=True, language="en"
    )
    created = now - timedelta(days=days_ago)
    replied = created + timedelta(days=reply_after_days) if reply_after_days is not None else None
    Enquiry.objects.filter(pk=enquiry.pk).update(created_at=created, replied_at=replied)


@pytest.mark.without_plan
def test_median_days_to_first_reply_over_the_last_90_days(client, built_home):
    factories.opportunity(built_home)
    for reply_days in [1, 2, 2, 3, 4, 6, 8, 9, 12]:
        received(30, reply_days)
    received(100, 40)  # outside the window
    assert response_time() is None  # nine enquiries: too few to publish
    received(10)  # not answered yet: counted as received, not in the median
    figure = response_time()
    assert (figure.median_days, figure.answered, figure.received) == (4.0, 9, 10)
    index = OpportunityIndexPage.objects.get()
    body = client.get(f"/en/{index.slug_en}/").content.decode()
    assert "How fast we answer" in body and "within 4.0 days (9 of 10" in body


def test_the_figure_comes_from_the_replies_staff_record():
    for days_ago in range(1, 11):
        received(days_ago)
    for enquiry in Enquiry.objects.all():
        enquiry.reply = "Thank you, details attached."
        enquiry.save()  # as the admin's edit form does: the first reply is stamped now
    assert Enquiry.objects.filter(status="answered").count() == 10
    assert response_time().median_days == 5.0  # replies after 1–10 days: lower median
    # Correcting a reply later is not a first reply.
    enquiry = Enquiry.objects.first()
    first_reply = enquiry.replied_at
    enquiry.reply = "Thank you, details attached (corrected)."
    enquiry.save()
    enquiry.refresh_from_db()
    assert enquiry.replied_at == first_reply


def test_form_states_retention_and_the_command_enforces_it(client, opportunity):
    assert "365 days after you send them" in client.get(url(opportunity)).content.decode()
    client.post(enquiry_url(opportunity), ENQUIRY)
    received(400, 3)
    call_command("anonymise_enquiries", stdout=StringIO())
    old, recent = Enquiry.objects.order_by("created_at")
    assert (old.name, old.email, old.message, old.ip_hash) == ("", "", "", "")
    assert old.anonymised_at and old.replied_at  # the statistics survive
    assert recent.email == "ada@example.com" and recent.anonymised_at is None


@pytest.mark.without_plan
def test_unanswered_enquiries_count_as_not_answered_yet_in_the_median():
    for reply_days in [1, 2, 3, 4, 5, 6]:
        received(30, reply_days)
    for _ in range(4):
        received(20)
    # Five of the ten had their reply within 5 days (the six answered alone would give 3.5).
    assert response_time().median_days == 5.0


@pytest.mark.without_plan
def test_no_figure_while_fewer_than_half_are_answered(client, built_home):
    factories.opportunity(built_home)
    for _ in range(8):
        received(20)
    received(30, 1)
    received(30, 1)
    figure = response_time()
    assert (figure.median_days, figure.answered, figure.received) == (None, 2, 10)
    index = OpportunityIndexPage.objects.get()
    assert "How fast we answer" not in client.get(f"/en/{index.slug_en}/").content.decode()


@pytest.mark.parametrize(("language", "greeting"), [("en", "Hello,"), ("zh-hans", "您好：")])
def test_acknowledgement_carries_nothing_the_visitor_typed(client, opportunity, language, greeting):
    # The address is not verified: the mail must not carry a stranger's words to its owner.
    typed = {"name": "Visit http://spam.example now", "organisation": "Cheap pills"}
    client.post(enquiry_url(opportunity, language), {**ENQUIRY, **typed})
    _staff, acknowledgement = mail.outbox
    assert acknowledgement.body.startswith(greeting)
    assert all(text not in acknowledgement.body for text in [*typed.values(), ENQUIRY["message"]])
    assert Enquiry.objects.get().reference in acknowledgement.body


@override_settings(ENQUIRY_RECIPIENTS=[])
def test_without_any_recipient_no_staff_mail_is_addressed(client, opportunity, monkeypatch):
    from cooperation import enquiries

    addressed = []
    monkeypatch.setattr(
        enquiries, "send_enquiry_mail", lambda *args, to, **kwargs: addressed.append(to)
    )
    client.post(enquiry_url(opportunity), ENQUIRY)
    assert addressed == [[]] and Enquiry.objects.get().routed_to == ""
