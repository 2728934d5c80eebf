"""Settings for the archive. Everything that differs between machines comes from the environment."""

import os
import re
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

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
    # The JSON API (archive/api/): REST framework, its OpenAPI schema, Redoc from our static files, CORS.
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "corsheaders",
    "archive",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # CORS for GET on /api/ and /data/ only (CORS_URLS_REGEX); before CommonMiddleware, as its docs ask.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records which editor made each change in the statement's history.
    "simple_history.middleware.HistoryRequestMiddleware",
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
# The tabbed admin's jQuery UI comes from our own static files, never from a CDN.
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"

# --- Static files -------------------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names, gzip and brotli: served with far-future cache headers.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Cache --------------------------------------------------------------------------------------
# Files, not per-process memory: every gunicorn worker and every management command (the content
# loader) must see the same cached pages and the same "content changed" mark (archive/caching.py).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("DJANGO_CACHE_DIR", str(BASE_DIR / "var" / "cache")),
        "OPTIONS": {"MAX_ENTRIES": 5000},
    }
}
CACHE_MIDDLEWARE_SECONDS = int(os.environ.get("DJANGO_CACHE_SECONDS", "600"))

# --- Auth and security --------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}
