from django.db import migrations, models

from core.sorting import stored_sort_keys


def fill_title_sort_keys(apps, schema_editor):
    OpportunityPage = apps.get_model("cooperation", "OpportunityPage")
    if not OpportunityPage.objects.exists():
        # A fresh database: wagtail-modeltranslation adds the title's language columns after
        # the migrations, and the pages saved later fill their own keys.
        return
    # The language columns are not in the historical models: read them by name.
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT id, title_zh_hans, title_en FROM wagtailcore_page "
            "WHERE id IN (SELECT page_ptr_id FROM cooperation_opportunitypage)"
        )
        rows = cursor.fetchall()
    pages = [
        OpportunityPage(
            pk=pk, **stored_sort_keys({"title_zh_hans": zh_hans, "title_en": en}.get, "title")
        )
        for pk, zh_hans, en in rows
    ]
    OpportunityPage.objects.bulk_update(
        pages, ["title_sort_zh_hans", "title_sort_en"], batch_size=1000
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0011_editorial_roles_manage_sector_groups"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunitypage",
            name="title_sort_en",
            field=models.TextField(blank=True, db_collation="C", editable=False),
        ),
        migrations.AddField(
            model_name="opportunitypage",
            name="title_sort_zh_hans",
            field=models.TextField(blank=True, db_collation="C", editable=False),
        ),
        migrations.RunPython(fill_title_sort_keys, migrations.RunPython.noop),
    ]
