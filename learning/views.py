"""Learner actions served as routes of the learning pages (enrol, complete a lesson, submit a quiz, the path
certificate). The pages import this module; it imports only the learning records, never a page class."""

import json

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseBadRequest, HttpResponseForbidden, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from learning.progress import LessonCompletion, QuizAttempt
from learning.quiz import MAX_SUBMISSION_BYTES, QuizSubmissionError, grade, parse_submission, questions_of
from portal.sanitise import local_url


def enrol(request, page):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(page.url)
    if not page.live:  # unpublished pages are not served, but be explicit: no enrolment in them
        return HttpResponseForbidden("This module is not published.")
    page.enrol(request.user)
    messages.success(request, f"You are enrolled in “{page.title}”. Your progress is saved as you go.")
    return redirect(page.url)


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
    QuizAttempt.record(
        request.user,
        lesson,
        block_id,
        json.loads(json.dumps(answers)),
        score,
        passed,
        [result["id"] for result in results if not result["right"]],
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
