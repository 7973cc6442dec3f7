from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core.public import public

from .share_cards import card_revision, share_card


def share_card_url(page):
    """Path of the page's card in the active language; it changes with each published revision
    of the page, its section or its stops."""
    return reverse("share_card", args=[page.pk, card_revision(page)])


@require_GET
def share_card_image(request, page_id, revision):
    page = get_object_or_404(public(Page.objects.all()).specific(), pk=page_id)
    if revision != card_revision(page):
        return redirect(share_card_url(page))
    response = HttpResponse(share_card(page), content_type="image/png")
    # The URL names the revision of what the card shows, so the picture behind it never changes.
    patch_cache_control(response, public=True, max_age=365 * 86400, immutable=True)
    return response
