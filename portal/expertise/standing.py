"""Keeping TopicStanding true: each person's evidence summed per topic (with its ancestors) and reader set, and their
declared expertise, derived from their Evidence rows and Profile.expertise. Written by portal.expertise.refresh in
the same transaction as the Evidence it is derived from, so the two never disagree."""

from collections.abc import Iterable

from django.db import transaction

from portal.expertise.models import Evidence, Kind, ReaderSet, TopicStanding
from portal.taxonomy.models import Topic

DECLARED_SCORE = 1.0  # declaring a topic counts for less than any single piece of evidence but a module
DECLARED_READERS = " public "  # anyone may see what a person declares
FILL_BATCH = 500  # people per batch when standings are computed from the Evidence table
FACILITATES_KEPT = 3  # newest communities facilitated kept per row: the summary names two


def ancestry(topic_model=Topic) -> dict[int, list[int]]:
    """Each topic's id -> its own id and its ancestors' ids (from the tree's paths, in one query)."""
    return Topic.ancestry(dict(topic_model.objects.values_list("path", "pk")))


def standings(evidence: Iterable, declared: Iterable[tuple[int, int]], tree=None, model=TopicStanding) -> list:
    """The rows for these Evidence rows (saved or not) and (user_id, topic_id) declarations: per person, topic and
    ancestor, and reader set, each item (kind, item_key) counted once however many subtopics it is filed under.
    `model`: TopicStanding, or its historical version in a migration."""
    tree = ancestry() if tree is None else tree
    items = {}  # (user, topic, readers) -> {(kind, item_key): row}
    for row in evidence:
        for topic_id in tree.get(row.topic_id, [row.topic_id]):
            items.setdefault((row.user_id, topic_id, row.readers), {})[(row.kind, row.item_key)] = row
    rows = []
    for (user_id, topic_id, readers), found in items.items():
        counts = {}
        for kind, _ in found:
            counts[kind] = counts.get(kind, 0) + 1
        facilitated = sorted(
            (row for (kind, _), row in found.items() if kind == Kind.FACILITATION),
            key=lambda row: (row.occurred_at, row.item_key),
            reverse=True,
        )
        rows.append(
            model(
                user_id=user_id,
                topic_id=topic_id,
                readers=readers,
                score=round(sum(row.score for row in found.values()), 4),
                counts=counts,
                facilitates=[
                    [row.occurred_at.isoformat(), row.item_key, row.title] for row in facilitated[:FACILITATES_KEPT]
                ],
            )
        )
    declared_topics = {(user_id, ancestor) for user_id, topic_id in declared for ancestor in tree.get(topic_id, [])}
    rows += [
        model(user_id=user_id, topic_id=topic_id, readers=DECLARED_READERS, declared=True, score=DECLARED_SCORE)
        for user_id, topic_id in sorted(declared_topics)
    ]
    return rows


def declarations(user_ids: list[int]) -> list[tuple[int, int]]:
    from portal.people.models import Profile

    declared = Profile.expertise.through.objects.filter(profile__user_id__in=user_ids)
    return list(declared.values_list("profile__user_id", "topic_id"))


def replace(user_ids: list[int], evidence: Iterable, tree=None) -> int:
    """Swap these people's standings for the ones their `evidence` (all of it) and declarations give; call inside
    the transaction that writes that evidence. Returns the number of rows written."""
    rows = standings(evidence, declarations(user_ids), tree)
    TopicStanding.objects.filter(user_id__in=user_ids).delete()
    TopicStanding.objects.bulk_create(rows, batch_size=1000)
    ReaderSet.ids_for({row.readers for row in rows if not row.declared})  # the people index keys standings by them
    return len(rows)


def recompute(user_ids: Iterable[int], batch: int = FILL_BATCH) -> int:
    """These people's standings from the Evidence already in the table (for data written without refresh(), and
    to check the table against a from-scratch computation)."""
    user_ids = sorted(set(user_ids))
    tree = ancestry()
    total = 0
    for start in range(0, len(user_ids), batch):
        chunk = user_ids[start : start + batch]
        fields = ("user_id", "topic_id", "kind", "item_key", "readers", "score", "occurred_at", "title")
        evidence = Evidence.objects.filter(user_id__in=chunk).values_list(*fields, named=True)
        with transaction.atomic():
            total += replace(chunk, evidence, tree)
    return total
