"""Sharaka settings: every value comes from the environment.

Development defaults are safe to run on a laptop; production (DEBUG off)
refuses to start with the development secret key.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"


def envbool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def envint(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, not {value!r}") from exc


def envlist(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = envbool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", DEV_SECRET_KEY)
if not DEBUG and SECRET_KEY.strip() in ("", DEV_SECRET_KEY):
    raise ImproperlyConfigured(
        "SECRET_KEY is empty or the development key: set a long random SECRET_KEY "
        "in the environment before running with DEBUG off."
    )

ALLOWED_HOSTS = envlist("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = envlist("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "allauth",
    "allauth.account",
    "django_filters",
    # The task queue in the database (django.tasks): e-mails are sent by its worker.
    "django_tasks_db",
    "reversion",
    # The portal base, the apps and the site layer; which may import which is
    # README's Layout (and tests/layering.py).
    "portal",
    "associations",
    "meetings",
    "projects",
    "recommendations",
    "petitions",
    "portal.site",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages and data compressed for clients that accept it, with Django's
    # BREACH mitigation; static files keep whitenoise's pre-compressed copies
    # (whitenoise answers them before this middleware is reached).
    "portal.middleware.GZipMiddleware",
    # Before the session: a NUL in a cookie, a path or a form never reaches the database.
    "portal.middleware.RefuseUnstorableInputMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.site",
            ],
        },
    },
]

# Database: SQLite on disk by default, PostgreSQL (or any dj-database-url
# URL) through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=envint("DATABASE_CONN_MAX_AGE", 0),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: per-process memory by default, Redis when REDIS_URL is set (needed
# as soon as there is more than one app server, for the rate limits). Redis
# is wrapped so that an outage reads as misses (portal.cache), and gives up
# on a server that does not answer within a second.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.FailSafeCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "sharaka"),
            "OPTIONS": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
            },
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "sharaka",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

SITE_ID = 1

# Accounts (django-allauth): e-mail sign-up and sign-in, verified e-mail.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
# Account e-mails name the site ("Sharaka", translated) and SITE_URL's host,
# not the Sites framework's placeholder domain; their subject prefix is the
# translated name too. allauth's own rate limits (ACCOUNT_RATE_LIMITS) stay
# at their defaults: do not set it to False.
ACCOUNT_ADAPTER = "portal.adapters.AccountAdapter"
LOGIN_REDIRECT_URL = "/"
# Confirming the e-mail address from the browser that signed up signs the
# new representative in (allauth remembers the sign-up in the session).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True

# E-mail: printed on the console in development, SMTP in production.
_email_backend = os.environ.get(
    "EMAIL_BACKEND",
    "portal.mail.ReadableConsoleBackend"  # headers and text as they are, links whole
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
_smtp_options = {
    "host": os.environ.get("EMAIL_HOST", "localhost"),
    "port": envint("EMAIL_PORT", 25),
    "username": os.environ.get("EMAIL_HOST_USER", ""),
    "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
    "use_tls": envbool("EMAIL_USE_TLS", False),
    "timeout": envint("EMAIL_TIMEOUT", 20),
}
MAILERS = {
    "default": {
        "BACKEND": _email_backend,
        "OPTIONS": _smtp_options if _email_backend.endswith("smtp.EmailBackend") else {},
    }
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Sharaka <no-reply@localhost>")
# E-mails are stored and sent by a worker (portal.mail): `manage.py db_worker`
# runs the tasks queued in the database; `make run` starts it with the server.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Languages: Arabic first (right-to-left), then French and English.
LANGUAGE_CODE = "ar"
LANGUAGES = [
    ("ar", _("Arabic")),
    ("fr", _("French")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Africa/Casablanca"
USE_TZ = True
FORMAT_MODULE_PATH = ["portal.formats"]

# Translated content fields (django-modeltranslation): staff may write a
# title in any one language; a missing text falls back to the Arabic one,
# then to the others in the order of LANGUAGES.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = MODELTRANSLATION_LANGUAGES

# Static files: whitenoise with compressed, hashed names.
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]

# Media: local disk by default; S3-compatible object storage when
# MEDIA_S3_BUCKET is set (django-storages), so several app servers see the
# same files.
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_S3_BUCKET = os.environ.get("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": os.environ.get("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("MEDIA_S3_REGION") or None,
            "access_key": os.environ.get("MEDIA_S3_ACCESS_KEY_ID", ""),
            "secret_key": os.environ.get("MEDIA_S3_SECRET_ACCESS_KEY", ""),
            "custom_domain": os.environ.get("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
else:
    default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": default_storage,
    "staticfiles": {
        "BACKEND": os.environ.get(
            "STATICFILES_BACKEND",
            "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}

# Uploads: limits checked by portal.validators, with a message per refusal.
MAX_IMAGE_UPLOAD_BYTES = envint("MAX_IMAGE_UPLOAD_BYTES", 8 * 1024 * 1024)
MAX_IMAGE_PIXELS = envint("MAX_IMAGE_PIXELS", 40_000_000)
IMAGE_MAX_DIMENSION = envint("IMAGE_MAX_DIMENSION", 1600)
MAX_DOCUMENT_UPLOAD_BYTES = envint("MAX_DOCUMENT_UPLOAD_BYTES", 25 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Security. Content-Security-Policy: nothing inline, everything from us;
# map tiles are the one outside source, and only as images.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>',
)


def _tile_origin(template: str) -> str:
    parts = urlsplit(template.replace("{s}", "*"))
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else CSP.SELF


SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", _tile_origin(MAP_TILE_URL)],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = envbool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = envbool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = envbool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = envint("SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = envbool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = envbool("SECURE_HSTS_PRELOAD", not DEBUG)
if envbool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of ours stand in front and append to X-Forwarded-For: the
# client's address for rate limits is that many entries from the right
# (portal.client_ip). 0 ignores the header, which any client can write.
TRUSTED_PROXY_COUNT = envint("TRUSTED_PROXY_COUNT", 0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured(f"TRUSTED_PROXY_COUNT must be 0 or more, not {TRUSTED_PROXY_COUNT}")
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT  # allauth's rate limits count the same client

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# --- comments ---
# Comments a user may post per window (count, seconds), counted in the shared
# cache so every app server enforces the same allowance.
COMMENTS_RATE_LIMIT = (
    envint("COMMENTS_RATE_LIMIT_COUNT", 5),
    envint("COMMENTS_RATE_LIMIT_SECONDS", 600),
)

# --- petitions ---
# Signatures (and withdrawals) a user may make per window (count, seconds),
# counted in the shared cache like the comments.
PETITION_SIGNING_RATE_LIMIT = (
    envint("PETITION_SIGNING_RATE_LIMIT_COUNT", 10),
    envint("PETITION_SIGNING_RATE_LIMIT_SECONDS", 600),
)

# --- scale ---
# The home page, the lists and the records' pages, rendered for anonymous
# visitors, are kept in the cache until the records they show change, at
# most this many seconds (portal.pagecache); 0 turns this off.
ANONYMOUS_PAGE_CACHE_SECONDS = envint("ANONYMOUS_PAGE_CACHE_SECONDS", 300)

# --- map ---
# Above this many projects in view, the map's GeoJSON groups them into clusters.
MAP_CLUSTER_THRESHOLD = envint("MAP_CLUSTER_THRESHOLD", 200)
# Leaflet comes from the npm registry (`npm install` at the repository root)
# and is served as static files under vendor/leaflet/; never from a CDN.
_LEAFLET_DIST = BASE_DIR / "node_modules" / "leaflet" / "dist"
if _LEAFLET_DIST.is_dir():
    STATICFILES_DIRS += [("vendor/leaflet", _LEAFLET_DIST)]

# --- certificates ---
# Certificate look-ups (verification, print, PDF) allowed per client IP and
# window (count, seconds), counted in the shared cache so every app server
# enforces the same allowance.
CERTIFICATE_VERIFY_RATE_LIMIT = (
    envint("CERTIFICATE_VERIFY_RATE_LIMIT_COUNT", 20),
    envint("CERTIFICATE_VERIFY_RATE_LIMIT_SECONDS", 600),
)
# WeasyPrint (certificate PDFs) reports each layout step at INFO: keep warnings only.
LOGGING.setdefault("loggers", {})["weasyprint.progress"] = {"level": "WARNING"}
