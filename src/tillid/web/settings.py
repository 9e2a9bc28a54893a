"""Django settings, read from the environment so one build runs on a laptop and in production.

TILLID_DATA_DIR   where the SQLite database, evidence files and the generated secret key live
                  (default: the per-user data folder, e.g. ~/.local/share/tillid)
DATABASE_URL      e.g. postgres://user@host:5432/tillid; default SQLite in TILLID_DATA_DIR
TILLID_SECRET_KEY required in production; on a laptop one is generated once into TILLID_DATA_DIR
TILLID_DEBUG      "1" for development error pages
TILLID_ALLOWED_HOSTS  comma-separated host names (default: localhost only)
TILLID_OIDC_*     optional single sign-on, see docs/web.md
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from platformdirs import user_data_dir

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TILLID_DATA_DIR") or user_data_dir("tillid", appauthor=False))
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _secret_key() -> str:
    if key := os.environ.get("TILLID_SECRET_KEY"):
        return key
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    return key_file.read_text().strip()


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("TILLID_DEBUG") == "1"
ALLOWED_HOSTS = os.environ.get("TILLID_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
CSRF_TRUSTED_ORIGINS = [
    o for o in os.environ.get("TILLID_CSRF_TRUSTED_ORIGINS", "").split(",") if o
]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "tillid.web.accounts",
    "tillid.web.inventory",
    "tillid.web.assessments",
    "ninja",  # its API docs page then uses its own copy of Swagger UI, not a CDN
    "tillid.web.api",
    "tillid.web.actions",
    "tillid.web.audits",
    "tillid.web.register",
    "tillid.web.literacy",
    "tillid.web.catalogue",
    "tillid.web.dashboards",
    "tillid.web.temperature",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    "tillid.web.nul_bytes.RefuseNulBytesMiddleware",
]

ROOT_URLCONF = "tillid.web.urls"
WSGI_APPLICATION = "tillid.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [WEB_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tillid.web.accounts.context.memberships",
            ],
            "builtins": ["tillid.web.template_filters"],
        },
    },
]

_SQLITE_FILE = DATA_DIR / "tillid.sqlite3"
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{_SQLITE_FILE}", conn_max_age=60, conn_health_checks=True
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one request writes; IMMEDIATE takes the write lock up front so
    # two writers queue instead of failing with "database is locked" half-way through.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Throttling of password guessing (django-axes): five failures lock the user name from that address
# for fifteen minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

LANGUAGE_CODE = "da"
LANGUAGES = [("da", "Dansk"), ("en", "English"), ("sv", "Svenska")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Copenhagen"
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [WEB_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise expects it even when it serves from the finders
WHITENOISE_USE_FINDERS = True  # serve straight from the package: no collectstatic for local use
WHITENOISE_AUTOREFRESH = DEBUG

# Evidence files: stored under the data folder, never served by URL, only through a view that
# checks the organisation.
MEDIA_ROOT = DATA_DIR / "files"
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024
# Larger data belongs in a registered database, where the audit runs without copying it.
AUDIT_UPLOAD_MAX_BYTES = 200 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Dashboards across organisations show a group only with this many systems (docs/dashboards.md).
TILLID_DASHBOARD_MIN_GROUP = int(os.environ.get("TILLID_DASHBOARD_MIN_GROUP", "5"))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if os.environ.get("TILLID_HTTPS") == "1":
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Optional single sign-on (OpenID Connect), e.g. with the organisation's Entra ID, Keycloak or
# MitID Erhverv broker: set TILLID_OIDC_CLIENT_ID and the endpoints below (docs/web.md).
SSO_ENABLED = bool(os.environ.get("TILLID_OIDC_CLIENT_ID"))
if SSO_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("tillid.web.accounts.sso.TillidOIDCBackend")
    OIDC_RP_CLIENT_ID = os.environ["TILLID_OIDC_CLIENT_ID"]
    OIDC_RP_CLIENT_SECRET = os.environ.get("TILLID_OIDC_CLIENT_SECRET", "")
    OIDC_OP_AUTHORIZATION_ENDPOINT = os.environ["TILLID_OIDC_AUTHORIZATION_ENDPOINT"]
    OIDC_OP_TOKEN_ENDPOINT = os.environ["TILLID_OIDC_TOKEN_ENDPOINT"]
    OIDC_OP_USER_ENDPOINT = os.environ["TILLID_OIDC_USER_ENDPOINT"]
    OIDC_OP_JWKS_ENDPOINT = os.environ.get("TILLID_OIDC_JWKS_ENDPOINT", "")
    OIDC_RP_SIGN_ALGO = os.environ.get("TILLID_OIDC_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_USE_PKCE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("TILLID_LOG_LEVEL", "WARNING")},
}
