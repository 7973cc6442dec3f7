"""The shape of every data file in `content/` (see content/README.md), checked before the loader
touches the database: a mistake is reported with its file, record and field, never as a
half-finished load or a raw KeyError."""

import datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

Key = Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]


class Record(BaseModel):
    # A misspelt field is an error, not silently ignored.
    model_config = ConfigDict(extra="forbid")


class Text(Record):
    """A translated text, T in content/README.md."""

    zh: str
    en: str


class Clause(Record):
    chapter: Annotated[int, Field(ge=1, le=9)]
    section: int | None = None
    box: int | None = None
    quote: Text | None = None


class Named(Record):
    key: Key
    name: Text


class County(Named):
    kind: Literal["district", "county", "county-city", "zone"]


class Taxonomy(Record):
    counties: list[County]
    regions: list[Named]
    sectors: list[Named]


class SectorGroup(Named):
    sectors: list[Key]


class SectorGroups(Record):
    sector_groups: list[SectorGroup]


class Organisation(Named):
    kind: Literal[
        "company", "university", "research", "hospital", "government", "association", "school"
    ]
    region: Key | None = None


class Organisations(Record):
    organisations: list[Organisation]


class Indicator(Record):
    key: Key
    order: int
    name: Text
    unit: Text
    category: Text
    baseline_2021: Decimal | None
    target_2025: Decimal
    target_or_more: bool = False


class Indicators(Record):
    indicators: list[Indicator]


class Section(Record):
    key: Key
    model: Annotated[str, Field(pattern=r"^\w+\.\w+$")]
    title: Text
    intro: Text | None = None


class Home(Record):
    key: Key
    title: Text
    intro: Text


class Site(Record):
    home: Home
    sections: list[Section]


class AboutSection(Record):
    number: int
    title: Text
    body: Text


class AboutChapter(Record):
    number: int
    title: Text
    intro: Text | None = None
    sections: list[AboutSection]


class About(Record):
    title: Text
    document_number: Text
    issuer: Text
    sponsor: Text | None = None
    approval_note: Text | None = None
    preamble: Text | None = None
    approved: datetime.date | None = None
    issued: datetime.date
    printed: datetime.date | None = None
    chapters: list[AboutChapter]


class NewsItem(Record):
    key: Key
    date: datetime.date
    title: Text
    body: Text


class News(Record):
    news: list[NewsItem]


class Programme(Record):
    key: Key
    section: int
    title: Text
    summary: Text
    body: Text
    actions: list[Text]
    regions: list[Key] = []
    sectors: list[Key] = []


class BoxItem(Record):
    heading: Text
    body: Text


class Box(Record):
    number: int
    title: Text
    items: list[BoxItem]


class StrategyArea(Record):
    key: Key
    chapter: Annotated[int, Field(ge=3, le=8)]
    title: Text
    short_title: Text
    intro: Text
    programmes: list[Programme]
    box: Box | None = None


class Opportunity(Record):
    key: Key
    title: Text
    summary: Text
    kind: Literal["project", "park", "platform", "event", "partnership"]
    stage: Literal["proposed", "promoted", "under-construction", "operating"]
    strategy_area: Key
    clause: Clause | None = None
    sectors: list[Key] = []
    counties: list[Key] = []
    regions: list[Key] = []
    organisations: list[Key] = []


class Opportunities(Record):
    opportunities: list[Opportunity]


class Attraction(Record):
    key: Key
    title: Text
    county: Key
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]
    summary: Text
    clause: Clause | None = None


class Day(Record):
    title: Text
    stops: list[Key]


class Route(Record):
    key: Key
    title: Text
    intro: Text
    stops: list[Key]
    days: list[Day] = []
    practical: Text | None = None
    clause: Clause | None = None


class Event(Record):
    key: Key
    title: Text
    summary: Text
    kind: Literal["festival", "forum", "expo", "ceremony"]
    attraction: Key | None = None
    route: Key | None = None
    month: Annotated[int, Field(ge=1, le=12)] | None = None
    day: Annotated[int, Field(ge=1, le=31)] | None = None
    clause: Clause | None = None


class Tourism(Record):
    attractions: list[Attraction]
    routes: list[Route]
    events: list[Event]


class Position(Record):
    lat: Annotated[float, Field(ge=-90, le=90)]
    lon: Annotated[float, Field(ge=-180, le=180)]


