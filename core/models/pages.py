from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from .mixins import PlanSourced


class SectionPage(PlanSourced, Page):
    """A top-level section of the site (one per menu entry): an introduction, then its content."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["home.HomePage"]

    class Meta:
        abstract = True
