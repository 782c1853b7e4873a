"""Django settings for fazhi, read from the environment.

Every setting that differs between a laptop demo and production comes from an environment
variable, parsed by a strict helper: a bad value stops start-up with a message naming the
variable. A git-ignored ``fazhi/local_settings.py`` may override anything at the end.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    value = raw.strip().lower()
    if value in ("1", "true", "yes", "on"):
        return True
    if value in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name}={raw!r}: expected one of 1/0, true/false, yes/no, on/off")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r}: expected an integer") from None


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = env_str("SECRET_KEY", "fazhi-insecure-demo-key-set-SECRET_KEY-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "simple_history",
    "django_htmx",
    "fazhi.accounts",
    "fazhi.units",
    "fazhi.plans",
    "fazhi.ledger",
    "fazhi.evidence",
    "fazhi.progress",
    "fazhi.supervision",
    "fazhi.dashboard",
    "fazhi.annual_reports",
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
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

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
                "fazhi.accounts.access.context",
            ],
        },
    },
]

# SQLite by default so the demo runs on a bare machine; PostgreSQL through DATABASE_URL.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'fazhi.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
# A test database name of its own lets several test runs share one PostgreSQL server.
if env_str("DATABASE_TEST_NAME", ""):
    DATABASES["default"]["TEST"] = {"NAME": env_str("DATABASE_TEST_NAME", "")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No manifest: pages render before `collectstatic` has run (tests, runserver).
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "media"

# Plan uploads: the size limit and the formats the parser reads.
FAZHI_MAX_UPLOAD_MB = env_int("FAZHI_MAX_UPLOAD_MB", 20)
FAZHI_UPLOAD_EXTENSIONS = ["txt", "docx", "doc", "pdf", "html", "htm", "xlsx"]
DATA_UPLOAD_MAX_MEMORY_SIZE = (FAZHI_MAX_UPLOAD_MB + 1) * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = (FAZHI_MAX_UPLOAD_MB + 1) * 1024 * 1024
# Days before an annual report's statutory deadline (3月1日 / 4月1日) when an unready draft warns.
FAZHI_REPORT_WARN_DAYS = env_int("FAZHI_REPORT_WARN_DAYS", 30)
# Evidence files (留痕): stored outside the static and media roots, served only by a checked view.
FAZHI_EVIDENCE_ROOT = Path(env_str("FAZHI_EVIDENCE_ROOT", str(BASE_DIR / "var" / "evidence")))
FAZHI_EVIDENCE_MAX_MB = env_int("FAZHI_EVIDENCE_MAX_MB", 20)

# Celery: without a broker, tasks run eagerly in-process so the demo needs no Redis.
CELERY_TASK_ALWAYS_EAGER = not env_str("CELERY_BROKER_URL", "")
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "") or "memory://localhost/"
CELERY_TASK_EAGER_PROPAGATES = False
# Without a broker, parse uploads in a background thread rather than inside the request.
FAZHI_PARSE_IN_THREAD = env_bool("FAZHI_PARSE_IN_THREAD", True)
CELERY_TIMEZONE = TIME_ZONE

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 100,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "fazhi API",
    "DESCRIPTION": "依法治区办平台：计划导入、任务台账、下发、单位名录",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Supervision (督办督察): working-day thresholds, reminders, 督办单, the 约谈 list.
# A deadline turns yellow when at most this many working days remain (fazhi.ledger.status).
FAZHI_DUE_SOON_WORKDAYS = env_int("FAZHI_DUE_SOON_WORKDAYS", 5)
# Reminders go out when exactly this many working days remain (and on the deadline day, 0).
FAZHI_REMINDER_WORKDAYS_BEFORE = [
    int(n) for n in env_list("FAZHI_REMINDER_WORKDAYS_BEFORE", "3,1,0") if n.isdigit()
]
# Without a broker, web server processes run the reminder job in a thread this often.
FAZHI_REMINDERS_IN_PROCESS = env_bool("FAZHI_REMINDERS_IN_PROCESS", True)
FAZHI_REMINDER_CHECK_MINUTES = env_int("FAZHI_REMINDER_CHECK_MINUTES", 60)
# Overdue reminders: the first working day after the deadline, then every N working days.
FAZHI_OVERDUE_REMINDER_EVERY_WORKDAYS = env_int("FAZHI_OVERDUE_REMINDER_EVERY_WORKDAYS", 5)
FAZHI_NOTICE_PREFIX = env_str("FAZHI_NOTICE_PREFIX", "督办")
FAZHI_NOTICE_REPLY_WORKDAYS = env_int("FAZHI_NOTICE_REPLY_WORKDAYS", 5)
FAZHI_TALK_OVERDUE_THRESHOLD = env_int("FAZHI_TALK_OVERDUE_THRESHOLD", 3)
FAZHI_TALK_UNANSWERED_THRESHOLD = env_int("FAZHI_TALK_UNANSWERED_THRESHOLD", 2)
# Group-robot webhook (钉钉 / 企业微信); empty: no webhook. A failure is logged, never fatal.
FAZHI_WEBHOOK_URL = env_str("FAZHI_WEBHOOK_URL", "")
FAZHI_WEBHOOK_KIND = env_str("FAZHI_WEBHOOK_KIND", "dingtalk")
if FAZHI_WEBHOOK_KIND not in ("dingtalk", "wecom"):
    raise ImproperlyConfigured(f"FAZHI_WEBHOOK_KIND={FAZHI_WEBHOOK_KIND!r}: expected dingtalk or wecom")
# The address links in emails and webhook messages start with.
FAZHI_SITE_URL = env_str("FAZHI_SITE_URL", "http://127.0.0.1:8000")
# How long a process keeps the holiday calendar before re-reading the office's entries.
FAZHI_CALENDAR_CACHE_SECONDS = env_int("FAZHI_CALENDAR_CACHE_SECONDS", 300)
# Email: printed to the console in the demo; set EMAIL_BACKEND/EMAIL_HOST for real mail.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "fazhi@localhost")
# Daily reminders by Celery beat (production); without a broker: `manage.py send_reminders` from cron.
CELERY_BEAT_SCHEDULE = {
    "send-reminders": {
        "task": "fazhi.supervision.tasks.send_reminders_task",
        "schedule": crontab(hour=8, minute=0),  # CELERY_TIMEZONE: 08:00 Beijing time
        "options": {"expires": 60 * 60 * 12},
    },
}

if (BASE_DIR / "fazhi" / "local_settings.py").exists():
    from fazhi.local_settings import *  # noqa: F403
