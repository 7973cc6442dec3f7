"""Wagtail's read-only API v2 (/api/v2/): pages, images and documents as open data.

Hostile query strings get a 400 with a JSON message, never a 500: offsets stay inside what the
database and Elasticsearch can page through, and integers past the database's range (a 20-digit
id or offset) and NUL characters are refused before any query runs. Search terms are cut to what
Elasticsearch accepts by the search backend (`search/wagtail_backend.py`).
"""

from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

# Elasticsearch's default index.max_result_window: search results past it cannot be paged to.
MAX_RESULT_WINDOW = 10_000
DEFAULT_LIMIT = 20  # WagtailPagination's
BIGINT_DIGITS = len(str(2**63 - 1))
# Parameters that are text, never a number for the database.
TEXT_PARAMETERS = {
    "search",
    "search_operator",
    "fields",
    "order",
    "type",
    "locale",
    "title",
    "slug",
}


def number(value, default=0):
    return int(value) if value.isdigit() else default


class BoundedPagination(WagtailPagination):
    def paginate_queryset(self, queryset, request, view=None):
        offset = number(request.GET.get("offset", ""))
        if offset > MAX_RESULT_WINDOW:
            raise BadRequestError(f"offset cannot be higher than {MAX_RESULT_WINDOW}")
        end = offset + number(request.GET.get("limit", ""), DEFAULT_LIMIT)
        if request.GET.get("search") and end > MAX_RESULT_WINDOW:
            raise BadRequestError(
                f"offset + limit cannot be higher than {MAX_RESULT_WINDOW} when searching"
            )
        return super().paginate_queryset(queryset, request, view)


def check_value(name, value):
    """Refuse what PostgreSQL would fail on: NUL characters, integers past bigint."""
    if "\x00" in value:
        raise BadRequestError(f"{name} cannot contain NUL characters")
    digits = value.removeprefix("-")
    is_number = name not in TEXT_PARAMETERS and digits.isdigit()
    if is_number and (len(digits) > BIGINT_DIGITS or int(digits) >= 2**63):
        raise BadRequestError(f"{name} is out of range")


class BoundedInputMixin:
    pagination_class = BoundedPagination

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for name, values in [*request.GET.lists(), *((k, [str(v)]) for k, v in kwargs.items())]:
            for value in values:
                check_value(name, value)


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
