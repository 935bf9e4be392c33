"""Curation's records. Sources are any object that speaks the curation protocol (portal.curation.sources), named
by their search key, so this platform app never imports the communities that own them."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from portal.network.activity import Verb, record_after_commit
from portal.notices import tell
from portal.searchable import objects_for_keys, search_key
from portal.taxonomy.models import Topic

NOMINATION_NOTE_LENGTH = 500
DECLINE_REASON_LENGTH = 500


class CandidateQuerySet(models.QuerySet):
    def in_scope(self, scope):
        """The candidates a curator with this scope sees: all (None) or those of some communities."""
        return self if scope is None else self.filter(community_id__in=scope)

    def open(self):
        return self.filter(status__in=[Candidate.Status.NEW, Candidate.Status.IN_PROGRESS])


class Candidate(models.Model):
    """A contribution someone thinks worth keeping: its place in the curation queue, the signals that rank it
    (refreshed from the source when it is nominated and when the queue is opened), and what became of it."""

    class Status(models.TextChoices):
        NEW = "new", "New"
        IN_PROGRESS = "in_progress", "In progress"
        CURATED = "curated", "Curated"
        DECLINED = "declined", "Declined"

    source_key = models.CharField(max_length=100, unique=True)
    kind = models.CharField(max_length=40)
    title = models.CharField(max_length=255)
    url = models.CharField(max_length=500)
    community = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="+")
    source_date = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW, db_index=True)
    decline_reason = models.CharField(max_length=DECLINE_REASON_LENGTH, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    draft = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The page curated from it (a draft until approved).",
    )
    nomination_count = models.PositiveIntegerField(default=0)
    accepted_answer = models.BooleanField(default=False)
    follow_count = models.PositiveIntegerField(default=0)
    reply_count = models.PositiveIntegerField(default=0)
    helpful_count = models.PositiveIntegerField(default=0)
    score = models.FloatField(default=0, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    objects = CandidateQuerySet.as_manager()

    class Meta:
        ordering = ["-score", "-created_at"]

    def __str__(self):
        return self.title

    @property
    def community_title(self) -> str:
        return self.community.title if self.community else ""

    @property
    def full_url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL + self.url if self.url.startswith("/") else self.url

    @classmethod
    def for_source(cls, source):
        """The source's candidate, made (and its signals read) on first need; safe under double submits."""
        key = search_key(source)
        candidate = cls.objects.filter(source_key=key).first()
        if candidate is None:
            try:
                with transaction.atomic():
                    candidate = cls.objects.create(source_key=key, kind="", title="", url="")
            except IntegrityError:
                candidate = cls.objects.get(source_key=key)
            candidate.refresh_from(source)
        return candidate

    def source(self):
        """The live source object, or None when it is gone."""
        return objects_for_keys([self.source_key]).get(self.source_key)

    def refresh_from(self, source):
        """Copy what the queue shows and ranks by from the source as it is now."""
        described = source.curation_source()
        signals = described.signals
        self.kind, self.title, self.url = described.kind, described.title[:255], described.url[:500]
        self.community_id = described.community.pk if described.community else None
        self.source_date = described.date
        self.nomination_count = self.nominations.count()
        self.accepted_answer = bool(signals.get("accepted_answer"))
        self.follow_count = signals.get("follows", 0)
        self.reply_count = signals.get("replies", 0)
        self.helpful_count = signals.get("helpful", 0)
        self.score = self.rank()
        self.save()
        self.topics.set(described.topic_ids)

    def rank(self) -> float:
        """Nominations weigh most, then an accepted answer and helpful marks; follows and replies show interest;
        older contributions sink slowly (half weight after 180 days), so fresh knowledge is curated first."""
        weight = (
            3 * self.nomination_count
            + (4 if self.accepted_answer else 0)
            + 2 * self.helpful_count
            + self.follow_count
            + 0.5 * min(self.reply_count, 10)
        )
        if self.source_date:
            age_days = max((timezone.now() - self.source_date).days, 0)
            weight /= 1 + age_days / 180
        return round(weight, 3)

    def decline(self, user, reason: str):
        """Declined with a reason; each nominator is told why (and may open the source to see it again)."""
        self.status, self.decline_reason = self.Status.DECLINED, reason
        self.decided_by, self.decided_at = user, timezone.now()
        self.save(update_fields=["status", "decline_reason", "decided_by", "decided_at"])
        source = self.source()
        if source is None:
            return
        for nomination in self.nominations.select_related("user"):
            transaction.on_commit(
                lambda user=nomination.user: tell(
                    user, f"Not added to the library: {self.title}. {reason}", source, url=self.url
                )
            )

    def set_status(self, status, user):
        self.status, self.decided_by, self.decided_at = status, user, timezone.now()
        self.save(update_fields=["status", "decided_by", "decided_at"])


