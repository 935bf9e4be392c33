"""Learning: modules of lessons, learning paths by role and KM stage, enrolment, completion and quiz attempts.

Progress rule: a module's progress counts the learner's completions of the module's lessons that are live now,
out of its live lessons, so it never exceeds 100%. Records of lessons later unpublished or deleted are kept
(with the lesson's title) but no longer count. A module completed once keeps its completion date even if
lessons are added later; its progress bar then shows what is new.
"""

import operator
from functools import reduce

import django_filters

from django.core.paginator import Paginator
from django.db import IntegrityError, models, transaction
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from learning import views
from learning.blocks import LessonBlock
from learning.panels import LearnerStatsPanel
from learning.programme_stages import DepartmentStage, ProgrammeSettings  # noqa: F401 (models of this app)
from learning.progress import (  # noqa: F401 (FailedQuestion: a model of this app)
    Enrolment,
    FailedQuestion,
    LessonCompletion,
    Progress,
    QuizAttempt,
    completed_lesson_ids,
)
from learning.quiz import public_view, questions_of
from portal.expertise.refresh import refresh_later
from portal.network.activity import Verb, record_after_commit
from portal.pages import BasePage
from portal.people.models import Profile
from portal.pictures import card_images
from portal.searchable import cached
from portal.taxonomy.filters import LIBRARY_PAGE_SIZE, StagedFilterSet
from portal.taxonomy.models import Classified, ClassifiedPageManager, Stage
from portal.taxonomy.trust import combined_trust

DURATIONS = {
    "short": (0, 30, "Up to 30 minutes"),
    "medium": (31, 60, "31 to 60 minutes"),
    "long": (61, 10_000, "Over an hour"),
}


def paths_for_role(paths, role):
    """Paths for the reader's role first (then by title); all of them, by title, when no role is set."""
    if role is None:
        return paths.order_by("title")
    first = Case(When(audience=role, then=Value(0)), default=Value(1), output_field=IntegerField())
    return paths.annotate(for_role=first).order_by("for_role", "title")


class CatalogueFilterSet(StagedFilterSet):
    """The catalogue's filters: the taxonomy's, and a module's length."""

    duration = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (_, _, label) in DURATIONS.items()],
        empty_label="Any length",
        label="Length",
        method="filter_duration",
    )

    def filter_duration(self, queryset, name, value):
        low, high, _ = DURATIONS[value]
        return queryset.filter(estimated_minutes__range=(low, high))

    def note_for(self, name, value):
        if name == "duration":
            return f"No such duration “{value}”: it was ignored."
        return super().note_for(name, value)


class LearningIndexPage(BasePage):
    """The catalogue at /learning/: paths first, then modules filterable by audience, stage, topic and length."""

    parent_page_types = ["home.HomePage"]
    search_kind = None
    subpage_types = ["learning.ModulePage", "learning.LearningPathPage"]
    max_count = 1

    class Meta:
        verbose_name = "learning index page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        role = Profile.role_of(request.user)
        data = request.GET.copy()
        # The reader's role is the audience filter's default; choosing "Everyone" (an empty value) shows all.
        role_is_default = role is not None and "audience" not in data
        if role_is_default:
            data["audience"] = role.slug
        filters = CatalogueFilterSet(data, queryset=ModulePage.objects.child_of(self).live().public().for_listing())
        paths = LearningPathPage.objects.child_of(self).live().public().select_related("audience")
        context.update(
            filters=filters,
            role=role,
            role_is_default=role_is_default,
            paths=paths_for_role(paths.prefetch_related(card_images()), role),
            modules=Paginator(filters.qs, LIBRARY_PAGE_SIZE).get_page(request.GET.get("page")),
        )
        return context


class ModulePageTag(TaggedItemBase):
    content_object = ParentalKey("learning.ModulePage", on_delete=models.CASCADE, related_name="tagged_items")


