import pytest


@pytest.fixture
def tourism_index(db):
    from tourism.models import TourismIndexPage

    return TourismIndexPage.objects.get()


@pytest.fixture
def routes(db):
    from tourism.models import RoutePage

    return list(RoutePage.objects.live().order_by("path"))


@pytest.fixture
def south_taihang(db):
    from tourism.models import RoutePage

    return RoutePage.objects.get(plan_key="south-taihang")
