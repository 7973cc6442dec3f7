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
    def in_visiting_order(cls, attractions, start=None):
        """The shortest order through `attractions`, from `start` (one of them) or else from
        whichever end makes it shortest (tourism.geo.visiting_order)."""
        attractions = list(attractions)
        first = attractions.index(start) if start in attractions else None
        order = visiting_order([position(attraction) for attraction in attractions], first)
        return cls(attractions[i] for i in order)

    def split_into_days(self, days):
        """This itinerary cut into `days` consecutive parts (fewer if there are fewer stops), as
        even as possible; earlier days take the stop left over."""
        days = max(1, min(days, len(self.attractions)))
        size, extra = divmod(len(self.attractions), days)
        parts, start = [], 0
        for number in range(days):
            end = start + size + (number < extra)
            parts.append(Itinerary(self.attractions[start:end]))
            start = end
        return parts

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
