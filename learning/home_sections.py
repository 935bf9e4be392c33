"""Learning's part of the home page (home.sections): learning paths, the reader's role first, and lessons in
progress for the "Continue" strip. Each runs a fixed number of queries."""

import operator
from functools import reduce

from django.db.models import Count, Q

from home.sections import ContinueItem
from learning.models import LearningPathPage, LessonPage, paths_for_role
from learning.programme import next_step_for
from learning.progress import Enrolment, LessonCompletion, Progress
from portal.people.models import Profile
from portal.pictures import card_images

PATHS_SHOWN = 6
MODULES_IN_PROGRESS = 3


def learning_paths(request, home_page):
    role = Profile.role_of(request.user)
    paths = (
        LearningPathPage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("audience")
        .prefetch_related(card_images())
        .annotate(module_count=Count("path_modules", distinct=True))
    )
    paths = list(paths_for_role(paths, role)[:PATHS_SHOWN])
    return {"paths": paths, "role": role} if paths else None


def shared_by_role(request) -> str:
    """Readers with the same role see the same paths, theirs first."""
    role = Profile.role_of(request.user)
    return f"role:{role.pk if role else ''}"


def next_step(request, home_page):
    """The signed-in reader's next step in the KM programme; nothing for anonymous readers."""
    step = next_step_for(request.user, request)
    return {"next_step": step} if step is not None else None


def lessons_in_progress(request):
    """Modules the reader enrolled in and has not finished, with the next lesson to take."""
    enrolments = list(
        Enrolment.objects.filter(user=request.user, module__live=True, completed_at__isnull=True)
        .select_related("module")
        .order_by("-enrolled_at")[:MODULES_IN_PROGRESS]
    )
    if not enrolments:
        return []
    modules = [enrolment.module for enrolment in enrolments]
    in_modules = reduce(operator.or_, (Q(path__startswith=module.path) for module in modules))
    lessons = list(
        LessonPage.objects.live().filter(in_modules).order_by("path").only("pk", "path", "url_path", "title")
    )
    completed = set(
        LessonCompletion.objects.filter(user=request.user, lesson__in=lessons).values_list("lesson_id", flat=True)
    )
    items = []
    for module in modules:
        progress = Progress.of([lesson for lesson in lessons if lesson.path.startswith(module.path)], completed)
        if progress.next_lesson is None:
            continue
        items.append(
            ContinueItem(
                kind="Lesson",
                title=progress.next_lesson.title,
                url=progress.next_lesson.url,
                note=f"{module.title}: {progress.percent}% done",
            )
        )
    return items
