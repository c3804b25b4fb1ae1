"""Django settings, all from the environment so one build runs locally and in production.

Environment:

* ``DATABASE_URL``: any URL dj-database-url understands (``postgres://user@host:5432/name``);
  default SQLite at ``$PERFBUDGET_HOME/perfbudget.sqlite3``.
* ``PERFBUDGET_HOME``: where local data lives (default ``./var`` under the current directory).
* ``PERFBUDGET_DEBUG``: ``1``/``0`` (default ``1``: perfbudget is mostly run locally; set ``0``
  for any deployment reachable by others).
* ``PERFBUDGET_SECRET_KEY``: required when DEBUG is off.
* ``PERFBUDGET_ALLOWED_HOSTS``: comma-separated host names (DEBUG allows localhost by itself).
* ``PERFBUDGET_CSRF_TRUSTED_ORIGINS``: comma-separated origins (``https://perfbudget.example.gov.cn``)
  when the site is reached through a proxy under another name or port.
* ``PERFBUDGET_HTTPS``: ``1`` when the site is served over HTTPS (secure cookies, HSTS, and the proxy's
  ``X-Forwarded-Proto`` header trusted).
* ``PERFBUDGET_UPLOAD_MAX_MB`` (default 50) and ``PERFBUDGET_UPLOAD_MAX_FILES`` (default 50): the
  size of one uploaded file and the number of files in one upload.
* ``PERFBUDGET_CONN_MAX_AGE`` (default 60): seconds a server thread keeps its database connection.
* ``PERFBUDGET_SERVE_STATIC``: ``1`` (default) lets the application serve its own CSS/JS when DEBUG
  is off; set ``0`` when a web server in front serves ``STATIC_ROOT`` (after ``collectstatic``).

See docs/deployment.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or not value.strip():
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _list(name: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, "").split(",") if item.strip()]


SERVE_DIR = Path(__file__).resolve().parent
PERFBUDGET_HOME = Path(os.environ.get("PERFBUDGET_HOME") or Path.cwd() / "var").resolve()

DEBUG = _flag("PERFBUDGET_DEBUG", True)

SECRET_KEY = os.environ.get("PERFBUDGET_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("PERFBUDGET_SECRET_KEY must be set when PERFBUDGET_DEBUG is off")
    SECRET_KEY = "perfbudget-dev-only-not-secret"  # local development only

ALLOWED_HOSTS = _list("PERFBUDGET_ALLOWED_HOSTS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "ninja",  # the API docs page uses its bundled Swagger UI, not a CDN
    "perfbudget.store",
    "perfbudget.serve.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "perfbudget.serve.web.middleware.LoginRequiredMiddleware",
    "perfbudget.serve.web.middleware.ContentSecurityPolicyMiddleware",
]

ROOT_URLCONF = "perfbudget.serve.urls"
WSGI_APPLICATION = "perfbudget.serve.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SERVE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "perfbudget.serve.web.context.navigation",
            ],
        },
    },
]

# Rendered form widgets (the filter forms' select boxes) are remembered per process.
FORM_RENDERER = "perfbudget.serve.web.renderers.CachingRenderer"


def _int_early(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def _database() -> dict:
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        return dj_database_url.parse(url)
    PERFBUDGET_HOME.mkdir(parents=True, exist_ok=True)
    config = dj_database_url.parse(f"sqlite:///{PERFBUDGET_HOME / 'perfbudget.sqlite3'}")
    # WAL lets the web pages read while an import writes; IMMEDIATE takes the write lock at
    # BEGIN so two writers wait for each other instead of failing with "database is locked".
    config["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    return config


DATABASES = {"default": _database()}
# Keep a database connection per server thread between requests (seconds; 0 = a new one per request,
# which for SQLite also re-runs the PRAGMAs above on every page).
DATABASES["default"]["CONN_MAX_AGE"] = _int_early("PERFBUDGET_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = PERFBUDGET_HOME / "static"
STATICFILES_DIRS = [path for path in [SERVE_DIR / "static"] if path.is_dir()]

# --- Users, uploads, security -----------------------------------------------------------------

LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    try:
        return int(value) if value else default
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


PERFBUDGET_UPLOAD_MAX_MB = _int("PERFBUDGET_UPLOAD_MAX_MB", 50)
PERFBUDGET_UPLOAD_MAX_FILES = _int("PERFBUDGET_UPLOAD_MAX_FILES", 50)
# Django refuses a request with more files than this before any view sees it (a 400 page that
# names the limit); below it, the import page answers over-limit uploads with its own message.
DATA_UPLOAD_MAX_NUMBER_FILES = max(100, 4 * PERFBUDGET_UPLOAD_MAX_FILES)
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024  # larger uploads go to a temporary file
PERFBUDGET_SERVE_STATIC = _flag("PERFBUDGET_SERVE_STATIC", True)
PERFBUDGET_PAGE_SIZE = 50  # findings and documents per page, web and API

CSRF_TRUSTED_ORIGINS = _list("PERFBUDGET_CSRF_TRUSTED_ORIGINS")
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
if _flag("PERFBUDGET_HTTPS", False):
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
