"""Django settings of the web workspace, read from the environment.

SCHEDULER_DB_URL     database URL (``sqlite:///path.sqlite3``, ``postgres://user@host:port/db``;
                     a socket folder as ``postgres://user@%2Ftmp%2Fpg:5433/db``); default: a
                     SQLite file in SCHEDULER_DATA_DIR
SCHEDULER_DATA_DIR   folder for the SQLite file and the secret key (default ``./scheduler-web``)
SCHEDULER_SECRET_KEY secret key (default: generated once and kept in the data folder)
SCHEDULER_DEBUG      1 to turn on Django's debug pages (never in production)
SCHEDULER_HOSTS      comma-separated allowed host names (default: localhost names)
SCHEDULER_SECURE     1 behind HTTPS: secure cookies and HSTS
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

WEB_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("SCHEDULER_DATA_DIR", "scheduler-web")).resolve()


def _secret_key() -> str:
    key = os.environ.get("SCHEDULER_SECRET_KEY")
    if key:
        return key
    path = DATA_DIR / "secret-key"
    try:
        return path.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(50)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(key)
        return key


SECRET_KEY = _secret_key()
DEBUG = os.environ.get("SCHEDULER_DEBUG") == "1"
ALLOWED_HOSTS = [h.strip() for h in os.environ.get(
    "SCHEDULER_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",") if h.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "scheduler.web.apps.WebConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files, in every process
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",  # last: answers locked-out logins
]

ROOT_URLCONF = "scheduler.web.urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.template.context_processors.i18n",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
        "scheduler.web.access.context",
    ]},
}]
WSGI_APPLICATION = "scheduler.web.wsgi.application"

# ---------------------------------------------------------------- database
DEFAULT_DB = f"sqlite:///{DATA_DIR / 'scheduler.sqlite3'}"
DATABASES = {"default": dj_database_url.parse(os.environ.get("SCHEDULER_DB_URL") or DEFAULT_DB,
                                              conn_max_age=0)}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # a solve in the worker and the pages write the same file: wait instead of failing
    DATABASES["default"]["OPTIONS"] = {"timeout": 20, "transaction_mode": "IMMEDIATE",
                                       "init_command": "PRAGMA journal_mode=WAL;"}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# ---------------------------------------------------------------- accounts
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses locked-out logins
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:dashboard"
LOGOUT_REDIRECT_URL = "web:login"

# lock-out after failed logins (django-axes): per user name and address
AXES_FAILURE_LIMIT = int(os.environ.get("SCHEDULER_AXES_LIMIT", "5"))
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "web/locked.html"
AXES_VERBOSE = False

# ---------------------------------------------------------------- sessions and CSRF
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 3600  # one working day
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Lax"
CSRF_FAILURE_VIEW = "scheduler.web.views.csrf_failure"
SECURE = os.environ.get("SCHEDULER_SECURE") == "1"
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE
SECURE_HSTS_SECONDS = 31536000 if SECURE else 0
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# ---------------------------------------------------------------- uploads
MAX_UPLOAD_BYTES = 5 * 1024 * 1024  # an instance workbook of the whole country is ~1 MB
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 64 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = MAX_UPLOAD_BYTES + 64 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 200
FILE_UPLOAD_HANDLERS = [
    "scheduler.web.uploads.SizeLimitHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# ---------------------------------------------------------------- languages
LANGUAGE_CODE = "ru"
LANGUAGES = [("ru", "Русский"), ("kk", "Қазақша"), ("en", "English")]
LOCALE_PATHS = [WEB_DIR / "locale"]
USE_I18N = True
FORMAT_MODULE_PATH = ["scheduler.web.formats"]  # Kazakh numbers and dates (formats/kk)
USE_TZ = True
TIME_ZONE = "Asia/Almaty"  # UTC+5, the country's single time zone since 2024

# ---------------------------------------------------------------- caches
# "pages": what pages compute from a version (calendar rows, filters, week grid, summary),
# shared by the server's processes and the files worker that makes it ahead of time; a
# version never changes, so entries never go stale.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
          "pages": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                    "LOCATION": str(DATA_DIR / "page-cache"),
                    "OPTIONS": {"MAX_ENTRIES": 2000}}}

# ---------------------------------------------------------------- background solves
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend",
                     "QUEUES": ["default", "files"]}}

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"  # collected by ``scheduler serve``, served by WhiteNoise
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STORAGES = {"default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"}}
WHITENOISE_USE_FINDERS = True  # also before collectstatic (tests, manage.py runserver)
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "loggers": {"axes": {"handlers": ["console"], "level": "WARNING"}}}

APP_TITLE = _("Meetings with the population")
