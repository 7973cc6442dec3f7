"""Settings shared by every environment; each value that differs between machines comes from
an environment variable so one build runs anywhere (12-factor)."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from portal import field_labels

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# Reverse proxies whose X-Forwarded-For is believed (addresses or CIDR networks, e.g.
# "127.0.0.1" behind a local nginx); empty trusts nobody. See portal/client_address.py.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

INSTALLED_APPS = [
    # wagtail_modeltranslation must precede the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "modeltranslation",
    "core",
    "home",
    "cooperation",
    "tourism",
    "search",
    "plan",
    "editorial",
    "caching",
    "alerts",
    "previews",
    "maps",
    "staff_2fa",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.api.v2",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtailautocomplete",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # backup codes
]

MIDDLEWARE = [
    "portal.request_log.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    # Outside sessions and CSRF, so it sees every cookie they set (caching/headers.py).
    "caching.headers.HttpCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Then whether this session entered a code (django-otp), and the code asked for if not.
    "django_otp.middleware.OTPMiddleware",
    "staff_2fa.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes requires: turns a locked-out login into its lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

# Public pages load scripts and styles only from this site; map tiles may come from OpenStreetMap
# (the maps stay useful without them). Inline style attributes draw the indicator bars.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: https://tile.openstreetmap.org https://*.tile.openstreetmap.org",
        "style-src 'self' 'unsafe-inline'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
# The admins' policy is sent report-only (see portal/middleware.py): same origins, no plugins.
ADMIN_CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob: https://tile.openstreetmap.org https://*.tile.openstreetmap.org",
        "style-src 'self'",
        "script-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
)
# No page of the portal uses these browser features; nothing embedded may either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in [
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "browsing-topics",
    ]
)

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site_navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# SQLite is the embedded default; tests and production set DATABASE_URL to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes) for the Wagtail admin and /django-admin/: after
# AXES_FAILURE_LIMIT failed logins for one account, or from one address, further attempts are
# refused for AXES_COOLOFF_MINUTES, even with the right password. Attempts and lockouts are kept
# in axes' access logs (Django admin → Axes).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each one on its own
AXES_CLIENT_IP_CALLABLE = "portal.client_address.client_address"
# Wrong two-factor codes count too; the count is reset once a sign-in is complete, which for
# a user with an authenticator is after the code, not the password (staff_2fa/lockout.py).
AXES_RESET_ON_SUCCESS = False
# Masked in the attempts axes records, like the password (the first two are axes' default).
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address", "otp_token"]
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_LOCKOUT_CALLABLE = "portal.login_lockout.lockout_response"

# Optional two-factor authentication (TOTP, django-otp; staff_2fa/): staff set up an
# authenticator app from their account page, and from then on enter its code after the password
# before any admin page. STAFF_2FA_REQUIRED=true sends every Wagtail admin user without one to
# set it up first. Each wrong code doubles the wait before the next is checked (1 s, 2 s, 4 s …).
STAFF_2FA_REQUIRED = os.environ.get("STAFF_2FA_REQUIRED", "") == "true"
OTP_TOTP_ISSUER = "Xinxiang Open Cooperation Portal"
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_ADMIN_HIDE_SENSITIVE_DATA = True  # Django admin lists devices without their secret keys

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Simplified Chinese is the default, English the second language.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("简体中文")), ("en", _("English"))]
MODELTRANSLATION_DEFAULT_LANGUAGE = "zh-hans"
MODELTRANSLATION_LANGUAGES = ("zh-hans", "en")
# An English field left empty falls back to the Chinese, so drafts and the English admin keep
# working (a page with an empty English title is still a valid page). The workflow's
# translation check is what keeps such a page off the public site until it is translated.
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("zh-hans",)}
WAGTAILMODELTRANSLATION_TRANSLATE_SLUGS = True
# Field labels name the language in words; the locale picker, which reads "[zh-hans]" from the
# labels, is off: editors see both languages, translators the Chinese beside the English.
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = field_labels.localized_field_label
WAGTAILMODELTRANSLATION_LOCALE_PICKER = False
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"),
]
STATIC_ROOT = BASE_DIR / "collected_static"
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "portal",
    }
}

# Frontend cache (nginx micro-cache, a CDN): purged on publish when its PURGE endpoint is set.
FRONTEND_CACHE_PURGE_URL = os.environ.get("FRONTEND_CACHE_PURGE_URL", "")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
# Part of every page's ETag: set it to the deployed commit so a release retires old validators.
PORTAL_RELEASE = os.environ.get("PORTAL_RELEASE", "")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Staff who receive investor enquiries.
ENQUIRY_RECIPIENTS = env_list("ENQUIRY_RECIPIENTS", "investment@localhost")
# The reply time each enquiry's acknowledgement promises: only the investment office can say,
# so there is no default and, unset, the acknowledgement promises none. And how long an
# enquiry's personal data is kept before `manage.py anonymise_enquiries` removes it (stated on
# the enquiry form).
ENQUIRY_RESPONSE_WORKING_DAYS = int(os.environ.get("ENQUIRY_RESPONSE_WORKING_DAYS") or 0) or None
ENQUIRY_RETENTION_DAYS = int(os.environ.get("ENQUIRY_RETENTION_DAYS", "365"))
# Sender of the opportunity alerts (confirmation and weekly digest).
ALERTS_FROM_EMAIL = os.environ.get("ALERTS_FROM_EMAIL", DEFAULT_FROM_EMAIL)

# Map tiles (maps/): none by default, so maps work on a closed network with the portal's own
# reference places; e.g. MAP_TILE_URL=https://tile.openstreetmap.org/{z}/{x}/{y}.png. The
# attribution is translated when it is one of the interface's strings.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION", "Map data © OpenStreetMap contributors"
)

WAGTAIL_SITE_NAME = "新乡开放合作门户 Xinxiang Open Cooperation Portal"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # translation is field-level (modeltranslation), one page tree
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Checked from the file's header before anything is decoded: one 40 MP image takes about 160 MB
# of memory as RGBA while renditions are made; larger ones (decompression bombs) are refused.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.image_forms.CheckedImageForm"
WAGTAILADMIN_PERMITTED_LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
# No Gravatar (unreachable on the city's network): Wagtail's bundled default avatar or an upload.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Workflow emails (submitted → moderators, approved/rejected → the submitter) go out from here.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# A revision edited after a workflow step passed goes through that step (the translation check)
# again before it is published.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True

# Search: Elasticsearch when configured, the database otherwise (see search/README.md).
ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
SEARCH_INDEX_PREFIX = os.environ.get("SEARCH_INDEX_PREFIX", "portal")
# Replicas of the portal's own search indices: 0 on a single node, 1+ on a cluster.
SEARCH_INDEX_REPLICAS = int(os.environ.get("SEARCH_INDEX_REPLICAS", "0"))
if ELASTICSEARCH_URL:
    from search.client import CircuitBreakerTransport

    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.wagtail_backend",
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
            # Its index writes (a publish, update_index); its searches get the circuit
            # breaker's short search timeout instead, so the admin's and API v2's searches
            # cannot hold the workers on a frozen Elasticsearch either.
            "TIMEOUT": 30,
            "OPTIONS": {"transport_class": CircuitBreakerTransport},
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    # Two-factor set-ups, removals and verifications, failed ones at WARNING.
    "loggers": {"staff_2fa": {"level": "INFO"}},
}
