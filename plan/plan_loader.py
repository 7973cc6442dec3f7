"""Builds the site from the plan's data files in `content/` (see content/README.md).

Every file is checked against its schema (plan/schema.py) before the database is touched.
Idempotent: every object remembers the key and a fingerprint of the record it came from (and of
the loader's mapping, LOADER_VERSION), so a second run finds it and changes nothing; a record
whose data or mapping changed is updated; a page whose record disappeared is unpublished, and
published again if the record comes back; an object a person has changed since it was loaded, or
a page a person unpublished (per Wagtail's audit log), is kept as they left it.
"""

import hashlib
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import translation
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.models import ModelLogEntry, Page, PageLogEntry, Site

from cooperation.models import (
    OpportunityPage,
    Organisation,
    ProgrammePage,
    SectorGroup,
    StrategyAreaPage,
)
from core.i18n import localized_field
from core.models import County, PartnerRegion, PlanSourced, Sector
from home.models import AboutPlanPage, HomePage, Indicator, NewsPage
from plan.schema import read_yaml, validate
from previews.share_cards import make_missing_cards
from tourism.models import AttractionPage, EventPage, RoutePage, RouteStop

CONTENT_DIR = Path(settings.BASE_DIR) / "content"
# The data files key each text by "zh" and "en".
DATA_LANGUAGES = {"zh": "zh-hans", "en": "en"}
# Raise when the way records become fields changes: every object not changed by a person is then
# updated by the next load, though its record is the same.
LOADER_VERSION = 2


