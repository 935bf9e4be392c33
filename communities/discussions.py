"""Discussions inside a community: threads and replies (Markdown, moderation, edit history), flags, follows and
the notifications they produce."""

import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from communities.member_images import image_collection_ids
from communities.text import render_markdown
from portal.searchable import SearchDocument, batch_cache, cached, objects_for_keys, page_visible_to, search_key
from portal.taxonomy.trust import trust_status_for


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Post.Status.PUBLISHED)

    def pending(self):
        """Posts waiting for a facilitator's approval."""
        return self.filter(status=Post.Status.PENDING)

    def posted(self):
        """What members wrote and a facilitator has not hidden: published, or waiting for approval."""
        return self.filter(status__in=[Post.Status.PUBLISHED, Post.Status.PENDING])

    def in_communities(self, community_ids):
        """Posts in these communities (a thread's own community; a reply's thread's)."""
        return self.filter(**{f"{self.model.community_lookup}__in": community_ids})

    def written_by(self, user_ids):
        """Posts by these people (ids, or a subquery of them)."""
        return self.filter(author_id__in=user_ids)

    def visible_to(self, policy):
        """What the reader of `policy` (communities.policy, one per request and community) may see: published
        posts, plus their own pending ones; facilitators also see pending and hidden ones."""
        if policy.is_facilitator:
            return self
        if policy.user.is_authenticated:
            return self.filter(Q(status=Post.Status.PUBLISHED) | Q(status=Post.Status.PENDING, author=policy.user))
        return self.published()


class ThreadQuerySet(PostQuerySet):
    def questions(self):
        return self.filter(kind=Thread.Kind.QUESTION)

    def unanswered(self):
        """Published questions nobody else has answered yet (no published reply by someone other than the asker)."""
        return self.published().questions().filter(first_answer_at__isnull=True)


class Post(models.Model):
    """What threads and replies share: an author, a Markdown body, a moderation status and an edit history."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for a facilitator"
        PUBLISHED = "published", "Published"
        HIDDEN = "hidden", "Hidden by a facilitator"

    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=10_000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PUBLISHED, db_index=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    submission_key = models.UUIDField(default=uuid.uuid4, editable=False)

    objects = PostQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def body_html(self):
        return render_markdown(self.body, image_collections=lambda: image_collection_ids(self.posted_in()))

    def posted_in(self):
        raise NotImplementedError

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def is_community_contribution(self) -> bool:
        """Members' posts are never editor-approved reference material; the trust badge says so."""
        return True

    def trust_status(self):
        return trust_status_for(self, timezone.localdate())

    def notice_target(self):
        """What a notification about this post points at (a reply's is its thread, opened at the reply)."""
        return self

    def search_visible_to(self, user) -> bool:
        community = self.posted_in()
        return self.is_published and page_visible_to(community, user)


