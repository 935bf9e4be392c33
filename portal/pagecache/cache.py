"""The anonymous page cache: whole responses for readers who are not signed in, kept until something they show
changes (issue 18).

Safe by construction, not by listing what to leave out:
- Opt-in. Only a response whose view named what it shows (`cache_for_readers(request, tags)`) is kept: Wagtail
  pages (a `before_serve_page` hook), the taxonomy's topic and tag pages (`KEPT_VIEWS`) and the search page.
  Everything else is never kept. What a view counts per reader (each search, for the command center) is counted
  on every serving of the kept response too (`count_each_serving`).
- Only cookieless readers. A request carrying a session or messages cookie, or an Authorization header, is never
  answered from the cache nor stored: a signed-in reader, and anyone with something in their session, always gets
  a fresh response.
- Only shareable responses. A response is kept only when it is a 200, sets no cookie (so it carries no CSRF token:
  rendering one sets the CSRF cookie) and is not marked private or no-store, and when no view refused it (a page
  under a view restriction always refuses).

Invalidation is by tags: each kept response lists the tags it depends on (`page:12`, `listings`, and the search
keys of what it shows from elsewhere, `depends_on`); `bump(tags)`
after a commit gives those tags a new version, and an entry is served only while every tag is unbumped since it was
rendered. A bump during a render keeps that render out of the cache. PAGE_CACHE_SECONDS bounds what no tag covers
(related items, people boxes). The backend is Django's cache: local memory by default, Redis through CACHE_URL, so
every instance sees every bump."""

import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse

logger = logging.getLogger(__name__)

PREFIX = "pagecache"
HIT_HEADER = "X-Page-Cache"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "Link", "X-Robots-Tag")


def enabled() -> bool:
    return settings.PAGE_CACHE_SECONDS > 0


def backend():
    return caches[settings.PAGE_CACHE_ALIAS]


def cache_for_readers(request, tags) -> None:
    """Let this request's response be kept for anonymous readers, invalidated by any of `tags`."""
    request.page_cache_tags = set(getattr(request, "page_cache_tags", set())) | set(tags)


def depends_on(request, tags) -> None:
    """Tags the response also depends on: items it shows from elsewhere (a "Related" aside lists other pages and
    threads by their search keys, which are their tags). No effect unless the response is kept for its own tags."""
    if request is not None:
        request.page_cache_depends = set(getattr(request, "page_cache_depends", set())) | set(tags)


# What kept responses count each time they are served: a name -> its counter, registered by the app that counts
# (the platform imports no feature app), called with the payload the view stored.
HIT_COUNTERS: dict[str, Callable] = {}


def register_hit_counter(name: str, counter: Callable) -> None:
    HIT_COUNTERS[name] = counter


def count_each_serving(request, name: str, payload) -> None:
    """Have `HIT_COUNTERS[name](payload)` run each time this response is served from the cache (the view itself
    counted this first serving). `payload` is kept with the response: plain, picklable values."""
    request.page_cache_counts = [*getattr(request, "page_cache_counts", []), (name, payload)]


def refuse(request) -> None:
    """Never keep this request's response (e.g. a page under a view restriction), whatever else said."""
    request.page_cache_refused = True


def bump(tags) -> None:
    """Invalidate every kept response that depends on one of `tags`, once the current transaction commits (a render
    that starts before the commit reads the old state, so the bump must come after it)."""
    tags = set(tags)
    if tags and enabled():
        transaction.on_commit(lambda: bump_now(tags))


def bump_now(tags) -> None:
    now = time.time()
    backend().set_many({tag_key(tag): now for tag in tags}, timeout=None)


def tag_key(tag: str) -> str:
    return f"{PREFIX}:tag:{hashlib.sha1(tag.encode()).hexdigest()}"


def entry_key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"{PREFIX}:page:{hashlib.sha256(address.encode()).hexdigest()}"


def may_use(request) -> bool:
    """Whether this request may be answered from the cache and its response kept: a cookieless anonymous GET."""
    if not enabled() or request.method != "GET":
        return False
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_NEVER)


def lookup(request) -> HttpResponse | None:
    entry = backend().get(entry_key(request))
    if entry is None or not fresh(entry):
        return None
    response = HttpResponse(entry["content"], status=200)
    for name, value in entry["headers"]:
        response[name] = value
    response[HIT_HEADER] = "hit"
    for name, payload in entry.get("counts", ()):
        try:
            HIT_COUNTERS[name](payload)
        except Exception:  # a reader gets the page even when counting it failed
            logger.exception("Could not count a kept response's serving (%s)", name)
    return response


def fresh(entry: dict) -> bool:
    """Whether no tag of a kept entry was bumped since it was rendered (a tag whose version was evicted counts as
    bumped)."""
    versions = backend().get_many([tag_key(tag) for tag in entry["tags"]])
    return not any(versions.get(tag_key(tag), float("inf")) > entry["rendered_at"] for tag in entry["tags"])


def keep(key: str, entry: dict, tags, rendered_at: float) -> None:
    """Keep `entry` under `key` with the tags it depends on, unless one was bumped while it was rendered."""
    tags = sorted(tags)
    versions = backend().get_many([tag_key(tag) for tag in tags])
    missing = {tag_key(tag): 0.0 for tag in tags if tag_key(tag) not in versions}
    if missing:  # a tag never bumped (or evicted): give it a version older than this render
        backend().set_many(missing, timeout=None)
    if any(version > rendered_at for version in versions.values()):
        return  # bumped while this was rendered: it may show the old state
    backend().set(key, {**entry, "tags": tags, "rendered_at": rendered_at}, timeout=settings.PAGE_CACHE_SECONDS)


# Views outside Wagtail's page tree that are kept, by URL name, with what they show: the taxonomy's pages list
# pages from anywhere. (Named here so the taxonomy need not know of the cache.)
KEPT_VIEWS = {
    "taxonomy:topic_index": {"listings", "site"},
    "taxonomy:topic": {"listings", "site"},
    "taxonomy:tag": {"listings", "site"},
}


def keepable(request, response) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in KEPT_VIEWS:
        cache_for_readers(request, KEPT_VIEWS[match.view_name])
    if getattr(request, "page_cache_refused", False) or not getattr(request, "page_cache_tags", None):
        return False
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE") or request.META.get("CSRF_COOKIE_USED"):
        return False  # a CSRF token in the page belongs to one reader
    control = response.get("Cache-Control", "").lower()
    return not any(word in control for word in ("private", "no-store", "no-cache"))


def store(request, response, rendered_at: float) -> None:
    tags = request.page_cache_tags | getattr(request, "page_cache_depends", set())
    entry = {
        "content": response.content,
        "headers": [(name, response[name]) for name in KEPT_HEADERS if response.has_header(name)],
        "counts": getattr(request, "page_cache_counts", []),
    }
    keep(entry_key(request), entry, tags, rendered_at)


class AnonymousPageCacheMiddleware:
    """Before the session, CSRF and messages middleware, so it sees every cookie they set on the way out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not may_use(request):
            return self.get_response(request)
        cached = lookup(request)
        if cached is not None:
            return cached
        rendered_at = time.time()
        response = self.get_response(request)
        if keepable(request, response):
            store(request, response, rendered_at)
            response[HIT_HEADER] = "miss"
        return response
