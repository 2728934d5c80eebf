"""Settings for the archive. Everything that differs between machines comes from the environment."""

import datetime
import os
import re
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from archive.ops.cache_url import caches_from_url

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# --- Core ---------------------------------------------------------------------------------------
DEBUG = env_bool("DJANGO_DEBUG", default=False)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "insecure-development-key-never-used-in-production"  # noqa: S105

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("DJANGO_ALLOWED_HOSTS", "").split(",") if h.strip()]
if DEBUG:
    ALLOWED_HOSTS += ["localhost", "127.0.0.1", "[::1]"]

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its tabs patch the admin's forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles, so runserver serves static files the way production does.
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    # Sign-in throttling and lockout, kept in the database (AXES_* below).
    "axes",
    # The JSON API (archive/api/): REST framework, its OpenAPI schema, Swagger UI from our static
    # files, CORS.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "archive",
]

# --- Middleware: the one place their order is decided --------------------------------------------
# Requests go down this list and responses come back up it. Each entry says why it sits where it
# does; issues that add a middleware add it at its marked slot, with its reason.
MIDDLEWARE = [
    # TRACE, TRACK and CONNECT -> 405 before anything spends work on them (TRACE echoes cookies).
    "archive.ops.methods.RefuseMethodsMiddleware",
    # /healthz for load balancers: above SecurityMiddleware (whose HTTPS redirect would answer a
    # plain-HTTP probe) and above everything that calls request.get_host(), since probes use the
    # machine's own address, which ALLOWED_HOSTS does not list. Uncached, reads nothing else.
    "archive.ops.health.HealthCheckMiddleware",
    # HTTPS redirect, HSTS, nosniff, Referrer-Policy, Cross-Origin-Opener-Policy: every response
    # below gets them, static files and cached pages included.
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy (CONTENT_SECURITY_POLICY below), written on the way out on every
    # response below, whichever middleware or view answered.
    "csp.middleware.CSPMiddleware",
    # Permissions-Policy; marks the admin's responses with the admin's CSP exceptions, which must
    # happen below CSPMiddleware so that it reads them when it writes the header.
    "archive.ops.headers.SecurityHeadersMiddleware",
    # CORS for GET on /api/ and /data/ only (CORS_URLS_REGEX): above WhiteNoise and the page cache,
    # so that their answers (and preflight requests, answered by CorsMiddleware itself) carry the
    # CORS headers, and below the security headers, which it must not replace.
    "corsheaders.middleware.CorsMiddleware",
    # Static files answered straight away: no session, no language, no database.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # The page cache's fast path (archive/caching.py): below WhiteNoise (static files never reach
    # it) and above sessions and everything after, so that a reader's cached page costs no session,
    # no language negotiation and no database, and keeps being served while the database is down;
    # the security headers and CSP above still apply to it. It stores a page with every header the
    # middlewares below gave it, so a hit answers exactly what the full stack would.
    "archive.caching.PageCacheMiddleware",
    # A database outage raised by a view (archive/ops/outage.py) becomes the translated 503 page;
    # handler500 does the same for one raised by a middleware.
    "archive.ops.outage.DatabaseOutageMiddleware",
    # Sessions before the language (LocaleMiddleware may read them) and before authentication.
    "django.contrib.sessions.middleware.SessionMiddleware",
    # /en/, /fr/, /zh-hans/: activates the reader's language, so that every page below, the 503
    # and sign-in pages included, is in it.
    "django.middleware.locale.LocaleMiddleware",
    # A NUL character in an admin address or query -> 400 (archive/ops/methods.py): below the
    # language, so the page is translated; above everything that could hand it to the database.
    "archive.ops.methods.RefuseNulMiddleware",
    # One password check at a time per machine (archive/ops/login.py): below LocaleMiddleware so
    # that its "try again" page is translated, above everything that touches the database.
    "archive.ops.login.SignInGateMiddleware",
    # Trailing slashes; after LocaleMiddleware, which handles /en without a slash itself.
    "django.middleware.common.CommonMiddleware",
    # 304 Not Modified from the ETag and Last-Modified set by archive/caching.py.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which editor made each change in the statement's history; needs request.user.
    "simple_history.middleware.HistoryRequestMiddleware",
    # django-axes' lockout page replaces the admin's answer on the way out: last, as axes requires.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "archive.urls"
WSGI_APPLICATION = "archive.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "archive.context_processors.alternates",
                "archive.context_processors.site",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# SQLite inside the project folder needs no set-up; production and CI give a postgres:// URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "60")),
        # A kept connection is checked before a request uses it: after a database restart the
        # first request reconnects instead of failing on the dead connection.
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Languages ----------------------------------------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("zh-hans", _("Simplified Chinese")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# ISO dates (YYYY-MM-DD) in every language's forms and in the admin's calendar; English dates
# shown in the British style of the pages' og:locale (en_GB); French and Chinese as Django has them.
FORMAT_MODULE_PATH = ["archive.formats"]
USE_I18N = True
TIME_ZONE = "Asia/Shanghai"
USE_TZ = True

MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
# A missing translation shows another language instead of a blank; templates say which.
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("en", "zh-hans", "fr"),
    "fr": ("en", "zh-hans"),
    "zh-hans": ("en", "fr"),
}

# --- Static files -------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, gzip and brotli: served with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Files served at the site's root, such as /favicon.ico, which browsers ask for whatever the page says.
WHITENOISE_ROOT = BASE_DIR / "webroot"

# --- Cache --------------------------------------------------------------------------------------
# One machine: files, not per-process memory, so that every gunicorn worker and every management
# command (the content loader) sees the same cached pages and the same "content changed" mark
# (archive/caching.py). Several machines: CACHE_URL=redis://… (archive/ops/cache_url.py).
CACHES = {
    "default": caches_from_url(
        os.environ.get("CACHE_URL"), os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache"))
    )
}
# Rendered pieces of pages (a statement's card, its columns, its citation) in each process's memory:
# their keys carry the statement's last change and a generation read from the shared cache, so a
# piece is never stale, and a page's first view after an edit renders only what changed.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 20000},
}
# Whole pages for readers kept under what they show (caching.rendered_for_readers), compressed: a
# thousand pages of 30-60 KB stay within a few tens of megabytes per process.
CACHES["rendered"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "rendered",
    "OPTIONS": {"MAX_ENTRIES": 1000},
}
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("DJANGO_CACHE_SECONDS", "600"))
# Benchmarks only (`make bench` measures first views): 0 turns the page cache or the fragments off.
ARCHIVE_PAGE_CACHE = env_bool("ARCHIVE_PAGE_CACHE", default=True)
if not env_bool("ARCHIVE_FRAGMENT_CACHE", default=True):
    CACHES["fragments"] = CACHES["rendered"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# The editors' bulk import (archive/imports/): the largest file accepted, under nginx's 25 MB
# request limit so that the editor gets the form's message rather than nginx's error page.
ARCHIVE_IMPORT_MAX_BYTES = int(os.environ.get("ARCHIVE_IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))
# How long an import's preview waits for the editor's confirmation (the file is kept in the cache).
ARCHIVE_IMPORT_PREVIEW_SECONDS = 3600

# --- Auth and security --------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

# django-axes: after 5 failures, sign-in is refused for that user name and for that address
# (either one), for 15 minutes, before any password is hashed. Kept in the database (shared by
# every worker and machine, never in the page cache). Unlock at once: `manage.py axes_reset`,
# `axes_reset_username NAME` or `axes_reset_ip ADDRESS` (README, "Deployment").
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("ARCHIVE_SIGNIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("ARCHIVE_SIGNIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "locked_out.html"
# The client's address: the connection's own, unless the archive runs behind a proxy that is
# trusted (ARCHIVE_BEHIND_PROXY=1, deploy/nginx), which overwrites X-Real-IP with the address it
# sees. A client's own X-Real-IP or X-Forwarded-For is otherwise ignored: believing it would let
# a guesser pick the addresses it locks out, and behind a proxy every client would be 127.0.0.1.
ARCHIVE_BEHIND_PROXY = env_bool("ARCHIVE_BEHIND_PROXY", default=False)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_REAL_IP", "REMOTE_ADDR") if ARCHIVE_BEHIND_PROXY else ("REMOTE_ADDR",)
)
# One password hash at a time per machine (archive/ops/login.py): a lock file all workers share.
ARCHIVE_SIGNIN_LOCK_FILE = os.environ.get("ARCHIVE_SIGNIN_LOCK_FILE", str(BASE_DIR / "var" / "signin.lock"))

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# The public pages have no script and no inline style: nothing but the site's own files, no
# exception and no nonce (a cached page is the same for every reader). The admin's few
# exceptions are added for its pages only (archive/ops/headers.py). Permissions-Policy: same file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "base-uri": [NONE],
        "object-src": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
if not DEBUG:
    # Production runs behind a TLS proxy; DJANGO_SECURE_SSL_REDIRECT=0 switches this off for local runs.
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", default=True)
    CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
    SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

CSRF_TRUSTED_ORIGINS = [o for o in os.environ.get("DJANGO_CSRF_TRUSTED_ORIGINS", "").split(",") if o]

# --- Public origin ------------------------------------------------------------------------------
# The one address the public knows the site by (archive/origin.py): every absolute link is built
# from it, never from the request's Host header. Defaults to the address `make serve` uses.
ARCHIVE_SITE_URL = os.environ.get("ARCHIVE_SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
if not re.fullmatch(r"https?://[^/?#\s]+", ARCHIVE_SITE_URL):
    raise ImproperlyConfigured("ARCHIVE_SITE_URL must be a scheme and host, e.g. https://example.org.")

# --- JSON API (archive/api/) ---------------------------------------------------------------------
REST_FRAMEWORK = {
    # JSON only: the browsable API's pages need inline scripts and would bypass the docs page.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    # Read-only and public: no sessions, so a signed-in editor's drafts can never appear, and no CSRF.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "archive.api.errors.exception_handler",
    # The client of the rate limit is REMOTE_ADDR, unless this many trusted proxies stand in front
    # (then the address they forwarded); never a client's own X-Forwarded-For.
    "NUM_PROXIES": int(os.environ.get("ARCHIVE_API_NUM_PROXIES", "0")),
}
# Requests per anonymous client: far above what a harvest at one request a second needs.
# "off" (or empty) removes the limit.
ARCHIVE_API_RATE = os.environ.get("ARCHIVE_API_RATE", "120/min").strip() or None
if ARCHIVE_API_RATE == "off":
    ARCHIVE_API_RATE = None
SPECTACULAR_SETTINGS = {
    "TITLE": "Lei Jun at the National People's Congress: API",
    "DESCRIPTION": (
        "Read-only JSON API of the archive: every published statement, with its texts in English, "
        "French and Simplified Chinese and their provenance, its sources, topics and session; a search "
        "with the search page's parameters and results; and the statements withdrawn since a date. "
        "Anonymous; at most ARCHIVE_API_RATE requests per client (120 a minute by default), CORS open "
        "to every origin for GET. Answers carry ETag and Last-Modified: conditional requests get 304."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    # The docs' scripts and styles from our static files (drf-spectacular-sidecar), never a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # No badge fetched from validator.swagger.io: the docs make no request outside the site.
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "validatorUrl": None, "defaultModelsExpandDepth": 0},
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "archive.api.schema.servers_from_origin",
    ],
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "LanguageEnum": "archive.models.Language",
        "TextLanguageEnum": "archive.models.LANGUAGE_CODES",
    },
}
CORS_ALLOW_ALL_ORIGINS = True
# The API and the downloadable files (/data/…), which a notebook elsewhere may fetch.
CORS_URLS_REGEX = r"^/(api|data)/.*$"
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_PREFLIGHT_MAX_AGE = 86400

# Where readers send corrections (the about page); empty: the page asks them to write to the editors.
ARCHIVE_CORRECTIONS_EMAIL = os.environ.get("ARCHIVE_CORRECTIONS_EMAIL", "").strip()

# --- Content ------------------------------------------------------------------------------------
CONTENT_DIR = BASE_DIR / "archive" / "content"
# jieba writes its dictionary cache here rather than in /tmp, which may be read-only or shared.
SEARCH_CACHE_DIR = Path(os.environ.get("ARCHIVE_SEARCH_CACHE_DIR", BASE_DIR / "var" / "search-cache"))

# Every line about a request names it (method, address, Host, client); a refused Host header is
# one line without traceback (archive/ops/logs.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "request": {
            "()": "archive.ops.logs.RequestFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
        },
    },
    "filters": {"one_line": {"()": "archive.ops.logs.WithoutTraceback"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "request"},
        "console_one_line": {
            "class": "logging.StreamHandler",
            "formatter": "request",
            "filters": ["one_line"],
        },
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.security.DisallowedHost": {
            "handlers": ["console_one_line"],
            "level": "ERROR",
            "propagate": False,
        },
    },
}
