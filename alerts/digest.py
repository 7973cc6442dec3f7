"""What an alert is about: the opportunities of its filter, and those new or changed since the
subscriber last heard from us."""

from django.http import QueryDict

from cooperation.listing import OpportunityListing
from cooperation.models import OpportunityIndexPage


def opportunity_index():
    return OpportunityIndexPage.objects.live().first()


def clean_query(query):
    """The filter as the listing itself writes it: unknown parameters and values dropped."""
    return OpportunityListing(opportunity_index(), QueryDict(query)).querystring()


def changed_since(subscription):
    since = subscription.last_sent_at or subscription.confirmed_at
    listing = OpportunityListing(opportunity_index(), QueryDict(subscription.query))
    return [page for page in listing.results() if page.last_published_at > since]


def describe(query):
    """The chosen options' labels, e.g. "New materials · Yangtze River Delta"."""
    listing = OpportunityListing(opportunity_index(), QueryDict(query))
    return " · ".join(str(option.label) for facet in listing.facets for option in facet.selected)
