"""The one taxonomy every object type shares: a topic tree, audiences (roles), KM stages and free tags, plus the
`Classified` mixin that gives any content page those fields, an owner and a review date, and the trust status
derived from them."""

import datetime

from treebeard.mp_tree import MP_Node

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from portal.pictures import card_images
from portal.taxonomy.trust import TrustStatus, trust_status_for
from portal.taxonomy.widgets import TopicCheckboxSelectMultiple


class Stage(models.TextChoices):
    """The stages of a KM programme; fixed by the method, so code constants."""

    INVESTIGATION = "investigation", "Investigation"
    PILOT = "pilot", "Pilot"
    ROLLOUT = "rollout", "Roll-out"
    SUSTAIN = "sustain", "Sustain"


# Sent with `topic` and `subtree_ids` after a topic moves with its subtree: everything filed under those topics now
# has other ancestors (search documents and evidenced expertise carry them), so their owners recompute.
topic_moved = Signal()


class Topic(index.Indexed, MP_Node):
    """A node in the hierarchical topic tree (e.g. Knowledge strategy > Communities of practice > Facilitation)."""

    name = models.CharField(max_length=100)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=False)
    description = models.TextField(blank=True, max_length=500)

    node_order_by = ["name"]

    panels = ["name", "slug", "description"]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.FilterField("slug")]

    class Meta:
        ordering = ["path"]

    def __str__(self):
        return self.name

    @property
    def indented_name(self):
        return "— " * (self.depth - 1) + self.name

    def get_absolute_url(self):
        return reverse("taxonomy:topic", args=[self.slug])

    def breadcrumbs(self):
        """Ancestors from the root down, then this topic."""
        return [*self.get_ancestors(), self]

    @classmethod
    def paths_down_to(cls, path: str) -> list[str]:
        """The paths of a topic's ancestors, root first, then its own: the tree's paths are its ancestry."""
        return [path[:end] for end in range(cls.steplen, len(path) + 1, cls.steplen)]

    @classmethod
    def ancestry(cls, ids_by_path: dict[str, int]) -> dict[int, list[int]]:
        """Each topic's id -> its ancestors' ids, root first, then its own, from {path: id} of the whole tree."""
        return {
            pk: [ids_by_path[prefix] for prefix in cls.paths_down_to(path) if prefix in ids_by_path]
            for path, pk in ids_by_path.items()
        }

    def subtree_ids(self):
        return list(Topic.objects.filter(path__startswith=self.path).values_list("pk", flat=True))

    def move(self, target, pos=None):
        # Sorted siblings shift paths as topics are added: move by the paths the database has now, never by stale
        # ones in memory (which would move another topic), and note the subtree before its paths change.
        self.refresh_from_db(fields=["path", "depth", "numchild"])
        target.refresh_from_db(fields=["path", "depth", "numchild"])
        subtree_ids = self.subtree_ids()
        super().move(target, pos)
        topic_moved.send(sender=Topic, topic=self, subtree_ids=subtree_ids)

    @staticmethod
    def page_ids_filed_under(topic_ids) -> set[int]:
        """Pages (drafts included) of every classified type filed under any of `topic_ids`."""
        return {
            page_id
            for model in classified_models()
            for page_id in model.topics.through.objects.filter(topic_id__in=topic_ids).values_list(
                model.topics.through._meta.get_field(model.topics.field.m2m_field_name()).attname, flat=True
            )
        }

    def usage_count(self) -> int:
        """How many pages (drafts included) use this topic or one below it."""
        ids = self.subtree_ids()
        return sum(model.topics.through.objects.filter(topic_id__in=ids).count() for model in classified_models())

    def deletion_blocker(self) -> str | None:
        """Why this topic may not be deleted now, in words for the editor; None when it may."""
        in_use = self.usage_count()
        if in_use:
            return (
                f"“{self}” cannot be deleted: {in_use} page{'s' if in_use != 1 else ''} use it or a topic below it. "
                "Move those pages to another topic first, or rename the topic instead."
            )
        if self.get_children_count():
            return f"“{self}” has topics below it: move or delete them first."
        return None

    def clean(self):
        if not self.slug:
            self.slug = slugify(self.name)[:100]


