from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import NamedSnippet
from core.models.fields import choice, optional_link


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

    kind = choice(_("kind"), Kind)
    region = optional_link("core.PartnerRegion", _("home region"), related_name="organisations")

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("region")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
