"""What learners do, recorded: enrolments, lesson completions and quiz attempts, and the progress they add up
to. The pages (learning.models) read and write these; nothing here imports a page class."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.models import Page


@dataclass
class Progress:
    """A learner's progress through a module or path."""

    done: int
    total: int
    next_lesson: object = None
    completed_at: object = None

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.done / self.total)) if self.total else 0

    @property
    def complete(self) -> bool:
        return self.total > 0 and self.done >= self.total

    @classmethod
    def of(cls, lessons, completed_ids, completed_at=None):
        """Progress through `lessons` (live, in order) given the ids of the lessons the learner completed."""
        next_lesson = next((lesson for lesson in lessons if lesson.pk not in completed_ids), None)
        return cls(sum(1 for lesson in lessons if lesson.pk in completed_ids), len(lessons), next_lesson, completed_at)


def completed_lesson_ids(user, lessons) -> set[int]:
    """Which of `lessons` the learner has completed (none for anonymous readers), in one query."""
    if not user.is_authenticated:
        return set()
    return set(LessonCompletion.objects.filter(user=user, lesson__in=lessons).values_list("lesson_id", flat=True))


class LearnerRecordQuerySet(models.QuerySet):
    """What every kind of learning record can be narrowed by: a set of people and a period."""

    def of_people(self, profiles):
        """Records of the people a Profile queryset selects (the command center's department and role filters)."""
        return self.filter(user_id__in=profiles.values("user_id"))

    def between(self, field, since, until):
        """Records whose `field` (a moment) falls in [since, until)."""
        return self.filter(**{f"{field}__gte": since, f"{field}__lt": until})


def pages_not_live():
    """The ids of the pages that are not live: "not among these" checks each record against one small list, where
    joining every record to the page tree costs two lookups a row (the command center counts many records)."""
    return Page.objects.filter(live=False).values("pk")


class EnrolmentQuerySet(LearnerRecordQuerySet):
    def in_live_items(self):
        """Enrolments in a module or path that is live now (the progress rule: nothing else counts)."""
        not_live = pages_not_live()
        return self.filter(
            (Q(module__isnull=False) & ~Q(module_id__in=not_live)) | (Q(path__isnull=False) & ~Q(path_id__in=not_live))
        )


class LessonRecordQuerySet(LearnerRecordQuerySet):
    def of_live_lessons(self):
        """Records of lessons that are live now (the progress rule: completions of removed lessons are kept but
        no longer count; a deleted lesson leaves none)."""
        return self.filter(lesson__isnull=False).exclude(lesson_id__in=pages_not_live())


class Enrolment(models.Model):
    """A learner enrolled in one module or one path (never both in one record)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments")
    module = models.ForeignKey(
        "learning.ModulePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    path = models.ForeignKey(
        "learning.LearningPathPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="enrolments"
    )
    enrolled_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)

    objects = EnrolmentQuerySet.as_manager()

    class Meta:
        # The command center counts enrolments and completions by period, of live items, per person: these cover
        # its queries, so they read no table rows.
        indexes = [
            models.Index(
                fields=["enrolled_at", "module", "path", "user", "completed_at"], name="enrolment_enrolled_at"
            ),
            models.Index(fields=["completed_at", "module", "path", "user"], name="enrolment_completed_at"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["user", "module"], name="enrol_in_a_module_once"),
            models.UniqueConstraint(fields=["user", "path"], name="enrol_in_a_path_once"),
            models.CheckConstraint(
                condition=(
                    Q(module__isnull=False, path__isnull=True)
                    | Q(module__isnull=True, path__isnull=False)
                    | Q(module__isnull=True, path__isnull=True)
                ),
                name="enrolment_in_a_module_or_a_path",
            ),
        ]

    def __str__(self):
        return f"{self.user} in {self.module or self.path}"

    @property
    def item_title(self):
        item = self.module or self.path
        return item.title if item else "(removed)"


class LessonCompletion(models.Model):
    """A learner finished a lesson. Kept, with the lesson's title, if the lesson is later removed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions")
    lesson = models.ForeignKey("learning.LessonPage", null=True, on_delete=models.SET_NULL, related_name="completions")
    module = models.ForeignKey("learning.ModulePage", null=True, on_delete=models.SET_NULL, related_name="+")
    lesson_title = models.CharField(max_length=255)
    completed_at = models.DateTimeField(default=timezone.now)

    objects = LessonRecordQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="complete_a_lesson_once")]
        indexes = [
            models.Index(fields=["completed_at", "lesson", "user"], name="lesson_completion_at"),
            # The path funnel counts each learner's completions per module: covered, with no table reads or sort.
            models.Index(fields=["user", "module", "completed_at", "lesson"], name="lesson_completion_by_module"),
        ]

    def __str__(self):
        return f"{self.user} completed {self.lesson_title}"


def follow_moved_lesson(sender, instance, parent_page_after, **kwargs):
    """post_page_move of a lesson: its completions now belong to the module it moved to (the command center's
    path funnel and the certificate read a completion's module)."""
    LessonCompletion.objects.filter(lesson_id=instance.pk).exclude(module_id=parent_page_after.pk).update(
        module_id=parent_page_after.pk
    )


class QuizAttempt(models.Model):
    """One submission of a quiz: what was answered, the score and whether it passed."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts")
    lesson = models.ForeignKey(
        "learning.LessonPage", null=True, on_delete=models.SET_NULL, related_name="quiz_attempts"
    )
    lesson_title = models.CharField(max_length=255)
    quiz_block_id = models.CharField(max_length=64)
    answers = models.JSONField()
    score = models.PositiveSmallIntegerField()
    passed = models.BooleanField()
    started_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(default=timezone.now)

    objects = LessonRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [
            models.Index(
                fields=["submitted_at", "lesson", "user", "passed", "quiz_block_id"], name="quiz_attempt_submitted_at"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.score}% on {self.lesson_title}"

    @classmethod
    def record(cls, user, lesson, quiz_block_id, answers, score, passed, failed_question_ids, **times):
        """Keep a graded submission and the questions it got wrong (`times`: started_at, submitted_at)."""
        with transaction.atomic():
            attempt = cls.objects.create(
                user=user,
                lesson=lesson,
                lesson_title=lesson.title,
                quiz_block_id=quiz_block_id,
                answers=answers,
                score=score,
                passed=passed,
                **times,
            )
            FailedQuestion.objects.bulk_create(
                FailedQuestion(attempt=attempt, question_id=question_id) for question_id in failed_question_ids
            )
        return attempt


class FailedQuestion(models.Model):
    """A question a quiz attempt got wrong, as graded when it was submitted (a later change to the quiz's answers
    does not rewrite history). Kept as rows so the questions most often failed are one GROUP BY."""

    attempt = models.ForeignKey(QuizAttempt, on_delete=models.CASCADE, related_name="failed_questions")
    question_id = models.CharField(max_length=64)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question_id"], name="fail_a_question_once")]

    def __str__(self):
        return f"{self.attempt}: question {self.question_id}"
