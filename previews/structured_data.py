"""schema.org JSON-LD for a page: the page, its breadcrumb trail, the publishing government and,
by page type, the route, attraction or event it describes. Only facts the page holds: an event
without a known date gets no Event entry (schema.org requires startDate)."""

import json

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core.links import absolute_url
from core.navigation import ancestors
from tourism.models import AttractionPage, EventPage, RoutePage

from .descriptions import page_description

SCHEMA = "https://schema.org"


def publisher(request):
    return {
        "@type": "GovernmentOrganization",
        "@id": request.build_absolute_uri("/#publisher"),
        "name": _("Xinxiang Municipal People's Government"),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": _("Xinxiang"),
            "addressRegion": _("Henan"),
            "addressCountry": "CN",
        },
    }


def breadcrumbs(page, request):
    """The trail of templates/includes/breadcrumbs.html (strategy areas by their short title)."""
    items = []
    for position, crumb in enumerate([*ancestors(page), page], start=1):
        short_title = getattr(crumb.specific_deferred, "short_title", "")
        name = _("Home") if crumb.depth == 2 else (short_title or crumb.title)
        items.append(
            {
                "@type": "ListItem",
                "position": position,
                "name": name,
                "item": absolute_url(crumb, request),
            }
        )
    return {"@type": "BreadcrumbList", "itemListElement": items}


def geo(attraction):
    return {
        "@type": "GeoCoordinates",
        "latitude": float(attraction.latitude),
        "longitude": float(attraction.longitude),
    }


def attraction_entry(attraction, request):
    return {
        "@type": "TouristAttraction",
        "name": attraction.title,
        "description": page_description(attraction),
        "url": absolute_url(attraction, request),
        "geo": geo(attraction),
        "address": {
            "@type": "PostalAddress",
            "addressLocality": str(attraction.county),
            "addressRegion": _("Henan"),
            "addressCountry": "CN",
        },
    }


def route_entry(route, request):
    stops = [
        {
            "@type": "ListItem",
            "position": leg.number,
            "item": attraction_entry(leg.attraction, request),
        }
        for leg in route.itinerary.legs
    ]
    return {
        "@type": "TouristTrip",
        "name": route.title,
        "description": page_description(route),
        "url": absolute_url(route, request),
        "provider": {"@id": publisher(request)["@id"]},
        "itinerary": {"@type": "ItemList", "numberOfItems": len(stops), "itemListElement": stops},
    }


def event_entry(event, request):
    start = event.next_date(timezone.localdate())
    if start is None:
        return None
    entry = {
        "@type": "Event",
        "name": event.title,
        "description": page_description(event),
        "url": absolute_url(event, request),
        "startDate": start.isoformat(),
        "organizer": {"@id": publisher(request)["@id"]},
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
    }
    if event.end_date and event.start_date == start:
        entry["endDate"] = event.end_date.isoformat()
    if event.attraction_id:
        venue = event.attraction
        entry["location"] = {
            "@type": "Place",
            "name": venue.title,
            "geo": geo(venue),
            "address": attraction_entry(venue, request)["address"],
        }
    else:
        entry["location"] = {
            "@type": "Place",
            "name": _("Xinxiang"),
            "address": publisher(request)["address"],
        }
    return entry


MAIN_ENTITIES = {
    RoutePage: route_entry,
    AttractionPage: attraction_entry,
    EventPage: event_entry,
}


def page_graph(page, request, image_url=None):
    """The JSON-LD @graph of `page` (specific) as a dict."""
    url = absolute_url(page, request)
    webpage = {
        "@type": "WebPage",
        "@id": url,
        "url": url,
        "name": page.title,
        "inLanguage": "zh-Hans" if get_language() == "zh-hans" else get_language(),
        "publisher": {"@id": publisher(request)["@id"]},
    }
    description = page_description(page)
    if description:
        webpage["description"] = description
    if image_url:
        webpage["primaryImageOfPage"] = {
            "@type": "ImageObject",
            "url": image_url,
            "width": 1200,
            "height": 630,
        }
    graph = [webpage, publisher(request)]
    if page.depth > 2:
        webpage["breadcrumb"] = breadcrumbs(page, request)
    build = MAIN_ENTITIES.get(type(page))
    entity = build(page, request) if build else None
    if entity:
        webpage["mainEntity"] = entity
    return {"@context": SCHEMA, "@graph": graph}


def as_script_text(data):
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
