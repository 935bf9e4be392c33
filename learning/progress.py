"""What learners do, recorded: enrolments, lesson completions and quiz attempts, and the progress they add up
to. The pages (learning.models) read and write these; nothing here imports a page class."""

from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone


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

    class Meta:
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

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="complete_a_lesson_once")]

    def __str__(self):
        return f"{self.user} completed {self.lesson_title}"


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

    class Meta:
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.user}: {self.score}% on {self.lesson_title}"
