"""Feeds whose every field is inert in any feed reader. RSS descriptions and Atom `type="html"` summaries are decoded
into HTML by readers, and many render titles as HTML too, so the feed generator itself (not each feed) turns every
field into plain text or sanitised HTML. Every portal feed derives from `PortalFeed`, which refuses a generator that
does not."""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from portal.sanitise import ALLOWED_TAGS, clean_html, plain_text

# What a feed entry's HTML may hold: members' text plus the images of the portal's own renditions.
FEED_TAGS = frozenset({*ALLOWED_TAGS, "img", "h2"})
FEED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "width", "height"}}
PLAIN_FIELDS = ("author_name", "author_email", "item_copyright")
FEED_PLAIN_FIELDS = ("title", "subtitle", "author_name", "author_email", "feed_copyright")
LINK_FIELDS = ("author_link", "comments")


def safe_link(value):
    """Links stay on http(s) (or are relative); anything else (`javascript:`, `data:`) is dropped."""
    if not value:
        return value
    scheme = urlsplit(str(value)).scheme.lower()
    return value if scheme in ("", "http", "https") else ""


def feed_html(value) -> str:
    return clean_html(value, tags=FEED_TAGS, attributes=FEED_ATTRIBUTES)


class SafeFeedGenerator:
    """Mixed into Django's generators: fields are cleaned as they are added, so no feed can forget one."""

    def __init__(self, title, link, description, **kwargs):
        for name in FEED_PLAIN_FIELDS:
            if kwargs.get(name):
                kwargs[name] = plain_text(kwargs[name])
        for name in ("author_link", "feed_url"):
            kwargs[name] = safe_link(kwargs.get(name))
        kwargs["categories"] = [plain_text(category) for category in kwargs.get("categories") or ()]
        super().__init__(plain_text(title), safe_link(link), plain_text(description), **kwargs)

    def add_item(self, title, link, description, **kwargs):
        for name in PLAIN_FIELDS:
            if kwargs.get(name):
                kwargs[name] = plain_text(kwargs[name])
        for name in LINK_FIELDS:
            if kwargs.get(name):
                kwargs[name] = safe_link(kwargs[name])
        kwargs["categories"] = [plain_text(category) for category in kwargs.get("categories") or ()]
        if kwargs.get("content"):
            kwargs["content"] = feed_html(kwargs["content"])
        super().add_item(plain_text(title), safe_link(link), feed_html(description), **kwargs)


class SafeRssFeed(SafeFeedGenerator, Rss201rev2Feed):
    pass


class SafeAtomFeed(SafeFeedGenerator, Atom1Feed):
    pass


class PortalFeed(Feed):
    """The base of every portal feed (RSS by default; set `feed_type = SafeAtomFeed` for Atom)."""

    feed_type = SafeRssFeed

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if not issubclass(cls.feed_type, SafeFeedGenerator):
            raise TypeError(f"{cls.__name__}.feed_type must be SafeRssFeed or SafeAtomFeed, not {cls.feed_type}")
