"""Geography the tests agree on, independent of the code they check.

Xinxiang lies between 34°53′ and 35°50′ N and 113°23′ and 115°01′ E (the city's published
extent); the box adds about 1 km of margin. Distances come from the spherical law of cosines, a
different formula from the haversine the code uses, on the same mean Earth radius (IUGG,
6,371.0088 km).
"""

from itertools import pairwise
from math import acos, cos, radians, sin

XINXIANG_LATITUDES = (34.88, 35.85)
XINXIANG_LONGITUDES = (113.38, 115.03)
EARTH_RADIUS_KM = 6371.0088


def inside_xinxiang(lat, lon):
    (south, north), (west, east) = XINXIANG_LATITUDES, XINXIANG_LONGITUDES
    return south <= float(lat) <= north and west <= float(lon) <= east


def law_of_cosines_km(a, b):
    """Great-circle distance between two (lat, lon) points in degrees."""
    lat1, lon1, lat2, lon2 = (radians(float(x)) for x in (*a, *b))
    cosine = sin(lat1) * sin(lat2) + cos(lat1) * cos(lat2) * cos(lon2 - lon1)
    return EARTH_RADIUS_KM * acos(min(1.0, cosine))


def position(attraction):
    return (attraction.latitude, attraction.longitude)


def legs_km(attractions):
    """The straight-line distance of each leg of a walk through `attractions`, in order."""
    return [law_of_cosines_km(position(a), position(b)) for a, b in pairwise(attractions)]
