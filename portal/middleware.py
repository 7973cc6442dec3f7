from django.conf import settings

ADMIN_PATHS = ("/admin/", "/django-admin/")


class ContentSecurityPolicyMiddleware:
    """Adds Content-Security-Policy and Permissions-Policy headers (Django 5.2 has no CSP support).

    Public pages get the enforced policy. The admins get theirs as report-only: Wagtail's admin
    still runs inline scripts and styles (its editors, the page chooser), which an enforced
    policy without 'unsafe-inline' would break; the report shows what a stricter one would block.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PATHS):
            policy = settings.ADMIN_CONTENT_SECURITY_POLICY
            response.headers.setdefault("Content-Security-Policy-Report-Only", policy)
        else:
            response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
