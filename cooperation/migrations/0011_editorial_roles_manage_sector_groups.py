"""The editorial roles manage the investor sector groups as they do the rest of the plan data
(home/migrations/0003_editorial_workflow.py gave them the other snippets); without this only
superusers could."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ACTIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view"],
    "Translators": ["change", "view"],
}


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; this step needs them now.
    app_config = apps.get_app_config("cooperation")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name__in=ACTIONS):
        codenames = [f"{action}_sectorgroup" for action in ACTIONS[group.name]]
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cooperation", codename__in=codenames
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0010_field_help_texts"),
        ("home", "0003_editorial_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
