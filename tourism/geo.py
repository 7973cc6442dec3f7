"""Straight-line distances and a visiting order for a handful of points (lat, lon in degrees)."""

from itertools import pairwise
from math import asin, cos, radians, sin, sqrt

EARTH_RADIUS_KM = 6371.0088  # mean radius (IUGG)


def haversine_km(a, b):
    """Great-circle distance in km between two (latitude, longitude) points."""
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * asin(sqrt(h))


def path_km(points):
    return sum(haversine_km(a, b) for a, b in pairwise(points))


def visiting_order(points):
    """Indexes of `points` in a short open path: nearest neighbour from the westernmost point,
    then 2-opt. Exhaustive enough for the few dozen points a trip can have."""
    if not points:
        return []
    start = min(range(len(points)), key=lambda i: (points[i][1], points[i][0]))
    order = [start]
    left = set(range(len(points))) - {start}
    while left:
        here = points[order[-1]]
        nearest = min(left, key=lambda i: (haversine_km(here, points[i]), i))
        order.append(nearest)
        left.remove(nearest)
    return _two_opt(points, order)


def _two_opt(points, order):
    """Reverse any stretch of the path that makes it shorter, until none does. The first stop
    stays put so the trip still starts in the west."""

    def d(i, j):
        return haversine_km(points[order[i]], points[order[j]])

    improved = True
    while improved:
        improved = False
        for i in range(1, len(order) - 1):
            for j in range(i + 1, len(order)):
                before = d(i - 1, i) + (d(j, j + 1) if j + 1 < len(order) else 0)
                after = d(i - 1, j) + (d(i, j + 1) if j + 1 < len(order) else 0)
                if after < before - 1e-9:
                    order[i : j + 1] = reversed(order[i : j + 1])
                    improved = True
    return order
