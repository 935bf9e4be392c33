"""The command center's Learning panel (issue 17): every figure and headline equals the truth computed here in
plain Python from the rows of a generated dataset, under each filter both ways, counting only the lessons, modules
and paths live now; a constant number of queries; quiz failures recorded at submission (and backfilled)."""

import datetime
import importlib
import random

import pytest

from django.apps import apps
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from learning.command_center import FAILED_QUESTIONS_SHOWN, QUIZ_LESSONS_SHOWN, build
from learning.models import (
    Enrolment,
    FailedQuestion,
    LearningPathPage,
    LessonCompletion,
    LessonPage,
    ModulePage,
    QuizAttempt,
)
from learning.quiz import grade, questions_of
from portal.command_center.figures import Scope, panels
from portal.people.models import Profile
from portal.taxonomy.models import Audience, Stage
from tests.factories import make_audience, make_module, make_path, make_user
from tests.helpers import client_for, ensure_site
from tests.test_learning import answer, quiz_of

pytestmark = pytest.mark.django_db

DEPARTMENTS = ["Finance", "HR", "Operations", ""]
TODAY = datetime.date(2026, 11, 18)  # a Wednesday; records run from 80 days before it to its end


# -- the generated dataset ----------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def learners_world(django_db_setup, django_db_blocker):
    """The world with 24 learners' records, built once for this module inside a transaction rolled back at its
    end; each test runs in a savepoint within it, so what a test changes is undone after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        world = make_world()
        add_learners(world, 24)
        yield world
        transaction.set_rollback(True)


@pytest.fixture
def world(learners_world):
    return learners_world


@pytest.fixture
def used_world(learners_world):
    """The world once some of what the learners used is gone."""
    make_things_gone(learners_world)
    return learners_world


def make_world():
    """Three live modules in two live paths, and what will be gone once learners have used it: a lesson to be
    unpublished, one to be deleted, a module and a path to be unpublished, a quiz question to be removed."""
    ensure_site()
    roles = [make_audience("Manager"), make_audience("KM champion"), make_audience("Facilitator")]
    aars = staged(make_module("Running AARs", lessons=4), Stage.PILOT)
    assists = staged(make_module("Peer assists", lessons=2), Stage.INVESTIGATION)
    stories = make_module("Storytelling", lessons=3, quiz_in_last=False)  # no stage
    old = staged(make_module("Old module", lessons=2), Stage.SUSTAIN)
    champion = staged(make_path("Champion path", [aars, assists]), Stage.PILOT, roles[1])
    everyone = staged(make_path("Everyone path", [assists, stories]), Stage.ROLLOUT)
    draft = staged(make_path("Draft path", [stories, old]), Stage.SUSTAIN)
    return {
        "roles": roles,
        "modules": [aars, assists, stories, old],
        "paths": [champion, everyone, draft],
        "gone_lesson": aars.lessons().last(),  # the fourth lesson: it holds a quiz
        "deleted_lesson": stories.lessons().last(),
        "old": old,
        "draft": draft,
        "quiz_lesson": assists.lessons().last(),
        "rng": random.Random(17),
        "learners": [],
    }


def staged(page, stage, audience=None):
    page.stage = stage
    if audience is not None:
        page.audience = audience
    page.save()
    return page


def moment(rng, days_back=80):
    """A moment up to `days_back` days before the end of TODAY (in the site's time zone)."""
    end = timezone.make_aware(datetime.datetime.combine(TODAY + datetime.timedelta(days=1), datetime.time.min))
    return end - datetime.timedelta(seconds=rng.randint(1, days_back * 86400))


def add_learners(world, count):
    """`count` learners with a role and department (or none), enrolments, lesson completions and quiz attempts
    at random moments, some right, some wrong."""
    rng = world["rng"]
    lessons = [lesson for module in world["modules"] for lesson in module.lessons()]
    for _ in range(count):
        learner = make_user()
        profile = Profile.for_user(learner)
        profile.role = rng.choice([*world["roles"], None])
        profile.department = rng.choice(DEPARTMENTS)
        profile.save()
        world["learners"].append(learner)
        for item in rng.sample(world["modules"] + world["paths"], rng.randint(0, 4)):
            enrolled_at = moment(rng)
            completed_at = None
            if rng.random() < 0.5:
                completed_at = enrolled_at + datetime.timedelta(days=rng.randint(0, 30), hours=rng.randint(0, 23))
            kind = "module" if isinstance(item, ModulePage) else "path"
            Enrolment.objects.create(user=learner, enrolled_at=enrolled_at, completed_at=completed_at, **{kind: item})
        for lesson in rng.sample(lessons, rng.randint(0, len(lessons))):
            LessonCompletion.objects.create(
                user=learner, lesson=lesson, module=lesson.module(), lesson_title=lesson.title, completed_at=moment(rng)
            )
        for lesson in [lesson for lesson in lessons if lesson.quizzes()]:
            block_id, questions = quiz_of(lesson)
            for _ in range(rng.randint(0, 2)):
                answers = {q.id: right_or_wrong(q, rng.random() < 0.6) for q in questions}
                score, results = grade(questions, answers)
                QuizAttempt.record(
                    learner,
                    lesson,
                    block_id,
                    answers,
                    score,
                    score >= 100,
                    [result["id"] for result in results if not result["right"]],
                    submitted_at=moment(rng),
                )


def right_or_wrong(question, right):
    """Options a learner might choose: the right ones, or a wrong one."""
    if right:
        return sorted(question.correct)
    return [option for option, _ in question.options if option not in question.correct][:1]


def make_things_gone(world):
    """After the learners used them: unpublish a lesson, a module and a path, delete a lesson, and take a question
    out of a quiz (its failures stay recorded but no longer count)."""
    for page in (world["gone_lesson"], world["old"], world["draft"]):
        Page.objects.get(pk=page.pk).unpublish()
    Page.objects.get(pk=world["deleted_lesson"].pk).delete()
    lesson = LessonPage.objects.get(pk=world["quiz_lesson"].pk)
    raw = [dict(block) for block in lesson.body.raw_data]
    for block in raw:
        if block["type"] == "quiz":
            block["value"] = {**block["value"], "questions": block["value"]["questions"][:1]}
    lesson.body = raw
    lesson.save()


def scope_of(start_days_back=41, end_days_back=6, **filters):
    return Scope(
        start=TODAY - datetime.timedelta(days=start_days_back),
        end=TODAY - datetime.timedelta(days=end_days_back),
        **filters,
    )


# -- the truth, in plain Python from the rows ---------------------------------------------------------------------
def truth(scope: Scope) -> dict:
    """Every headline and figure of the panel, from the rows (the README's progress rule: only live things count)."""
    live = set(Page.objects.live().values_list("pk", flat=True))
    profiles = {profile.user_id: profile for profile in Profile.objects.all()}

    def selected(user_id):
        profile = profiles.get(user_id)
        if scope.department and (profile is None or profile.department != scope.department):
            return False
        return scope.role_id is None or (profile is not None and profile.role_id == scope.role_id)

    def within(when):
        return when is not None and scope.since <= when < scope.until

    def week(when):
        day = timezone.localtime(when).date()
        return day - datetime.timedelta(days=day.weekday())

    stage_of = {page.pk: page.stage for page in ModulePage.objects.all()}
    stage_of |= {page.pk: page.stage for page in LearningPathPage.objects.all()}
    enrolments = [e for e in Enrolment.objects.all() if (e.module_id or e.path_id) in live and selected(e.user_id)]
    completions = [c for c in LessonCompletion.objects.all() if c.lesson_id in live and selected(c.user_id)]
    attempts = [a for a in QuizAttempt.objects.all() if a.lesson_id in live and selected(a.user_id)]
    weeks = scope.weeks()

    def weekly(rows, field):
        return [sum(1 for row in rows if within(getattr(row, field)) and week(getattr(row, field)) == w) for w in weeks]

    figures = {
        "learning-per-week": (
            [w.isoformat() for w in weeks],
            {
                "Enrolments": weekly(enrolments, "enrolled_at"),
                "Completions": weekly(enrolments, "completed_at"),
                "Lessons completed": weekly(completions, "completed_at"),
            },
        )
    }
    cohort = [e for e in enrolments if within(e.enrolled_at)]

    def completion(labels_and_keys, key_of, unknown):
        rows = list(labels_and_keys)
        if any(not key_of(e) for e in cohort):
            rows.append((unknown, None))
        enrolled = [sum(1 for e in cohort if (key_of(e) or None) == key) for _, key in rows]
        done = [
            sum(1 for e in cohort if (key_of(e) or None) == key and e.completed_at and e.completed_at < scope.until)
            for _, key in rows
        ]
        return [label for label, _ in rows], {"Enrolled": enrolled, "Completed": done}

    roles = [r for r in Audience.objects.all() if scope.role_id in (None, r.pk)]
    people = [p for p in profiles.values() if selected(p.user_id)]
    departments = sorted({p.department for p in people if p.department})
    figures["learning-completion-by-role"] = completion(
        [(r.name, r.pk) for r in roles], lambda e: profiles[e.user_id].role_id, "No role set"
    )
    figures["learning-completion-by-stage"] = completion(
        [(s.label, s.value) for s in Stage], lambda e: stage_of[e.module_id or e.path_id], "No stage"
    )
    figures["learning-completion-by-department"] = completion(
        [(d, d) for d in departments], lambda e: profiles[e.user_id].department, "No department"
    )

    paths = sorted(LearningPathPage.objects.live(), key=lambda p: (p.title, p.pk))
    funnel = {"Enrolled": [], "Started": [], "Half way": [], "Completed": []}
    for path in paths:
        modules = [link.module for link in path.path_modules.all() if link.module.live]
        lessons = {lesson.pk for m in modules for lesson in LessonPage.objects.live().child_of(m)}
        counts = [0, 0, 0, 0]
        for e in cohort:
            if e.path_id != path.pk:
                continue
            done = sum(
                1
                for c in completions
                if c.user_id == e.user_id and c.lesson_id in lessons and c.completed_at < scope.until
            )
            counts[0] += 1
            counts[1] += done >= 1
            counts[2] += done >= 1 and 2 * done >= len(lessons)
            counts[3] += done >= 1 and done >= len(lessons)
        for name, count in zip(funnel, counts, strict=True):
            funnel[name].append(count)
    figures["learning-path-funnel"] = ([p.title for p in paths], funnel)

    in_period = [a for a in attempts if within(a.submitted_at)]
    per_lesson = {}
    for a in in_period:
        tried, passed = per_lesson.get(a.lesson_id, (0, 0))
        per_lesson[a.lesson_id] = (tried + 1, passed + a.passed)
    ranked = sorted(
        per_lesson.items(),
        key=lambda item: (item[1][1] / item[1][0], -item[1][0], LessonPage.objects.get(pk=item[0]).title, item[0]),
    )[:QUIZ_LESSONS_SHOWN]
    figures["learning-quiz-pass-rates"] = (
        [LessonPage.objects.get(pk=pk).title for pk, _ in ranked],
        {"Passed": [p for _, (_, p) in ranked], "Failed": [t - p for _, (t, p) in ranked]},
    )

    questions_now = {}
    for lesson in LessonPage.objects.live():
        for quiz in lesson.quizzes():
            for q in questions_of(quiz.value):
                questions_now[(lesson.pk, quiz.id, q.id)] = (q.prompt, lesson.title)
    failed = {}
    for a in in_period:
        for f in FailedQuestion.objects.filter(attempt=a):
            key = (a.lesson_id, a.quiz_block_id, f.question_id)
            if key in questions_now:
                failed[key] = failed.get(key, 0) + 1
    top = sorted(failed.items(), key=lambda item: (-item[1], item[0]))[:FAILED_QUESTIONS_SHOWN]
    quiz_attempts = {}
    for a in in_period:
        quiz_attempts[(a.lesson_id, a.quiz_block_id)] = quiz_attempts.get((a.lesson_id, a.quiz_block_id), 0) + 1
    figures["learning-failed-questions"] = (
        [f"{questions_now[key][0]} ({questions_now[key][1]})" for key, _ in top],
        {"Answered wrong": [n for _, n in top], "Attempts at its quiz": [quiz_attempts[key[:2]] for key, _ in top]},
    )

    active = {e.user_id for e in enrolments if within(e.enrolled_at)}
    active |= {c.user_id for c in completions if within(c.completed_at)}
    active |= {a.user_id for a in in_period}
    passed = sum(a.passed for a in in_period)
    headlines = {
        "Active learners": len(active),
        "Enrolments": len(cohort),
        "Completions": sum(1 for e in enrolments if within(e.completed_at)),
        "Quiz pass rate": round(100 * passed / len(in_period)) if in_period else None,
    }
    return {"headlines": headlines, "figures": figures}


def shown(panel) -> dict:
    return {
        "headlines": {headline.label: headline.value for headline in panel.headlines},
        "figures": {
            figure.key: (figure.labels, {series.name: series.values for series in figure.series})
            for figure in panel.figures
        },
    }


def assert_panel_is_the_truth(scope):
    panel = build(scope)
    expected = truth(scope)
    assert shown(panel)["headlines"] == expected["headlines"]
    assert shown(panel)["figures"] == expected["figures"]
    for figure in panel.figures:
        assert not figure.links or len(figure.links) == len(figure.labels), figure.key
    return panel


# -- the figures equal the truth ----------------------------------------------------------------------------------
def test_the_panel_is_registered_for_the_organisation_not_for_facilitators():
    panel = panels["learning"]
    assert (panel.title, panel.order, panel.about_communities) == ("Learning", 10, False)
    assert panel.build is build


def test_every_figure_and_headline_equals_the_truth(used_world):
    panel = assert_panel_is_the_truth(scope_of())
    assert panel.key == "learning" and panel.title == "Learning"
    assert panel.links == [("Learning records", reverse("learning_records"))]
    values = shown(panel)
    # The dataset is not trivial: every figure has something in it.
    assert values["headlines"]["Active learners"] > 5 and values["headlines"]["Enrolments"] > 5
    for key, (labels, series) in values["figures"].items():
        assert labels and any(any(v for v in column) for column in series.values()), key
    funnel = values["figures"]["learning-path-funnel"]
    assert funnel[0] == ["Champion path", "Everyone path"]  # the unpublished path is not there
    assert funnel[1]["Completed"] != funnel[1]["Enrolled"]
    roles = values["figures"]["learning-completion-by-role"][0]
    assert roles == ["Facilitator", "KM champion", "Manager", "No role set"]  # the roles' own order


def test_the_date_filter_both_ways(used_world):
    whole = assert_panel_is_the_truth(scope_of(start_days_back=90, end_days_back=0))
    part = assert_panel_is_the_truth(scope_of(start_days_back=20, end_days_back=10))
    assert len(shown(part)["figures"]["learning-per-week"][0]) < len(shown(whole)["figures"]["learning-per-week"][0])
    assert 0 < shown(part)["headlines"]["Enrolments"] < shown(whole)["headlines"]["Enrolments"]
    empty = assert_panel_is_the_truth(scope_of(start_days_back=400, end_days_back=300))
    nothing = {"Active learners": 0, "Enrolments": 0, "Completions": 0, "Quiz pass rate": None}
    assert shown(empty)["headlines"] == nothing


def test_the_department_filter_both_ways(used_world):
    everyone = shown(build(scope_of()))
    finance = shown(assert_panel_is_the_truth(scope_of(department="Finance")))
    assert 0 < finance["headlines"]["Active learners"] < everyone["headlines"]["Active learners"]
    assert finance["figures"]["learning-completion-by-department"][0] == ["Finance"]
    assert_panel_is_the_truth(scope_of(department="HR"))
    nobody = shown(assert_panel_is_the_truth(scope_of(department="No such department")))
    assert nobody["headlines"]["Enrolments"] == 0


def test_the_role_filter_both_ways(used_world):
    champion = used_world["roles"][1]
    everyone = shown(build(scope_of()))
    champions = shown(assert_panel_is_the_truth(scope_of(role_id=champion.pk)))
    assert 0 < champions["headlines"]["Enrolments"] < everyone["headlines"]["Enrolments"]
    assert champions["figures"]["learning-completion-by-role"][0] == ["KM champion"]
    assert_panel_is_the_truth(scope_of(role_id=champion.pk, department="Operations"))


def test_the_community_filter_does_not_narrow_learning(used_world):
    """Learning is about people, not communities: a community filter (or a facilitator's scope, which never
    reaches this panel) leaves the figures as they are."""
    community = Page.objects.first()
    assert shown(build(scope_of(community_id=community.pk))) == shown(build(scope_of()))


def test_figures_hold_in_another_time_zone(used_world):
    with timezone.override("Pacific/Auckland"):
        assert_panel_is_the_truth(scope_of())


def test_weeks_follow_the_local_calendar_across_a_clock_change(world):
    """In London the clocks go back on Sunday 25 October 2026: late that Sunday is still the week of the 19th,
    just after midnight is the week of the 26th (seven fixed days from a Monday would get one of them wrong)."""
    learner = make_user("night-owl")
    Profile.objects.filter(user=learner).update(department="Owls")
    module = world["modules"][1]
    with timezone.override("Europe/London"):
        for moment, item in (((2026, 10, 25, 23, 30), module), ((2026, 10, 26, 0, 30), world["paths"][1])):
            enrolled_at = timezone.make_aware(datetime.datetime(*moment))
            kind = "module" if item is module else "path"
            Enrolment.objects.create(user=learner, enrolled_at=enrolled_at, **{kind: item})
        figure = build(Scope(datetime.date(2026, 10, 12), datetime.date(2026, 11, 1), department="Owls")).figures[0]
    assert figure.labels == ["2026-10-12", "2026-10-19", "2026-10-26"]
    assert figure.series[0].values == [0, 1, 1]


def test_only_what_is_live_now_counts(world):
    """Unpublishing a lesson takes its completions and quiz attempts out of every figure; unpublishing a module
    takes out its enrolments; a removed quiz question leaves the most-failed list; a path's funnel counts the
    lessons live now."""
    scope = scope_of(start_days_back=90, end_days_back=0)
    before = shown(build(scope))
    gone_lesson, old = world["gone_lesson"], world["old"]
    period = (scope.since, scope.until)
    gone_completions = LessonCompletion.objects.filter(lesson=gone_lesson).between("completed_at", *period)
    gone_attempts = QuizAttempt.objects.filter(lesson=gone_lesson).between("submitted_at", *period)
    old_enrolments = Enrolment.objects.filter(module=old).between("enrolled_at", *period)
    assert gone_completions.exists() and gone_attempts.exists() and old_enrolments.exists()
    lessons_gone, attempts_gone, enrolments_gone = (
        gone_completions.count(),
        gone_attempts.count(),
        old_enrolments.count(),
    )
    make_things_gone(world)
    after = shown(assert_panel_is_the_truth(scope))
    lessons_done = sum(after["figures"]["learning-per-week"][1]["Lessons completed"])
    assert lessons_done <= sum(before["figures"]["learning-per-week"][1]["Lessons completed"]) - lessons_gone
    assert after["headlines"]["Enrolments"] <= before["headlines"]["Enrolments"] - enrolments_gone
    assert gone_lesson.title in before["figures"]["learning-quiz-pass-rates"][0]
    assert gone_lesson.title not in after["figures"]["learning-quiz-pass-rates"][0]
    passed_and_failed = after["figures"]["learning-quiz-pass-rates"][1]
    assert sum(passed_and_failed["Passed"]) + sum(passed_and_failed["Failed"]) == (
        sum(before["figures"]["learning-quiz-pass-rates"][1]["Passed"])
        + sum(before["figures"]["learning-quiz-pass-rates"][1]["Failed"])
        - attempts_gone
    )
    removed_prompt = "Which help a community grow?"
    assert any(removed_prompt in label for label in before["figures"]["learning-failed-questions"][0])
    assert not any(
        removed_prompt in label and world["quiz_lesson"].title in label
        for label in after["figures"]["learning-failed-questions"][0]
    )
    assert "Draft path" in before["figures"]["learning-path-funnel"][0]
    assert "Draft path" not in after["figures"]["learning-path-funnel"][0]


def test_the_funnel_follows_one_learner_through_a_path(world):
    """A hand-made case: half way at two lessons of four, complete at four, whatever the enrolment says."""
    champion_path = world["paths"][0]  # Running AARs (4 lessons) + Peer assists (2): 6 lessons
    learner = make_user("walker")
    Profile.objects.filter(user=learner).update(department="Walkers")  # the one learner this filter selects
    when = timezone.make_aware(datetime.datetime.combine(TODAY - datetime.timedelta(days=10), datetime.time(12)))
    Enrolment.objects.create(user=learner, path=champion_path, enrolled_at=when)
    lessons = [lesson for module in champion_path.modules() for lesson in module.lessons()]
    assert len(lessons) == 6

    def funnel():
        scope = scope_of(end_days_back=0, department="Walkers")
        figure = next(f for f in build(scope).figures if f.key == "learning-path-funnel")
        index = figure.labels.index("Champion path")
        return [series.values[index] for series in figure.series]

    assert funnel() == [1, 0, 0, 0]
    for count, expected in ((1, [1, 1, 0, 0]), (3, [1, 1, 1, 0]), (6, [1, 1, 1, 1])):
        for lesson in lessons[:count]:
            LessonCompletion.objects.get_or_create(
                user=learner,
                lesson=lesson,
                defaults={"module": lesson.module(), "lesson_title": lesson.title, "completed_at": when},
            )
        assert funnel() == expected
    lessons[0].unpublish()  # five lessons now, all done
    assert funnel() == [1, 1, 1, 1]
    new_lesson = LessonPage(title="A new lesson", slug="a-new-lesson", body=[])
    lessons[1].get_parent().add_child(instance=new_lesson)  # in Running AARs
    new_lesson.save_revision().publish()
    assert funnel() == [1, 1, 1, 0]  # five of six: half way, not complete


def test_a_moved_lesson_counts_in_the_module_it_moved_to(used_world):
    """Completions follow a lesson moved to another module (post_page_move), so the funnel counts it in its new
    module's paths, as the progress rule does."""
    stories, aars = used_world["modules"][2], used_world["modules"][0]
    lesson = stories.lessons().first()
    assert LessonCompletion.objects.filter(lesson=lesson, module=stories).count() > 3
    lesson.slug = "told-again"  # Running AARs has a lesson-1 of its own
    lesson.save()
    lesson.move(aars, pos="last-child")
    assert set(LessonCompletion.objects.filter(lesson=lesson).values_list("module_id", flat=True)) == {aars.pk}
    assert_panel_is_the_truth(scope_of(end_days_back=0))


def test_the_backfill_points_completions_at_their_lessons_module(world):
    backfill = importlib.import_module("learning.migrations.0008_completions_follow_moved_lessons")
    stories, aars = world["modules"][2], world["modules"][0]
    lesson = stories.lessons().first()
    LessonCompletion.objects.filter(lesson=lesson).update(module=aars)  # as a move left them before
    other = LessonCompletion.objects.exclude(lesson=lesson).values_list("pk", "module_id")
    untouched = set(other)
    backfill.point_completions_at_parents(apps, None)
    assert set(LessonCompletion.objects.filter(lesson=lesson).values_list("module_id", flat=True)) == {stories.pk}
    assert set(other) == untouched


def test_only_the_lessons_with_the_lowest_pass_rates_are_shown(used_world, monkeypatch):
    import learning.command_center

    everything = next(f for f in build(scope_of()).figures if f.key == "learning-quiz-pass-rates")
    assert len(everything.labels) == 2
    monkeypatch.setattr(learning.command_center, "QUIZ_LESSONS_SHOWN", 1)
    lowest = next(f for f in build(scope_of()).figures if f.key == "learning-quiz-pass-rates")
    assert lowest.labels == everything.labels[:1] and "The 1 lessons with the lowest pass rates of 2" in lowest.note


def test_the_number_of_queries_does_not_grow_with_the_data(used_world):
    world = used_world
    scope = scope_of(start_days_back=90, end_days_back=0)
    with CaptureQueriesContext(connection) as few:
        build(scope)
    add_learners(world, 30)
    with CaptureQueriesContext(connection) as many:
        build(scope)
    assert len(few) == len(many) <= 19
    with CaptureQueriesContext(connection) as filtered:
        build(scope_of(start_days_back=90, end_days_back=0, department="Finance", role_id=world["roles"][0].pk))
    assert len(filtered) == len(many)


def test_links_point_to_the_records_behind_the_figures(used_world):
    panel = build(scope_of())
    figures = {figure.key: figure for figure in panel.figures}
    champion_path = used_world["paths"][0]
    funnel = figures["learning-path-funnel"]
    records = reverse("learning_records")
    assert funnel.links[funnel.labels.index("Champion path")] == f"{records}?path={champion_path.pk}"
    roles = figures["learning-completion-by-role"]
    facilitator = used_world["roles"][2]
    assert roles.links[0] == f"{reverse('learning_records')}?audience={facilitator.pk}" and roles.links[-1] is None
    quiz = figures["learning-quiz-pass-rates"]
    lesson = LessonPage.objects.live().get(title=quiz.labels[0])
    assert quiz.links[0] == reverse("wagtailadmin_pages:edit", args=[lesson.pk])
    admin = make_user("cc-admin", is_superuser=True, is_staff=True)
    assert client_for(admin).get(f"{reverse('learning_records')}?path={champion_path.pk}").status_code == 200


def test_panel_json_is_serialisable(used_world):
    import json

    data = build(scope_of()).as_json()
    assert json.loads(json.dumps(data))["key"] == "learning"


# -- failures recorded at submission ------------------------------------------------------------------------------
def test_a_submitted_quiz_records_the_questions_it_got_wrong(world):
    lesson = world["quiz_lesson"]
    block_id, questions = quiz_of(lesson)
    learner = make_user("quizzer")
    client = client_for(learner)
    wrong_first = answer(questions)
    wrong_first[f"q-{questions[0].id}"] = [o for o, _ in questions[0].options if o not in questions[0].correct][:1]
    assert client.post(lesson.url + f"quiz/{block_id}/", wrong_first).status_code == 200
    attempt = QuizAttempt.objects.get(user=learner)
    assert not attempt.passed and attempt.score == 50
    assert list(attempt.failed_questions.values_list("question_id", flat=True)) == [questions[0].id]
    client.post(lesson.url + f"quiz/{block_id}/", answer(questions))
    passed = QuizAttempt.objects.filter(user=learner, passed=True).get()
    assert not passed.failed_questions.exists()
    assert client.post(lesson.url + f"quiz/{block_id}/", {"q-nonsense": "x"}).status_code == 400
    assert QuizAttempt.objects.filter(user=learner).count() == 2
    assert FailedQuestion.objects.filter(attempt__user=learner).count() == 1


def test_the_backfill_grades_attempts_kept_before_failures_were_recorded(world):
    """The data migration: each kept attempt's wrong answers against its quiz's key; unanswered questions, unknown
    quizzes and attempts of deleted lessons are skipped."""
    backfill = importlib.import_module("learning.migrations.0007_record_failed_questions")
    QuizAttempt.objects.all().delete()  # only the attempts made here
    lesson = world["quiz_lesson"]
    block_id, questions = quiz_of(lesson)
    learner = make_user("veteran")
    first, second = questions
    wrong_second = [o for o, _ in second.options if o not in second.correct][:1]

    def kept(answers, block=block_id, at=lesson):
        return QuizAttempt.objects.create(
            user=learner, lesson=at, lesson_title="x", quiz_block_id=block, answers=answers, score=0, passed=False
        )

    both_answered = kept({first.id: sorted(first.correct), second.id: wrong_second})
    one_answered = kept({first.id: ["not-an-option"]})
    kept({})  # the old demo's attempts kept no answers
    kept({first.id: ["not-an-option"]}, block="no-such-quiz")
    gone = kept({first.id: ["not-an-option"]}, at=None)
    backfill.record_failed_questions(apps, None)
    assert sorted(FailedQuestion.objects.values_list("attempt_id", "question_id")) == sorted(
        [(both_answered.pk, second.id), (one_answered.pk, first.id)]
    )
    assert not FailedQuestion.objects.filter(attempt=gone).exists()