def fingerprint(record):
    canonical = json.dumps(
        {"loader": LOADER_VERSION, "record": record},
        sort_keys=True,
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def paragraphs(text):
    """Plain text with blank-line-separated paragraphs → rich-text HTML."""
    if not text:
        return ""
    blocks = [" ".join(block.split()) for block in str(text).split("\n\n")]
    return "".join(f"<p>{escape(block)}</p>" for block in blocks if block)


def bullet_list(items):
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>" if items else ""


def in_each_language(field, value_in):
    """{field_zh_hans: value_in("zh"), field_en: value_in("en")}."""
    return {
        localized_field(field, language): value_in(key) for key, language in DATA_LANGUAGES.items()
    }


def translated(field, text, convert=None):
    """{zh, en} → {field_zh_hans: …, field_en: …}; `convert` turns each text into stored form."""
    text = text or {}
    return in_each_language(
        field, lambda lang: convert(text.get(lang)) if convert else text.get(lang) or ""
    )


def clause_fields(clause):
    clause = clause or {}
    return {
        "clause_chapter": clause.get("chapter"),
        "clause_section": clause.get("section"),
        "clause_box": clause.get("box"),
        **translated("clause_quote", clause.get("quote")),
    }


def title_fields(record, slug):
    title = record["title"]
    return {
        "title": title["zh"],
        **translated("title", title),
        "slug": slug,
        **in_each_language("slug", lambda _lang: slug),
    }


class PlanLoader:
    def __init__(self, content_dir=CONTENT_DIR, log=print, dry_run=False, share_cards=True):
        self.content_dir = Path(content_dir)
        self.log = log
        self.dry_run = dry_run
        self.share_cards = share_cards
        self.stats = Counter()
        self.changes = []  # (outcome, kind, key) of every object created, updated or unpublished
        self.snippets = {}  # (model, key) → object, for resolving references
        self.loaded_pages = set()  # (model, key) of every page the data files still describe
        self.changed_by_people = set()

    def find_changes_by_people(self):
        """(model, pk) of everything a person has changed: their edits, publications and
        approvals are in Wagtail's audit log with their user; the loader's own saves have none."""
        changed = ModelLogEntry.objects.filter(user__isnull=False, content_changed=True)
        pages = PageLogEntry.objects.filter(user__isnull=False, content_changed=True)
        self.changed_by_people = {
            (content_type, str(pk))
            for content_type, pk in changed.values_list("content_type_id", "object_id")
        } | {("page", str(pk)) for pk in pages.values_list("page_id", flat=True)}

    def changed_by_a_person(self, obj):
        kind = "page" if isinstance(obj, Page) else ContentType.objects.get_for_model(obj).pk
        return (kind, str(obj.pk)) in self.changed_by_people

    # ----------------------------------------------------------------- generic upserts
    def count(self, model, outcome):
        # Reports name models in English whatever language the command runs in.
        with translation.override("en"):
            kind = str(model._meta.verbose_name)
        self.stats[(kind, outcome)] += 1
        return kind

    def record_change(self, model, outcome, key):
        self.changes.append((outcome, self.count(model, outcome), key))

    def upsert_snippet(self, model, key, record, values):
        obj = model.objects.filter(plan_key=key).first()
        record_fingerprint = fingerprint(record)
        if obj is None:
            obj = model.objects.create(plan_key=key, plan_fingerprint=record_fingerprint, **values)
            self.record_change(model, "created", key)
        elif self.changed_by_a_person(obj):
            self.count(model, "kept (edited by a person)")
        elif obj.plan_fingerprint == record_fingerprint:
            self.count(model, "unchanged")
        else:
            for name, value in values.items():
                setattr(obj, name, value)
            obj.plan_fingerprint = record_fingerprint
            obj.save()
            self.record_change(model, "updated", key)
        self.snippets[(model, key)] = obj
        return obj

    def upsert_page(self, model, parent, key, record, values, relations=None):
        """Create or update one page; `relations` are m2m/child relations set before publishing."""
        page = model.objects.filter(plan_key=key).first()
        record_fingerprint = fingerprint(record)
        self.loaded_pages.add((model, key))
        if page is not None and self.changed_by_a_person(page):
            self.count(model, "kept (edited by a person)")
            return page
        restored = page is not None and not page.live
        if restored and not self.unpublished_by_the_loader(page):
            self.count(model, "kept (unpublished by a person)")
            return page
        if page is not None and page.live and page.plan_fingerprint == record_fingerprint:
            self.count(model, "unchanged")
            return page
        created = page is None
        if created:
            page = model(plan_key=key)
        for name, value in values.items():
            setattr(page, name, value)
        for name, value in (relations or {}).items():
            setattr(page, name, value)
        page.plan_fingerprint = record_fingerprint
        if created:
            parent.add_child(instance=page)
        page.save_revision().publish()
        if restored:
            self.record_change(model, "republished (back in the data)", key)
        else:
            self.record_change(model, "created" if created else "updated", key)
        return page

    @staticmethod
    def unpublished_by_the_loader(page):
        """Whether the page is offline because its record was gone: the loader's unpublishing is
        the last in the audit log and has no user (a person's has, a scheduled expiry is another
        action)."""
        last = (
            PageLogEntry.objects.filter(page=page, action__startswith="wagtail.unpublish")
            .order_by("-timestamp", "-pk")
            .first()
        )
        return last is not None and last.action == "wagtail.unpublish" and last.user_id is None

    def unpublish_removed_pages(self):
        """Unpublish the live pages whose records are gone from the data files, unless a person
        changed them (then the page is theirs now)."""
        for model in apps.get_models():
            if not (issubclass(model, Page) and issubclass(model, PlanSourced)):
                continue
            keys = {key for loaded, key in self.loaded_pages if loaded is model}
            for page in (
                model.objects.live()
                .exact_type(model)
                .exclude(plan_key="")
                .exclude(plan_key__in=keys)
            ):
                if self.changed_by_a_person(page):
                    self.count(model, "kept (removed from the data, edited by a person)")
                else:
                    page.unpublish()
                    self.record_change(model, "unpublished (removed from the data)", page.plan_key)

    def ref(self, model, key):
        # The schema check found unknown keys already; a miss here is the loader's own bug.
        return self.snippets[(model, key)]

    def refs(self, model, keys):
        return [self.ref(model, key) for key in keys or []]

    # ----------------------------------------------------------------- the content
    def run(self):
        validate(self.content_dir)
        with transaction.atomic():
            self.find_changes_by_people()
            self.load_taxonomy()
            self.load_sector_groups()
            self.load_indicators()
            site = read_yaml(self.content_dir / "site.yaml")
            home = self.load_home(site["home"])
            sections = self.load_sections(home, site["sections"])
            self.load_news(sections["news"])
            areas = self.load_strategy_areas(sections["cooperation"])
            self.load_opportunities(sections["opportunities"], areas)
            self.load_tourism(sections["tourism"])
            self.unpublish_removed_pages()
            if self.dry_run:
                # Every step ran, so the report says exactly what a load would do; keep nothing.
                transaction.set_rollback(True)
        if self.share_cards and not self.dry_run:
            # Files, after the commit: a load that fails leaves none for pages that are not live.
            self.stats[("share card", "made")] = make_missing_cards()
        self.report()
        return self.stats

    def load_taxonomy(self):
        data = read_yaml(self.content_dir / "taxonomy.yaml")
        for record in data["counties"]:
            self.upsert_snippet(
                County,
                record["key"],
                record,
                {
                    **translated("name", record["name"]),
                    "name": record["name"]["zh"],
                    "kind": record["kind"],
                },
            )
        for model, records in ((PartnerRegion, data["regions"]), (Sector, data["sectors"])):
            for record in records:
                self.upsert_snippet(
                    model,
                    record["key"],
                    record,
                    {**translated("name", record["name"]), "name": record["name"]["zh"]},
                )
        for record in read_yaml(self.content_dir / "organisations.yaml")["organisations"]:
            region = self.ref(PartnerRegion, record["region"]) if record.get("region") else None
            self.upsert_snippet(
                Organisation,
                record["key"],
                record,
                {
                    **translated("name", record["name"]),
                    "name": record["name"]["zh"],
                    "kind": record["kind"],
                    "region": region,
                },
            )

    def load_sector_groups(self):
        records = read_yaml(self.content_dir / "sector_groups.yaml")["sector_groups"]
        for position, record in enumerate(records):
            group = self.upsert_snippet(
                SectorGroup,
                record["key"],
                record,
                {
                    **translated("name", record["name"]),
                    "name": record["name"]["zh"],
                    "key": record["key"],
                    "sort_order": position,
                },
            )
            if not self.changed_by_a_person(group):
                group.sectors.set(self.refs(Sector, record["sectors"]))

    def load_indicators(self):
        for record in read_yaml(self.content_dir / "indicators.yaml")["indicators"]:
            self.upsert_snippet(
                Indicator,
                record["key"],
                record,
                {
                    **translated("name", record["name"]),
                    **translated("unit", record["unit"]),
                    **translated("category", record["category"]),
                    "name": record["name"]["zh"],
                    "unit": record["unit"]["zh"],
                    "category": record["category"]["zh"],
                    "order": record["order"],
                    "baseline_2021": record.get("baseline_2021"),
                    "target_2025": record["target_2025"],
                    "target_or_more": bool(record.get("target_or_more")),
                },
            )

    def load_home(self, record):
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a plain welcome page (and a site pointing at it)
        # where the home page belongs.
        for placeholder in root.get_children().exact_type(Page):
            placeholder.delete()
        home = self.upsert_page(
            HomePage,
            root,
            record["key"],
            record,
            {
                **title_fields(record, record["key"]),
                **translated("intro", record["intro"], paragraphs),
            },
        )
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        if site.root_page_id != home.id:
            if not site.pk:
                # The public address (as for admin emails), e.g. https://portal.example.
                address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
                site.hostname = address.hostname or "localhost"
                site.port = address.port or (443 if address.scheme == "https" else 80)
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.root_page = home
            site.save()
        return home

    def load_sections(self, home, records):
        sections = {}
        for record in records:
            model = apps.get_model(record["model"])
            values = {**title_fields(record, record["key"]), "show_in_menus": True}
            if record.get("intro"):
                values.update(translated("intro", record["intro"], paragraphs))
            if model is AboutPlanPage:
                about = read_yaml(self.content_dir / "about.yaml")
                values.update(self.about_values(about))
                record = {**record, "about": about}
            sections[record["key"]] = self.upsert_page(model, home, record["key"], record, values)
        return sections

    def about_values(self, about):
        def chapters(lang):
            return [
                (
                    "chapter",
                    {
                        "number": chapter["number"],
                        "title": chapter["title"][lang],
                        "intro": paragraphs((chapter.get("intro") or {}).get(lang)),
                        "sections": [
                            {
                                "number": section["number"],
                                "title": section["title"][lang],
                                "body": paragraphs(section["body"][lang]),
                            }
                            for section in chapter["sections"]
                        ],
                    },
                )
                for chapter in about["chapters"]
            ]

        return {
            **translated("plan_title", about["title"]),
            **translated("document_number", about["document_number"]),
            **translated("issuer", about["issuer"]),
            **translated("sponsor", about.get("sponsor")),
            **translated("approval_note", about.get("approval_note")),
            **translated("preamble", about.get("preamble"), paragraphs),
            "approved": about.get("approved"),
            "issued": about["issued"],
            "printed": about.get("printed"),
            **in_each_language("chapters", chapters),
        }

    def load_news(self, news_index):
        for record in read_yaml(self.content_dir / "news.yaml")["news"]:
            self.upsert_page(
                NewsPage,
                news_index,
                record["key"],
                record,
                {
                    **title_fields(record, record["key"]),
                    "date": record["date"],
                    **translated("body", record["body"], paragraphs),
                },
            )

    def load_strategy_areas(self, cooperation_index):
        areas = {}
        for path in sorted((self.content_dir / "strategy_areas").glob("*.yaml")):
            record = read_yaml(path)
            box = record.get("box") or {}
            box_items = in_each_language(
                "box",
                lambda lang, box=box: [
                    (
                        "item",
                        {"heading": item["heading"][lang], "body": paragraphs(item["body"][lang])},
                    )
                    for item in box.get("items", [])
                ],
            )
            area = self.upsert_page(
                StrategyAreaPage,
                cooperation_index,
                record["key"],
                record,
                {
                    **title_fields(record, record["key"]),
                    "chapter": record["chapter"],
                    "short_title": record["short_title"]["zh"],
                    **translated("short_title", record["short_title"]),
                    **translated("intro", record["intro"], paragraphs),
                    "box_number": box.get("number"),
                    **translated("box_title", box.get("title")),
                    **box_items,
                },
            )
            areas[record["key"]] = area
            for programme in record["programmes"]:
                self.upsert_page(
                    ProgrammePage,
                    area,
                    programme["key"],
                    programme,
                    {
                        **title_fields(
                            programme, slugify(programme["title"]["en"])[:60].strip("-")
                        ),
                        "chapter": record["chapter"],
                        "section": programme["section"],
                        "summary": programme["summary"]["zh"],
                        **translated("summary", programme["summary"]),
                        **translated("body", programme["body"], paragraphs),
                        **in_each_language(
                            "actions",
                            lambda lang, programme=programme: bullet_list(
                                [action[lang] for action in programme["actions"]]
                            ),
                        ),
                    },
                    {
                        "regions": self.refs(PartnerRegion, programme.get("regions")),
                        "sectors": self.refs(Sector, programme.get("sectors")),
                    },
                )
        return areas

    def load_opportunities(self, opportunity_index, areas):
        for record in read_yaml(self.content_dir / "opportunities.yaml")["opportunities"]:
            self.load_opportunity(opportunity_index, areas, record)

    def load_opportunity(self, opportunity_index, areas, record):
        return self.upsert_page(
            OpportunityPage,
            opportunity_index,
            record["key"],
            record,
            {
                **title_fields(record, record["key"]),
                "summary": record["summary"]["zh"],
                **translated("summary", record["summary"]),
                "kind": record["kind"],
                "stage": record["stage"],
                "strategy_area": areas[record["strategy_area"]],
                **clause_fields(record.get("clause")),
            },
            {
                "sectors": self.refs(Sector, record.get("sectors")),
                "counties": self.refs(County, record.get("counties")),
                "regions": self.refs(PartnerRegion, record.get("regions")),
                "organisations": self.refs(Organisation, record.get("organisations")),
            },
        )

    def load_tourism(self, tourism_index):
        data = read_yaml(self.content_dir / "tourism.yaml")
        attractions = {}
        for record in data["attractions"]:
            attractions[record["key"]] = self.upsert_page(
                AttractionPage,
                tourism_index,
                record["key"],
                record,
                {
                    **title_fields(record, record["key"]),
                    "summary": record["summary"]["zh"],
                    **translated("summary", record["summary"]),
                    "county": self.ref(County, record["county"]),
                    # via str: YAML floats would otherwise carry binary noise past 5 decimals
                    "latitude": Decimal(str(record["lat"])),
                    "longitude": Decimal(str(record["lon"])),
                    **clause_fields(record.get("clause")),
                },
            )

        def stops(keys):
            return [attractions[key] for key in keys]

        routes = {}
        for record in data["routes"]:
            days = in_each_language(
                "days",
                lambda lang, record=record: [
                    ("day", {"title": day["title"][lang], "stops": stops(day["stops"])})
                    for day in record.get("days", [])
                ],
            )
            routes[record["key"]] = self.upsert_page(
                RoutePage,
                tourism_index,
                record["key"],
                record,
                {
                    **title_fields(record, record["key"]),
                    **translated("intro", record["intro"], paragraphs),
                    **translated("practical", record.get("practical"), paragraphs),
                    **days,
                    **clause_fields(record.get("clause")),
                },
                {
                    "stops": [
                        RouteStop(attraction=stop, sort_order=order)
                        for order, stop in enumerate(stops(record["stops"]))
                    ]
                },
            )
        for record in data["events"]:
            self.upsert_page(
                EventPage,
                tourism_index,
                record["key"],
                record,
                {
                    **title_fields(record, record["key"]),
                    "summary": record["summary"]["zh"],
                    **translated("summary", record["summary"]),
                    "kind": record["kind"],
                    "attraction": attractions.get(record.get("attraction")),
                    "route": routes.get(record.get("route")),
                    "month": record.get("month"),
                    "day": record.get("day"),
                    **clause_fields(record.get("clause")),
                },
            )

    def report(self):
        kinds = sorted({kind for kind, _outcome in self.stats})
        for kind in kinds:
            outcomes = ", ".join(
                f"{count} {outcome}"
                for (k, outcome), count in sorted(self.stats.items())
                if k == kind
            )
            self.log(f"  {kind}: {outcomes}")
        for outcome, kind, key in self.changes:
            # Unpublishing and republishing are always named: someone may need to look at them.
            if self.dry_run or outcome.startswith(("unpublished", "republished")):
                self.log(f"  {outcome}: {kind} {key}")
        totals = Counter(outcome.split(" ")[0] for outcome, _kind, _key in self.changes)
        verb = "Dry run, nothing saved; would have" if self.dry_run else "Plan loaded:"
        self.log(
            f"{verb} {totals['created']} created, {totals['updated']} updated, "
            f"{totals['unpublished']} unpublished."
        )
