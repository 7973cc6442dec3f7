"""Ordered stops with straight-line distances, for routes and for the visitor's own trip."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.translation import gettext as _

from tourism.geo import haversine_km, visiting_order

MAX_TRIP_PICKS = 30


def position(attraction):
    return (float(attraction.latitude), float(attraction.longitude))


@dataclass(frozen=True)
class Leg:
    number: int
    attraction: object
    km_from_previous: float | None


class Itinerary:
    """Attractions in travelling order, each with its straight-line distance from the last."""

    def __init__(self, attractions):
        self.attractions = list(attractions)
        self.legs = [
            Leg(
                number,
                attraction,
                haversine_km(position(previous), position(attraction)) if previous else None,
            )
            for number, (previous, attraction) in enumerate(
                zip([None, *self.attractions], self.attractions, strict=False), start=1
            )
        ]
        self.total_km = sum(leg.km_from_previous or 0 for leg in self.legs)

    def __len__(self):
        return len(self.legs)

    @classmethod
    def in_visiting_order(cls, attractions):
        attractions = list(attractions)
        order = visiting_order([position(attraction) for attraction in attractions])
        return cls(attractions[i] for i in order)

    @property
    def trip_query(self):
        """`a=key&a=key…`: rebuilds this itinerary in the trip planner, e.g. from a shared link."""
        return urlencode([("a", leg.attraction.slug) for leg in self.legs])

    def map_points(self, request):
        """What the map script draws; the same stops as the page's list."""
        return [
            {
                "name": leg.attraction.title,
                "lat": float(leg.attraction.latitude),
                "lon": float(leg.attraction.longitude),
                "url": leg.attraction.get_url(request),
                "number": leg.number,
            }
            for leg in self.legs
        ]


@dataclass
class TripRequest:
    """The visitor's picks from `?a=key&a=key…`: unknown keys are dropped, repeats ignored."""

    slugs: list
    error: str = ""

    @classmethod
    def from_query(cls, query, known_keys):
        picked = query.getlist("a")
        if len(picked) > MAX_TRIP_PICKS:
            return cls(
                [],
                _("Please choose at most %(max)d places; you chose %(count)d.")
                % {"max": MAX_TRIP_PICKS, "count": len(picked)},
            )
        return cls([key for key in dict.fromkeys(picked) if key in known_keys])
