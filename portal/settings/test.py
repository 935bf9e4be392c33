"""Test settings: fast hashing, in-memory mail, plain static storage and a search index prefix of this run's own."""

import os
import tempfile
import uuid

from .base import *  # noqa: F403
from .base import DATABASES, VAR_DIR, WAGTAILSEARCH_BACKENDS

SECRET_KEY = "test-only-secret-key-not-for-any-real-deployment-0123456789"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="portal-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each run (SQLite, then PostgreSQL in CI) gets its own indices, deleted when the run ends (tests/conftest.py).
SEARCH_INDEX_PREFIX = os.environ.get("TEST_INDEX_PREFIX") or f"test_{uuid.uuid4().hex[:8]}_"
WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = SEARCH_INDEX_PREFIX
WAGTAILADMIN_BASE_URL = "http://testserver"
DEMO_CONTENT_ALLOWED = True
SEARCH_DRAIN_ON_COMMIT = True  # no worker runs in tests: index work is applied right after each commit
PAGE_CACHE_SECONDS = 0  # off: tests/test_page_cache.py turns it on, with a cleared cache

# The SQLite test database is a file, as in development, so the concurrency tests can share it with real worker
# and command processes (an in-memory database belongs to one process).
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test-{SEARCH_INDEX_PREFIX.strip('_')}.sqlite3")}

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
