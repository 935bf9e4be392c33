"""The protocol between content and search. Any object that should be found implements two methods:

    search_document() -> SearchDocument | None   what to index now; None when it must not be in the index
                                                 (a draft, a hidden post, a password-protected page)
    search_visible_to(user) -> bool              the database's word on whether this reader may open it

Pages implement them (home.BasePage does, for every page type); other models register here with `register`, so the
`search` app can find, load and watch them without importing the app they live in."""

import contextlib
import contextvars
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.dispatch import Signal
from django.utils.text import Truncator, add_truncation_text, calculate_truncate_chars_length
from django.utils.translation import get_language, pgettext

from portal.sanitise import markdown_text, plain_text

PUBLIC = "public"
LOGGED_IN = "login"
SUMMARY_LENGTH = 500  # a page's summary at its longest; a post's summary is its opening, cut here


@dataclass
class SearchDocument:
    """One searchable item as the index sees it. `readers` lists who may see it: "public", "login" or
    "group:<id>" (any one of them suffices). `summary` and `body` may be given as HTML, or as Markdown with
    `markdown=True` (what members write); the document holds them as plain text."""

    key: str
    index: str  # "content" or "people"
    kind: str
    title: str
    url: str
    readers: list[str]
    summary: str = ""
    body: str = ""
    topic_ids: list[int] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    community: str = ""
    audiences: list[str] = field(default_factory=list)
    stage: str = ""
    owner: str = ""
    published: datetime.datetime | None = None
    updated: datetime.datetime | None = None
    review_by: datetime.date | None = None
    community_contribution: bool = False
    reported_outdated: bool = False  # approved content a reader flagged as outdated (portal.taxonomy.trust)
    extra: dict = field(default_factory=dict)  # index-specific fields (people: department, communities, counts)
    markdown: bool = False

    def __post_init__(self):
        # The one place text becomes what the index holds, its highlights are cut from and the database fallback
        # shows: plain text, no Markdown syntax and no tags, so a snippet never reads `## Handbook` or `**every**`
        # and the highlighter only ever adds <mark> to text it escapes itself.
        as_text = markdown_text if self.markdown else plain_text
        summary = as_text(self.summary)
        body = summary if self.body == self.summary else as_text(self.body)  # a post's opening is its body
        self.summary = cut(" ".join(summary.split()), SUMMARY_LENGTH)
        lines = (" ".join(line.split()) for line in body.splitlines())
        self.body = "\n".join(line for line in lines if line)


def cut(text: str, length: int) -> str:
    """`Truncator(text).chars(length)`, which walks the text a character at a time, at a tenth of a millisecond
    for a post's opening: too slow for a rebuild of a million. ASCII text, the usual case, has no combining marks
    and nothing to normalise, so its cut is a slice, with the same ellipsis in the same place."""
    if not text.isascii():
        return Truncator(text).chars(length)
    if len(text) <= length:
        return text
    # Django's truncation text ("%(truncated_text)s…"), translated: looked up once per batch and language, not per cut.
    ellipsis = cached(
        ("truncation", get_language()),
        lambda: pgettext("String to return when truncating text", "%(truncated_text)s…"),
    )
    return add_truncation_text(text[: calculate_truncate_chars_length(length, ellipsis)], ellipsis)


@dataclass
class SearchableType:
    """A registered non-page model. `keys_of(instance)` names the search keys a save or delete of the instance
    touches (a reply touches its thread); `under_pages(page_ids)` gives the objects that live under those pages, so
    moving a page or changing its privacy re-indexes them too."""

    model: type[models.Model]
    index: str = "content"
    queryset: Callable[[], models.QuerySet] | None = None
    keys_of: Callable[[models.Model], Iterable[str]] | None = None
    under_pages: Callable[[list[int]], Iterable[models.Model]] | None = None
    indexed: bool = True  # False: only watched, its changes touch other keys (memberships, replies)
    select_related: tuple = ()  # what loading a batch of them should join or prefetch, to stay at a few queries
    prefetch_related: tuple = ()
    title_field: str = "title"  # what the database fallback matches words against while Elasticsearch is down


searchable_types: dict[str, SearchableType] = {}

# Sent with `keys` when something derived from other records changes an item's search document without a save
# of the item itself (a person's evidenced expertise): the search app queues the keys like a save.
keys_changed = Signal()


def touch(keys: Iterable[str]) -> None:
    keys = list(keys)
    if keys:
        keys_changed.send(sender=None, keys=keys)


def register(model, **options) -> SearchableType:
    entry = SearchableType(model=model, **options)
    searchable_types[model._meta.label_lower] = entry
    return entry


_batch_cache = contextvars.ContextVar("search_batch_cache", default=None)


