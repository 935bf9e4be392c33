"""Keeping the evidence table true: a person's rows are recomputed from the sources, after the commit of the
change that touched them (so a rolled-back change leaves nothing behind), and their profile is re-indexed so the
people search ranks with the new evidence."""

import datetime
import threading
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from portal.expertise import standing
from portal.expertise.models import HALF_LIFE_DAYS, WEIGHTS, Evidence, TopicStanding
from portal.expertise.sources import Fact, evidence_sources, page_people
from portal.pagecache.cache import bump
from portal.searchable import batch_cache, touch

BATCH = 200
EXPERTISE_TAG = "expertise"  # the page cache's tag of what shows standings
_pending = threading.local()


def score(kind: str, occurred_at: datetime.datetime, now: datetime.datetime) -> float:
    age_days = max((now - occurred_at).total_seconds() / 86400, 0)
    return round(WEIGHTS[kind] * 0.5 ** (age_days / HALF_LIFE_DAYS), 4)


def rows_for(facts: Iterable[Fact], now) -> list[Evidence]:
    rows = {}
    for fact in facts:
        if not fact.readers:
            continue  # nobody may open it (a password-protected page): no evidence for anyone
        for topic_id in set(fact.topic_ids):
            rows[(fact.user_id, topic_id, fact.kind, fact.item_key)] = Evidence(
                user_id=fact.user_id,
                topic_id=topic_id,
                kind=fact.kind,
                item_key=fact.item_key[:100],
                title=fact.title[:255],
                url=fact.url[:500],
                readers=" " + " ".join(sorted(set(fact.readers))) + " ",
                occurred_at=fact.occurred_at,
                within_page_id=fact.within_page_id,
                score=score(fact.kind, fact.occurred_at, now),
            )
    return list(rows.values())


def refresh(user_ids: Iterable[int]) -> int:
    """Recompute these people's evidence, and their standings (portal.expertise.standing), now; returns the number
    of evidence rows they have."""
    user_ids = sorted({pk for pk in user_ids if pk})
    if not user_ids:
        return 0
    now = timezone.now()
    with batch_cache():  # a community's readers and topics are worked out once for all its answers
        rows = rows_for([fact for source in evidence_sources for fact in source(user_ids)], now)
    with transaction.atomic():
        Evidence.objects.filter(user_id__in=user_ids).delete()
        Evidence.objects.bulk_create(rows, batch_size=1000)
        standing.replace(user_ids, rows)
        bump({EXPERTISE_TAG})  # the "People you can ask" boxes kept for signed-in readers (after the commit)
    touch(f"people.profile:{pk}" for pk in profile_ids(user_ids))
    return len(rows)


def profile_ids(user_ids) -> list[int]:
    from portal.people.models import Profile

    return list(Profile.objects.filter(user_id__in=user_ids).values_list("pk", flat=True))


def refresh_later(user_ids: Iterable[int]) -> None:
    """Refresh these people once the current transaction commits (at once outside one). Several changes in one
    transaction refresh each person once; ids left over from a rolled-back transaction are refreshed with the
    next ones, which is harmless: a refresh only ever recomputes the truth."""
    pending = getattr(_pending, "ids", None)
    if pending is None:
        pending = _pending.ids = set()
    pending.update(pk for pk in user_ids if pk)
    if pending:
        transaction.on_commit(flush)


def flush() -> None:
    ids = getattr(_pending, "ids", None)
    if ids:
        _pending.ids = set()
        refresh(ids)


def rebuild(progress=None) -> int:
    """Every person's evidence, in batches of people (the table stays usable while it runs)."""
    from django.contrib.auth import get_user_model

    user_ids = list(get_user_model().objects.order_by("pk").values_list("pk", flat=True))
    Evidence.objects.exclude(user_id__in=user_ids).delete()
    TopicStanding.objects.exclude(user_id__in=user_ids).delete()
    total = 0
    for start in range(0, len(user_ids), BATCH):
        batch = user_ids[start : start + BATCH]
        total += refresh(batch)
        if progress is not None:
            progress(len(batch))
    return total


def refresh_for_page(page) -> None:
    """A page was published, unpublished, moved, restricted or deleted: refresh everyone with evidence on it or
    below it, and everyone who may gain some there."""
    from wagtail.models import Page

    page_ids = list(Page.objects.filter(path__startswith=page.path).values_list("pk", flat=True)) or [page.pk]
    users = set(Evidence.objects.filter(within_page_id__in=page_ids).values_list("user_id", flat=True))
    for people_of_page in page_people:
        users.update(people_of_page(page))
    refresh_later(users)
