"""The indicators chart: progress from the 2021 value towards the 2025 target, per indicator."""

import re
from decimal import Decimal

import pytest

from home.indicator_progress import Progress, indicator_progress, yearly_values
from home.models import Indicator, IndicatorActual
from tests import factories

pytestmark = pytest.mark.django_db


def filled_width(svg):
    match = re.search(r'class="progress-fill"[^>]*width="([\d.]+)"', str(svg))
    return float(match[1]) if match else 0.0


def test_no_bar_is_full_or_a_stub_without_a_reported_value():
    for item in indicator_progress(Indicator.objects.prefetch_related("actuals")):
        assert item.latest is None and item.share is None
        assert filled_width(item.bar_svg()) == 0  # an empty track, not a 1 px stub or a full bar


@pytest.mark.without_plan
def test_progress_is_measured_from_the_baseline_towards_the_target():
    indicator = factories.indicator(baseline=268, target=816)  # the plan's expressway, in km
    indicator.actuals.add(IndicatorActual(year=2023, value=Decimal("542")))
    indicator.save()
    indicator = Indicator.objects.prefetch_related("actuals").get(pk=indicator.pk)
    item = indicator_progress([indicator])[0]
    assert item.latest.year == 2023
    assert item.percent == 50
    assert filled_width(item.bar_svg()) == 50.0
    assert [row[2] for row in yearly_values(indicator)] == ["baseline", "actual", "target"]


@pytest.mark.without_plan
def test_a_value_moving_away_from_the_target_fills_nothing():
    indicator = Indicator(baseline_2021=Decimal(10), target_2025=Decimal(20))
    item = Progress(indicator, IndicatorActual(year=2022, value=Decimal(5)))
    assert item.percent == -50 and filled_width(item.bar_svg()) == 0


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_each_indicator_has_a_page_with_its_yearly_values(client, language):
    indicator = Indicator.objects.get(order=1)
    listing = client.get(f"/{language}/indicators/").content.decode()
    link = f"/{language}/indicators/{indicator.pk}/"
    assert f'href="{link}"' in listing
    assert listing.count('class="progress-bar"') == Indicator.objects.count()
    assert "<details" in listing  # the table is the alternative, not a second copy beside it
    body = client.get(link).content.decode()
    assert f"<h1>{indicator.name_en if language == 'en' else indicator.name_zh_hans}</h1>" in body
    assert '<th scope="row">2021</th><td class="num">268</td>' in body
    assert '<th scope="row">2025</th><td class="num">816</td>' in body
    assert 'class="line-chart"' in body
    assert client.get(f"/{language}/indicators/999999/").status_code == 404
