"""What invalidates the anonymous page cache (portal.pagecache.cache): Wagtail's page events, the taxonomy, reader
flags and settings. Feature apps bump for their own records (communities: posts and members) with `bump_pages`."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save, pre_delete

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from portal.pagecache.cache import bump, enabled

LISTINGS = "listings"  # the topic and tag pages and the topic index: they list pages from anywhere
SITE = "site"  # on every kept page: the navigation, topic names, settings
NAVIGATION_DEPTH = 3  # the root, the home page and its children make the site's navigation


def page_tags(pages) -> set[str]:
    """The tags of these pages, of all their ancestors (a page appears in its ancestors' listings, up to the home
    page) and of all their descendants (which show its title in their breadcrumbs, and which its unpublishing,
    restriction or move make unreachable), plus the listings; the site's when one of them is in the navigation."""
    paths = {page.path[:end] for page in pages for end in range(Page.steplen, len(page.path) + 1, Page.steplen)}
    related = Q(path__in=paths)
    for page in pages:
        related |= Q(path__startswith=page.path)
    tags = {f"page:{pk}" for pk in Page.objects.filter(related).values_list("pk", flat=True)}
    tags |= {f"page:{page.pk}" for page in pages} | {LISTINGS}
    if any(page.depth <= NAVIGATION_DEPTH for page in pages):
        tags.add(SITE)
    return tags


def bump_pages(page_ids) -> None:
    """Invalidate these pages (e.g. a community after a post) with their ancestors and the listings."""
    if not enabled():
        return
    pages = list(Page.objects.filter(pk__in=set(page_ids)).only("pk", "path", "depth"))
    if pages:
        bump(page_tags(pages))


def on_publish_or_unpublish(sender, instance, **kwargs):
    bump(page_tags([instance]))


def on_move(sender, instance, parent_page_before, parent_page_after, **kwargs):
    """The subtree's URLs changed: the moved pages, and the old and new parents' listings."""
    bump(page_tags([instance, parent_page_before, parent_page_after]))


def on_restriction(sender, instance, **kwargs):
    """A page under a new view restriction (or freed from one), with everything below it: what anonymous readers
    were served of it must go at once."""
    bump_pages([instance.page_id])


def on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        bump(page_tags([instance]))


def on_flag(sender, instance, **kwargs):
    """A reader's outdated flag shows as a badge on the page and on the cards that list it."""
    bump_pages([instance.page_id])


def on_site_wide_change(sender, instance=None, **kwargs):
    bump({SITE, LISTINGS})


page_published.connect(on_publish_or_unpublish, dispatch_uid="pagecache-published")
page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="pagecache-unpublished")
post_page_move.connect(on_move, dispatch_uid="pagecache-moved")
pre_delete.connect(on_delete, dispatch_uid="pagecache-deleted")
post_save.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="pagecache-restricted")
post_delete.connect(on_restriction, sender=PageViewRestriction, dispatch_uid="pagecache-unrestricted")


def connect_site_wide(model, uid):
    post_save.connect(on_site_wide_change, sender=model, dispatch_uid=f"pagecache-{uid}-saved")
    post_delete.connect(on_site_wide_change, sender=model, dispatch_uid=f"pagecache-{uid}-deleted")


def connect_settings():
    """Every site and generic setting (footer, summaries, programme defaults) and the taxonomy change what pages
    show everywhere."""
    from django.apps import apps

    from portal.feedback.models import ContentFlag
    from portal.taxonomy.models import Audience, Topic

    for model in apps.get_models():
        if issubclass(model, BaseSiteSetting | BaseGenericSetting):
            connect_site_wide(model, model._meta.label_lower)
    for model in (Topic, Audience):
        connect_site_wide(model, model._meta.label_lower)
    post_save.connect(on_flag, sender=ContentFlag, dispatch_uid="pagecache-flag-saved")
    post_delete.connect(on_flag, sender=ContentFlag, dispatch_uid="pagecache-flag-deleted")
