"""Where evidence comes from. The platform imports no feature app: each app registers a source, a callable
`facts(user_ids)` yielding the `Fact`s it holds for those people (None: for everyone, in a rebuild), and tells
`portal.expertise.refresh.refresh_later(user_ids)` when something of theirs changes."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Fact:
    """One piece of evidence: `user_id` showed knowledge of `topic_ids` through the item (its search key, title,
    address and readers in the index's terms) at `occurred_at`."""

    user_id: int
    kind: str
    topic_ids: tuple[int, ...]
    item_key: str
    title: str
    url: str
    readers: tuple[str, ...]
    occurred_at: datetime.datetime
    within_page_id: int | None = None  # the page the item is or lives on

    @classmethod
    def about_page(cls, user_id, kind, page, topic_ids, readers, occurred_at) -> "Fact":
        """Evidence that is a page (an article, a review of one, a module, a community facilitated)."""
        return cls(
            user_id=user_id,
            kind=kind,
            topic_ids=tuple(topic_ids),
            item_key=f"page:{page.pk}",
            title=page.title,
            url=page.url,
            readers=tuple(readers),
            occurred_at=occurred_at,
            within_page_id=page.pk,
        )


EvidenceSource = Callable[[list[int] | None], Iterable[Fact]]
evidence_sources: list[EvidenceSource] = []
# Callables page -> user ids of people who may gain evidence when that page is published (its owner, a blog
# post's author, a community's facilitators): people who already have evidence there are found in the table.
page_people: list[Callable] = []


def register(source: EvidenceSource, people_of_page: Callable | None = None) -> None:
    if source not in evidence_sources:
        evidence_sources.append(source)
    if people_of_page is not None and people_of_page not in page_people:
        page_people.append(people_of_page)


def both_readers(first, second) -> tuple[str, ...]:
    """Readers who may open both of two items, in the index's terms (any one token suffices): the wider side gives
    way to the narrower one; two group lists keep only the groups they share (never wider than either)."""
    first, second = set(first), set(second)
    for wide in ("public", "login"):
        if wide in first:
            return tuple(sorted(second))
        if wide in second:
            return tuple(sorted(first))
    return tuple(sorted(first & second))


def for_users(field: str, user_ids: list[int] | None) -> Q:
    """A filter on `field` for the people asked about (everyone when None)."""
    return Q() if user_ids is None else Q(**{f"{field}__in": user_ids})
