"""The one settings module. Everything that differs between machines comes from the
environment:

- ``DATABASE_URL``: default a SQLite file ``oversight.sqlite3`` in the working directory.
- ``SECRET_KEY``: required when ``DEBUG`` is off (start-up is refused without it); with
  ``DEBUG`` on, a key is generated once and kept in ``.oversight-secret-key``.
- ``DEBUG``: ``1``/``true`` to turn on; off by default.
- ``ALLOWED_HOSTS``: comma-separated; default ``127.0.0.1,localhost``.
- ``HTTPS``: ``1`` when the site is served over HTTPS (directly or behind a proxy that sets
  ``X-Forwarded-Proto``): secure cookies, HSTS and redirect of plain HTTP.
- ``HSTS_SECONDS``: how long browsers must keep to HTTPS; default one year (with ``HTTPS``).
- ``SIGN_IN_FAILURE_LIMIT``, ``SIGN_IN_LOCKOUT_MINUTES``: wrong passwords before a lock
  (default 5) and its length (default 15 minutes).
- ``OVERSIGHT_EXTRACT_MEMORY_MB``, ``OVERSIGHT_EXTRACT_SECONDS``: what the process reading
  an uploaded document may use (default 500 MB, 10 s of processor time).
- ``OVERSIGHT_COUNCIL``: the council's name in the page header.
- ``OVERSIGHT_MODERNGOV_ALLOW_HTTP``: ``1`` lets the connector use a plain http site.
- ``OVERSIGHT_MODERNGOV_INTERVAL``, ``OVERSIGHT_MODERNGOV_CONTACT``: seconds between requests
  to a ModernGov site (default 0.5) and the contact address in the connector's User-Agent.
- ``MEDIA_ROOT``: where uploaded evidence is kept; default ``media/`` in the working directory.
- ``STATIC_ROOT``: where ``collectstatic`` gathers the static files; default ``staticfiles/``.
- ``LOG_FORMAT``: ``json`` for one JSON object per log line; readable text by default.
  ``LOG_LEVEL`` (default WARNING) and ``LOG_LEVEL_ACTIVITY`` (the request and job lines,
  default INFO).
- ``REMINDERS_AT``: when the worker sends the day's reminders (HH:MM); default 07:15.
- ``EVIDENCE_S3_BUCKET`` (with ``AWS_S3_ENDPOINT_URL``, ``AWS_S3_REGION_NAME``,
  ``EVIDENCE_S3_PREFIX``): keep uploaded files in an S3-compatible bucket instead.
- ``OIDC_ISSUER``, ``OIDC_CLIENT_ID``, ``OIDC_CLIENT_SECRET``, ``OIDC_TRUSTED_EMAIL_DOMAINS``:
  sign-in with the council's accounts (OpenID Connect; docs/operations.md).
- ``SITE_URL``: the site's address as owners reach it, for the links in emails; default
  ``http://127.0.0.1:8000``.
- ``EMAIL_BACKEND``, ``EMAIL_HOST``, ``EMAIL_PORT``, ``EMAIL_HOST_USER``,
  ``EMAIL_HOST_PASSWORD``, ``EMAIL_USE_TLS``, ``DEFAULT_FROM_EMAIL``: how email is sent
  (Django's settings of the same names); the console backend by default.
- ``NOTIFY_API_KEY``: send through GOV.UK Notify instead, with the template ids in
  ``NOTIFY_TEMPLATE_ID`` (one for every kind of message) or ``NOTIFY_TEMPLATE_OPENED``,
  ``NOTIFY_TEMPLATE_REMINDER``, ``NOTIFY_TEMPLATE_ESCALATION``,
  ``NOTIFY_TEMPLATE_ESCALATION_COPY``, ``NOTIFY_TEMPLATE_DIGEST``.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent
WORK_DIR = Path(os.environ.get("OVERSIGHT_WORK_DIR", os.getcwd()))


def _flag(name: str, default: bool = False) -> bool:
    return os.environ.get(name, "1" if default else "0").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }


def _secret_key(debug: bool) -> str:
    if key := os.environ.get("SECRET_KEY"):
        return key
    if not debug:
        # A key made up here would sign sessions with a value nobody chose or kept: a
        # live site must be given its own. Left empty, Django refuses to sign anything
        # with it, and the site refuses to start (oversight/public/checks.py); commands
        # that only read files (`extract`, `stopsearch`) still run.
        return ""
    # Development convenience: generate once and keep, so sessions survive restarts.
    path = WORK_DIR / ".oversight-secret-key"
    if path.exists():
        return path.read_text().strip()
    key = secrets.token_urlsafe(50)
    try:
        path.write_text(key)
        path.chmod(0o600)
    except OSError:
        pass
    return key


DEBUG = _flag("DEBUG")
SECRET_KEY = _secret_key(DEBUG)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
    if h.strip()
]
COUNCIL_NAME = os.environ.get("OVERSIGHT_COUNCIL", "London Borough of Hackney")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.postgres",
    "simple_history",
    "axes",
    "csp",
    "oversight.directory",
    "oversight.tracker",
    "oversight.meetings",
    "oversight.ingest",
    "oversight.stopsearch",
    "oversight.indicators",
    "oversight.chasing",
    "oversight.reports",
    "oversight.community",
    "oversight.public",
    "oversight.search",
    "oversight.api",
    "oversight.moderngov",
    "oversight.safekeeping",
    "oversight.visibility",
    "oversight.hosting",
    "oversight.worker",
    "oversight.backups",
    "oversight.demo",
]

MIDDLEWARE = [
    # First, so that its line has the status and time of every answer, redirects included.
    "oversight.hosting.log_lines.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "oversight.api.http.ApiHeadersMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "oversight.urls"
WSGI_APPLICATION = "oversight.wsgi.application"

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
                "oversight.public.context_processors.site",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{WORK_DIR / 'oversight.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the page server read while a command (an import) writes.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

# GOV.UK markup for every Django form (labels, hints, errors).
FORM_RENDERER = "oversight.public.forms.GovUKFormRenderer"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Sign-in throttling (django-axes, docs/decisions/0004-sign-in-headers-and-safekeeping.md): after
# five wrong passwords for one username from one address, that pair is refused for 15
# minutes, whatever is typed. Keyed on the pair, so a stranger cannot lock a colleague
# out from elsewhere. Attempts are kept in the database, so every worker process sees
# them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("SIGN_IN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "home"

# --- Sign-in with the council's accounts (OpenID Connect, oversight/signin/) ---------
# Off unless OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are all set (for
# Microsoft Entra ID the issuer is https://login.microsoftonline.com/<tenant-id>/v2.0).
# Endpoints come from the issuer's discovery document unless OIDC_AUTHORIZATION_ENDPOINT,
# OIDC_TOKEN_ENDPOINT, OIDC_JWKS_ENDPOINT (and OIDC_USERINFO_ENDPOINT) are given.
# OIDC_TRUSTED_EMAIL_DOMAINS (comma-separated) vouches for addresses at those domains
# when the ID token says neither email_verified nor Entra's xms_edov. Local accounts
# stay: the backend is after ModelBackend and does nothing for a username and
# password, so django-axes still throttles those (docs/decisions/0010).
OIDC_ISSUER = os.environ.get("OIDC_ISSUER", "").strip().rstrip("/")
OIDC_RP_CLIENT_ID = os.environ.get("OIDC_CLIENT_ID", "").strip()
OIDC_RP_CLIENT_SECRET = os.environ.get("OIDC_CLIENT_SECRET", "").strip()
OIDC_ENDPOINTS = {
    name: os.environ.get(f"OIDC_{name.upper()}_ENDPOINT", "").strip()
    for name in ("authorization", "token", "jwks", "userinfo")
}
OIDC_TRUSTED_EMAIL_DOMAINS = [
    d.strip().lstrip("@")
    for d in os.environ.get("OIDC_TRUSTED_EMAIL_DOMAINS", "").split(",")
    if d.strip()
]
OIDC_RP_SIGN_ALGO = os.environ.get("OIDC_SIGN_ALGORITHM", "RS256")
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "council_sign_in_callback"
AUTHENTICATION_BACKENDS += ["oversight.signin.backends.CouncilAccountBackend"]
AXES_WHITELIST_CALLABLE = "oversight.signin.backends.is_council_sign_in"
# --- end of sign-in with the council's accounts ---------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", WORK_DIR / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True) if STATIC_ROOT.parent.is_dir() else None
# A live site serves files gathered by `collectstatic` (which `oversight serve` runs)
# under names that carry a hash of their content, compressed, and tells browsers to keep
# them for ever: a new version has a new name. In development they are served straight
# from the package, so an edited file shows at once.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = DEBUG
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", WORK_DIR / "media"))

# --- Uploaded files on object storage (django-storages, S3 API) ---------------------
# With EVIDENCE_S3_BUCKET set, evidence, papers, reports and imported documents are kept
# in that bucket instead of MEDIA_ROOT; they are still served only through the site's
# access checks (oversight/downloads.py), never by a public bucket URL. Any S3-compatible
# service: AWS_S3_ENDPOINT_URL for one that is not AWS, AWS_S3_REGION_NAME, and
# credentials as boto3 finds them (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or the
# machine's role). Page images drawn from imported PDFs stay under MEDIA_ROOT.
# Without it, the STORAGES above (files on disk) stand.


def object_storage(bucket: str) -> dict:
    """The default storage for uploaded files in `bucket`, from the environment."""
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("EVIDENCE_S3_PREFIX", ""),
            # Private objects, never overwritten: two files of one name are both kept.
            "default_acl": "private",
            "file_overwrite": False,
        },
    }


EVIDENCE_S3_BUCKET = os.environ.get("EVIDENCE_S3_BUCKET", "").strip()
if EVIDENCE_S3_BUCKET:
    # Only uploaded files move to the bucket; static files are served as above.
    STORAGES = {**STORAGES, "default": object_storage(EVIDENCE_S3_BUCKET)}
# --- end of uploaded files on object storage -------------------------------------------
# Stop-and-search records live in DuckDB, in a file beside the main database.
STOPSEARCH_DB = Path(os.environ.get("STOPSEARCH_DB", WORK_DIR / "oversight-stopsearch.duckdb"))

# Evidence and imported documents: refuse anything bigger than this before reading it.
MAX_UPLOAD_BYTES = int(os.environ.get("OVERSIGHT_MAX_UPLOAD_BYTES", 25 * 1024 * 1024))
# The ModernGov connector (oversight/moderngov): seconds between requests to a council's
# service, and the contact address its User-Agent gives.
MODERNGOV_REQUEST_INTERVAL = float(os.environ.get("OVERSIGHT_MODERNGOV_INTERVAL", "0.5"))
MODERNGOV_CONTACT = os.environ.get("OVERSIGHT_MODERNGOV_CONTACT", "")
# Councils publish their committee sites over HTTPS; plain http only where a site says so
# (a test or a site on the council's own network).
MODERNGOV_ALLOW_HTTP = os.environ.get("OVERSIGHT_MODERNGOV_ALLOW_HTTP", "") == "1"
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# An uploaded document is read in a child process that cannot use more memory or
# processor time than this (oversight/ingest/sandbox.py); past either it is refused.
EXTRACTION_MEMORY_LIMIT = int(os.environ.get("OVERSIGHT_EXTRACT_MEMORY_MB", "500")) * 1024 * 1024
EXTRACTION_TIME_LIMIT = float(os.environ.get("OVERSIGHT_EXTRACT_SECONDS", "10"))

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Served over HTTPS (HTTPS=1): cookies only over HTTPS, browsers told to keep to HTTPS
# (HSTS), plain HTTP redirected. Behind a proxy that ends TLS, it must set
# X-Forwarded-Proto; SECURE_COOKIES=1 is the older name for the same switch.
HTTPS = _flag("HTTPS") or _flag("SECURE_COOKIES")
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # A load balancer or monitor may ask over plain HTTP on the private network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("HSTS_INCLUDE_SUBDOMAINS", True)
    # The preload directive only makes the site eligible for browsers' built-in HTTPS
    # list; joining it is a separate, deliberate submission. HSTS_PRELOAD=0 leaves it out.
    SECURE_HSTS_PRELOAD = _flag("HSTS_PRELOAD", True)

# Content-Security-Policy (django-csp; Django 5.2 has none of its own). Every script and
# style is a file from this site: no inline script, no inline style attribute, nothing
# from elsewhere, no framing. Images may be data: URLs (GOV.UK Frontend's icons).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# When the worker sends the update rounds' reminders each day (local time, HH:MM).
REMINDERS_AT = os.environ.get("REMINDERS_AT", "07:15")

SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Email: the console in development; an SMTP server (or any Django backend) from the
# environment; GOV.UK Notify when NOTIFY_API_KEY is set (oversight/chasing/sending.py).
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _flag("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "oversight@localhost")
NOTIFY_API_KEY = os.environ.get("NOTIFY_API_KEY", "")
NOTIFY_TEMPLATES = {
    kind: os.environ.get(
        f"NOTIFY_TEMPLATE_{kind.upper()}", os.environ.get("NOTIFY_TEMPLATE_ID", "")
    )
    for kind in ("opened", "reminder", "escalation", "escalation_copy", "digest")
}

SIMPLE_HISTORY_REVERT_DISABLED = True

# One line per request (oversight.requests) and per job (oversight.jobs), as readable
# text or, with LOG_FORMAT=json, one JSON object per line (oversight/hosting/log_lines.py).
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text").strip().lower()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "line": {
            "()": "oversight.hosting.log_lines."
            + ("JsonFormatter" if LOG_FORMAT == "json" else "TextFormatter")
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
    "loggers": {
        name: {"level": os.environ.get("LOG_LEVEL_ACTIVITY", "INFO")}
        for name in ("oversight.requests", "oversight.jobs")
    },
}
