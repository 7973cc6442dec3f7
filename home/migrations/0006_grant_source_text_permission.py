"""Editors and Moderators edit every field; Translators only the English ones."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def grant(apps, schema_editor):
    home = apps.get_app_config("home")
    home.models_module = True
    create_permissions(home, apps=apps, verbosity=0)
    home.models_module = None
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permission = Permission.objects.get(
        content_type__app_label="home", codename="edit_source_text"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(content_type__app_label="home", codename="edit_source_text").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0005_source_text_permission"), ("home", "0003_editorial_workflow")]

    operations = [migrations.RunPython(grant, revoke)]
