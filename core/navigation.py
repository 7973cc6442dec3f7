"""The site's main menu: the home page's children that are shown in menus."""

from wagtail.models import Page

from core.public import public

# Root is depth 1, the home page depth 2: the sections below it are depth 3.
SECTION_DEPTH = 3


def main_navigation():
    return public(Page.objects.filter(depth=SECTION_DEPTH)).in_menu().order_by("path")


def ancestors(page):
    """The page's ancestors below the root, read once per page object: the share card, the
    structured data and the breadcrumbs of a page view all need them."""
    if "_ancestors" not in page.__dict__:
        page.__dict__["_ancestors"] = [a for a in page.get_ancestors() if a.depth > 1]
    return page.__dict__["_ancestors"]