class Thread(Post):
    """A question, tip or announcement in a community's discussions."""

    class Kind(models.TextChoices):
        QUESTION = "question", "Question"
        TIP = "tip", "Tip"
        ANNOUNCEMENT = "announcement", "Announcement"

    community = models.ForeignKey("communities.CommunityPage", on_delete=models.CASCADE, related_name="threads")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    title = models.CharField(max_length=200)
    locked = models.BooleanField(default=False, help_text="No new replies.")
    accepted_reply = models.ForeignKey(
        "communities.Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)
    first_answer_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the first published reply by someone else came in."
    )

    objects = ThreadQuerySet.as_manager()
    community_lookup = "community_id"  # PostQuerySet.in_communities

    class Meta:
        ordering = ["-last_activity_at"]
        constraints = [models.UniqueConstraint(fields=["author", "submission_key"], name="one_thread_per_submit")]
        # Who posted where and when, read from the index alone (the command center's Community health panel).
        indexes = [models.Index(fields=["created_at", "community", "author", "status"], name="thread_activity")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.community.url + self.community.reverse_subpage("thread", args=[self.pk])

    def posted_in(self):
        return self.community

    def time_to_first_answer(self):
        """How long the asker waited for someone else's published reply (a timedelta), or None while nobody has
        answered."""
        if self.first_answer_at is None:
            return None
        return max(self.first_answer_at - self.created_at, datetime.timedelta(0))

    def record_answer(self, reply, at) -> None:
        """A published reply by someone other than the asker: the first one sets `first_answer_at`, once."""
        if reply.author_id == self.author_id or self.first_answer_at is not None:
            return
        if Thread.objects.filter(pk=self.pk, first_answer_at__isnull=True).update(first_answer_at=at):
            self.first_answer_at = at

    def invited_people(self):
        """The profiles of the people the asker invited to answer, in the order they were invited."""
        from portal.people.models import Profile

        return Profile.objects.filter(user__expert_invitations__thread=self).order_by(
            "user__expert_invitations__created_at"
        )

    def notice(self) -> tuple[str, str]:
        """The subject and path of the notification its publication sends."""
        return f"New {self.get_kind_display().lower()} in {self.community.title}: {self.title}", self.get_absolute_url()

    def follows(self):
        """Who hears about it: the community's followers."""
        return Follow.objects.filter(community_id=self.community_id)

    # -- the curation protocol (portal.curation.sources) ---------------------------------------------------------
    def curation_source(self):
        from communities.curation_sources import thread_source

        return thread_source(self)

    def curation_community(self):
        return self.community

    def offer_for_curation(self):
        """An accepted answer puts a question in the curation queue (trainers monitor answered questions, not
        only nominated ones); clearing it updates the queue's signals."""
        from portal.curation.models import Candidate

        candidate = Candidate.objects.filter(source_key=search_key(self)).first()
        if candidate is not None:
            candidate.refresh_from(self)
        elif self.accepted_reply_id and self.is_published:
            Candidate.for_source(self)

    def search_document(self):
        """A published thread, its published replies included, readable by whoever may see its community."""

        community = self.community
        if not self.is_published or not community.live:
            return None
        facts = cached(("community-facts", community.pk), community.facts_for_discussions)
        if facts["readers"] is None:
            return None
        loaded = getattr(self, "loaded_replies", None)  # prefetched by the search loader (communities.apps)
        replies = [
            reply.body
            for reply in (self.replies.all() if loaded is None else loaded)
            if reply.status == Post.Status.PUBLISHED
        ]
        return SearchDocument(
            key=search_key(self),
            index="content",
            kind="Discussion",
            title=self.title,
            url=f"{facts['thread_url'][0]}{self.pk}{facts['thread_url'][1]}",
            readers=facts["readers"],
            summary=self.body,  # its opening, as plain text (the document cuts it)
            body="\n\n".join([self.body, *replies]),  # apart, so one post's list never runs into the next
            community=community.title,
            published=self.created_at,
            updated=self.last_activity_at,
            topic_ids=facts["topic_ids"],
            audiences=facts["audiences"],
            stage=facts["stage"],
            owner=self.author.get_full_name(),
            community_contribution=True,
            extra={"thread_kind": self.kind},
            markdown=True,
        )


class Reply(Post):
    """An answer or comment on a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")

    community_lookup = "thread__community_id"  # PostQuerySet.in_communities

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "replies"
        constraints = [models.UniqueConstraint(fields=["author", "submission_key"], name="one_reply_per_submit")]
        indexes = [
            models.Index(fields=["created_at", "thread", "author", "status"], name="reply_activity"),
            # The moderation queue is short, but a status index alone looks unselective to the query planner.
            models.Index(fields=["thread"], condition=models.Q(status="pending"), name="reply_waiting"),
        ]

    def __str__(self):
        return f"Reply to {self.thread}"

    def save(self, *args, **kwargs):
        adding = self._state.adding
        super().save(*args, **kwargs)
        if self.is_published:
            # Written published: answered when written; approved (or unhidden) later: answered when it appeared.
            self.thread.record_answer(self, self.created_at if adding else timezone.now())

    def posted_in(self):
        return self.thread.community

    def notice(self) -> tuple[str, str]:
        return f"New reply to “{self.thread.title}”", f"{self.thread.get_absolute_url()}#reply-{self.pk}"

    def notice_target(self):
        return self.thread

    def follows(self):
        """Who hears about it: the thread's followers."""
        return Follow.objects.filter(thread_id=self.thread_id)


class HelpfulMark(models.Model):
    """A reader's "this helped me" on a reply: one per person and reply, never on their own. The count ranks
    questions in the curation queue and is evidence of the author's expertise."""

    reply = models.ForeignKey(Reply, on_delete=models.CASCADE, related_name="helpful_marks")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["reply", "user"], name="one_helpful_mark_per_person")]
        indexes = [models.Index(fields=["created_at", "reply", "user"], name="helpful_mark_activity")]

    def __str__(self):
        return f"{self.user} found {self.reply} helpful"

    @classmethod
    def set(cls, reply, user, helpful: bool) -> None:
        """Mark or unmark: the form says which, so a double submit gives the same end state, never a toggle back."""
        if not helpful:
            cls.objects.filter(reply=reply, user=user).delete()
            return
        try:
            with transaction.atomic():
                cls.objects.get_or_create(reply=reply, user=user)
        except IntegrityError:  # the other submit of a double click marked it
            pass


