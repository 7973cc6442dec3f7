"""Wagtail's read-only API v2 (/api/v2/): pages, images and documents as open data.

Hostile query strings get a 400 with a JSON message, never a 500: offsets stay inside what the
database and Elasticsearch can page through, integers past the database's range (a 20-digit id
or offset) and NUL characters are refused before any query runs, and search terms are cut to a
length Elasticsearch accepts.
"""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Elasticsearch's default index.max_result_window: results past it cannot be paged to.
MAX_RESULT_WINDOW = 10_000
# Longer terms are cut: a 10,000-character Chinese term is 10,000 clauses, past
# Elasticsearch's maxClauseCount; nobody searches with more than a sentence.
MAX_SEARCH_LENGTH = 100
BIGINT_DIGITS = len(str(2**63 - 1))


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = request.GET.get("offset", "")
        if offset.isdigit() and int(offset) > MAX_RESULT_WINDOW:
            raise BadRequestError(f"offset cannot be higher than {MAX_RESULT_WINDOW}")
        return super().paginate_queryset(queryset, request, view)


def check_value(name, value):
    """Refuse what PostgreSQL would fail on: NUL characters, integers past bigint."""
    if "\x00" in value:
        raise BadRequestError(f"{name} cannot contain NUL characters")
    digits = value.removeprefix("-")
    if digits.isdigit() and (len(digits) > BIGINT_DIGITS or int(digits) >= 2**63):
        raise BadRequestError(f"{name} is out of range")


class BoundedInputMixin:
    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in [*request.GET.lists(), *((k, [str(v)]) for k, v in kwargs.items())]:
            for value in values:
                check_value(name, value)
        search = request.GET.get("search")
        if search and len(search) > MAX_SEARCH_LENGTH:
            query = request.GET.copy()
            query["search"] = search[:MAX_SEARCH_LENGTH]
            request._request.GET = query


class BoundedPagesAPIViewSet(BoundedInputMixin, PagesAPIViewSet):
    pass


class BoundedImagesAPIViewSet(BoundedInputMixin, ImagesAPIViewSet):
    pass


class BoundedDocumentsAPIViewSet(BoundedInputMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", BoundedPagesAPIViewSet)
api_router.register_endpoint("images", BoundedImagesAPIViewSet)
api_router.register_endpoint("documents", BoundedDocumentsAPIViewSet)
