from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import NamedSnippet


class Organisation(NamedSnippet):
    """A company, university, hospital or institute the plan names as a partner."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")
        UNIVERSITY = "university", _("University")
        RESEARCH = "research", _("Research institute")
        HOSPITAL = "hospital", _("Hospital")
        GOVERNMENT = "government", _("Government body")
        ASSOCIATION = "association", _("Association")
        SCHOOL = "school", _("School")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    region = models.ForeignKey(
        "core.PartnerRegion",
        verbose_name=_("home region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisations",
    )

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("region")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
