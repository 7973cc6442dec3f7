from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from cooperation.county_map import CITYWIDE, county_seats
from core.models import County

GEOJSON_TYPE = "application/geo+json"


@require_GET
@cache_control(max_age=3600)
def reference_places(request):
    """The seats of the city and county governments as GeoJSON points, in the page language:
    the base layer every map draws under its markers, served by the portal itself."""
    seats = county_seats()
    names = {county.plan_key: county.name for county in County.objects.filter(plan_key__in=seats)}
    names[CITYWIDE] = _("Xinxiang Municipal People's Government")
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"name": names[key]},
        }
        for key, (lat, lon) in seats.items()
        if key in names
    ]
    return JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type=GEOJSON_TYPE,
        json_dumps_params={"ensure_ascii": False},
    )
