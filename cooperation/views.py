"""What the opportunity pages serve beyond their fields: the filtered listing with its exports,
and the enquiry form."""

from http import HTTPStatus
from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from cooperation import exports
from cooperation.enquiries import over_rate_limit, save_enquiry
from cooperation.enquiry_stats import response_time
from cooperation.forms import EnquiryForm
from cooperation.listing import PAGE_SIZE, OpportunityListing
from cooperation.models import OpportunityPage
from core.page_query import with_query
from core.public import public
from core.renditions import card_images


def results_page(listing, request):
    listing.count_options()
    paginator = Paginator(listing.results("counties", card_images()), PAGE_SIZE)
    return paginator.get_page(request.GET.get("page"))


def listing_page(index_page, request):
    """The listing page; a URL with the database ids of older links moves to the plan keys."""
    listing = OpportunityListing(index_page, request.GET)
    if listing.from_old_url:
        query = listing.querystring()
        if "page" in request.GET:
            query = "&".join(filter(None, [query, urlencode({"page": request.GET["page"]})]))
        return HttpResponsePermanentRedirect(index_page.get_url(request) + f"?{query}")
    return index_page.render(
        request, context_overrides=listing_context(index_page, request, listing)
    )


def listing_context(index_page, request, listing):
    """The listing's context; the counts and results are computed only when the template
    reads them, which it does not when its output comes from the fragment cache."""
    page_of_results = SimpleLazyObject(lambda: results_page(listing, request))
    querystring = listing.querystring()
    return {
        "listing": listing,
        "opportunities": page_of_results,
        "querystring": querystring,
        "response_time": SimpleLazyObject(response_time),
        "export_csv_url": with_query(subpage_url(index_page, request, "export_csv"), querystring),
        "export_json_url": with_query(subpage_url(index_page, request, "export_json"), querystring),
        "feed_url": with_query(subpage_url(index_page, request, "feed"), querystring),
    }


def subpage_url(page, request, route_name):
    return page.get_url(request) + page.reverse_subpage(route_name)


def exported_opportunities(listing):
    # Streamed in plan order (cooperation/exports.py), whatever the listing's sort.
    return listing.filtered()


def export_csv(index_page, request):
    listing = OpportunityListing(index_page, request.GET)
    return exports.csv_response(exported_opportunities(listing), index_page, request)


def export_json(index_page, request):
    listing = OpportunityListing(index_page, request.GET)
    count = listing.filtered().count()
    return exports.json_response(exported_opportunities(listing), index_page, request, count)


def is_cross_site(request):
    """What the browser says about where the form was: Sec-Fetch-Site, else Origin."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site not in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return bool(origin)
    return origin != f"{request.scheme}://{request.get_host()}" and origin not in (
        settings.CSRF_TRUSTED_ORIGINS
    )


# Without a CSRF token, because the opportunity pages that carry the form are kept by the shared
# cache and served to every visitor: a token in them would be one visitor's token handed to all
# (and a form fetching its token by script would fail without JavaScript). A CSRF token stops a
# site from acting with a visitor's credentials; an enquiry is anonymous and acts on no one's
# behalf, so a forged one gains nothing that posting it directly would not. Abuse is what
# remains, and the honeypot and the rate limit handle it; submissions the browser marks as
# coming from another site are still refused.
@csrf_exempt
@require_POST
def send_enquiry(request, page_id):
    page = get_object_or_404(public(OpportunityPage.objects.all()), pk=page_id)
    if is_cross_site(request):
        return HttpResponseForbidden()
    return receive_enquiry(page, request)


def receive_enquiry(page, request):
    """A POSTed enquiry: redirect to the acknowledgement, or show the page again with the errors.

    Only a valid enquiry counts towards the rate limit: a visitor correcting a typo is not
    punished for it.
    """
    form = EnquiryForm(request.POST)
    if form.is_spam():
        # A robot that filled the honeypot is told it worked, so it does not adapt; nothing
        # of its is stored or sent.
        return acknowledgement(page, request)
    if not form.is_valid():
        context = page.get_context(request)
        context["form"] = form
        return TemplateResponse(request, page.get_template(request), context)
    if over_rate_limit(request):
        return TemplateResponse(
            request,
            "cooperation/enquiry_rate_limited.html",
            page.get_context(request),
            status=HTTPStatus.TOO_MANY_REQUESTS,
        )
    save_enquiry(form, page, request)
    return acknowledgement(page, request)


def acknowledgement(page, request):
    return HttpResponseRedirect(page.get_url(request) + "?sent=1#enquiry")
