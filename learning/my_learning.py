"""/me/learning/: the signed-in learner's modules and paths with progress, and paths for their role.

The page's content is the learner's own, rendered from its data alone (no request) and kept for them until their
learning or profile changes (the `learner:<id>` tag, see `connect_page_cache`), a page is published or moved
(`listings`) or the programme's settings or stages change (`site`); the page around it is rendered each time."""

import operator
from functools import reduce

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.safestring import mark_safe

from learning.models import LearningPathPage, LessonPage, paths_for_role
from learning.programme import next_step_for
from learning.progress import Enrolment, LessonCompletion, Progress
from portal.pagecache.fragments import shared
from portal.people.models import Profile


def learner_tag(user_id) -> str:
    return f"learner:{user_id}"


@login_required
def my_learning(request):
    """Enrolled modules and paths with progress, next lessons, completions and paths for the learner's role."""
    user = request.user

    def content() -> str:
        return render_to_string("learning/_my_learning.html", my_learning_context(request))

    tags = {learner_tag(user.pk), "listings", "site"}
    html = mark_safe(shared("my-learning", str(user.pk), tags, content))  # our template, escaped as it rendered
    return TemplateResponse(request, "learning/my_learning.html", {"content": html})


def my_learning_context(request) -> dict:
    user = request.user
    enrolments = list(
        Enrolment.objects.filter(user=user).select_related("module", "path").prefetch_related("path__path_modules")
    )
    modules = [e.module for e in enrolments if e.module and e.module.live]
    paths = [e.path for e in enrolments if e.path and e.path.live]
    completed_ids = set(LessonCompletion.objects.filter(user=user).values_list("lesson_id", flat=True))
    lessons_by_module = {}
    if modules:
        in_modules = reduce(operator.or_, (Q(path__startswith=module.path) for module in modules))
        for lesson in LessonPage.objects.live().filter(in_modules).order_by("path"):
            owner = next((module for module in modules if lesson.path.startswith(module.path)), None)
            lessons_by_module.setdefault(owner.pk, []).append(lesson)
    completed_on = {e.module_id: e.completed_at for e in enrolments if e.module_id}
    module_rows = []
    for module in modules:
        progress = Progress.of(lessons_by_module.get(module.pk, []), completed_ids, completed_on.get(module.pk))
        module_rows.append({"module": module, "progress": progress})
    path_rows = []
    for path_page in paths:
        module_ids = [link.module_id for link in path_page.path_modules.all()]
        lessons = [lesson for module_id in module_ids for lesson in lessons_by_module.get(module_id, [])]
        progress = Progress.of(lessons, completed_ids)  # the one progress rule, as on the path's own page
        path_rows.append({"path": path_page, "progress": progress, "percent": progress.percent})
    role = Profile.role_of(user)
    recommended = LearningPathPage.objects.live().public().exclude(pk__in=[p.pk for p in paths])
    if role is not None:
        recommended = recommended.filter(audience=role)
    recommended = paths_for_role(recommended, role)
    return {
        "module_rows": module_rows,
        "path_rows": path_rows,
        "role": role,
        "next_step": next_step_for(user, request),
        "recommended": recommended.select_related("audience")[:6],
        "recent_completions": LessonCompletion.objects.filter(user=user).order_by("-completed_at")[:10],
    }
