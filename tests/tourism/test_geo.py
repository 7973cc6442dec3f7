"""Distances and the visiting order behind "build my trip"."""

import random
from itertools import permutations

import pytest

from tourism.geo import haversine_km, path_km, visiting_order

BALIGOU = (35.6, 113.6)
BAOQUAN = (35.48, 113.465)


def test_haversine_matches_a_known_distance():
    # 18.09 km by the spherical law of cosines on the same sphere.
    assert haversine_km(BALIGOU, BAOQUAN) == pytest.approx(18.09, abs=0.5)
    assert haversine_km(BAOQUAN, BALIGOU) == haversine_km(BALIGOU, BAOQUAN)
    assert haversine_km(BALIGOU, BALIGOU) == 0


def test_one_degree_of_latitude_is_about_111_km():
    assert haversine_km((35, 114), (36, 114)) == pytest.approx(111.2, abs=0.5)


def test_order_starts_in_the_west_and_follows_a_line():
    points = [(35.0, 114.3), (35.0, 113.5), (35.0, 114.0), (35.0, 113.8), (35.0, 114.6)]
    order = visiting_order(points)
    assert order == [1, 3, 2, 0, 4]


@pytest.mark.parametrize("seed", range(20))
def test_without_a_start_the_order_is_the_shortest_path(seed):
    """Checked against brute force: no backtracking, whichever end the path starts from."""
    rng = random.Random(seed)
    points = [(rng.uniform(34.9, 35.8), rng.uniform(113.4, 115.0)) for _ in range(7)]
    order = visiting_order(points)
    assert sorted(order) == list(range(len(points)))
    shortest = min(path_km([points[i] for i in p]) for p in permutations(range(len(points))))
    assert path_km([points[i] for i in order]) == pytest.approx(shortest)
    assert points[order[0]][1] <= points[order[-1]][1]  # the shortest path, run west to east


def test_empty_and_single():
    assert visiting_order([]) == []
    assert visiting_order([BALIGOU]) == [0]
