"""Events' stored dates (read by the cards and search) move on to the next entered dates once
the stored ones have passed, by the daily `refresh_event_dates`."""

import re
from datetime import date
from io import StringIO

import pytest
from django.core.management import call_command

from core.content_version import content_version
from search.models import PendingIndexUpdate
from tourism.models import EventDate, EventPage


@pytest.fixture
def festival(db):
    """An event with this year's and next year's dates, saved during this year's."""
    event = EventPage.objects.live().get(plan_key="yellow-river-forum")
    EventDate.objects.create(event=event, start_date=date(2025, 9, 20), end_date=date(2025, 9, 22))
    EventDate.objects.create(event=event, start_date=date(2026, 9, 19), end_date=date(2026, 9, 21))
    EventPage.objects.filter(pk=event.pk).update(
        start_date=date(2025, 9, 20), end_date=date(2025, 9, 22)
    )
    return event


def refresh(today):
    out = StringIO()
    call_command("refresh_event_dates", f"--today={today}", stdout=out)
    return out.getvalue()


def card(body, event):
    return re.search(rf'<a href="[^"]*/{event.slug}/">.*?</li>', body, re.S).group()


def test_passed_dates_move_on_to_next_years(
    client, festival, settings, django_capture_on_commit_callbacks
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens: the update waits
    version, revisions = content_version(), festival.revisions.count()
    with django_capture_on_commit_callbacks(execute=True):
        out = refresh("2025-10-01")
    assert "Moved 1 events" in out and "2026-09-19 – 2026-09-21" in out
    festival.refresh_from_db()
    assert (festival.start_date, festival.end_date) == (date(2026, 9, 19), date(2026, 9, 21))
    assert festival.revisions.count() == revisions  # the page row only
    assert PendingIndexUpdate.objects.filter(page_id=festival.pk).exists()
    assert content_version() != version
    body = client.get("/en/tourism/").content.decode()
    assert '<time datetime="2026-09-19">' in card(body, festival)

    assert "Moved 0 events" in refresh("2025-10-01")
    assert PendingIndexUpdate.objects.filter(page_id=festival.pk).count() == 1


def test_the_last_dates_stay_when_no_later_ones_are_entered(festival):
    refresh("2025-10-01")
    assert "Moved 0 events" in refresh("2027-01-01")
    festival.refresh_from_db()
    assert festival.start_date == date(2026, 9, 19)


@pytest.mark.parametrize(("language", "label"), [("en", "Last held:"), ("zh-hans", "上次举办：")])
def test_an_event_held_for_the_last_time_is_not_shown_as_upcoming(client, db, language, label):
    event = EventPage.objects.live().get(plan_key="yellow-river-forum")
    EventDate.objects.create(event=event, start_date=date(2020, 9, 20), end_date=date(2020, 9, 22))
    event.save()
    assert event.has_passed and event.next_date(date(2030, 1, 1)) == date(2020, 9, 20)
    body = client.get(f"/{language}/tourism/").content.decode()
    assert f'{label} <time datetime="2020-09-20">' in card(body, event)

    EventDate.objects.create(event=event, start_date=date(2099, 9, 19))
    event.save()
    assert not event.has_passed
