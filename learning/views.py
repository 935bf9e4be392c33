"""Learner actions: enrol, complete a lesson, submit a quiz, My learning and the path certificate."""

import json
import operator
from functools import reduce

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Q
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from learning.models import (
    Enrolment,
    LearningPathPage,
    LessonCompletion,
    LessonPage,
    ModulePage,
    Progress,
    QuizAttempt,
)
from learning.quiz import MAX_SUBMISSION_BYTES, QuizSubmissionError, grade, parse_submission, public_view, questions_of
from portal.sanitise import local_url


def enrol(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if not page.live:  # unpublished pages are not served, but be explicit: no enrolment in them
        return HttpResponseForbidden("This module is not published.")
    field = "module" if isinstance(page, ModulePage) else "path"
    Enrolment.objects.get_or_create(user=request.user, **{field: page})
    if isinstance(page, LearningPathPage):
        for module in page.modules():
            Enrolment.objects.get_or_create(user=request.user, module=module)
    messages.success(request, f"You are enrolled in “{page.title}”. Your progress is saved as you go.")
    return redirect(page.url)


def lesson_context(request, lesson, context):
    user = request.user
    module = lesson.module()
    siblings = list(module.lessons()) if module else [lesson]
    position = next((i for i, sibling in enumerate(siblings) if sibling.pk == lesson.pk), 0)
    context.update(
        module=module,
        previous_lesson=siblings[position - 1] if position > 0 else None,
        next_lesson=siblings[position + 1] if position + 1 < len(siblings) else None,
        lesson_number=position + 1,
        lesson_count=len(siblings),
        completed=user.is_authenticated and LessonCompletion.objects.filter(user=user, lesson=lesson).exists(),
        quizzes={block.id: public_view(questions_of(block.value)) for block in lesson.quizzes()},
        progress=module.progress_for(user, siblings) if module and user.is_authenticated else None,
    )
    return context


def complete_lesson(request, lesson):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.url)
    if lesson.quizzes():
        messages.error(request, "Pass this lesson's quiz to complete it.")
        return redirect(lesson.url)
    lesson.complete_for(request.user)
    messages.success(request, "Lesson completed.")
    return redirect(local_url(request.POST.get("next"), request) or lesson.url)


def submit_quiz(request, lesson, block_id):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(lesson.url)
    length = request.META.get("CONTENT_LENGTH") or ""
    if length.isascii() and length.isdigit() and int(length) > MAX_SUBMISSION_BYTES:
        return HttpResponseBadRequest("That submission is too large for this quiz.")
    block = next((block for block in lesson.quizzes() if block.id == block_id), None)
    if block is None:
        return HttpResponseBadRequest("There is no such quiz in this lesson.")
    questions = questions_of(block.value)
    try:
        answers = parse_submission(request.POST, questions)
    except QuizSubmissionError as error:
        return HttpResponseBadRequest(str(error))
    score, results = grade(questions, answers)
    passed = score >= block.value["pass_mark"]
    started = request.POST.get("started_at", "")
    QuizAttempt.objects.create(
        user=request.user,
        lesson=lesson,
        lesson_title=lesson.title,
        quiz_block_id=block_id,
        answers=json.loads(json.dumps(answers)),
        score=score,
        passed=passed,
        started_at=parse_time(started),
    )
    if passed:
        lesson.complete_for(request.user)
    context = lesson.get_context(request)
    context.update(
        quiz_result={
            "block_id": block_id,
            "score": score,
            "passed": passed,
            "results": results,
            "pass_mark": block.value["pass_mark"],
        }
    )
    return TemplateResponse(request, "learning/lesson_page.html", context)


def parse_time(value):
    from django.utils.dateparse import parse_datetime

    try:
        moment = parse_datetime(value[:40]) if value else None
    except ValueError:
        return None
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def certificate(request, path_page):
    if not request.user.is_authenticated:
        return redirect_to_login(path_page.url)
    progress = path_page.progress_for(request.user)
    if not progress.complete:
        messages.error(request, "The certificate is ready once you complete every lesson of this path.")
        return redirect(path_page.url)
    last = (
        LessonCompletion.objects.filter(user=request.user, module__in=path_page.modules())
        .order_by("-completed_at")
        .first()
    )
    return TemplateResponse(
        request,
        "learning/certificate.html",
        {
            "page": path_page,
            "learner": request.user.profile,
            "completed_at": last.completed_at if last else None,
            "modules": path_page.modules(),
        },
    )


@login_required
def my_learning(request):
    """Enrolled modules and paths with progress, next lessons, completions and paths for the learner's role."""
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
        done = sum(1 for lesson in lessons if lesson.pk in completed_ids)
        path_rows.append(
            {
                "path": path_page,
                "done": done,
                "total": len(lessons),
                "percent": min(100, round(100 * done / len(lessons))) if lessons else 0,
            }
        )
    role = getattr(user.profile, "role", None)
    recommended = LearningPathPage.objects.live().public().exclude(pk__in=[p.pk for p in paths])
    if role is not None:
        recommended = recommended.filter(audience=role)
    return TemplateResponse(
        request,
        "learning/my_learning.html",
        {
            "module_rows": module_rows,
            "path_rows": path_rows,
            "recommended": recommended.select_related("audience")[:6],
            "recent_completions": LessonCompletion.objects.filter(user=user).order_by("-completed_at")[:10],
        },
    )
