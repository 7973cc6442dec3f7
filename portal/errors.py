"""The server-error handler: JSON for the JSON endpoints, the error page for everything else."""

import re

from django.http import JsonResponse

from core.views import server_error as server_error_page

# API v2, /api/search/ and the search box's suggestions (/<lang>/search/suggest/).
JSON_PATH = re.compile(r"^/(api/|[a-z-]+/search/suggest/)")


def server_error(request):
    # Built without the database or templates: the database may be what failed.
    if JSON_PATH.match(request.path):
        return JsonResponse({"message": "server error"}, status=500)
    return server_error_page(request)
