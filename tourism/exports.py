"""Downloads for travellers: GPX 1.1 and GeoJSON (RFC 7946) of an itinerary, and iCalendar
(RFC 5545) files of dated events and of the days of a planned trip."""

import hashlib
import json
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from django.http import HttpResponse
from django.utils.http import content_disposition_header

GPX_NAMESPACE = "http://www.topografix.com/GPX/1/1"
CREATOR = "Xinxiang Open Cooperation Portal"
PRODID = "-//Xinxiang Open Cooperation Portal//Tourism events//EN"
GPX_TYPE = "application/gpx+xml"
GEOJSON_TYPE = "application/geo+json"
ICALENDAR_TYPE = "text/calendar"


def download(content, content_type, filename):
    return HttpResponse(
        content,
        content_type=f"{content_type}; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def _sub(parent, tag, text=None, **attributes):
    element = ET.SubElement(parent, f"{{{GPX_NAMESPACE}}}{tag}", attributes)
    element.text = text
    return element


def gpx(name, itinerary, url, full_url_of):
    """GPX with a waypoint per stop and a route through them in order."""
    ET.register_namespace("", GPX_NAMESPACE)
    root = ET.Element(f"{{{GPX_NAMESPACE}}}gpx", {"version": "1.1", "creator": CREATOR})
    metadata = _sub(root, "metadata")
    _sub(metadata, "name", name)
    _sub(metadata, "link", href=url)
    points = [(leg.attraction, _coordinates(leg.attraction)) for leg in itinerary.legs]
    for attraction, coordinates in points:
        waypoint = _sub(root, "wpt", **coordinates)
        _sub(waypoint, "name", attraction.title)
        _sub(waypoint, "link", href=full_url_of(attraction))
    route = _sub(root, "rte")
    _sub(route, "name", name)
    for attraction, coordinates in points:
        _sub(_sub(route, "rtept", **coordinates), "name", attraction.title)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _coordinates(attraction):
    return {"lat": str(attraction.latitude), "lon": str(attraction.longitude)}


def geojson(name, itinerary, full_url_of):
    """A Point per stop and a LineString through them; positions are [longitude, latitude]."""
    positions = [
        [float(leg.attraction.longitude), float(leg.attraction.latitude)] for leg in itinerary.legs
    ]
    stops = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": position},
            "properties": {
                "name": leg.attraction.title,
                "order": leg.number,
                "url": full_url_of(leg.attraction),
            },
        }
        for leg, position in zip(itinerary.legs, positions, strict=True)
    ]
    line = {
        "type": "Feature",
        "geometry": {"type": "LineString", "coordinates": positions},
        "properties": {"name": name},
    }
    collection = {"type": "FeatureCollection", "features": [*stops, line]}
    return json.dumps(collection, ensure_ascii=False, indent=1).encode()


def _calendar_head(name):
    return [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]


def _calendar_bytes(lines):
    return "".join(_fold(line) + "\r\n" for line in [*lines, "END:VCALENDAR"]).encode()


def _stamp():
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")


def trip_icalendar(name, days, host, url):
    """A VCALENDAR with one all-day VEVENT per day of a trip, listing that day's stops."""
    lines = _calendar_head(name)
    stamp = _stamp()
    # The same trip gives the same UIDs, so importing it again updates rather than duplicates.
    trip_id = hashlib.sha256(url.encode()).hexdigest()[:16]
    for day in days:
        stops = [leg.attraction.title for leg in day.itinerary.legs]
        lines += [
            "BEGIN:VEVENT",
            f"UID:trip-{trip_id}-day-{day.number}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{day.date:%Y%m%d}",
            f"DTEND;VALUE=DATE:{day.date + timedelta(days=1):%Y%m%d}",
            f"SUMMARY:{_escape(f'{name} ({day.number}): ' + ' → '.join(stops))}",
            f"DESCRIPTION:{_escape(chr(10).join(stops))}",
            f"URL:{url}",
            "END:VEVENT",
        ]
    return _calendar_bytes(lines)


def icalendar(name, events, today, host, full_url_of):
    """A VCALENDAR with a VEVENT for each event that has a date; yearly ones recur."""
    lines = _calendar_head(name)
    stamp = _stamp()
    for event in events:
        start = event.next_date(today)
        if start is None:
            continue
        occurrence = event.next_occurrence(today)
        end = occurrence and occurrence[1]
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        ]
        if end:
            # DTEND of an all-day event is exclusive: the day after the last day.
            lines.append(f"DTEND;VALUE=DATE:{end + timedelta(days=1):%Y%m%d}")
        if event.is_yearly:
            lines.append("RRULE:FREQ=YEARLY")
        lines += [
            f"SUMMARY:{_escape(event.title)}",
            f"DESCRIPTION:{_escape(event.summary)}",
            f"URL:{full_url_of(event)}",
        ]
        if event.attraction:
            lines.append(f"LOCATION:{_escape(event.attraction.title)}")
            lines.append(f"GEO:{event.attraction.latitude};{event.attraction.longitude}")
        lines.append("END:VEVENT")
    return _calendar_bytes(lines)


def _escape(text):
    """TEXT value escaping (RFC 5545 §3.3.11)."""
    for character, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,")):
        text = text.replace(character, escaped)
    return text.replace("\r\n", "\\n").replace("\n", "\\n")


def _fold(line, limit=75):
    """Split a content line into lines of at most 75 octets, never inside a UTF-8 character;
    continuation lines start with a space (RFC 5545 §3.1)."""
    parts, current, size = [], "", 0
    for character in line:
        octets = len(character.encode())
        if size + octets > limit:
            parts.append(current)
            current, size = " ", 1
        current += character
        size += octets
    parts.append(current)
    return "\r\n".join(parts)
