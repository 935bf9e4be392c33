"""Telling a person something from any app. The platform names the call; the app that keeps notifications
(communities: the list on /me/notifications/ and the e-mails) registers the one sender in its `ready()`, so platform
apps such as feedback and curation never import a feature app."""

from collections.abc import Callable

from django.conf import settings

from portal.sanitise import one_line
from portal.searchable import search_key

_senders: list[Callable] = []


def register_sender(send: Callable) -> None:
    """`send(user, subject, url, target_key)`; registering the same function twice keeps one."""
    if send not in _senders:
        _senders.append(send)


def tell(user, subject: str, item, url: str | None = None) -> None:
    """Tell `user` about `item` (a page or a registered model): the notification links to the item's address
    and is listed only while the reader may open it (its search key)."""
    if user is None or not user.is_active:
        return
    path = url or (item.url if hasattr(item, "url") and not callable(item.url) else item.get_absolute_url())
    full_url = path if path.startswith("http") else settings.WAGTAILADMIN_BASE_URL + path
    for send in _senders:
        send(user=user, subject=one_line(subject)[:250], url=full_url, target_key=search_key(item))
