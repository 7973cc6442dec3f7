from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from core.models import NamedSnippet
from core.models.fields import choice, optional_link


class Organisation(NamedSnippet):
    """A company, university, hospital or institute the plan names as a partner."""

    class Kind(models.TextChoices):
        COMPANY = "company", _("Company")  # 企业, e.g. 国药集团
        UNIVERSITY = "university", _("University")  # 高校
        RESEARCH = "research", _("Research institute")  # 科研院所, e.g. 中国科学院
        HOSPITAL = "hospital", _("Hospital")  # 医院
        GOVERNMENT = "government", _("Government body")  # 政府机构, including zones such as 中关村
        ASSOCIATION = "association", _("Association")  # 商会, 协会
        SCHOOL = "school", _("School")  # 中小学, e.g. 北京四中

    kind = choice(_("kind"), Kind)
    region = optional_link("core.PartnerRegion", _("home region"), related_name="organisations")

    panels = [FieldPanel("name"), FieldPanel("kind"), FieldPanel("region")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
