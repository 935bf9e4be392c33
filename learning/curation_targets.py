"""Curation's way into formal learning: a draft lesson at the end of a module the curator may add to."""

from django.utils.text import slugify

from wagtail.coreutils import find_available_slug

from learning.models import LessonPage, ModulePage
from portal.curation.sources import CurationTarget


def modules_for(user) -> list:
    return [
        module for module in ModulePage.objects.order_by("title") if module.permissions_for_user(user).can_add_subpage()
    ]


def build_lesson(parent, draft, user):
    lesson = LessonPage(
        title=draft.title,
        slug=find_available_slug(parent, slugify(draft.title)[:60] or "lesson"),
        summary=draft.summary,
        body=draft.body,
        owner=user,
        live=False,
    )
    parent.add_child(instance=lesson)
    lesson.save_revision(user=user, log_action=True)
    return lesson


LESSON = CurationTarget("lesson", "A lesson", modules_for, build_lesson)
