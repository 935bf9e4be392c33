"""Settings shared by every environment. Everything that differs between machines comes from the environment."""

import os
from pathlib import Path

import environ

from django.core.exceptions import ImproperlyConfigured

from portal.embedded_elasticsearch import resolve_url

BASE_DIR = Path(__file__).resolve().parents[2]
PROJECT_DIR = BASE_DIR / "portal"
VAR_DIR = BASE_DIR / "var"
VAR_DIR.mkdir(exist_ok=True)

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "portal",
    "portal.taxonomy",
    "portal.people",
    "portal.governance",
    "portal.curation",
    "home",
    "communities",
    "learning",
    "portal.feedback",  # after the content apps: its demo part gives feedback on their demo pages
    "portal.network",  # after communities: its demo part follows the demo people
    "portal.expertise",  # after every app with evidence: its demo part derives the demo people's evidence
    "portal.command_center",  # the programme leads' figures, from panels the apps register
    "portal.pagecache",  # whole pages for anonymous readers, invalidated by what they show
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "portal.middleware.NullCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session, CSRF and messages middleware: it sees every cookie they set (portal/pagecache/cache.py).
    "portal.pagecache.cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
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
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "communities.notification_views.unread_notifications",
            ],
        },
    },
]

# SQLite under var/ is the embedded default; production gives a PostgreSQL DATABASE_URL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite as a real embedded database shared by the web process, the search worker and commands: readers never
    # block the writer (WAL), a writing transaction takes the write lock when it begins (IMMEDIATE: a deferred one
    # that upgrades later fails at once with "database is locked"), and writers wait their turn (timeout, s).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://portal")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    CACHES["default"]["BACKEND"] = "portal.pagecache.redis.PooledClientRedisCache"  # one client per pool, not per call
SHARED_CACHE = "locmem" not in CACHES["default"]["BACKEND"]
if not SHARED_CACHE:
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 5000)

# Sessions: Django's engine by its last name (SESSION_BACKEND). In the database by default; with a shared cache,
# "cached_db": every instance reads sessions from Redis and the database keeps them through a Redis restart. "cache"
# (Redis alone) signs everyone out when Redis loses its data. A local-memory cache belongs to one process, so the
# cache engines need CACHE_URL.
SESSION_BACKEND = env.str("SESSION_BACKEND", default="cached_db" if SHARED_CACHE else "db")
if SESSION_BACKEND not in {"db", "cached_db", "cache"}:
    raise ImproperlyConfigured(f"SESSION_BACKEND is db, cached_db or cache, not {SESSION_BACKEND!r}.")
if SESSION_BACKEND != "db" and not SHARED_CACHE:
    raise ImproperlyConfigured(f"SESSION_BACKEND={SESSION_BACKEND} needs a shared cache: set CACHE_URL (Redis).")
SESSION_ENGINE = f"django.contrib.sessions.backends.{SESSION_BACKEND}"

# The anonymous page cache (portal/pagecache): seconds an entry lives at most, whatever invalidates it sooner; 0
# turns it off. Its invalidations must reach every process that serves pages, so in production it needs a shared
# cache (CACHE_URL=redis://...); the local-memory default serves one process (`make serve`).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_ALIAS = "default"
# Paths never looked up nor kept (the search page itself may be: search/views.py opts in for anonymous readers).
PAGE_CACHE_NEVER = (
    "/admin/",
    "/accounts/",
    "/api/",
    "/search/people/",
    "/search/autocomplete/",
    "/search/similar/",
    "/me/",
    "/documents/",
    "/follow/",
    "/curation/",
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL  # readers of a restricted page sign in on the portal's own login page
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="portal@localhost")

# Demo content carries known passwords: allowed in dev and tests, refused in production.
DEMO_CONTENT_ALLOWED = env.bool("DEMO_CONTENT_ALLOWED", default=False)

