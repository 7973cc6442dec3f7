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


def child_by_slug(page, slug):
    """The first child, in tree order, with this slug in the current language."""
    return page.get_children().filter(slug_is(slug, get_language())).order_by("path").first()


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


def route(self, request, path_components):
    """As wagtail-modeltranslation's `route` (a routable page's own views first), but the child
    is found by a query."""
    if isinstance(self, RoutablePageMixin) and self.live:
        path = "/" + "".join(f"{component}/" for component in path_components)
        try:
            view, args, kwargs = self.resolve_subpage(path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404
    child = child_by_slug(self, path_components[0])
    if child is None:
        raise Http404
    return child.specific.route(request, path_components[1:])


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
