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


EXACT_LIMIT = 10  # stops up to which the shortest order is searched exhaustively


def westernmost(points):
    return min(range(len(points)), key=lambda i: (points[i][1], points[i][0]))


def visiting_order(points, start=None):
    """Indexes of `points` in the shortest open path through all of them, from `points[start]`
    or, without a start, from whichever end makes it shortest (run west to east when both ends
    do equally well). Exact for up to EXACT_LIMIT points; beyond that nearest neighbour from
    the start (or the westernmost point) then 2-opt: short, not guaranteed shortest."""
    if not points:
        return []
    if len(points) <= EXACT_LIMIT:
        order = _shortest_path(points, start)
        if start is None and points[order[-1]][1] < points[order[0]][1]:
            order.reverse()  # the same length backwards: start in the west
        return order
    if start is None:
        start = westernmost(points)
    order = [start]
    left = set(range(len(points))) - {start}
    while left:
        here = points[order[-1]]
        nearest = min(left, key=lambda i: (haversine_km(here, points[i]), i))
        order.append(nearest)
        left.remove(nearest)
    return _two_opt(points, order)


def _shortest_path(points, start):
    """Held–Karp dynamic programming over subsets: for every set of visited points and last
    point, the shortest path through that set from `start` (from any point when `start` is
    None); 2^n·n² steps, about 100,000 for ten points."""
    free = [i for i in range(len(points)) if i != start]
    km = [[haversine_km(a, b) for b in points] for a in points]
    # best[(visited bitmask over `free`, last position in `free`)] = (km, previous position)
    best = {
        (1 << j, j): (0.0 if start is None else km[start][free[j]], None) for j in range(len(free))
    }
    for size in range(2, len(free) + 1):
        for visited in range(1 << len(free)):
            if visited.bit_count() != size:
                continue
            for last in range(len(free)):
                if not visited >> last & 1:
                    continue
                before = visited & ~(1 << last)
                best[(visited, last)] = min(
                    (best[(before, prev)][0] + km[free[prev]][free[last]], prev)
                    for prev in range(len(free))
                    if before >> prev & 1
                )
    path = []
    if free:
        visited = (1 << len(free)) - 1
        last = min(range(len(free)), key=lambda j: (best[(visited, j)][0], j))
        while last is not None:
            path.append(free[last])
            visited, last = visited & ~(1 << last), best[(visited, last)][1]
    path.reverse()
    return path if start is None else [start, *path]


def _two_opt(points, order):
    """Reverse any stretch of the path that makes it shorter, until none does. The first stop
    stays put: it is where the visitor starts."""

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
