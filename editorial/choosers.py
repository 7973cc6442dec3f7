"""The endpoints of the admin's autocomplete choosers (wagtail-autocomplete's AutocompletePanel),
served at the admin's `autocomplete/`, where the widget's script looks for them.

The package's own admin endpoints search whichever model the `type` parameter names; these
search only the taxonomy the choosers offer (the `NamedSnippet` models), so no admin user, a
translator included, can list every document's or image's title through them. Nothing is
created from a chooser, so the package's `create/` endpoint is left out."""

from django.apps import apps
from django.http import HttpResponseBadRequest
from django.urls import path
from wagtail.admin.auth import require_admin_access
from wagtailautocomplete.views import objects, search

from core.models import NamedSnippet


def choosable(label):
    try:
        return issubclass(apps.get_model(label), NamedSnippet)
    except (LookupError, ValueError):
        return False


def taxonomy_only(view):
    def guarded(request):
        params = request.POST if request.method == "POST" else request.GET
        if not choosable(params.get("type", "")):
            return HttpResponseBadRequest()
        return view(request, public=False)

    return require_admin_access(guarded)


urlpatterns = [
    path("objects/", taxonomy_only(objects)),
    path("search/", taxonomy_only(search)),
]
