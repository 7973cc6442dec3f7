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
