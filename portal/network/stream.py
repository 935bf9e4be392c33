"""A reader's network stream: what the people, topics and communities they follow brought, newest first, only
items the reader may open (each re-checked by the item's own `search_visible_to`), never their own doing, and
no completed paths of people who keep their learning to themselves.

Communities are followed in the communities app; it registers a function here that names the communities a
reader follows, so the platform never imports it."""

from collections.abc import Callable, Iterable

from django.db.models import Q

from portal.network.models import Activity, PersonFollow, TopicFollow
from portal.searchable import batch_cache, objects_for_keys
from portal.taxonomy.models import Topic

# How far back the stream looks: the newest this many matching rows, before visibility drops some.
STREAM_WINDOW = 300

# Functions `(user) -> iterable of page ids`: the communities a reader follows (communities registers one).
followed_community_providers: list[Callable] = []


def followed_community_ids(user) -> set[int]:
    return {pk for provider in followed_community_providers for pk in provider(user)}


def followed_topic_ids(user) -> set[int]:
    """The topics a reader follows and everything below them: following a parent topic follows its subtree."""
    paths = list(TopicFollow.objects.filter(follower=user).values_list("topic__path", flat=True))
    if not paths:
        return set()
    under = Q()
    for path in paths:
        under |= Q(path__startswith=path)
    return set(Topic.objects.filter(under).values_list("pk", flat=True))


def candidates(user, since=None, communities=None):
    """Activity rows the reader's follows bring, before visibility: newest first, without the reader's own.
    `communities` narrows the followed communities (the digest leaves out those followed without e-mail)."""
    people = list(PersonFollow.objects.filter(follower=user, person__is_active=True).values_list("person", flat=True))
    topics = followed_topic_ids(user)
    communities = followed_community_ids(user) if communities is None else set(communities)
    if not (people or topics or communities):
        return Activity.objects.none()
    followed = Q(actor_id__in=people)
    if topics:
        # A subquery, not a join: a row under three followed topics must still come once.
        followed |= Q(pk__in=Activity.topics.through.objects.filter(topic_id__in=topics).values("activity_id"))
    if communities:
        followed |= Q(community_id__in=communities)
    rows = (
        Activity.objects.filter(followed, actor__isnull=False, actor__is_active=True)
        .exclude(actor=user)
        # Completed paths only of people who share their learning with their followers.
        .filter(~Q(verb=Activity.Verb.COMPLETED_PATH) | Q(actor__profile__show_learning_activity=True))
        .select_related("actor__profile")
        .order_by("-occurred_at", "-pk")
    )
    if since is not None:
        rows = rows.filter(occurred_at__gt=since)
    return rows


def visible(rows: Iterable[Activity], user) -> list[Activity]:
    """The rows whose item still exists and this reader may open, each with `.item` set: a query per kind of item,
    then the item's own `search_visible_to`, the one visibility rule."""
    rows = list(rows)
    items = objects_for_keys(row.item_key for row in rows)
    shown = []
    with batch_cache():
        for row in rows:
            item = items.get(row.item_key)
            if item is not None and item.search_visible_to(user):
                row.item = item
                shown.append(row)
    return shown


def stream_for(user, *, since=None, limit: int = STREAM_WINDOW, communities=None) -> list[Activity]:
    """The reader's stream: at most `limit` entries, newest first, each one they may open."""
    if user is None or not user.is_authenticated:
        return []
    return visible(candidates(user, since, communities)[:STREAM_WINDOW], user)[:limit]