class ModulePage(RoutablePageMixin, Classified, BasePage):
    """An e-learning module: objectives, an estimated time and lessons in tree order."""

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = ["learning.LessonPage"]
    search_kind = "Learning module"

    objectives = models.TextField(blank=True, help_text="One learning objective per line.")
    estimated_minutes = models.PositiveSmallIntegerField(default=30)
    prerequisites = ParentalManyToManyField("self", symmetrical=False, blank=True, related_name="+")
    tags = ClusterTaggableManager(through=ModulePageTag, blank=True)

    content_panels = (
        BasePage.content_panels
        + [
            "objectives",
            "estimated_minutes",
            FieldPanel("prerequisites"),
        ]
        + Classified.taxonomy_panels
        + [LearnerStatsPanel(heading="Learners")]
    )
    search_fields = BasePage.search_fields + Classified.search_fields + [index.SearchField("objectives")]
    api_fields = BasePage.api_fields + Classified.api_fields + [APIField("objectives"), APIField("estimated_minutes")]

    objects = ClassifiedPageManager()

    class Meta:
        verbose_name = "module"

    def learner_stats(self):
        """Enrolments, completions and quiz results for the editor's inline report."""
        enrolments = Enrolment.objects.filter(module=self)
        enrolled = enrolments.count()
        completed = enrolments.filter(completed_at__isnull=False).count()
        attempts = QuizAttempt.objects.filter(lesson__in=LessonPage.objects.child_of(self))
        attempt_count = attempts.count()
        return {
            "enrolled": enrolled,
            "completed": completed,
            "rate": round(100 * completed / enrolled) if enrolled else 0,
            "attempts": attempt_count,
            "pass_rate": round(100 * attempts.filter(passed=True).count() / attempt_count) if attempt_count else 0,
        }

    @property
    def objective_list(self):
        return [line.strip() for line in self.objectives.splitlines() if line.strip()]

    def lessons(self):
        return LessonPage.objects.child_of(self).live().order_by("path")

    def progress_for(self, user, lessons=None, completed_ids=None) -> Progress:
        """Completions of live lessons over live lessons (pass `lessons`/`completed_ids` to avoid queries)."""
        lessons = list(self.lessons()) if lessons is None else lessons
        if completed_ids is None:
            completed_ids = completed_lesson_ids(user, lessons)
        enrolment = Enrolment.objects.filter(user=user, module=self).first() if user.is_authenticated else None
        return Progress.of(lessons, completed_ids, enrolment.completed_at if enrolment else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["lessons"] = list(self.lessons())
        context["enrolled"] = user.is_authenticated and Enrolment.objects.filter(user=user, module=self).exists()
        context["completed_ids"] = completed_lesson_ids(user, context["lessons"])
        context["progress"] = (
            self.progress_for(user, context["lessons"], context["completed_ids"]) if user.is_authenticated else None
        )
        context["prerequisite_modules"] = [module for module in self.prerequisites.all() if module.live]
        return context

    @path("enrol/")
    def enrol_route(self, request):
        return views.enrol(request, self)

    def enrol(self, user):
        Enrolment.objects.get_or_create(user=user, module=self)

    def record_completion_if_done(self, user):
        """Mark the learner's enrolment complete (once) when every live lesson is done."""
        if self.progress_for(user).complete:
            enrolment, _ = Enrolment.objects.get_or_create(user=user, module=self)
            if enrolment.completed_at is None:
                Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(completed_at=timezone.now())
                refresh_later([user.pk])  # a completed module is evidence of expertise
            for path_page in LearningPathPage.objects.live().filter(path_modules__module=self).distinct():
                path_page.record_completion_if_done(user)


class LessonPage(RoutablePageMixin, BasePage):
    """One lesson of a module: text, screencasts, documents and quizzes."""

    parent_page_types = ["learning.ModulePage"]
    subpage_types = []
    search_kind = "Lesson"
    accepts_reader_feedback = True

    body = StreamField(LessonBlock(), blank=True)

    content_panels = BasePage.content_panels + ["body"]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields  # the body is left out: it holds quiz answers

    class Meta:
        verbose_name = "lesson"

    def search_body(self) -> str:
        """Lesson text for search, without quiz blocks: their answers must never reach a search snippet."""
        parts = []
        for block in self.body:
            if block.block_type != "quiz":
                parts.extend(block.block.get_searchable_content(block.value))
        return "\n".join(part for part in parts if part)

    def trust_status(self, today=None):
        """A lesson is as trustworthy as its module's last review, unless a reader reported the lesson itself
        outdated (the one rule says so, from the lesson's own flags)."""
        module = self.module()
        if module is None or self.reported_outdated_on() is not None:
            return super().trust_status(today)
        return module.trust_status(today)

    def accountable_owner(self):
        """The module's owner keeps its lessons correct."""
        module = self.module()
        return module.content_owner if module is not None else None

    def add_taxonomy_to(self, document):
        """A lesson is found under its module's topics, audiences and stage."""
        module = self.get_parent().specific
        if hasattr(module, "add_taxonomy_to"):
            module.add_taxonomy_to(document)

    def module(self):
        # Within a batch (indexing, a page of search hits), the lessons of one module share one look-up.
        return cached(("module-above", self.path[: -self.steplen]), lambda: ModulePage.objects.parent_of(self).first())

    def quizzes(self):
        return [block for block in self.body if block.block_type == "quiz"]

    def get_context(self, request, *args, **kwargs):
        """The lesson among its module's lessons, the learner's progress, and the quizzes as the page may show
        them (prompts and options, never which are correct)."""
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        module = self.module()
        siblings = list(module.lessons()) if module else [self]
        position = next((i for i, sibling in enumerate(siblings) if sibling.pk == self.pk), 0)
        context.update(
            module=module,
            previous_lesson=siblings[position - 1] if position > 0 else None,
            next_lesson=siblings[position + 1] if position + 1 < len(siblings) else None,
            lesson_number=position + 1,
            lesson_count=len(siblings),
            completed=user.is_authenticated and LessonCompletion.objects.filter(user=user, lesson=self).exists(),
            quizzes={block.id: public_view(questions_of(block.value)) for block in self.quizzes()},
            progress=module.progress_for(user, siblings) if module and user.is_authenticated else None,
        )
        return context

    @path("complete/")
    def complete_route(self, request):
        return views.complete_lesson(request, self)

    @path("quiz/<str:block_id>/")
    def quiz_route(self, request, block_id):
        return views.submit_quiz(request, self, block_id)

    def complete_for(self, user):
        """Record the learner's completion once, whatever the concurrency; returns True if this call recorded it."""
        module = self.module()
        try:
            with transaction.atomic():
                LessonCompletion.objects.create(user=user, lesson=self, module=module, lesson_title=self.title)
        except IntegrityError:
            return False
        if module is not None:
            Enrolment.objects.get_or_create(user=user, module=module)
            module.record_completion_if_done(user)
        return True


class LearningPathPage(RoutablePageMixin, BasePage):
    """An ordered list of modules for a role and KM stage, with an overall goal."""

    parent_page_types = ["learning.LearningIndexPage"]
    subpage_types = []
    search_kind = "Learning path"

    goal = models.TextField(blank=True)
    audience = models.ForeignKey(
        "taxonomy.Audience", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stage = models.CharField("KM stage", max_length=20, choices=Stage.choices, blank=True)

    content_panels = BasePage.content_panels + [
        "goal",
        "audience",
        "stage",
        InlinePanel("path_modules", label="Modules"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("goal"), index.FilterField("stage")]
    api_fields = BasePage.api_fields + [APIField("goal"), APIField("stage")]

    class Meta:
        verbose_name = "learning path"

    def add_taxonomy_to(self, document):
        document.audiences = [self.audience.slug] if self.audience_id else []
        document.stage = self.stage

    def modules(self):
        links = self.path_modules.select_related("module").order_by("sort_order", "pk")  # in the order they were added
        return [link.module for link in links if link.module.live]

    def trust_status(self, today=None):
        """A path is due for review when one of its modules is, else approved as of its oldest module review."""
        today = today or timezone.localdate()
        return combined_trust([module.trust_status(today) for module in self.modules()]) or super().trust_status(today)

    def progress_for(self, user) -> Progress:
        """Lessons done over lessons in all the path's live modules."""
        modules = self.modules()
        lessons = []
        if modules:
            in_modules = reduce(operator.or_, (Q(path__startswith=module.path) for module in modules))
            lessons = list(LessonPage.objects.live().filter(in_modules).order_by("path"))
        return Progress.of(lessons, completed_lesson_ids(user, lessons))

    def record_completion_if_done(self, user):
        """Once every lesson of every live module is done: the path enrolment is complete (once), and the
        completion goes into the learner's followers' network streams, unless the learner hides their
        learning there (portal.network.stream asks their profile each time it shows the stream)."""
        if not self.progress_for(user).complete:
            return
        Enrolment.objects.filter(user=user, path=self, completed_at__isnull=True).update(completed_at=timezone.now())
        record_after_commit(user, Verb.COMPLETED_PATH, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["modules"] = self.modules()
        context["enrolled"] = user.is_authenticated and Enrolment.objects.filter(user=user, path=self).exists()
        context["progress"] = self.progress_for(user) if user.is_authenticated else None
        return context

    @path("enrol/")
    def enrol_route(self, request):
        return views.enrol(request, self)

    def enrol(self, user):
        """Enrolling in a path enrols the learner in each of its modules."""
        Enrolment.objects.get_or_create(user=user, path=self)
        for module in self.modules():
            module.enrol(user)

    @path("certificate/")
    def certificate_route(self, request):
        return views.certificate(request, self)


class PathModule(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="path_modules")
    module = models.ForeignKey(ModulePage, on_delete=models.CASCADE, related_name="+")

    panels = ["module"]
