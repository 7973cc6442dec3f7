from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from .mixins import PlanSourced


def page_search_fields(*text_fields):
    """A page type's search fields: Page's own (the title) and these fields' text."""
    return Page.search_fields + [index.SearchField(name) for name in text_fields]


class SectionPage(PlanSourced, Page):
    """A top-level section of the site (one per menu entry): an introduction, then its content."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    # For a section that lists its children (of its one subpage type) as cards: the name the
    # template reads them by and their order, e.g. ("articles", "-date").
    cards = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        from core.renditions import child_cards  # which imports core.models

        context = super().get_context(request, *args, **kwargs)
        if self.cards:
            name, order = self.cards
            (model,) = self.clean_subpage_models()
            context[name] = child_cards(self, model, order)
        return context
