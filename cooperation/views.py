"""What the opportunity pages serve beyond their fields: the filtered listing with its exports,
and the enquiry form."""

from http import HTTPStatus
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import HttpResponsePermanentRedirect, HttpResponseRedirect
from django.template.response import TemplateResponse

from cooperation import exports
from cooperation.enquiries import over_rate_limit, save_enquiry
from cooperation.enquiry_stats import response_time
from cooperation.forms import EnquiryForm
from cooperation.listing import PAGE_SIZE, OpportunityListing


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
    listing.count_options()
    paginator = Paginator(listing.results("counties"), PAGE_SIZE)
    page_of_results = paginator.get_page(request.GET.get("page"))
    querystring = listing.querystring()
    suffix = f"?{querystring}" if querystring else ""
    return {
        "listing": listing,
        "response_time": response_time(),
        "opportunities": page_of_results,
        "querystring": querystring,
        "feed_url": subpage_url(index_page, request, "feed") + suffix,
        "export_csv_url": subpage_url(index_page, request, "export_csv") + suffix,
        "export_json_url": subpage_url(index_page, request, "export_json") + suffix,
    }


def subpage_url(page, request, route_name):
    return page.get_url(request) + page.reverse_subpage(route_name)


def exported_opportunities(index_page, request):
    return OpportunityListing(index_page, request.GET).results("counties", "sectors", "regions")


def export_csv(index_page, request):
    return exports.csv_response(exported_opportunities(index_page, request), request)


def export_json(index_page, request):
    return exports.json_response(exported_opportunities(index_page, request), request)


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