@contextlib.contextmanager
def batch_cache():
    """Within one batch (indexing 500 items, checking a page of hits), facts shared by many items, such as a
    community's privacy and taxonomy, are computed once. Outside a batch nothing is cached."""
    if _batch_cache.get() is not None:  # already inside a batch (a full rebuild is one): share its cache
        yield
        return
    token = _batch_cache.set({})
    try:
        yield
    finally:
        _batch_cache.reset(token)


def cached(key, compute):
    cache = _batch_cache.get()
    if cache is None:
        return compute()
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def search_key(obj) -> str:
    """ "page:12" for every page (whatever its type), "<app>.<model>:<pk>" for the rest."""
    from wagtail.models import Page

    if isinstance(obj, Page):
        return f"page:{obj.pk}"
    return f"{obj._meta.label_lower}:{obj.pk}"


def objects_for_keys(keys: Iterable[str]) -> dict:
    """The live objects behind search keys, a query per model (pages: one for all types, then their specific
    rows); keys whose object is gone are missing from the answer. Notifications and other references by key use
    this, then ask each object's `search_visible_to`, the one visibility rule."""
    from django.apps import apps

    from wagtail.models import Page

    wanted = {}
    for key in set(keys):
        label, _, pk = key.rpartition(":")
        if label and pk.isdigit():
            wanted.setdefault(label, set()).add(int(pk))
    found = {}
    for label, pks in wanted.items():
        if label == "page":
            objects = Page.objects.filter(pk__in=pks).specific()
        else:
            try:
                objects = apps.get_model(label).objects.filter(pk__in=pks)
            except (LookupError, ValueError):
                continue
            registered = searchable_types.get(label)
            if registered is not None and registered.select_related:  # what its visibility reads, joined
                objects = objects.select_related(*registered.select_related)
        found.update({search_key(obj): obj for obj in objects})
    return found


def reader_tokens(user) -> list[str] | None:
    """What a reader may see, in the index's terms; None for superusers, who see everything (as in Wagtail)."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    if user.is_superuser:
        return None
    return [PUBLIC, LOGGED_IN, *(f"group:{pk}" for pk in sorted(user_group_ids(user)))]


def user_group_ids(user) -> set[int]:
    return cached(("user-groups", user.pk), lambda: set(user.groups.values_list("pk", flat=True)))


def page_readers(page) -> list[str] | None:
    """Who may see a page under Wagtail's view restrictions on it and its ancestors; None when a password protects
    it (never indexed). Several group restrictions are intersected, which can only hide, never leak."""
    from wagtail.models import PageViewRestriction

    readers = None
    for kind, group_ids in view_restrictions_of(page):
        if kind == PageViewRestriction.PASSWORD:
            return None
        if kind == PageViewRestriction.GROUPS:
            groups = {f"group:{pk}" for pk in group_ids}
            readers = groups if readers is None or readers == {LOGGED_IN} else readers & groups
        elif readers is None:
            readers = {LOGGED_IN}
    return sorted(readers) if readers is not None else [PUBLIC]


def view_restrictions_of(page) -> list[tuple[str, frozenset]]:
    """(type, group ids) of the view restrictions on a page and its ancestors. Sites have few restrictions, so a
    batch loads them all once (one query, a row per restriction and group) instead of asking per page."""
    from wagtail.models import PageViewRestriction

    def load():
        rows = PageViewRestriction.objects.values_list("pk", "page__path", "restriction_type", "groups")
        restrictions = {}
        for pk, path, kind, group_id in rows:
            restrictions.setdefault(pk, (path, kind, set()))[2].update([group_id] if group_id is not None else [])
        return [(path, kind, frozenset(groups)) for path, kind, groups in restrictions.values()]

    return [(kind, groups) for path, kind, groups in cached(("view-restrictions",), load) if page.path.startswith(path)]


def page_visible_to(page, user) -> bool:
    """The same decision Wagtail's page serving makes, without a request: live, and every view restriction on the
    page and its ancestors lets this user in (a password restriction never does, here)."""
    if not page.live:
        return False
    return cached(("page-visible", page.pk, user.pk), lambda: _restrictions_let_in(page, user))


def _restrictions_let_in(page, user) -> bool:
    from wagtail.models import PageViewRestriction

    for kind, allowed in view_restrictions_of(page):
        if kind == PageViewRestriction.PASSWORD:
            return False
        if not user.is_authenticated:
            return False
        if kind == PageViewRestriction.GROUPS and not user.is_superuser and not allowed & user_group_ids(user):
            return False
    return True


def topic_ids_with_ancestors(topic_ids: Iterable[int]) -> list[int]:
    """The topics and every ancestor, so a parent topic's facet counts its whole subtree."""
    from portal.taxonomy.models import Topic

    topic_ids = list(topic_ids)
    if not topic_ids:
        return []
    paths = Topic.objects.filter(pk__in=topic_ids).values_list("path", flat=True)
    prefixes = {prefix for path in paths for prefix in Topic.paths_down_to(path)}
    return sorted(Topic.objects.filter(path__in=prefixes).values_list("pk", flat=True))
