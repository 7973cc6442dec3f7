"""County, PartnerRegion and Sector move here from `home`, keeping their rows.

The models are created in the migration state only, on the tables `home` made, and the tables are
then renamed to this app's names. Their content types are repointed (not recreated), so
permissions, groups, admin logs and anything else that refers to them keep working.
"""

from django.db import migrations, models

MOVED = ["county", "partnerregion", "sector"]

NAMED_SNIPPET_FIELDS = [
    ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
    ("plan_key", models.CharField(blank=True, db_index=True, editable=False, max_length=120)),
    ("plan_fingerprint", models.CharField(blank=True, editable=False, max_length=40)),
    ("name", models.CharField(max_length=255, verbose_name="name")),
    ("name_zh_hans", models.CharField(max_length=255, null=True, verbose_name="name")),
    ("name_en", models.CharField(max_length=255, null=True, verbose_name="name")),
    ("edited_in_admin", models.BooleanField(default=False, editable=False)),
]


def named_snippet(name, verbose_name, verbose_name_plural, extra_fields=()):
    return migrations.CreateModel(
        name=name,
        fields=[*NAMED_SNIPPET_FIELDS, *extra_fields],
        options={
            "verbose_name": verbose_name,
            "verbose_name_plural": verbose_name_plural,
            "ordering": ["name"],
            "abstract": False,
            "db_table": f"home_{name.lower()}",
        },
    )


def move_content_types(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=source, model__in=MOVED).update(app_label=target)
        ContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0006_grant_source_text_permission"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                named_snippet(
                    "County",
                    "county or district",
                    "counties and districts",
                    [
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("district", "District"),
                                    ("county", "County"),
                                    ("county-city", "County-level city"),
                                    ("zone", "Zone"),
                                ],
                                max_length=20,
                                verbose_name="kind",
                            ),
                        )
                    ],
                ),
                named_snippet("PartnerRegion", "partner region", "partner regions"),
                named_snippet("Sector", "sector", "sectors"),
            ],
        ),
        # db_table=None: the tables take this app's names (home_county → core_county, …).
        migrations.AlterModelTable(name="county", table=None),
        migrations.AlterModelTable(name="partnerregion", table=None),
        migrations.AlterModelTable(name="sector", table=None),
        migrations.RunPython(
            move_content_types("home", "core"), move_content_types("core", "home")
        ),
    ]