# Elasticsearch: ELASTICSEARCH_URL points at your own cluster; without it, the URL the embedded server chose.
ELASTICSEARCH_RUN_DIR = VAR_DIR / "elasticsearch"
ELASTICSEARCH_URL = resolve_url(ELASTICSEARCH_RUN_DIR)
ELASTICSEARCH_PORT = env.int("ELASTICSEARCH_PORT", default=None)  # embedded server only; else the first free from 9200
# The embedded server's Java heap (512m unless set; ignored with ELASTICSEARCH_URL): a million items want 2g
# (bench/README.md).
ELASTICSEARCH_HEAP = env.str("ELASTICSEARCH_HEAP", default="512m")
ELASTICSEARCH_TIMEOUT = env.float("ELASTICSEARCH_TIMEOUT", default=5.0)
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="portal_")
# The portal's faceted search (search/): readers wait at most SEARCH_TIMEOUT before the database answers instead.
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=2.0)
SEARCH_INDEX_TIMEOUT = env.float("SEARCH_INDEX_TIMEOUT", default=10.0)
# Processes that build a full rebuild's documents while this one sends them (0: build them in this process). One
# core is left to Elasticsearch when it runs on the same machine.
SEARCH_REBUILD_PROCESSES = env.int("SEARCH_REBUILD_PROCESSES", default=max(1, (os.cpu_count() or 2) - 1))
# Items per batch of a rebuild: per-batch costs (queries, a bulk request) shared by more items.
SEARCH_REBUILD_BATCH = env.int("SEARCH_REBUILD_BATCH", default=1000)
# "These may already answer your question": look-ups per person per minute while a question's title is typed.
SIMILAR_QUESTIONS_PER_MINUTE = env.int("SIMILAR_QUESTIONS_PER_MINUTE", default=60)
# Without a search worker (`manage.py search_worker`, which `make serve` runs), drain index work after each commit.
SEARCH_DRAIN_ON_COMMIT = env.bool("SEARCH_DRAIN_ON_COMMIT", default=False)
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.elasticsearch7",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": SEARCH_INDEX_PREFIX,
        "TIMEOUT": ELASTICSEARCH_TIMEOUT,
        "OPTIONS": {"max_retries": 0},
        "INDEX_SETTINGS": {},
    }
}

# Wagtail's own tasks run at once. The portal's background work (search indexing) goes through its own outbox
# table and `manage.py search_worker`, so no task queue is needed.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

WAGTAIL_SITE_NAME = "Knowledge & Learning Portal"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # no calls to outside services; avatars are our own images
WAGTAIL_TAG_SPACES_ALLOWED = True
WAGTAIL_TAG_LIMIT = 20
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {"elasticsearch": {"level": "ERROR"}, "elastic_transport": {"level": "ERROR"}},
}
PORTAL_REVIEW_INTERVAL_DAYS = env.int(
    "PORTAL_REVIEW_INTERVAL_DAYS", default=365
)  # reference content goes stale: re-check yearly
PORTAL_REVIEW_SOON_DAYS = env.int("PORTAL_REVIEW_SOON_DAYS", default=30)

# Images members upload (avatars, images in posts): capped, and refused above this many pixels.
MEMBER_IMAGE_MAX_BYTES = env.int("MEMBER_IMAGE_MAX_BYTES", default=2 * 1024 * 1024)
MEMBER_IMAGE_MAX_PIXELS = env.int("MEMBER_IMAGE_MAX_PIXELS", default=25_000_000)

# Communities: how many of a member's first posts in a community wait for a facilitator, and a posting limit.
COMMUNITY_HELD_POSTS = env.int("COMMUNITY_HELD_POSTS", default=2)
COMMUNITY_POSTS_PER_MINUTE = env.int("COMMUNITY_POSTS_PER_MINUTE", default=6)
# Reader feedback ("outdated" flags, suggestions) a person may send per minute.
READER_FEEDBACK_PER_MINUTE = env.int("READER_FEEDBACK_PER_MINUTE", default=5)
# How long a facilitator's invitation to join a community stays open.
COMMUNITY_INVITATION_DAYS = env.int("COMMUNITY_INVITATION_DAYS", default=14)

# Documents are always served through Wagtail's view, which checks private collections; never from /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
