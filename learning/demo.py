"""Demo content for learning: modules with lessons, screencasts and quizzes, learning paths for each KM stage, and
learners at various points. Idempotent: everything is looked up by slug or username first."""

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model

from home.models import HomePage
from learning.models import LearningIndexPage, LearningPathPage, LessonPage, ModulePage, PathModule, QuizAttempt
from learning.programme_setup import grant_editors
from learning.programme_stages import DepartmentStage
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
    """Learners part-way through their paths; one fails a quiz before passing it."""
    for spec in demo_items("learning", "learners"):
        learner = ensure_user(spec["username"], spec["first_name"], spec["last_name"])
        ensure_role(learner, spec["role"], spec["department"])
        path = paths[spec["path"]]
        if learner.enrolments.exists():
            continue
        path.enrolments.create(user=learner)
        lessons = [lesson for module in path.modules() for lesson in module.lessons()]
        for lesson in lessons[: spec["completed_lessons"]]:
            for quiz in lesson.quizzes():
                if spec["failed_quiz_first"]:
                    QuizAttempt.objects.create(
                        user=learner,
                        lesson=lesson,
                        lesson_title=lesson.title,
                        quiz_block_id=quiz.id,
                        answers={},
                        score=0,
                        passed=False,
                    )
                QuizAttempt.objects.create(
                    user=learner,
                    lesson=lesson,
                    lesson_title=lesson.title,
                    quiz_block_id=quiz.id,
                    answers={},
                    score=100,
                    passed=True,
                )
            lesson.complete_for(learner)
        if path.progress_for(learner).complete:  # recorded at once: the demo's transaction is still open
            record(learner, Verb.COMPLETED_PATH, path)


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
