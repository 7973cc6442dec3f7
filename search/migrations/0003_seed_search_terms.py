"""Seeds the termbase from content/search_terms.yaml (the plan's own names and their usual
abbreviations); editors maintain it in the admin afterwards."""

from pathlib import Path

import yaml
from django.conf import settings
from django.db import migrations

SEED = Path(settings.BASE_DIR) / "content" / "search_terms.yaml"


def seed(apps, schema_editor):
    SearchTerm = apps.get_model("search", "SearchTerm")
    for entry in yaml.safe_load(SEED.read_text(encoding="utf-8")):
        SearchTerm.objects.get_or_create(
            zh=entry["zh"],
            defaults={
                "en": entry["en"],
                "zh_synonyms": "\n".join(entry.get("zh_synonyms") or []),
                "en_synonyms": "\n".join(entry.get("en_synonyms") or []),
            },
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0002_search_term")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
