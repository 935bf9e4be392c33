"""Reading evidenced expertise for one reader: what a person is shown to know ("Knows about" on their profile),
who to ask about a topic ("People you can ask"), and what the people index ranks with. Every figure counts only
evidence whose item the reader may open."""

from dataclasses import dataclass, field

from django.db.models import F, Max, Q, Sum

from portal.expertise.models import PLURALS, Evidence, Kind, ReaderSet, TopicStanding
from portal.pictures import avatars
from portal.searchable import batch_cache, cached, objects_for_keys, reader_tokens
from portal.taxonomy.models import Topic


@dataclass
class TopicEvidence:
    """What a person has shown about one topic, as one reader may see it."""

    topic: Topic
    score: float = 0.0
    counts: dict = field(default_factory=dict)  # kind -> number of items
    items: list = field(default_factory=list)  # Evidence rows, newest first
    facilitates: list = field(default_factory=list)  # Evidence rows of communities facilitated

    @property
    def summary(self) -> str:
        """ "7 accepted answers, 2 reviewed articles, facilitates CoP Facilitators Network"."""
        parts = []
        for kind in Kind:
            if kind == Kind.FACILITATION:
                continue
            number = self.counts.get(kind, 0)
            if number:
                parts.append(f"{number} {kind.label if number == 1 else PLURALS[kind]}")
        if self.facilitates:
            parts.append("facilitates " + " and ".join(row.title for row in self.facilitates[:2]))
        return ", ".join(parts)


def visible_rows(rows, viewer) -> list[Evidence]:
    """The rows whose item the viewer may open now, asked of each item (the one visibility rule), after the
    index-token filter has cut the rows down."""
    rows = list(rows.readable_by(reader_tokens(viewer)))
    with batch_cache():
        items = objects_for_keys({row.item_key for row in rows})
        allowed = {key for key, item in items.items() if item.search_visible_to(viewer)}
    return [row for row in rows if row.item_key in allowed]


def grouped(rows) -> dict[int, TopicEvidence]:
    topics = {topic.pk: topic for topic in Topic.objects.filter(pk__in={row.topic_id for row in rows})}
    by_topic = {}
    for row in sorted(rows, key=lambda row: row.occurred_at, reverse=True):
        entry = by_topic.setdefault(row.topic_id, TopicEvidence(topics[row.topic_id]))
        entry.score += row.score
        entry.counts[row.kind] = entry.counts.get(row.kind, 0) + 1
        (entry.facilitates if row.kind == Kind.FACILITATION else entry.items).append(row)
    return by_topic


def knows_about(user, viewer, limit: int = 8) -> list[TopicEvidence]:
    """The topics a person has shown they know, strongest first, with the evidence behind each."""
    rows = visible_rows(Evidence.objects.filter(user=user), viewer)
    return sorted(grouped(rows).values(), key=lambda entry: (-entry.score, entry.topic.name))[:limit]


def profile_section(profile, viewer):
    topics = knows_about(profile.user, viewer)
    if not topics:
        return None
    return {"knows_about": topics, "person": profile}


@dataclass
class PersonToAsk:
    profile: object
    score: float
    evidence: TopicEvidence | None
    declared: bool

    @property
    def summary(self) -> str:
        if self.evidence is not None and self.evidence.summary:
            return self.evidence.summary
        return "says they know about it" if self.declared else ""


def outermost(topics) -> list[int]:
    """The ids of these topics, leaving out any that lies below another of them (its evidence is counted there
    already: standings include everything below their topic)."""
    topics = {topic.pk: topic for topic in topics}.values()
    return [
        topic.pk
        for topic in topics
        if not any(other.pk != topic.pk and topic.path.startswith(other.path) for other in topics)
    ]


