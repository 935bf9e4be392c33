"""Demo content for learning: modules with lessons, screencasts and quizzes, learning paths for each KM stage, and
learners at various points. Idempotent: everything is looked up by slug or username first."""

import datetime
import random

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.db.models import Max, Min
from django.utils import timezone

from home.models import HomePage
from learning.models import LearningIndexPage, LearningPathPage, LessonPage, ModulePage, PathModule
from learning.programme_setup import grant_editors
from learning.programme_stages import DepartmentStage
from learning.progress import Enrolment, LessonCompletion, QuizAttempt
from learning.quiz import grade, questions_of
from portal.demo import (
    demo_items,
    ensure_admin,
    ensure_page,
    ensure_picture,
    ensure_role,
    ensure_user,
    picture_for,
    stream_blocks,
)
from portal.network.activity import Verb, record
from portal.taxonomy.models import Audience, Topic


def ensure_module(index, spec, users, admin):
    module = ModulePage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if module is not None:
        return ensure_picture(module, admin)
    owner = users.get(spec["owner"], admin)
    module = ModulePage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        objectives="\n".join(spec["objectives"]),
        estimated_minutes=spec["minutes"],
        stage=spec["stage"],
        owner=owner,
        content_owner=owner,
        image=picture_for(ModulePage, spec["title"]),
    )
    module.topics = list(Topic.objects.filter(slug__in=spec["topics"]))
    module.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
    module.prerequisites = list(ModulePage.objects.filter(slug__in=spec["prerequisites"]))
    index.add_child(instance=module)
    module.save_revision(user=owner).publish(user=admin)
    for lesson_spec in spec["lessons"]:
        lesson = LessonPage(
            slug=lesson_spec["slug"], title=lesson_spec["title"], body=stream_blocks(lesson_spec["blocks"]), owner=owner
        )
        module.add_child(instance=lesson)
        lesson.save_revision(user=owner).publish(user=admin)
    return module


def ensure_path(index, spec, modules, admin):
    path = LearningPathPage.objects.child_of(index).filter(slug=spec["slug"]).first()
    if path is not None:
        return ensure_picture(path, admin)
    path = LearningPathPage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        goal=spec["goal"],
        audience=Audience.objects.filter(slug=spec["audience"]).first(),
        stage=spec["stage"],
        image=picture_for(LearningPathPage, spec["title"]),
    )
    path.path_modules = [
        PathModule(module=modules[slug], sort_order=order) for order, slug in enumerate(spec["modules"])
    ]
    index.add_child(instance=path)
    path.save_revision(user=admin).publish(user=admin)
    return path


def ensure_learners(paths):
    """Learners part-way through their paths, their work spread over the past twelve weeks (seeded by username,
    relative to the load time, so the command center has weeks to show); some fail a quiz before passing it."""
    now = timezone.now()
    for spec in demo_items("learning", "learners"):
        learner = ensure_user(spec["username"], spec["first_name"], spec["last_name"])
        ensure_role(learner, spec["role"], spec["department"])
        path = paths[spec["path"]]
        if learner.enrolments.exists():
            continue
        rng = random.Random(f"learning-demo:{spec['username']}")
        lessons = [lesson for module in path.modules() for lesson in module.lessons()][: spec["completed_lessons"]]
        start, moments = spread_over_weeks(rng, now, len(lessons))
        path.enrolments.create(user=learner, enrolled_at=start)
        for lesson, done_at in zip(lessons, moments, strict=True):
            for quiz in lesson.quizzes():
                if spec["failed_quiz_first"]:
                    take_quiz(learner, lesson, quiz, rng, False, done_at - datetime.timedelta(hours=2))
                take_quiz(learner, lesson, quiz, rng, True, done_at - datetime.timedelta(minutes=5))
            lesson.complete_for(learner)
            LessonCompletion.objects.filter(user=learner, lesson=lesson).update(completed_at=done_at)
        finished_at = date_enrolments(learner, start)
        if path.progress_for(learner).complete:  # recorded at once: the demo's transaction is still open
            record(learner, Verb.COMPLETED_PATH, path, occurred_at=finished_at)


