"""The command center's Learning panel (issue 17): enrolments and completions per week; completion by role, KM
stage and department; a funnel per learning path; quiz pass rates and the questions most often failed.

One rule runs through every figure, the README's progress rule: only lessons, modules and paths that are live now
count (records of the others are kept, but left out). The department and role filters narrow the learners; the
community filter does not apply to learning. Every figure is a database aggregate: the number of queries does not
grow with the number of learners or records."""

import functools
from collections import defaultdict

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.text import Truncator

from wagtail.models import Page

from learning.models import LearningPathPage, LessonPage, ModulePage, PathModule
from learning.progress import Enrolment, FailedQuestion, LessonCompletion, QuizAttempt
from learning.quiz import stored_prompts
from portal.command_center.figures import Figure, Headline, Panel, PanelData, Scope, Series
from portal.people.models import Profile
from portal.taxonomy.models import Audience, Stage

QUIZ_LESSONS_SHOWN = 20
FAILED_QUESTIONS_SHOWN = 10
NO_ROLE, NO_DEPARTMENT, NO_STAGE = "No role set", "No department", "No stage"
FUNNEL = {"enrolled": "Enrolled", "started": "Started", "half_way": "Half way", "completed": "Completed"}


def build(scope: Scope) -> PanelData:
    """The Learning panel's headlines and figures for `scope`."""
    records = LearnerRecords(scope)
    weekly = records.per_week()
    quizzes = records.quiz_results()
    attempts = sum(row["attempts"] for row in quizzes)
    passed = sum(row["passed"] for row in quizzes)
    headlines = [
        Headline(
            "Active learners",
            records.active_learners(),
            help="People who enrolled, completed a lesson or took a quiz in the period.",
        ),
        Headline("Enrolments", sum(weekly.series[0].values), help="In modules and paths."),
        Headline("Completions", sum(weekly.series[1].values), help="Modules and paths completed."),
        Headline(
            "Quiz pass rate",
            percent(passed, attempts),
            unit="%",
            help=f"{passed} of {attempts} quiz attempts passed.",
        ),
    ]
    figures = [weekly, *records.completion_by_role_stage_and_department(), records.path_funnel()]
    figures += [quiz_pass_rates(quizzes), records.questions_most_often_failed(quizzes)]
    return PanelData(
        key=PANEL.key,
        title=PANEL.title,
        headlines=headlines,
        figures=figures,
        links=[("Learning records", reverse("learning_records"))],
    )


def percent(part, whole):
    return round(100 * part / whole) if whole else None


def records_link(**query) -> str:
    """The Learning records report, filtered (by `audience` or `path`)."""
    return reverse("learning_records") + "?" + "&".join(f"{key}={value}" for key, value in query.items())


def edit_link(page_id) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