def people_to_ask(topics, viewer, limit: int = 5, exclude=(), *, keep_viewer: bool = False) -> list[PersonToAsk]:
    """Who to ask about these topics (or anything below them): evidence the viewer may open, recent evidence
    weighing more, then declared expertise as a weaker signal (once per person). Never the viewer, never a closed
    account (`keep_viewer`: the viewer may be among them, for a list shared by everyone with the viewer's reader
    tokens, who leaves themself out). Ranked by one aggregate over the standings, whose rows already sum each
    topic's subtree."""
    from portal.people.models import Profile

    topic_ids = outermost(topics)
    if not topic_ids:
        return []
    excluded = {pk for pk in exclude if pk}
    if viewer is not None and viewer.is_authenticated and not keep_viewer:
        excluded.add(viewer.pk)
    readers = reader_tokens(viewer)
    ranked = list(
        TopicStanding.objects.filter(topic_id__in=topic_ids, user__is_active=True)
        .exclude(user_id__in=excluded)
        .readable_by(readers)
        .values("user_id")
        .annotate(
            evidence=Sum("score", filter=Q(declared=False), default=0.0),
            declared=Max("score", filter=Q(declared=True), default=0.0),
        )
        .annotate(total=F("evidence") + F("declared"))
        .order_by("-total", "user_id")
        .values_list("user_id", "total", "declared")[:limit]
    )
    if not ranked:
        return []
    profiles = {
        profile.user_id: profile
        for profile in Profile.objects.filter(user_id__in=[pk for pk, _, _ in ranked])
        .select_related("user")
        .prefetch_related(avatars())  # what the box shows: name, job title, avatar
    }
    evidence = evidence_by_person(list(profiles), topic_ids, viewer, readers=readers)
    return [
        PersonToAsk(profiles[user_id], total, evidence.get(user_id), bool(declared))
        for user_id, total, declared in ranked
        if user_id in profiles
    ]


@dataclass(frozen=True)
class Facilitated:
    """A community someone facilitates, as a summary names it."""

    title: str


def evidence_by_person(user_ids, topic_ids, viewer, readers=False) -> dict[int, TopicEvidence]:
    """Each person's evidence on these topics and everything below them (None: on any topic) that the viewer may
    open, as the summary shows it: the number of items of each kind and the communities they facilitate. Read
    from the standings, one small query: an item filed under several subtopics of a topic counts once (an item
    filed under two unrelated topics given here counts for each). No `score` and no `items` (people_to_ask ranks
    by its own totals). `readers`: the viewer's reader tokens when the caller has them."""
    rows = TopicStanding.objects.filter(user_id__in=user_ids, declared=False)
    rows = rows.readable_by(reader_tokens(viewer) if readers is False else readers)
    # None: everything they have shown, which the root topics' standings hold between them.
    rows = rows.filter(topic__depth=1) if topic_ids is None else rows.filter(topic_id__in=topic_ids)
    by_person, facilitated = {}, {}
    for user_id, counts, facilitates in rows.values_list("user_id", "counts", "facilitates"):
        entry = by_person.setdefault(user_id, TopicEvidence(topic=None))
        for kind, number in counts.items():
            entry.counts[kind] = entry.counts.get(kind, 0) + number
        for occurred_at, item_key, title in facilitates:
            facilitated.setdefault(user_id, {})[item_key] = (occurred_at, title)
    for user_id, items in facilitated.items():
        newest = sorted(items.items(), key=lambda item: item[1], reverse=True)
        by_person[user_id].facilitates = [Facilitated(title) for _, (_, title) in newest]
    return by_person


def reader_sets_of(readers: list[str]) -> list[int]:
    """The ids of the reader sets (ReaderSet) with one of these reader tokens among them: the evidence this reader
    may open, in the people index's keys. Read once per request (a handful of rows)."""
    return cached(
        ("reader-sets-of", *readers),
        lambda: sorted(ReaderSet.objects.readable_by(readers).values_list("pk", flat=True)),
    )


def person_search_facts(profile) -> dict:
    """For the people index: the person's standings (evidence on each topic and everything below it, per set of
    readers, with the set's short id: ReaderSet), so a search ranks people by the evidence that reader may open."""
    rows = TopicStanding.objects.filter(user_id=profile.user_id, declared=False)
    rows = list(rows.values_list("topic_id", "readers", "score"))
    known = cached(("reader-set-ids",), dict)  # shared by a whole rebuild: a handful of sets, read once
    if missing := {readers for _, readers, _ in rows} - set(known):
        known.update(ReaderSet.ids_for(missing))
    return {
        "standings": [
            {"topic": topic_id, "readers": readers.split(), "reader_set": known[readers], "score": score}
            for topic_id, readers, score in sorted(rows)
        ]
    }
