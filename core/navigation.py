"""The site's main menu: the home page's children that are shown in menus."""

from wagtail.models import Page

from core.public import public

# Root is depth 1, the home page depth 2: the sections below it are depth 3.
SECTION_DEPTH = 3


def main_navigation():
    return public(Page.objects.filter(depth=SECTION_DEPTH)).in_menu().order_by("path")
