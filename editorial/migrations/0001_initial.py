"""TranslationCheckTask moves here from `home`, keeping its rows (the workflow's first task).

Created in the migration state only, on `home`'s table, which is then renamed; its content type
is repointed, so the workflow, its task states and `Task.specific` keep finding it.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_content_type(source, target):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        ContentType.objects.filter(app_label=source, model="translationchecktask").update(
            app_label=target
        )
        ContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("home", "0006_grant_source_text_permission"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="TranslationCheckTask",
                    fields=[
                        (
                            "task_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.task",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "translation check",
                        "verbose_name_plural": "translation checks",
                        "db_table": "home_translationchecktask",
                    },
                    bases=("wagtailcore.task",),
                ),
            ],
        ),
        migrations.AlterModelTable(name="translationchecktask", table=None),
        migrations.RunPython(
            move_content_type("home", "editorial"), move_content_type("editorial", "home")
        ),
    ]
