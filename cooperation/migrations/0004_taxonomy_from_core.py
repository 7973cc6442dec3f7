"""The taxonomy snippets moved from `home` to `core` with their tables (core 0001): the relations
point at the same tables, so only the migration state changes."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0003_enquiry"),
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="opportunitypage",
                    name="counties",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.county", verbose_name="counties and districts"
                    ),
                ),
                migrations.AlterField(
                    model_name="opportunitypage",
                    name="regions",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.partnerregion", verbose_name="partner regions"
                    ),
                ),
                migrations.AlterField(
                    model_name="opportunitypage",
                    name="sectors",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.sector", verbose_name="sectors"
                    ),
                ),
                migrations.AlterField(
                    model_name="organisation",
                    name="region",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="organisations",
                        to="core.partnerregion",
                        verbose_name="home region",
                    ),
                ),
                migrations.AlterField(
                    model_name="programmepage",
                    name="regions",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.partnerregion", verbose_name="partners"
                    ),
                ),
                migrations.AlterField(
                    model_name="programmepage",
                    name="sectors",
                    field=modelcluster.fields.ParentalManyToManyField(
                        blank=True, to="core.sector", verbose_name="themes"
                    ),
                ),
            ],
        ),
    ]
