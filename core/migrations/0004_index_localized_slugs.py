"""Index the localized slug columns, as their fields declare (db_index, like Wagtail's `slug`).

core/routing.py finds a page's child, and checks a slug on save, by a query on these columns;
without an index that query reads every page below the parent (8 ms a request for an
opportunity among 9,000). wagtail-modeltranslation adds the columns after the migrations
(`migrate` runs its sync_page_translation_fields) and without their indexes, so on a new
database this adds the columns, indexed, first; the sync then finds them in place.
"""

from django.conf import settings
from django.db import migrations

from core.i18n import localized_field


def slug_fields():
    # The real model: the historical one has no translated fields.
    from wagtail.models import Page

    return Page, [
        Page._meta.get_field(localized_field("slug", language))
        for language in settings.MODELTRANSLATION_LANGUAGES
    ]


def columns(schema_editor, table):
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        return {
            column.name for column in connection.introspection.get_table_description(cursor, table)
        }


def index(apps, schema_editor):
    page, fields = slug_fields()
    existing = columns(schema_editor, page._meta.db_table)
    for field in fields:
        if field.column in existing:
            for statement in schema_editor._field_indexes_sql(page, field):
                schema_editor.execute(statement)
        else:
            schema_editor.add_field(page, field)


def unindex(apps, schema_editor):
    page, fields = slug_fields()
    for field in fields:
        for name in schema_editor._constraint_names(page, [field.column], index=True):
            schema_editor.execute(schema_editor._delete_index_sql(page, name))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_field_help_texts"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(index, unindex)]
