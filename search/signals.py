"""What makes index work: Wagtail's page signals, view-restriction changes, and saves or deletes of every model
registered in portal.searchable. Each handler only queues keys; the outbox does the rest."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.searchable import keys_changed, search_key, searchable_types
from portal.taxonomy.models import Topic, topic_moved
from search.indexing import queue


def subtree_keys(page) -> list[str]:
    """A page, everything under it, and the registered objects that live there (a community's discussions)."""
    return keys_of_pages(list(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True)))


def keys_of_pages(page_ids: list[int]) -> list[str]:
    """These pages and the registered objects that live on them."""
    keys = [f"page:{pk}" for pk in page_ids]
    for entry in searchable_types.values():
        if entry.under_pages:
            keys.extend(search_key(obj) for obj in entry.under_pages(page_ids))
    return keys


def on_page_published(sender, instance, **kwargs):
    queue(keys_of_pages([instance.pk]))


def on_page_unpublished(sender, instance, **kwargs):
    queue(subtree_keys(instance))


def on_page_moved(sender, instance, **kwargs):
    queue(subtree_keys(instance))


def on_restriction_changed(sender, instance, **kwargs):
    page = getattr(instance, "page", None)
    if page is not None and Page.objects.filter(pk=page.pk).exists():
        queue(subtree_keys(page))


def on_restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and isinstance(instance, PageViewRestriction):
        on_restriction_changed(sender, instance)


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        queue([f"page:{instance.pk}"])
    else:
        on_registered_change(sender, instance)


def on_registered_change(sender, instance, raw=False, **kwargs):
    entry = searchable_types.get(sender._meta.label_lower)
    if entry is None or raw:
        return
    queue(entry.keys_of(instance) if entry.keys_of else [search_key(instance)])


def on_topic_moved(sender, topic, subtree_ids, **kwargs):
    """Documents carry their topics' ancestors: whatever is filed under the moved topics (and lives under those
    pages: a community's discussions, a module's lessons) is indexed again."""
    page_ids = Topic.page_ids_filed_under(subtree_ids)
    keys = []
    for page in Page.objects.filter(pk__in=page_ids):
        keys.extend(subtree_keys(page))
    queue(keys)


def on_keys_changed(sender, keys, **kwargs):
    queue(keys)


def connect():
    keys_changed.connect(on_keys_changed, dispatch_uid="search-keys-changed")
    topic_moved.connect(on_topic_moved, dispatch_uid="search-topic-moved")
    page_published.connect(on_page_published, dispatch_uid="search-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="search-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="search-page-moved")
    post_save.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-saved")
    post_delete.connect(on_restriction_changed, sender=PageViewRestriction, dispatch_uid="search-restriction-deleted")
    m2m_changed.connect(
        on_restriction_groups_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="search-restriction-groups",
    )
    post_delete.connect(on_delete, dispatch_uid="search-deleted")
    # Every model's saves, filtered by the registry when they happen: a type registered after this app is
    # ready (or by a test) is watched too.
    post_save.connect(on_registered_change, dispatch_uid="search-saved")
