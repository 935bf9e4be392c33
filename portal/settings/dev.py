"""Development settings: DEBUG on, a secret key generated once and kept under var/."""

from django.core.management.utils import get_random_secret_key

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)


def dev_secret_key() -> str:
    path = VAR_DIR / "secret_key"
    if not path.exists():
        path.write_text(get_random_secret_key())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env.str("SECRET_KEY", default="") or dev_secret_key()
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="portal_dev_")
WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = SEARCH_INDEX_PREFIX
DEMO_CONTENT_ALLOWED = env.bool("DEMO_CONTENT_ALLOWED", default=True)

# Serve static files from the apps and static/ without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