class LearnerRecords:
    """The learning records a scope selects: its period, and its department and role filters."""

    def __init__(self, scope: Scope):
        self.scope = scope
        self.since, self.until = scope.since, scope.until

    def of_scope(self, queryset, field):
        """`queryset` narrowed to the period (on `field`) and to the people the filters select."""
        queryset = queryset.between(field, self.since, self.until)
        if self.scope.filters_people:
            queryset = queryset.of_people(self.scope.people())
        return queryset.order_by()

    def enrolments(self):
        """Enrolments in live modules and paths made in the period."""
        return self.of_scope(Enrolment.objects.in_live_items(), "enrolled_at")

    def completions(self):
        """Enrolments in live modules and paths completed in the period."""
        return self.of_scope(Enrolment.objects.in_live_items(), "completed_at")

    def lesson_completions(self):
        """Completions of live lessons in the period."""
        return self.of_scope(LessonCompletion.objects.of_live_lessons(), "completed_at")

    def attempts(self):
        """Quiz attempts on live lessons submitted in the period."""
        return self.of_scope(QuizAttempt.objects.of_live_lessons(), "submitted_at")

    def per_week(self) -> Figure:
        weeks = self.scope.weeks()
        enrolled = defaultdict(int)
        for week, _, _, count, _ in self.enrolments_by_week_and_item:
            enrolled[week] += count
        series = [Series("Enrolments", [enrolled[number] for number in range(len(weeks))])]
        counts = {
            "Completions": (self.completions(), "completed_at"),
            "Lessons completed": (self.lesson_completions(), "completed_at"),
        }
        for name, (queryset, field) in counts.items():
            by_week = dict(
                queryset.annotate(week=self.scope.week_number(field))
                .values("week")
                .annotate(count=Count("pk"))
                .values_list("week", "count")
            )
            series.append(Series(name, [by_week.get(number, 0) for number in range(len(weeks))]))
        return Figure(
            key="learning-per-week",
            title="Enrolments and completions per week",
            label_heading="Week beginning",
            labels=[week.isoformat() for week in weeks],
            series=series,
            chart="line",
            note="Enrolments in modules and paths (enrolling in a path enrols in its modules as you go); "
            "completions are modules and paths completed; lessons completed count live lessons only.",
        )

    def active_learners(self) -> int:
        """People who enrolled, completed a lesson or took a quiz in the period (one query)."""
        return (
            self.enrolments()
            .values("user_id")
            .union(self.lesson_completions().values("user_id"), self.attempts().values("user_id"))
            .count()
        )

    @functools.cached_property
    def enrolments_by_week_and_item(self) -> list[tuple[int, int | None, int | None, int, int]]:
        """(week number, module id, path id, enrolled, completed by the period's end) for the enrolments made in the
        period: the weekly series and the completion by KM stage both come from these rows."""
        return list(
            self.enrolments()
            .annotate(week=self.scope.week_number("enrolled_at"))
            .values_list("week", "module_id", "path_id")
            .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__lt=self.until)))
        )

    def enrolments_by_learner(self) -> list[tuple[int, int, int]]:
        """(user id, enrolled, completed by the period's end) for the enrolments made in the period."""
        return list(
            self.enrolments()
            .values_list("user_id")
            .annotate(enrolled=Count("pk"), completed=Count("pk", filter=Q(completed_at__lt=self.until)))
        )

    def completion_by_role_stage_and_department(self) -> list[Figure]:
        """Of the enrolments made in the period, how many were completed by its end: by the learner's role and
        department, and by the KM stage of the module or path. Two grouped queries (per item, per learner) whose
        rows are labelled from the items' stages and the profiles, read once: joining each enrolment to its
        learner's profile cost more than both at 10x the demo."""
        by = {"role": {}, "department": {}, "stage": {}}

        def add(dimension, key, enrolled, completed):
            totals = by[dimension]
            before = totals.get(key or None, (0, 0))
            totals[key or None] = (before[0] + enrolled, before[1] + completed)

        stages = dict(ModulePage.objects.values_list("pk", "stage"))
        stages.update(LearningPathPage.objects.values_list("pk", "stage"))
        for _, module_id, path_id, enrolled, completed in self.enrolments_by_week_and_item:
            add("stage", stages.get(module_id or path_id), enrolled, completed)
        profiles = self.scope.people() if self.scope.filters_people else Profile.objects.all()
        role_and_department = {
            user_id: (role_id, department)
            for user_id, role_id, department in profiles.order_by().values_list("user_id", "role_id", "department")
        }
        for user_id, enrolled, completed in self.enrolments_by_learner():
            role_id, department = role_and_department.get(user_id, (None, ""))
            add("role", role_id, enrolled, completed)
            add("department", department, enrolled, completed)

        roles = Audience.objects.all()
        if self.scope.role_id is not None:
            roles = roles.filter(pk=self.scope.role_id)
        role_rows = [(role.name, role.pk, records_link(audience=role.pk)) for role in roles]
        departments = set(
            self.scope.people().exclude(department="").values_list("department", flat=True).distinct().order_by()
        )
        departments |= {key for key in by["department"] if key}
        department_rows = [(name, name, None) for name in sorted(departments)]
        stage_rows = [(stage.label, stage.value, None) for stage in Stage]
        return [
            completion_figure("role", ("Role", "role"), role_rows, NO_ROLE, by["role"]),
            completion_figure("stage", ("KM stage", "KM stage"), stage_rows, NO_STAGE, by["stage"]),
            completion_figure(
                "department", ("Department", "department"), department_rows, NO_DEPARTMENT, by["department"]
            ),
        ]

    def path_funnel(self) -> Figure:
        """For each live path: its enrolments made in the period, and how many of those learners had done at least
        one, at least half and all of the lessons live now in its live modules, by the end of the period."""
        paths = list(LearningPathPage.objects.live().order_by("title", "pk").values_list("pk", "title"))
        path_ids = [pk for pk, _ in paths]
        modules_of = {}  # a path's live modules: id -> tree path
        for path_id, module_id, tree_path in PathModule.objects.filter(
            path_id__in=path_ids, module__live=True
        ).values_list("path_id", "module_id", "module__path"):
            modules_of.setdefault(path_id, {})[module_id] = tree_path
        lessons_in, not_live = {}, []  # a module's tree path -> its live lessons; the lessons not live now
        for lesson_id, tree_path, live in LessonPage.objects.values_list("pk", "path", "live"):
            if live:
                lessons_in.setdefault(tree_path[: -Page.steplen], []).append(lesson_id)
            else:
                not_live.append(lesson_id)
        totals = {
            path_id: sum(len(lessons_in.get(tree_path, [])) for tree_path in modules.values())
            for path_id, modules in modules_of.items()
        }
        live_modules = sorted({module_id for modules in modules_of.values() for module_id in modules})
        funnel = {pk: dict.fromkeys(FUNNEL, 0) for pk in path_ids}
        enrolments = self.of_scope(Enrolment.objects.filter(path_id__in=path_ids), "enrolled_at")
        done_in_module = self.lessons_done_per_module(live_modules, not_live, enrolments)
        for path_id, user_id in enrolments.values_list("path_id", "user_id"):
            done = sum(done_in_module.get((user_id, module_id), 0) for module_id in modules_of.get(path_id, ()))
            total, counts = totals.get(path_id, 0), funnel[path_id]
            counts["enrolled"] += 1
            counts["started"] += done >= 1
            counts["half_way"] += done >= 1 and 2 * done >= total
            counts["completed"] += done >= 1 and done >= total
        return Figure(
            key="learning-path-funnel",
            title="Learning path funnel",
            label_heading="Learning path",
            labels=[title for _, title in paths],
            series=[Series(name, [funnel[pk][stage] for pk in path_ids]) for stage, name in FUNNEL.items()],
            chart="bar",
            note="People who enrolled in each live path in the period, and how many of them had done at least one "
            "lesson, at least half and all of its lessons by the period's end (lessons live now, in its live "
            "modules, as the progress rule counts them).",
            links=[records_link(path=pk) for pk in path_ids],
            empty_message="No live learning paths.",
        )

    def lessons_done_per_module(self, live_modules, not_live_lessons, enrolments) -> dict[tuple[int, int], int]:
        """(learner, module) -> how many live lessons of that live module the learner had completed before the
        period's end, for the learners of `enrolments`: one grouped query, summed per enrolment by the caller (a
        correlated count per enrolment cost 300 ms at 4,000 enrolments on SQLite). A completion's module is its
        lesson's parent (it follows moves); the lessons not live come as a list, never joined to the page tree."""
        if not live_modules:
            return {}
        rows = (
            LessonCompletion.objects.filter(
                user_id__in=enrolments.order_by().values("user_id"),
                completed_at__lt=self.until,
                module_id__in=live_modules,
                lesson__isnull=False,
            )
            .exclude(lesson_id__in=not_live_lessons)
            .order_by()
            .values_list("user_id", "module_id")
            .annotate(count=Count("pk"))
        )
        return {(user_id, module_id): count for user_id, module_id, count in rows}

    def quiz_results(self) -> list[dict]:
        """Attempts and passes in the period per live lesson and quiz."""
        rows = list(
            self.attempts()
            .values("lesson_id", "quiz_block_id")
            .annotate(attempts=Count("pk"), passed=Count("pk", filter=Q(passed=True)))
        )
        # Titles apart: joining each attempt to the page tree for its lesson's title doubled the query.
        titles = dict(Page.objects.filter(pk__in={row["lesson_id"] for row in rows}).values_list("pk", "title"))
        for row in rows:
            row["lesson__title"] = titles.get(row["lesson_id"], "")
        return rows

    def questions_most_often_failed(self, quizzes) -> Figure:
        """The questions answered wrong most often in the period's attempts (as graded when submitted), among the
        questions still in their live lesson's quiz, with the number of attempts at that quiz."""
        failures = (
            FailedQuestion.objects.filter(
                attempt__in=self.attempts().values("pk"),
            )
            .values("attempt__lesson_id", "attempt__quiz_block_id", "question_id")
            .annotate(count=Count("pk"))
            .order_by("-count", "attempt__lesson_id", "attempt__quiz_block_id", "question_id")
        )
        failures = list(failures)
        prompts = {}  # (lesson id, quiz block id, question id) -> (prompt, lesson title), for questions there now
        lessons = LessonPage.objects.live().filter(pk__in={row["attempt__lesson_id"] for row in failures})
        for lesson_id, title, body in lessons.values_list("pk", "title", "body"):
            for (block_id, question_id), prompt in stored_prompts(body).items():
                prompts[(lesson_id, block_id, question_id)] = (prompt, title)
        attempts = {(row["lesson_id"], row["quiz_block_id"]): row["attempts"] for row in quizzes}
        shown = []
        for row in failures:
            key = (row["attempt__lesson_id"], row["attempt__quiz_block_id"], row["question_id"])
            if key in prompts:
                shown.append((key, row["count"]))
            if len(shown) == FAILED_QUESTIONS_SHOWN:
                break
        return Figure(
            key="learning-failed-questions",
            title="Questions most often failed",
            label_heading="Question (lesson)",
            labels=[f"{Truncator(prompts[key][0]).chars(90)} ({prompts[key][1]})" for key, _ in shown],
            series=[
                Series("Answered wrong", [count for _, count in shown]),
                Series("Attempts at its quiz", [attempts.get(key[:2], 0) for key, _ in shown]),
            ],
            chart="horizontal",
            note=f"The {FAILED_QUESTIONS_SHOWN} questions answered wrong most often in the period's quiz attempts, "
            "as graded when submitted; questions since removed from their quiz are left out.",
            links=[edit_link(key[0]) for key, _ in shown],
            empty_message="No question was answered wrong in this period.",
        )


