"""The portal's one sanitiser. Whatever people type reaches readers either as plain text (no markup at all) or as
HTML cleaned by nh3 against an allowlist: no scripts, event handlers, styles or `javascript:` links survive. Pages,
feeds and e-mails all go through these functions."""

import html
import re

import markdown
import nh3

from django.core.exceptions import ValidationError
from django.utils.http import url_has_allowed_host_and_scheme

# What members' Markdown may turn into (communities.text adds images from the portal's own collections).
ALLOWED_TAGS = frozenset(
    {"p", "br", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote", "h3", "h4", "hr"}
)
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
LINK_REL = "noopener noreferrer nofollow"

MARKUP = re.compile(r"<[A-Za-z!/?]")

# How members' Markdown is read, for pages (communities.text) and for search text alike.
MARKDOWN_EXTENSIONS = ["sane_lists"]
# What can make Markdown differ from its text: text with none of it reads the same rendered, and skips the
# pure-Python parser (about a millisecond a post, too slow for a rebuild of 100,000 of them).
MARKDOWN_SYNTAX = re.compile(r"[#*_`\[\]<>&\\]|^ {0,3}(?:[-+>=]|\d{1,9}[.)])", re.M)


def clean_html(value: str, *, tags=ALLOWED_TAGS, attributes=None, attribute_filter=None) -> str:
    """`value` as HTML with only the allowed tags and attributes, links limited to http(s) and mailto."""
    return nh3.clean(
        str(value or ""),
        tags=set(tags),
        attributes=ALLOWED_ATTRIBUTES if attributes is None else attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=LINK_REL,
        attribute_filter=attribute_filter,
    )


def plain_text(value) -> str:
    """`value` as plain text: tags and their scripts removed, entities decoded, and decoded again while that
    reveals more markup ("&lt;script&gt;" typed as text), so the result holds no tag in either reading."""
    text = str(value or "")
    for _ in range(5):
        stripped = html.unescape(nh3.clean(text, tags=set(), attributes={}))
        if stripped == text:
            return text
        text = stripped
    return html.escape(text, quote=False)  # markup nested deeper than anyone types: leave it inert


def markdown_text(value) -> str:
    """Markdown as the plain text it renders to: the words of headings, emphasis, links, code and lists without
    `##`, `**`, link targets or backticks, and any HTML in it removed as `plain_text` removes it. What search
    indexes, highlights and shows of what members write."""
    text = str(value or "")
    if MARKDOWN_SYNTAX.search(text):
        text = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    return plain_text(text)


def one_line(value) -> str:
    """Plain text on one line: e-mail subjects and other headers, where a line break would start a new header."""
    return " ".join(plain_text(value).split())


def validate_plain_text(value):
    """Fields shown as plain text (summaries, titles) refuse markup with a message instead of dropping it."""
    if MARKUP.search(str(value or "")) and plain_text(value) != value:
        raise ValidationError(
            "Plain text only: remove the HTML markup (text in angle brackets such as <b> or <img …>).",
            code="markup",
        )


def local_url(value, request) -> str:
    """A `next` URL from a form or query string if it is a path on this site, else "" (no open redirects; and never
    a bare word, which `redirect()` would take for a view name)."""
    value = str(value or "")
    if value.startswith("/") and url_has_allowed_host_and_scheme(value, {request.get_host()}, request.is_secure()):
        return value
    return ""