FILES = {
    "site.yaml": Site,
    "about.yaml": About,
    "taxonomy.yaml": Taxonomy,
    "organisations.yaml": Organisations,
    "sector_groups.yaml": SectorGroups,
    "indicators.yaml": Indicators,
    "news.yaml": News,
    "opportunities.yaml": Opportunities,
    "tourism.yaml": Tourism,
    "county_seats.yaml": dict[Key, Position],
}
STRATEGY_AREAS = "strategy_areas/*.yaml"


class PlanDataError(Exception):
    """The data files are inconsistent: each message names the file, the record and the field."""

    def __init__(self, errors):
        self.errors = errors
        super().__init__("\n".join(errors))


def read_yaml(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def where(data, location):
    """ "opportunities[3] (key 'x') › summary.en" for a pydantic error location in `data`."""
    parts, record = [], data
    for step in location:
        if isinstance(step, int) and isinstance(record, list) and step < len(record):
            record = record[step]
            key = record.get("key") if isinstance(record, dict) else None
            parts[-1] += f"[{step}]" + (f" (key {key!r}) ›" if key else "")
        else:
            record = record.get(step) if isinstance(record, dict) else None
            parts.append(str(step))
    return ".".join(parts).replace("›.", "› ") or "(whole file)"


def check_file(path, schema, name):
    """Errors in one file, each as '<file>: <record> › <field>: <message>'."""
    try:
        data = read_yaml(path)
    except FileNotFoundError:
        return [f"{name}: missing"]
    except yaml.YAMLError as error:
        return [f"{name}: not valid YAML: {error}"]
    try:
        TypeAdapter(schema).validate_python(data)
    except ValidationError as error:
        return [f"{name}: {where(data, e['loc'])}: {e['msg']}" for e in error.errors()]
    return []


def references(content_dir):
    """Errors for keys that name nothing: a sector, county, venue or route that does not exist."""
    taxonomy = read_yaml(content_dir / "taxonomy.yaml")
    organisations = read_yaml(content_dir / "organisations.yaml")["organisations"]
    areas = {path.name: read_yaml(path) for path in sorted(content_dir.glob(STRATEGY_AREAS))}
    tourism = read_yaml(content_dir / "tourism.yaml")
    known = {
        kind: {r["key"] for r in taxonomy[kind]} for kind in ("counties", "regions", "sectors")
    }
    known["organisations"] = {r["key"] for r in organisations}
    known["strategy_area"] = {area["key"] for area in areas.values()}
    known["attraction"] = {r["key"] for r in tourism["attractions"]}
    known["route"] = {r["key"] for r in tourism["routes"]}

    def check(file, record, fields):
        """fields: (field name, kind of key it holds); a field holds one key or a list."""
        for field, kind in fields:
            value = record.get(field)
            for key in [value] if isinstance(value, str) else value or []:
                if key not in known[kind]:
                    yield f"{file}: key {record['key']!r} › {field}: unknown {kind} {key!r}"

    taxonomy_fields = [(name, name) for name in ("sectors", "counties", "regions", "organisations")]
    for record in organisations:
        yield from check("organisations.yaml", record, [("region", "regions")])
    for record in read_yaml(content_dir / "sector_groups.yaml")["sector_groups"]:
        yield from check("sector_groups.yaml", record, [("sectors", "sectors")])
    for name, area in areas.items():
        for programme in area["programmes"]:
            yield from check(f"strategy_areas/{name}", programme, taxonomy_fields)
    for record in read_yaml(content_dir / "opportunities.yaml")["opportunities"]:
        fields = [("strategy_area", "strategy_area"), *taxonomy_fields]
        yield from check("opportunities.yaml", record, fields)
    for record in tourism["attractions"]:
        yield from check("tourism.yaml", record, [("county", "counties")])
    for record in tourism["routes"]:
        yield from check("tourism.yaml", record, [("stops", "attraction")])
        for day in record["days"]:
            stops = {"key": record["key"], "days.stops": day["stops"]}
            yield from check("tourism.yaml", stops, [("days.stops", "attraction")])
    for record in tourism["events"]:
        yield from check("tourism.yaml", record, [("attraction", "attraction"), ("route", "route")])


def validate(content_dir):
    """Raise PlanDataError listing every problem in `content_dir`; return nothing when clean."""
    content_dir = Path(content_dir)
    errors = []
    for name, schema in FILES.items():
        errors += check_file(content_dir / name, schema, name)
    area_files = sorted(content_dir.glob(STRATEGY_AREAS))
    if not area_files:
        errors.append(f"{STRATEGY_AREAS}: no strategy area files")
    for path in area_files:
        errors += check_file(path, StrategyArea, str(path.relative_to(content_dir)))
    if not errors:  # references are only meaningful in files of the right shape
        errors += references(content_dir)
    if errors:
        raise PlanDataError(errors)
