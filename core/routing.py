"""Serving and saving a page cost the same whatever the number of its siblings.

wagtail-modeltranslation replaces every page model's `route` with one that loads all the children
of each page on the way to compare their localized slugs in Python (serving one opportunity
built 933 model instances at 10× content), and adds to `clean` a slug check that loads all the
page's siblings on every save. Both do the same job here with a query on the slug columns,
falling back the way modeltranslation does (MODELTRANSLATION_FALLBACK_LANGUAGES); CoreConfig.ready
puts them over the patch.
"""

import inspect

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import resolution_order
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail_modeltranslation import patch_wagtailadmin

from core.i18n import localized_field

PATCH_MODULE = patch_wagtailadmin.__name__


def slug_is(slug, language):
    """Pages whose slug in `language`, or else in the first fallback language that has one, is
    `slug` (what `page.slug` reads in that language)."""
    matches, unset = Q(), Q()
    for candidate in resolution_order(language):
        field = localized_field("slug", candidate)
        matches |= unset & Q(**{field: slug})
        unset &= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return matches


def pages_on_path(page, path_components):
    """The descendants of `page` that the path's components can name, one depth per component,
    in tree order: one query for the whole path, however deep, instead of one per level."""
    language = get_language()
    levels = Q()
    for offset, slug in enumerate(path_components, start=1):
        levels |= Q(depth=page.depth + offset) & slug_is(slug, language)
    return page.get_descendants().filter(levels).order_by("path")


def slug_errors(page):
    """{localized slug field: error} for each language in which a sibling has the page's slug."""
    if page.depth is None or page.depth <= 1 or not page.path:
        return {}  # the root (or a page not placed in the tree yet) has no siblings to clash with
    siblings = page.get_siblings(inclusive=False)
    errors = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            slug = page.slug
        if slug and siblings.filter(slug_is(slug, language)).exists():
            errors[localized_field("slug", language)] = _("This slug is already in use")
    return errors


def checking_slugs_by_query(original_clean):
    def clean(self):
        errors = slug_errors(self)
        if errors:
            raise ValidationError(errors)
        original_clean(self)

    return clean


def subpage_path(path_components):
    return "/" + "".join(f"{component}/" for component in path_components)


def as_specific(page):
    return page if type(page) is page.specific_class else page.specific


def route(self, request, path_components):
    """As wagtail-modeltranslation's `route`: at each page on the way, a routable page's own views
    first, then its first child (in tree order) with the next slug. The pages on the way are
    found by one query, and only the page that answers is loaded as its specific class."""
    candidates = list(pages_on_path(self, path_components)) if path_components else []
    page, model, remaining = self, type(self), list(path_components)
    while True:
        if model.route is not route:  # a page type that routes its own way
            return as_specific(page).route(request, remaining)
        if issubclass(model, RoutablePageMixin) and page.live:
            try:
                match = model.get_resolver().resolve(subpage_path(remaining))
            except Http404:
                pass
            else:
                page = as_specific(page)
                # The view bound to the page, as RoutablePageMixin.resolve_subpage binds it.
                view = match.func.__get__(page, type(page))
                return RouteResult(page, args=(view, match.args, match.kwargs))
        if not remaining:
            if page.live:
                return RouteResult(as_specific(page))
            raise Http404
        child = next(
            (
                candidate
                for candidate in candidates
                if candidate.depth == page.depth + 1 and candidate.path.startswith(page.path)
            ),
            None,
        )
        if child is None:
            raise Http404
        page, model, remaining = child, child.specific_class or Page, remaining[1:]


def is_patched(method):
    return getattr(method, "__module__", None) == PATCH_MODULE


def unpatched(clean):
    """The clean method the patch wrapped (itself perhaps a patched parent's)."""
    while is_patched(clean):
        clean = inspect.getclosurevars(clean).nonlocals["old_clean"]
    return clean


def replace_patched_methods():
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        if model.__dict__.get("route") is patch_wagtailadmin._new_route:
            # The same steps as the patch's, except for how the child is found.
            model.route = route
        if is_patched(model.__dict__.get("clean")):
            # Keep the model's own clean, drop the patch's sibling scan.
            model.clean = checking_slugs_by_query(unpatched(model.clean))
