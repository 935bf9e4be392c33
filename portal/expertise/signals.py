"""Pages change who may open evidence and who has it: publishing, unpublishing, moving, deleting or restricting a
page refreshes the people concerned after the commit."""

from wagtail.models import Page

from portal.expertise.refresh import refresh_for_page, refresh_later


def on_page_changed(sender, instance, **kwargs):
    refresh_for_page(instance)


def on_page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        refresh_for_page(instance)


def on_profile_saved(sender, instance, raw=False, **kwargs):
    """Hiding or showing one's learning activity changes what counts as evidence."""
    if not raw:
        refresh_later([instance.user_id])


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_for_page(page)
