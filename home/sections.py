"""What the home page shows, contributed by each feature app without home importing them: a community app adds
"featured communities" and "answers and tips", learning adds "learning paths", each from its AppConfig.ready().

Every `context(request, home_page)` runs a fixed number of queries however much content exists (the home page is
the busiest page; tests/test_home.py counts them), and returns None to leave its block out.

A block that readers with the same access see alike says so with `shared_by(request)`, the key of everyone who sees
the same: it is then rendered once for all of them (portal.pagecache.fragments), from its context alone, without
the request, and kept until a page or a post it may show changes ("listings" is bumped by every publish, community
post, membership and reader flag)."""

from collections.abc import Callable
from dataclasses import dataclass

from portal.pagecache.fragments import shared_fragment

SHARED_SECTION_TAGS = ("listings", "site")


def for_everyone(request) -> str:
    """`shared_by` of a block that shows every reader the same (public content only)."""
    return "everyone"


@dataclass
class HomeSection:
    """A titled block of the home page, rendered from `template` with what `context` returns."""

    key: str
    heading: str
    template: str
    context: Callable
    more_url: str = ""
    more_label: str = ""
    order: int = 100
    # None: the reader's own block, rendered for each request. Else a function of the request naming everyone who
    # sees the same block; `context` must then depend on the reader through that key alone.
    shared_by: Callable | None = None


@dataclass
class ContinueItem:
    """One entry of the signed-in reader's "Continue" strip: a lesson in progress, a thread with new replies."""

    kind: str
    title: str
    url: str
    note: str = ""


home_sections: list[HomeSection] = []
# Callables (request) -> list[ContinueItem], each with a fixed number of queries; asked only for signed-in readers.
continue_providers: list[Callable] = []


def register_section(section: HomeSection):
    """Add a block once (a second ready() in tests must not show it twice)."""
    if section.key not in {existing.key for existing in home_sections}:
        home_sections.append(section)


def sections_for(request, home_page) -> list[dict]:
    blocks = []
    for section in sorted(home_sections, key=lambda s: s.order):
        if section.shared_by is not None:
            html = shared_fragment(
                f"home:{home_page.pk}:{section.key}",
                section.shared_by(request),
                SHARED_SECTION_TAGS,
                lambda section=section: section_data(section, request, home_page),
                section.template,
            )
            if html:
                blocks.append({"section": section, "html": html})
            continue
        context = section.context(request, home_page)
        if context is not None:
            blocks.append({"section": section, "context": context})
    return blocks


def section_data(section: HomeSection, request, home_page) -> dict | None:
    context = section.context(request, home_page)
    return None if context is None else {"data": context}


def continue_items_for(request) -> list[ContinueItem]:
    if not request.user.is_authenticated:
        return []
    return [item for provider in continue_providers for item in provider(request)]
