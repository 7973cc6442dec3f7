from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cooperation import views as cooperation_views
from core import sitemaps
from core import views as core_views
from core.language_choice import switch_language
from home.feeds import NewsFeed
from portal.api import api_router
from portal.health import healthz
from search import views as search_views
from tourism.feeds import EventFeed

urlpatterns = [
    path("", core_views.language_redirect, name="language_redirect"),
    path("healthz", healthz, name="healthz"),
    path("language/<str:language>/", switch_language, name="switch_language"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemaps.sitemap_section, name="sitemap_section"),
    path("django-admin/", admin.site.urls),
    path("admin/two-factor/", include("staff_2fa.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/search/", search_views.api_search, name="api_search"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# One URL tree per language (/zh-hans/…, /en/…); Wagtail serves whatever is not matched above.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("enquiry/<int:page_id>/", cooperation_views.send_enquiry, name="send_enquiry"),
    path("alerts/", include("alerts.urls")),
    path("feeds/news/", NewsFeed(), name="news_feed"),
    path("feeds/events/", EventFeed(), name="events_feed"),
    path("", include("previews.urls")),
    path("", include("maps.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "portal.errors.server_error"
