"""The plan's tourism data as written in content/tourism.yaml: what the pages must show."""

import yaml

from plan.plan_loader import CONTENT_DIR


def planned_stops(route_key):
    """The attractions of a route in the order the plan data lists them."""
    from tourism.models import AttractionPage

    data = yaml.safe_load((CONTENT_DIR / "tourism.yaml").read_text(encoding="utf-8"))
    keys = next(route["stops"] for route in data["routes"] if route["key"] == route_key)
    attractions = {page.plan_key: page for page in AttractionPage.objects.filter(plan_key__in=keys)}
    return [attractions[key] for key in keys]