class PostEdit(models.Model):
    """The text a post had before an edit: the edit history readers can check."""

    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="edits")
    reply = models.ForeignKey(Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="edits")
    previous_title = models.CharField(max_length=200, blank=True)
    previous_body = models.TextField()
    edited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    edited_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-edited_at"]

    def __str__(self):
        return f"Edit of {self.thread or self.reply} on {self.edited_at:%Y-%m-%d %H:%M}"


class Flag(models.Model):
    """A reader's report that a post needs a facilitator's eye."""

    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    reply = models.ForeignKey(Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="flags")
    flagged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["thread", "flagged_by"], name="one_flag_per_thread_reader"),
            models.UniqueConstraint(fields=["reply", "flagged_by"], name="one_flag_per_reply_reader"),
        ]

    def __str__(self):
        return f"Flag on {self.thread or self.reply} by {self.flagged_by}"


class Follow(models.Model):
    """A person following a community (new threads) or a thread (new replies)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows")
    community = models.ForeignKey(
        "communities.CommunityPage", null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(default=timezone.now)
    emails = models.BooleanField(
        "email me", default=True, help_text="Off: what this follow brings shows on the notifications page only."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "community"], name="follow_community_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="follow_thread_once"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.community or self.thread}"


class NotificationQuerySet(models.QuerySet):
    def for_reader(self, user):
        """A person's notifications that point at an item (older rows without one are never listed)."""
        return self.filter(user=user).exclude(target_key="")

    def unread(self):
        return self.filter(read_at__isnull=True)

    def mark_read(self):
        return self.unread().update(read_at=timezone.now())


class Notification(models.Model):
    """One thing one person should hear about: listed on /me/notifications/ until read, and emailed (alone or in
    a digest) unless the follow that brought it says not to; `sent_at` is set once that is settled.

    `target_key` is the search key (portal.searchable) of the item it is about, so the list shows only what the
    reader may still open, by the same rule as search."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=250)
    url = models.CharField(max_length=500)
    target_key = models.CharField(max_length=100, blank=True, db_index=True)
    follow = models.ForeignKey(Follow, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["user", "read_at"], name="notification_unread")]

    def __str__(self):
        return self.subject

    @property
    def emailed(self) -> bool:
        return self.follow is None or self.follow.emails

    @classmethod
    def visible_page(cls, notifications, user):
        """The notifications (a page of them) whose item this reader may still open, each with `.item` set;
        one query per kind of item, then the item's own `search_visible_to`."""
        notifications = list(notifications)
        items = objects_for_keys(n.target_key for n in notifications)
        visible = []
        with batch_cache():
            for notification in notifications:
                item = items.get(notification.target_key)
                if item is not None and item.search_visible_to(user):
                    notification.item = item
                    visible.append(notification)
        return visible