def completion_figure(key, names, rows, unknown, totals) -> Figure:
    """Enrolled and completed per label: `names` are the column heading and how the title says it; `rows` are
    (label, key, link); `unknown` labels enrolments whose learner or item has no value (shown when there are
    some)."""
    heading, in_title = names
    rows = list(rows)
    if totals.get(None, (0, 0))[0]:
        rows.append((unknown, None, None))
    return Figure(
        key=f"learning-completion-by-{key}",
        title=f"Completion by {in_title}",
        label_heading=heading,
        labels=[label for label, _, _ in rows],
        series=[
            Series("Enrolled", [totals.get(row_key, (0, 0))[0] for _, row_key, _ in rows]),
            Series("Completed", [totals.get(row_key, (0, 0))[1] for _, row_key, _ in rows]),
        ],
        chart="bar",
        note="Enrolments in live modules and paths made in the period, and how many of them were completed by its "
        "end (counts; the completion rate is Completed / Enrolled).",
        links=[link for _, _, link in rows],
    )


def quiz_pass_rates(quizzes) -> Figure:
    """Attempts in the period per lesson with a quiz, passed and failed; the lowest pass rates first."""
    lessons = {}
    for row in quizzes:
        title, attempts, passed = lessons.get(row["lesson_id"], (row["lesson__title"], 0, 0))
        lessons[row["lesson_id"]] = (title, attempts + row["attempts"], passed + row["passed"])
    ranked = sorted(lessons.items(), key=lambda item: (item[1][2] / item[1][1], -item[1][1], item[1][0], item[0]))
    shown = ranked[:QUIZ_LESSONS_SHOWN]
    note = "Quiz attempts in the period on each live lesson: the bar is every attempt, split into passed and failed."
    if len(ranked) > len(shown):
        note += f" The {QUIZ_LESSONS_SHOWN} lessons with the lowest pass rates of {len(ranked)}."
    return Figure(
        key="learning-quiz-pass-rates",
        title="Quiz pass rates",
        label_heading="Lesson",
        labels=[title for _, (title, _, _) in shown],
        series=[
            Series("Passed", [passed for _, (_, _, passed) in shown]),
            Series("Failed", [attempts - passed for _, (_, attempts, passed) in shown]),
        ],
        chart="stacked",
        note=note + " Lowest pass rate first.",
        links=[edit_link(lesson_id) for lesson_id, _ in shown],
        empty_message="No quiz attempts in this period.",
    )


PANEL = Panel(key="learning", title="Learning", order=10, build=build, about_communities=False)