class Nomination(models.Model):
    """One reader's vote that a contribution is worth keeping in the library (one per person and item)."""

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="nominations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    note = models.CharField(max_length=NOMINATION_NOTE_LENGTH, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["candidate", "user"], name="one_nomination_per_person")]

    def __str__(self):
        return f"{self.user} nominated {self.candidate}"

    @classmethod
    def nominate(cls, source, user, note="") -> tuple["Nomination", bool]:
        """Record the nomination once; a second (or a double submit) returns the first, updating its note."""
        candidate = Candidate.for_source(source)
        try:
            with transaction.atomic():
                nomination, created = cls.objects.get_or_create(candidate=candidate, user=user, defaults={"note": note})
        except IntegrityError:
            nomination, created = cls.objects.get(candidate=candidate, user=user), False
        if not created and note and note != nomination.note:
            nomination.note = note
            nomination.save(update_fields=["note"])
        candidate.refresh_from(source)
        return nomination, created


class Provenance(models.Model):
    """A page built from a source: which object (content type and id), and a snapshot taken when it was curated
    (title, address, date, whether anyone could read it) so a deleted or edited source still credits its
    authors."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="provenance")
    source_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    source_id = models.PositiveBigIntegerField()
    source_key = models.CharField(max_length=100, db_index=True)
    source_kind = models.CharField(max_length=40)
    source_title = models.CharField(max_length=255)
    source_url = models.CharField(max_length=500)
    source_date = models.DateTimeField(null=True, blank=True)
    source_was_public = models.BooleanField(
        default=False,
        help_text="Anyone could read the source when it was curated; only then is its title shown after it is deleted.",
    )
    curated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    curated_at = models.DateTimeField(default=timezone.now)
    credited_at = models.DateTimeField(
        null=True, blank=True, help_text="When the page first went live and its contributors were told."
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "source_key"], name="one_provenance_per_source")]

    def __str__(self):
        return f"{self.source_title} → {self.page_id}"


class Contribution(models.Model):
    """Credit for one person's part of a source: shown on the curated page, and evidence of their expertise
    (counted once the page is live). The name is a snapshot, so the credit outlives the account."""

    provenance = models.ForeignKey(Provenance, on_delete=models.CASCADE, related_name="contributions")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="curated_contributions"
    )
    name = models.CharField(max_length=255)
    part = models.CharField(max_length=60, help_text="What they contributed: the question, an answer, a post.")

    def __str__(self):
        return f"{self.name} ({self.part})"


def credit_on_publication(sender, instance, revision=None, **kwargs):
    """page_published: a curated page's first publication credits its contributors (each told once) and marks its
    candidates curated."""
    pending = Provenance.objects.filter(page_id=instance.pk, credited_at__isnull=True)
    if not pending.exists():
        return
    now = timezone.now()
    told = set()
    for provenance in pending:
        for contribution in provenance.contributions.select_related("user"):
            if contribution.user_id and contribution.user_id not in told:
                told.add(contribution.user_id)
                user = contribution.user
                transaction.on_commit(
                    lambda user=user: tell(
                        user, f"Your contribution was curated into the library: {instance.title}", instance
                    )
                )
                record_after_commit(user, Verb.CURATED, instance)
        Candidate.objects.filter(source_key=provenance.source_key).exclude(status=Candidate.Status.DECLINED).update(
            status=Candidate.Status.CURATED, draft_id=instance.pk
        )
    pending.update(credited_at=now)
