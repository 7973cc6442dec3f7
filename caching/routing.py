"""Page routing with the database finding each child, instead of a loop over all of them.

With translated slugs, wagtail-modeltranslation replaces every translated page model's `route`
by one that finds the child named in the URL by loading every child and comparing slugs in
Python (for the fallback to the Chinese slug). Below the opportunity listing that loaded every
opportunity on every opportunity request. This is the same routing, fallback included, with one
query per URL segment.
"""

from django.apps import apps
from django.db.models import Q
from django.http import Http404
from modeltranslation.settings import DEFAULT_LANGUAGE
from modeltranslation.utils import build_localized_fieldname, get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult
from wagtail_modeltranslation.patch_wagtailadmin import _new_route as modeltranslation_route


def child_with_slug(page, slug):
    """The first child whose slug in the current language is `slug`, or, where it has none in
    that language, whose slug in the default language is."""
    current = build_localized_fieldname("slug", get_language())
    default = build_localized_fieldname("slug", DEFAULT_LANGUAGE)
    match = Q(**{current: slug})
    if current != default:
        untranslated = Q(**{current: ""}) | Q(**{f"{current}__isnull": True})
        match |= untranslated & Q(**{default: slug})
    return page.get_children().filter(match).order_by("path").first()


def route(self, request, path_components):
    if isinstance(self, RoutablePageMixin) and self.live:
        try:
            sub_path = "/" + "".join(f"{component}/" for component in path_components)
            view, args, kwargs = self.resolve_subpage(sub_path)
            return RouteResult(self, args=(view, args, kwargs))
        except Http404:
            pass
    if path_components:
        child = child_with_slug(self, path_components[0])
        if child is None:
            raise Http404
        return child.specific.route(request, path_components[1:])
    if self.live:
        return RouteResult(self)
    raise Http404


def install():
    """Replace modeltranslation's route wherever it put it (on each translated page model)."""
    for model in apps.get_models():
        if issubclass(model, Page) and model.__dict__.get("route") is modeltranslation_route:
            model.route = route
