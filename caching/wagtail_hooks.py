from wagtail import hooks

from caching.validators import conditional_page_response
from core.content_version import bump_content_version


# After Wagtail's own hooks (order 0), so view restrictions are checked before any 304.
@hooks.register("before_serve_page", order=100)
def answer_conditional_requests(page, request, serve_args, serve_kwargs):
    return conditional_page_response(page, request)


# Snippets (counties, sectors, indicators, …) appear on many pages: retire every validator.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def snippet_changed(request, instance):
    bump_content_version()
