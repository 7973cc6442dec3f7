from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DayBlock(blocks.StructBlock):
    """One day of a route's suggested itinerary."""

    title = blocks.CharBlock(label=_("title"))
    stops = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="tourism.AttractionPage"), label=_("stops")
    )

    class Meta:
        icon = "date"
