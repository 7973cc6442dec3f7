"""Attractions' practical information: empty in the demo content, shown only when filled."""

import pytest

pytestmark = pytest.mark.django_db

FIELDS = ["opening_hours", "tickets", "getting_there", "accessibility"]
LABELS = ["Opening hours", "Tickets", "How to get there", "Accessibility", "Phone"]


def test_demo_content_leaves_practical_information_empty_and_says_nothing(client):
    from tourism.models import AttractionPage

    for attraction in AttractionPage.objects.live():
        for name in FIELDS:
            for language in ("zh_hans", "en"):
                assert not getattr(attraction, f"{name}_{language}")
        assert not attraction.phone
    attraction = AttractionPage.objects.live().first()
    body = client.get(attraction.get_url()).content.decode()
    assert not any(f"<dt>{label}</dt>" in body for label in LABELS)


def test_filled_fields_are_shown_in_the_visitors_language(client):
    from tourism.models import AttractionPage

    attraction = AttractionPage.objects.live().first()
    AttractionPage.objects.filter(pk=attraction.pk).update(
        tickets_en="Example ticket text", tickets_zh_hans="示例门票说明", phone="0373 000 0000"
    )
    english = client.get(f"/en/tourism/{attraction.slug_en}/").content.decode()
    assert "<dt>Tickets</dt><dd>Example ticket text</dd>" in english
    assert 'href="tel:03730000000"' in english
    assert "<dt>Opening hours</dt>" not in english
    chinese = client.get(f"/zh-hans/tourism/{attraction.slug_zh_hans}/").content.decode()
    assert "<dt>门票</dt><dd>示例门票说明</dd>" in chinese


def test_editors_find_the_fields_and_the_yearly_dates(client):
    from django.contrib.auth import get_user_model

    from tourism.models import AttractionPage, EventPage

    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "pw"))
    attraction = AttractionPage.objects.first()
    body = client.get(f"/admin/pages/{attraction.pk}/edit/").content.decode()
    assert 'name="opening_hours_en"' in body and 'name="phone"' in body
    event = EventPage.objects.first()
    body = client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert 'name="dates-TOTAL_FORMS"' in body
