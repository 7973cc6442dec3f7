from wagtail import hooks

from caching.validators import conditional_page_response
from core.content_version import bump_content_version


# Inside Wagtail's view-restriction check (an on_serve_page wrapper of order 0; every
# before_serve_page hook would run before it), so a restricted page never answers 304.
@hooks.register("on_serve_page", order=100)
def answer_conditional_requests(serve_page):
    def serve(page, request, serve_args, serve_kwargs):
        not_modified = conditional_page_response(page, request)
        return not_modified or serve_page(page, request, serve_args, serve_kwargs)

    return serve


# Snippets (counties, sectors, indicators, …) appear on many pages: retire every validator.
@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_delete_snippet")
def snippet_changed(request, instance):
    bump_content_version()
