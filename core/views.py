from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import redirect, render
from django.template import loader
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from core.language_choice import preferred_language


@require_GET
def language_redirect(request):
    """`/` sends visitors to the language they chose before, else to their browser's."""
    response = redirect(f"/{preferred_language(request)}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response


@require_GET
@cache_control(max_age=86400)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without the request's context processors: the database may be what failed.
    return HttpResponseServerError(loader.render_to_string("500.html"))
