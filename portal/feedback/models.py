"""Reader feedback on formal content (reference articles, lessons): "outdated" flags and suggested improvements
that go to the page's owner until someone resolves them, and one "was this helpful?" answer per reader and page.

Pages opt in with `accepts_reader_feedback = True`; everything here works on any Wagtail page."""

import datetime
from collections import defaultdict

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Count, Min, Prefetch, Q
from django.utils import timezone

from portal.notices import tell
from portal.sanitise import validate_plain_text
from portal.searchable import cached

COMMENT_LENGTH = 2000


class ContentFlagQuerySet(models.QuerySet):
    def open(self):
        return self.filter(resolved_at__isnull=True)

    def outdated(self):
        return self.filter(kind=ContentFlag.Kind.OUTDATED)


class ContentFlag(models.Model):
    """A reader's report that a page is outdated or could be improved, open until its owner or an editor resolves
    it (by publishing a new version, marking the page reviewed, or resolving it with a note)."""

    class Kind(models.TextChoices):
        OUTDATED = "outdated", "Outdated"
        IMPROVEMENT = "improvement", "Suggested improvement"

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="reader_flags")
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    comment = models.TextField(blank=True, max_length=COMMENT_LENGTH, validators=[validate_plain_text])
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution_note = models.TextField(blank=True, max_length=COMMENT_LENGTH)

    objects = ContentFlagQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            # What makes a double submit one flag, whichever request wins the race.
            models.UniqueConstraint(
                fields=["page", "flagged_by", "kind"],
                condition=Q(resolved_at__isnull=True),
                name="one_open_flag_per_reader_kind_and_page",
            )
        ]
        indexes = [models.Index(fields=["page", "resolved_at"], name="feedback_flag_page_open")]

    def __str__(self):
        return f"{self.get_kind_display()} on page {self.page_id} by {self.flagged_by_id}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None

    @property
    def comment_line(self) -> str:
        """The comment on one line, for e-mails and exports."""
        return " ".join(self.comment.split())

    @classmethod
    def report(cls, page, user, kind: str, comment: str = "") -> tuple["ContentFlag", bool]:
        """The reader's open flag of this kind on the page, made now or found (a double submit, or a second report
        while the first is open: its comment, if any, replaces the earlier one). Returns (flag, created)."""
        existing = cls.objects.open().filter(page=page, flagged_by=user, kind=kind).first()
        if existing is None:
            try:
                with transaction.atomic():
                    return cls.objects.create(page=page, flagged_by=user, kind=kind, comment=comment), True
            except IntegrityError:  # lost the race with its own double submit
                existing = cls.objects.open().get(page=page, flagged_by=user, kind=kind)
        if comment and comment != existing.comment:
            existing.comment = comment
            existing.save(update_fields=["comment"])
        return existing, False

    @classmethod
    def resolve_open(cls, page, user=None, note: str = "", kinds=None) -> int:
        """Resolve the page's open flags (of `kinds`, default all) with a note, and tell each reader who flagged
        it, once. Returns how many were resolved."""
        flags = cls.objects.open().filter(page=page).select_related("flagged_by")
        if kinds is not None:
            flags = flags.filter(kind__in=kinds)
        now, flaggers = timezone.now(), {}
        for flag in flags:
            flag.resolved_at, flag.resolved_by, flag.resolution_note = now, user, note
            flag.save(update_fields=["resolved_at", "resolved_by", "resolution_note"])  # re-indexes the page
            flaggers[flag.flagged_by_id] = flag.flagged_by
        subject = f"Your feedback on “{page.title}” was dealt with" + (f": {note}" if note else ".")
        for flagger in flaggers.values():
            tell(flagger, subject, page)
        return len(flags)


class HelpfulVote(models.Model):
    """A reader's answer to "was this helpful?" on a page: one per reader and page; a changed answer updates it."""

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="helpful_votes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    helpful = models.BooleanField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="one_helpful_vote_per_reader_and_page")]

    def __str__(self):
        return f"{'Helpful' if self.helpful else 'Not helpful'}: page {self.page_id} by {self.user_id}"

    @classmethod
    def record(cls, page, user, helpful: bool) -> "HelpfulVote":
        try:
            with transaction.atomic():
                vote, _ = cls.objects.update_or_create(page=page, user=user, defaults={"helpful": helpful})
        except IntegrityError:  # two first answers at once: the other made the row, this one updates it
            vote = cls.objects.get(page=page, user=user)
            vote.helpful = helpful
            vote.save(update_fields=["helpful", "updated_at"])
        return vote


# -- what pages and listings ask -------------------------------------------------------------------------------
def open_outdated_flags() -> Prefetch:
    """For listings: prefetch pages' open "outdated" flags, so each card's trust badge needs no query of its own."""
    return Prefetch("reader_flags", queryset=ContentFlag.objects.open().outdated(), to_attr="open_outdated_flags")


def reported_outdated_on(page) -> datetime.date | None:
    """The day a reader first flagged the page as outdated, while that flag (or a later one) is open; else None.
    A listing's prefetch answers without a query; a batch (indexing, search) reads all open flags once."""
    if not getattr(page, "accepts_reader_feedback", False) or page.pk is None:
        return None
    prefetched = getattr(page, "open_outdated_flags", None)
    if prefetched is not None:
        since = min((flag.created_at for flag in prefetched), default=None)
    else:
        since = cached(("reported-outdated",), _open_outdated_since).get(page.pk)
    return timezone.localdate(since) if since else None


def _open_outdated_since() -> dict:
    rows = ContentFlag.objects.open().outdated().values("page_id").annotate(since=Min("created_at"))
    return {row["page_id"]: row["since"] for row in rows}


def open_flags_by_page(page_ids=None) -> dict[int, list[ContentFlag]]:
    """Open flags with who raised them, by page id (all pages, or those given): one query."""
    flags = ContentFlag.objects.open().select_related("flagged_by")
    if page_ids is not None:
        flags = flags.filter(page_id__in=page_ids)
    by_page = defaultdict(list)
    for flag in flags:
        by_page[flag.page_id].append(flag)
    return dict(by_page)


def may_see_feedback(page, user) -> bool:
    """Helpful counts and open flags are for the page's accountable owner and whoever may edit it (Wagtail's page
    permissions: editors, and authors of the page's section)."""
    if not user.is_authenticated:
        return False
    owner = page.accountable_owner() if hasattr(page, "accountable_owner") else None
    return (owner is not None and owner.pk == user.pk) or page.permissions_for_user(user).can_edit()


def helpful_counts(page) -> dict[str, int]:
    counts = HelpfulVote.objects.filter(page=page).aggregate(
        yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
    )
    return {"yes": counts["yes"], "no": counts["no"]}


def resolve_outdated_flags_on_publish(sender, instance, revision=None, **kwargs):
    """page_published: a new version answers the readers who said the page was outdated."""
    if getattr(instance, "accepts_reader_feedback", False):
        user = getattr(revision, "user", None)
        ContentFlag.resolve_open(instance, user, "a new version is published", kinds=[ContentFlag.Kind.OUTDATED])
