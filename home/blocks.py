"""StreamField blocks for the plan's running text (chapters 1, 2 and 9)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class SectionBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(label=_("section number"), min_value=1)
    title = blocks.CharBlock(label=_("title"))
    body = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "ol", "ul", "link"])

    class Meta:
        icon = "doc-full"


class ChapterBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(label=_("chapter number"), min_value=1)
    title = blocks.CharBlock(label=_("title"))
    intro = blocks.RichTextBlock(label=_("introduction"), required=False)
    sections = blocks.ListBlock(SectionBlock(), label=_("sections"))

    class Meta:
        icon = "folder-open-1"
        template = "home/blocks/chapter.html"
