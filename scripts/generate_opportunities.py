"""Generate N benchmark opportunities (default 9,000) to measure large sections; not content.

Usage: .venv/bin/python scripts/generate_opportunities.py [--count N] [--delete]

Each generated page copies the fields and relations of one real opportunity from `load_plan`
(round robin) under a title and slug that say what it is ("Benchmark opportunity 00042"), so
pages, listings and exports have realistic weight. The rows are written in bulk, page tree
included (Wagtail's add_child costs a second or more per page on a busy machine), without
revisions or search indexing: only the published pages matter to what is measured.
`--delete` removes them.
"""

import argparse
import time
import uuid
from functools import partial

import django_env

django_env.setup("portal.settings.dev")

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402

from cooperation.models import OpportunityIndexPage, OpportunityPage  # noqa: E402
from core.i18n import localized_field  # noqa: E402
from core.sorting import stored_sort_keys  # noqa: E402

KEY_PREFIX = "benchmark-"
PAGE_FIELDS_RESET = {"numchild": 0, "latest_revision_id": None, "live_revision_id": None}


def generated():
    return OpportunityPage.objects.filter(plan_key__startswith=KEY_PREFIX)


def copy_rows(table, key, columns, pairs):
    """Copy the rows of `table` whose `key` is each pair's model id, under the new id."""
    listed = ", ".join(columns)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({key}, {listed}) "  # noqa: S608 (names from the model's meta)
            f"SELECT %s, {listed} FROM {table} WHERE {key} = %s",
            pairs,
        )


def generate(count):
    index = OpportunityIndexPage.objects.get()
    models = list(OpportunityPage.objects.exclude(plan_key__startswith=KEY_PREFIX).order_by("pk"))
    start = generated().count()
    last_child = index.get_children().order_by("-path").first()
    next_step = int(last_child.path[-index.steplen :], 36) + 1 if last_child else 1
    now = timezone.now()
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    pages, sources = [], []
    for offset, number in enumerate(range(start + 1, count + 1)):
        model = models[number % len(models)]
        slug = f"benchmark-{number:05d}"
        values = {field.attname: getattr(model, field.attname) for field in page_fields}
        values.update(PAGE_FIELDS_RESET)
        values.update(
            path=Page._get_path(index.path, index.depth + 1, next_step + offset),
            depth=index.depth + 1,
            translation_key=uuid.uuid4(),
            title=f"Benchmark opportunity {number:05d}",
            title_zh_hans=f"基准测试机会 {number:05d}",
            title_en=f"Benchmark opportunity {number:05d}",
            draft_title=f"Benchmark opportunity {number:05d}",
            slug=slug,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        for language in settings.MODELTRANSLATION_LANGUAGES:
            values[localized_field("slug", language)] = slug
            url_path = localized_field("url_path", language)
            values[url_path] = getattr(index, url_path) + slug + "/"
        values["url_path"] = values[localized_field("url_path", settings.LANGUAGE_CODE)]
        pages.append(Page(**values))
        sources.append(model.pk)
    created = Page.objects.bulk_create(pages, batch_size=1000)
    pairs = [(page.pk, source) for page, source in zip(created, sources, strict=True)]
    own_fields = [
        field.column
        for field in OpportunityPage._meta.local_concrete_fields
        if field.column != "page_ptr_id"
    ]
    copy_rows(OpportunityPage._meta.db_table, "page_ptr_id", own_fields, pairs)
    new_ids = [pk for pk, _source in pairs]
    with connection.cursor() as cursor:  # each copy gets its own plan key: its slug
        cursor.execute(
            "UPDATE cooperation_opportunitypage SET plan_key = wagtailcore_page.slug "
            "FROM wagtailcore_page WHERE wagtailcore_page.id = page_ptr_id "
            "AND page_ptr_id = ANY(%s)",
            [new_ids],
        )
    # The copied sort keys are the source's: each copy gets its own title's.
    OpportunityPage.objects.bulk_update(
        [
            OpportunityPage(pk=page.pk, **stored_sort_keys(partial(getattr, page), "title"))
            for page in created
        ],
        ["title_sort_zh_hans", "title_sort_en"],
        batch_size=1000,
    )
    for relation in ("sectors", "counties", "regions", "organisations"):
        field = OpportunityPage._meta.get_field(relation)
        table = field.remote_field.through._meta.db_table
        copy_rows(table, field.m2m_column_name(), [field.m2m_reverse_name()], pairs)
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())


def delete():
    index = OpportunityIndexPage.objects.get()
    Page.objects.filter(pk__in=generated().values("pk")).delete()
    Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=9000)
    parser.add_argument("--delete", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    with transaction.atomic():
        if args.delete:
            delete()
        else:
            generate(args.count)
    total = generated().count()
    print(f"{total} benchmark opportunities ({time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