class Audience(models.Model):
    """A role the portal serves (manager, KM champion, facilitator...): editable data, not a code constant."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    description = models.TextField(blank=True, max_length=500)
    sort_order = models.PositiveSmallIntegerField(default=0)

    panels = ["name", "slug", "description", "sort_order"]

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


def review_interval() -> datetime.timedelta:
    return datetime.timedelta(days=settings.PORTAL_REVIEW_INTERVAL_DAYS)


class Classified(models.Model):
    """Mixin for content pages: topics, audiences, KM stage, an accountable owner and a review date.

    Concrete pages add `tags = ClusterTaggableManager(through=..., blank=True)` with their own through model
    (taggit needs one per model); everything else comes from here, panels and search and API declarations included.
    """

    topics = ParentalManyToManyField(Topic, blank=True, related_name="+")
    audiences = ParentalManyToManyField(Audience, blank=True, related_name="+")
    stage = models.CharField("KM stage", max_length=20, choices=Stage.choices, blank=True)
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="owner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The person who keeps this content correct and reviews it.",
    )
    review_by = models.DateField(
        null=True, blank=True, help_text="Leave empty to default to 12 months after publishing."
    )
    last_reviewed_at = models.DateField(null=True, blank=True, editable=False)

    taxonomy_panels = [
        MultiFieldPanel(
            [
                FieldPanel("topics", widget=TopicCheckboxSelectMultiple),
                FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
                "stage",
                "tags",
            ],
            heading="Classification",
        ),
        MultiFieldPanel(["content_owner", "review_by"], heading="Ownership and review"),
    ]
    search_fields = [
        index.RelatedFields("topics", [index.SearchField("name"), index.FilterField("slug")]),
        index.RelatedFields("audiences", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("stage"),
        index.FilterField("review_by"),
        index.FilterField("content_owner"),
    ]
    api_fields = [
        APIField("topics"),
        APIField("audiences"),
        APIField("stage"),
        APIField("tags"),
        APIField("review_by"),
        APIField("last_reviewed_at"),
    ]

    class Meta:
        abstract = True

    @property
    def owner_name(self) -> str:
        owner = self.content_owner
        return (owner.get_full_name() or owner.get_username()) if owner else ""

    @property
    def owner_email(self) -> str:
        return self.content_owner.email if self.content_owner else ""

    @property
    def review_state(self) -> str:
        """ "Overdue" or "Due soon", for the review report."""
        if self.review_by and self.review_by < timezone.localdate():
            return "Overdue"
        return "Due soon"

    def taxonomy_facts(self) -> dict:
        """This item's classification in the terms of a search document (portal.searchable.SearchDocument)."""
        tags = getattr(self, "tags", None)
        return {
            "topic_ids": [topic.pk for topic in self.topics.all()],
            "audiences": [audience.slug for audience in self.audiences.all()],
            "stage": self.stage,
            "owner": self.owner_name,
            "review_by": self.review_by,
            "community_contribution": getattr(self, "is_community_contribution", lambda: False)(),
            "tags": sorted(tag.name for tag in tags.all()) if tags is not None else [],
        }

    def add_taxonomy_to(self, document):
        """Fill a search document (portal.searchable) with this item's classification."""
        for name, value in self.taxonomy_facts().items():
            setattr(document, name, value)

    def trust_status(self, today: datetime.date | None = None) -> TrustStatus:
        return trust_status_for(self, today or timezone.localdate())

    def ensure_review_date(self):
        """Give a just-published page its default review date (publish date + the review interval)."""
        if self.review_by is None:
            self.set_review_fields(review_by=timezone.localdate() + review_interval())

    def mark_reviewed(self, user=None):
        """Record that the owner or an editor checked the content today; resets the review date and logs it."""
        today = timezone.localdate()
        self.set_review_fields(last_reviewed_at=today, review_by=today + review_interval())
        from wagtail.log_actions import log

        log(instance=self, action="portal.mark_reviewed", user=user, data={"review_by": self.review_by.isoformat()})

    def set_review_fields(self, **values):
        """Write review fields without a new revision: on the row, and on the live and latest revisions so a
        later publish of either does not bring the old date back."""
        for name, value in values.items():
            setattr(self, name, value)
        type(self).objects.filter(pk=self.pk).update(**values)
        serialised = {name: value.isoformat() if value else None for name, value in values.items()}
        for revision in {self.live_revision, self.latest_revision} - {None}:
            revision.content.update(serialised)
            revision.save(update_fields=["content"])


def classified_models():
    """Every concrete model that mixes in `Classified`."""
    return [model for model in apps.get_models() if issubclass(model, Classified)]


class ClassifiedPageQuerySet(PageQuerySet):
    """Listings of classified pages, named by intent."""

    def in_topic(self, topic):
        """Pages filed under the topic or any topic below it."""
        return self.filter(topics__in=topic.subtree_ids()).distinct()

    def for_audience(self, audience):
        return self.filter(audiences=audience)

    def at_stage(self, stage):
        return self.filter(stage=stage)

    def due_for_review(self, by_date):
        """Pages whose review date falls on or before `by_date` (overdue ones included)."""
        return self.filter(review_by__lte=by_date)

    def for_listing(self):
        """What a listing card shows, its picture and trust badge included, fetched in a constant number of
        queries."""
        extra = self.model.card_prefetches() if hasattr(self.model, "card_prefetches") else []
        return self.defer_streamfields().prefetch_related("topics", "audiences", card_images(), *extra)


ClassifiedPageManager = PageManager.from_queryset(ClassifiedPageQuerySet)