def spread_over_weeks(rng, now, count):
    """A learner's start (within the past twelve weeks) and the moments they finished `count` lessons, in order."""
    start = now - datetime.timedelta(days=rng.uniform(14, 12 * 7 - 1))
    end = now - datetime.timedelta(days=rng.uniform(0.2, 6))
    lead = datetime.timedelta(hours=3)  # the first quiz attempt comes after enrolling
    offsets = sorted(rng.random() for _ in range(count))
    return start, [start + lead + offset * (end - start - lead) for offset in offsets]


def take_quiz(learner, lesson, quiz, rng, right, submitted_at):
    """An attempt answered like a learner would: all right, or wrong on enough questions to fail."""
    questions = questions_of(quiz.value)
    wrong = set() if right else {q.id for q in questions if rng.random() < 0.5} or {questions[0].id}
    while True:
        answers = {q.id: sorted(wrong_options(q) if q.id in wrong else q.correct) for q in questions}
        score, results = grade(questions, answers)
        if right or score < quiz.value["pass_mark"] or len(wrong) == len(questions):
            break
        wrong.add(next(q.id for q in questions if q.id not in wrong))
    QuizAttempt.record(
        learner,
        lesson,
        quiz.id,
        answers,
        score,
        score >= quiz.value["pass_mark"],
        [result["id"] for result in results if not result["right"]],
        started_at=submitted_at - datetime.timedelta(minutes=rng.randint(2, 9)),
        submitted_at=submitted_at,
    )


def wrong_options(question):
    """A plausible wrong answer: an incorrect option (with the correct ones, for a multiple choice), or one
    correct option too few."""
    incorrect = [option_id for option_id, _ in question.options if option_id not in question.correct][:1]
    if not incorrect:
        return set(sorted(question.correct)[1:])
    return set(incorrect) | (question.correct if question.multiple else set())


def date_enrolments(learner, start):
    """Module enrolments begin shortly before the first lesson done in them and end with the last (as completing
    lessons made them); the path's with the learner's start and last lesson. Returns the last lesson's moment."""
    done = LessonCompletion.objects.filter(user=learner).values("module_id")
    spans = {
        row["module_id"]: (row["first"], row["last"])
        for row in done.annotate(first=Min("completed_at"), last=Max("completed_at"))
    }
    for enrolment in Enrolment.objects.filter(user=learner, module__isnull=False):
        first, last = spans.get(enrolment.module_id, (start, None))
        enrolment.enrolled_at = max(start, first - datetime.timedelta(hours=3))  # before the lesson's quiz
        enrolment.completed_at = last if enrolment.completed_at else None
        enrolment.save(update_fields=["enrolled_at", "completed_at"])
    finished_at = max((last for _, last in spans.values()), default=start)
    Enrolment.objects.filter(user=learner, path__isnull=False, completed_at__isnull=False).update(
        completed_at=finished_at
    )
    return finished_at


def load(stdout=None):
    admin = ensure_admin()
    home = HomePage.objects.get()
    index = ensure_page(
        home,
        LearningIndexPage,
        admin,
        slug="learning",
        title="Learning",
        summary="E-learning for every role and every stage of the KM programme: awareness for "
        "managers, skills for KM champions, facilitation for community leaders and "
        "onboarding for everyone.",
    )
    users = {user.username: user for user in get_user_model().objects.filter(username__in=["editor", "expert"])}
    modules = {}
    for spec in demo_items("learning", "modules"):
        modules[spec["slug"]] = ensure_module(index, spec, users, admin)
    paths = {spec["slug"]: ensure_path(index, spec, modules, admin) for spec in demo_items("learning", "paths")}
    ensure_learners(paths)
    ensure_department_stages()


def ensure_department_stages():
    """Each demo department's programme stage, once: a stage an editor changed stays as they set it."""
    grant_editors(django_apps)  # there from the migration, unless a test flushed it
    for spec in demo_items("learning", "department_stages"):
        DepartmentStage.objects.get_or_create(department=spec["department"], defaults={"stage": spec["stage"]})
