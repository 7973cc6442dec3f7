from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap

from core.i18n import page_url_in


class BilingualSitemap(Sitemap):
    """Every live page once per language, each entry naming its alternates (and x-default)."""

    def _urls(self, page, protocol, domain):
        urls = []
        for item in self.paginator.page(page).object_list.iterator():
            lastmod = self.lastmod(item)
            locations = {
                code: self.request.build_absolute_uri(page_url_in(item, code, self.request))
                for code, _name in settings.LANGUAGES
            }
            alternates = [{"lang_code": code, "location": url} for code, url in locations.items()]
            alternates.append(
                {"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]}
            )
            for url in locations.values():
                urls.append({"location": url, "lastmod": lastmod, "alternates": alternates})
        return urls
