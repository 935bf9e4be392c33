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
    """Hiding or showing one's learning activity changes what counts as evidence; other profile edits do not."""
    if not raw and instance.learning_visibility_changed():
        refresh_later([instance.user_id])


def on_restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        refresh_for_page(page)


def on_declared_expertise_changed(sender, instance, action, pk_set=None, **kwargs):
    """Declared topics are rows of the person's standings (portal.expertise.standing): refresh them after the
    commit. `instance` is a profile, or a topic when the change is made from the topic's side."""
    from portal.people.models import Profile

    if action == "pre_clear" and not isinstance(instance, Profile):  # a topic losing all its experts
        refresh_later(Profile.objects.filter(expertise=instance).values_list("user_id", flat=True))
    if not action.startswith("post_"):
        return
    if isinstance(instance, Profile):
        refresh_later([instance.user_id])
    elif pk_set:
        refresh_later(Profile.objects.filter(pk__in=pk_set).values_list("user_id", flat=True))


def on_topic_moved(sender, topic, subtree_ids, **kwargs):
    """Standings count a topic's evidence under its ancestors: after a move, everyone with evidence or declared
    expertise under the moved subtree is recomputed (and re-indexed)."""
    from portal.expertise.models import Evidence
    from portal.people.models import Profile

    with_evidence = Evidence.objects.filter(topic_id__in=subtree_ids).values_list("user_id", flat=True).distinct()
    declared = Profile.objects.filter(expertise__in=subtree_ids).values_list("user_id", flat=True)
    refresh_later({*with_evidence, *declared})
