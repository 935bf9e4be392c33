"""What the home page shows, contributed by each feature app without home importing them: a community app adds
"featured communities" and "answers and tips", learning adds "learning paths", each from its AppConfig.ready().

Every `context(request, home_page)` runs a fixed number of queries however much content exists (the home page is
the busiest page; tests/test_home.py counts them), and returns None to leave its block out."""

from collections.abc import Callable
from dataclasses import dataclass


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
        context = section.context(request, home_page)
        if context is not None:
            blocks.append({"section": section, "context": context})
    return blocks


def continue_items_for(request) -> list[ContinueItem]:
    if not request.user.is_authenticated:
        return []
    return [item for provider in continue_providers for item in provider(request)]
