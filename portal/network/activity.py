"""Recording what people do, for their followers' streams. Feature apps call `record_after_commit` from their own
signal handlers and model methods (a reply published, a path completed), as portal.notices is called for notices,
so the platform never imports them. Recording is idempotent: one row per person, verb and item."""

from django.db import IntegrityError, transaction

from portal.network.models import Activity
from portal.sanitise import one_line
from portal.searchable import search_key

Verb = Activity.Verb


def record(actor, verb: str, item, *, community=None, occurred_at=None) -> Activity | None:
    """Record that `actor` did `verb` to `item` (a page or a registered model), with a snapshot of its title,
    address and topics from its search document. An item that has no search document (a draft, a hidden post, a
    password-protected page) is not recorded: no stream could ever show it. Recording again changes nothing.
    `occurred_at` (default: now) dates what happened earlier, such as a reply's creation."""
    if actor is None or not actor.is_active:
        return None
    document = item.search_document()
    if document is None:
        return None
    defaults = {
        "title": one_line(document.title)[:255],
        "url": document.url[:500],
        "community_id": community.pk if community is not None else None,
    }
    if occurred_at is not None:
        defaults["occurred_at"] = occurred_at
    try:
        with transaction.atomic():
            activity, created = Activity.objects.get_or_create(
                actor=actor, verb=verb, item_key=search_key(item), defaults=defaults
            )
    except IntegrityError:  # recorded at the same moment by a double submit
        return Activity.objects.filter(actor=actor, verb=verb, item_key=search_key(item)).first()
    if created:
        activity.topics.set(document.topic_ids)
    return activity


def record_after_commit(actor, verb: str, item, **kwargs) -> None:
    """`record` once the transaction that made the change commits (an item rolled back is never recorded)."""
    transaction.on_commit(lambda: record(actor, verb, item, **kwargs))


def forget(verb: str, item, *, keep_actor=None) -> None:
    """Drop `verb` activity on `item` (an accepted answer cleared or moved to someone else's reply)."""
    rows = Activity.objects.filter(verb=verb, item_key=search_key(item))
    if keep_actor is not None:
        rows = rows.exclude(actor=keep_actor)
    rows.delete()
