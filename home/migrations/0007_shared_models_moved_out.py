"""County, PartnerRegion and Sector now live in `core`, TranslationCheckTask in `editorial`:
their tables and rows moved with them (see those apps' first migrations); only the state here."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_grant_source_text_permission"),
        ("core", "0001_initial"),
        ("editorial", "0001_initial"),
        ("cooperation", "0004_taxonomy_from_core"),
        ("tourism", "0002_taxonomy_from_core"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="County"),
                migrations.DeleteModel(name="PartnerRegion"),
                migrations.DeleteModel(name="Sector"),
                migrations.DeleteModel(name="TranslationCheckTask"),
            ],
        ),
    ]
