"""The curation protocol, and what apps register so this platform app never imports them.

A source (a thread, a blog post, a wiki page) implements `curation_source() -> CurationSource`: its text in
parts the curator may pick, who wrote each, its classification and the signals that rank it; and
`curation_community()`, the community page it belongs to (cheap: pages ask it on every view). Targets (a reference
article, a lesson) register how to build a draft from picked parts. Scopes say which communities a person curates
for (their own, as a facilitator); editors and subject experts curate everything."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from portal.governance.workflows import EDITORS, SUBJECT_EXPERTS

CURATOR_GROUPS = (EDITORS, SUBJECT_EXPERTS)


@dataclass
class SourcePart:
    """A piece of a source: the question, an answer, a reply, a post. `text` is Markdown unless `html`."""

    id: str
    label: str
    author: object  # a user, or None when the account is gone
    text: str
    html: bool = False
    picked: bool = True  # ticked by default (the question, the accepted answer, the whole post)
    optional: bool = False  # the curator may tick or untick it; required parts are always used
    heading: str = ""  # the draft's heading for it, when the label (which may name people) should not be one


@dataclass
class CurationSource:
    kind: str
    title: str
    url: str
    date: datetime.datetime | None
    community: object  # the community page, or None
    parts: list[SourcePart]
    summary: str = ""
    topic_ids: list[int] = field(default_factory=list)
    audience_ids: list[int] = field(default_factory=list)
    stage: str = ""
    tags: list[str] = field(default_factory=list)
    contributors: list = field(default_factory=list)  # (user, what they did) credited beyond the parts' authors
    image_collection_ids: list[int] = field(default_factory=list)  # where its `![…](image:ID)` images may come from
    signals: dict = field(default_factory=dict)  # accepted_answer, follows, replies, helpful

    def picked_parts(self, optional_ids) -> list[SourcePart]:
        """The parts a draft is built from: every required one, and the optional ones the curator ticked."""
        optional_ids = {str(part_id) for part_id in optional_ids}
        return [part for part in self.parts if not part.optional or part.id in optional_ids]


def is_source(obj) -> bool:
    return callable(getattr(obj, "curation_source", None))


def source_url(source) -> str:
    """A source's address now, without describing it in full (a thread's parts cost queries)."""
    from wagtail.models import Page

    return source.url if isinstance(source, Page) else source.get_absolute_url()


# -- who curates what ---------------------------------------------------------------------------------------------
scope_providers: list[Callable] = []  # provider(user) -> set of community page ids they curate for


def curation_scope(user) -> set[int] | None:
    """None: every candidate (superusers, editors, subject experts); otherwise the community ids they curate for,
    empty for someone who curates nothing."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser or user.groups.filter(name__in=CURATOR_GROUPS).exists():
        return None
    scope = set()
    for provider in scope_providers:
        scope |= set(provider(user))
    return scope


def curates(user, community_id) -> bool:
    scope = curation_scope(user)
    return scope is None or (community_id is not None and community_id in scope)


# -- what a source becomes ----------------------------------------------------------------------------------------
@dataclass
class CurationTarget:
    """A page type curation can make. `parents(user)` lists where this user may add one (a library, a module);
    `build(parent, draft, user)` creates the draft page (not live) from a `portal.curation.drafting.Draft`."""

    name: str
    label: str
    parents: Callable
    build: Callable


targets: dict[str, CurationTarget] = {}


def register_target(target: CurationTarget) -> None:
    targets[target.name] = target
