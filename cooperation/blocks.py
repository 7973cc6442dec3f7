from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class BoxItemBlock(blocks.StructBlock):
    """One paragraph of a plan box (专栏): a lead phrase and what the plan lists under it."""

    heading = blocks.CharBlock(label=_("heading"))
    body = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "list-ul"
        template = "cooperation/blocks/box_item.html"
