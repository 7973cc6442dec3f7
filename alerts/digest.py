"""What an alert is about: the opportunities of its filter, and those new or changed since the
subscriber last heard from us."""

from django.http import Http404, QueryDict

from cooperation.listing import OpportunityListing
from cooperation.models import OpportunityIndexPage
from core.public import public


def alert_listing(query):
    """The opportunity listing that `query` (a query string) filters; its querystring() is the
    filter cleaned of unknown parameters and values. Http404 while the listing page is not
    public."""
    index_page = public(OpportunityIndexPage.objects.all()).first()
    if index_page is None:
        raise Http404("The opportunities are not public.")
    return OpportunityListing(index_page, QueryDict(query))


def changed_since(listing, since):
    """The listing's opportunities published or changed after `since`, in its order."""
    return listing.in_order(listing.matching().filter(last_published_at__gt=since))


def describe(listing):
    """The chosen options' labels, e.g. "New materials · Yangtze River Delta"."""
    return " · ".join(listing.selected_labels())
