"""Shared fragments of signed-in pages (issue 18): a part of a page that every reader with the same access sees
alike, such as the home page's newest articles or a community's featured threads, rendered once and kept until
something it shows changes.

Safe by construction:
- A fragment is rendered from its data alone, never with the request: its template has no reader, no session and
  no CSRF token (`{% csrf_token %}` renders nothing), so what one reader's render shows cannot carry anything that
  is theirs alone.
- Its data may depend on the reader only through `shared_by`, the key of everyone who sees the same, e.g. the
  reader's visibility tokens (`portal.searchable.reader_tokens`) or their role; a fragment whose data is the
  reader's own is simply not shared.

Invalidation is the page cache's: the fragment lists the tags it shows (`listings`, `page:12`), and any bump of one
after it was rendered makes the next reader render it again. It is on whenever the page cache is
(PAGE_CACHE_SECONDS > 0, in production only with a shared cache that every instance sees)."""

import hashlib
import time
from collections.abc import Callable
from typing import TypeVar

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.pagecache.cache import PREFIX, backend, enabled, fresh, keep

T = TypeVar("T")


def fragment_key(name: str, shared_by: str) -> str:
    return f"{PREFIX}:fragment:{hashlib.sha256(f'{name}|{shared_by}'.encode()).hexdigest()}"


def shared(name: str, shared_by: str, tags, build: Callable[[], T]) -> T:
    """What `build()` returns (HTML, or a list of rendered parts: anything picklable and free of the reader), the
    same for everyone with this `shared_by` key, built once until one of `tags` is bumped. `tags` may also be a
    function of the value, for what is only known once it is built (the people it names)."""
    value = kept(name, shared_by)
    if value is not None:
        return value
    rendered_at = time.time()
    value = build()
    keep_shared(name, shared_by, tags(value) if callable(tags) else tags, value, rendered_at)
    return value


def kept(name: str, shared_by: str):
    """The value kept for this fragment and `shared_by` key while none of its tags was bumped; else None (and
    always None while the page cache is off). For a fragment built in steps, e.g. from a search's response."""
    if not enabled():
        return None
    entry = backend().get(fragment_key(name, shared_by))
    return entry["value"] if entry is not None and fresh(entry) else None


def keep_shared(name: str, shared_by: str, tags, value, rendered_at: float) -> None:
    """Keep `value` (not None) for everyone with this `shared_by` key, unless one of `tags` was bumped after
    `rendered_at`, the moment before its data was first read."""
    if enabled():
        keep(fragment_key(name, shared_by), {"value": value}, tags, rendered_at)


def shared_fragment(name: str, shared_by: str, tags, context: Callable[[], dict | None], template: str) -> str:
    """`template` rendered with `context()` and nothing else, the same for everyone with this `shared_by` key; ""
    when `context()` is None (nothing to show)."""

    def render() -> str:
        values = context()
        return "" if values is None else render_to_string(template, values)

    return mark_safe(shared(name, shared_by, tags, render))  # our template's output, escaped as it rendered
