"""Communities of practice: the community pages, who belongs to them, and what members discuss.

Membership drives two Django groups per community, created with the page: members (who may read a members-only
community, through a Wagtail view restriction) and facilitators (who edit, publish and moderate inside the
community's subtree through the Wagtail admin)."""

import uuid

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Count, Q
from django.utils import timezone

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    PageManager,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.search import index

from communities.member_images import image_collection_ids
from communities.text import render_markdown
from home.filters import LIBRARY_PAGE_SIZE, TaxonomyFilter
from home.models import BasePage
from portal.searchable import page_visible_to
from portal.taxonomy.models import Classified, ClassifiedPageQuerySet
from portal.taxonomy.trust import trust_status_for


def views():
    """The views module, imported late: it imports these models."""
    from communities import views as module

    return module


FACILITATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]


class CommunityIndexPage(RoutablePageMixin, BasePage):
    """All communities of practice, filterable by topic and audience."""

    parent_page_types = ["home.HomePage"]
    search_kind = None
    subpage_types = ["communities.CommunityPage"]
    max_count = 1

    class Meta:
        verbose_name = "community index page"

    @path("join/<slug:slug>/", name="join")
    def join_route(self, request, slug):
        """Outside any community's view restriction: where people ask to join a members-only community."""
        return views().join_page(request, self, slug)

    def join_url(self, community):
        return self.url + self.reverse_subpage("join", args=[community.slug])

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        community_filter = TaxonomyFilter(request.GET)
        communities = community_filter.apply(
            CommunityPage.objects.child_of(self).live().for_listing().with_member_counts()
        )
        context.update(
            community_filter=community_filter,
            communities=Paginator(communities, LIBRARY_PAGE_SIZE).get_page(request.GET.get("page")),
        )
        return context


class CommunityPageTag(TaggedItemBase):
    content_object = ParentalKey("communities.CommunityPage", on_delete=models.CASCADE, related_name="tagged_items")


class CommunityQuerySet(ClassifiedPageQuerySet):
    def with_member_counts(self):
        return self.annotate(
            active_members=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE), distinct=True)
        )


class CommunityPage(RoutablePageMixin, Classified, BasePage):
    """One community of practice: its purpose, people, blog, wiki and discussions."""

    class Policy(models.TextChoices):
        OPEN = "open", "Open: anyone logged in can join"
        MODERATED = "moderated", "Moderated: a facilitator approves each request"

    parent_page_types = ["communities.CommunityIndexPage"]
    search_kind = "Community"
    subpage_types = ["communities.BlogIndexPage", "communities.WikiPage"]

    purpose = RichTextField(features=["bold", "italic", "link", "ul", "ol"], blank=True)
    how_to_join = RichTextField(features=["bold", "italic", "link"], blank=True)
    policy = models.CharField("joining", max_length=20, choices=Policy.choices, default=Policy.OPEN)
    members_only = models.BooleanField(
        default=False, help_text="Only members (and facilitators) can read this community and its content."
    )
    trust_members = models.BooleanField(
        "members publish directly",
        default=False,
        help_text="Members' posts and edits go live without a facilitator's approval.",
    )
    tags = ClusterTaggableManager(through=CommunityPageTag, blank=True)
    member_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Where the community's documents and images live; private for members-only communities.",
    )
    facilitator_group = models.OneToOneField(
        Group, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = (
        BasePage.content_panels
        + ["purpose", "how_to_join", "policy", "members_only", "trust_members"]
        + Classified.taxonomy_panels
    )
    search_fields = BasePage.search_fields + Classified.search_fields + [index.SearchField("purpose")]
    api_fields = BasePage.api_fields + Classified.api_fields + [APIField("purpose"), APIField("policy")]

    objects = PageManager.from_queryset(CommunityQuerySet)()

    class Meta:
        verbose_name = "community"

    # -- routes: member actions live below the community's URL, so its view restriction covers them ----------------
    @path("join/")
    def join_route(self, request):
        return views().join(request, self)

    def join_url(self):
        return self.get_parent().specific.join_url(self)

    @path("leave/")
    def leave_route(self, request):
        return views().leave(request, self)

    @path("follow/")
    def follow_route(self, request):
        return views().follow(request, self)

    @path("members/")
    def members_route(self, request):
        return views().members(request, self)

    @path("moderation/")
    def moderation_route(self, request):
        return views().moderation_queue(request, self)

    @path("discussions/")
    def discussions_route(self, request):
        return views().discussions(request, self)

    @path("discussions/<id:thread_id>/", name="thread")
    def thread_route(self, request, thread_id):
        return views().thread_detail(request, self, thread_id)

    @path("discussions/<id:thread_id>/edit/")
    def edit_thread_route(self, request, thread_id):
        return views().edit_post(request, self, thread_id)

    @path("discussions/<id:thread_id>/replies/<id:reply_id>/edit/")
    def edit_reply_route(self, request, thread_id, reply_id):
        return views().edit_post(request, self, thread_id, reply_id)

    @path("discussions/<id:thread_id>/accept/<id:reply_id>/")
    def accept_route(self, request, thread_id, reply_id):
        return views().accept_answer(request, self, thread_id, reply_id)

    @path("discussions/<id:thread_id>/moderate/")
    def moderate_route(self, request, thread_id):
        return views().moderate(request, self, thread_id)

    @path("discussions/<id:thread_id>/flag/")
    def flag_route(self, request, thread_id):
        return views().flag(request, self, thread_id)

    @path("discussions/<id:thread_id>/follow/")
    def follow_thread_route(self, request, thread_id):
        return views().follow(request, self, thread_id)

    # -- set-up -------------------------------------------------------------------------------------------------
    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        if self.member_group_id is None and self.pk:
            self.create_groups()
        self.sync_view_restriction()

    def create_groups(self):
        """The community's own groups, and the facilitators' page permissions on its subtree."""
        label = f"{self.title[:100]} ({self.pk})"
        members, _ = Group.objects.get_or_create(name=f"Community members: {label}")
        facilitators, _ = Group.objects.get_or_create(name=f"Community facilitators: {label}")
        access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
        facilitators.permissions.add(access_admin)
        for codename in FACILITATOR_PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=facilitators,
                page=self,
                permission=Permission.objects.get(content_type__app_label="wagtailcore", codename=codename),
            )
        type(self).objects.filter(pk=self.pk).update(member_group=members, facilitator_group=facilitators)
        self.member_group, self.facilitator_group = members, facilitators
        self.create_review_workflow()
        self.create_collection()

    def create_collection(self):
        """The community's own documents: facilitators upload there; members-only ones are private."""
        root = Collection.get_first_root_node()
        collection = root.add_child(name=f"Community: {self.title[:200]} ({self.pk})")
        for codename, app in (
            ("add_document", "wagtaildocs"),
            ("change_document", "wagtaildocs"),
            ("choose_document", "wagtaildocs"),
            ("add_image", "wagtailimages"),
            ("choose_image", "wagtailimages"),
        ):
            GroupCollectionPermission.objects.get_or_create(
                group=self.facilitator_group,
                collection=collection,
                permission=Permission.objects.get(content_type__app_label=app, codename=codename),
            )
        type(self).objects.filter(pk=self.pk).update(collection=collection)
        self.collection = collection

    def create_review_workflow(self):
        """Members' blog posts and wiki edits inside the community wait for one of its facilitators."""
        task, _ = GroupApprovalTask.objects.get_or_create(name=f"Facilitator review: {self.title[:200]} ({self.pk})")
        task.groups.set([self.facilitator_group])
        workflow, _ = Workflow.objects.get_or_create(name=f"Community review: {self.title[:200]} ({self.pk})")
        WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
        WorkflowPage.objects.update_or_create(page=self, defaults={"workflow": workflow})

    def sync_view_restriction(self):
        """Members-only communities carry a Wagtail group view restriction; open ones carry none of ours."""
        restriction = PageViewRestriction.objects.filter(page=self, restriction_type=PageViewRestriction.GROUPS).first()
        if self.members_only and self.member_group_id:
            if restriction is None:
                restriction = PageViewRestriction.objects.create(page=self, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([self.member_group_id, self.facilitator_group_id])
        elif not self.members_only and restriction is not None:
            restriction.delete()
        if self.collection_id:
            # Documents of a members-only community are served only to its members, through Wagtail's
            # permission-checked document view (never a media URL).
            private = CollectionViewRestriction.objects.filter(collection_id=self.collection_id).first()
            if self.members_only and private is None:
                private = CollectionViewRestriction.objects.create(
                    collection_id=self.collection_id, restriction_type=CollectionViewRestriction.GROUPS
                )
            if self.members_only:
                private.groups.set([self.member_group_id, self.facilitator_group_id])
            elif private is not None:
                private.delete()

    def search_community(self) -> str:
        return self.title

    def facts_for_discussions(self) -> dict:
        """What every discussion in this community shares in the search index (computed once per batch)."""
        from portal.searchable import page_readers

        facts = self.taxonomy_facts()
        return {
            "readers": page_readers(self),
            "url": self.url,
            "topic_ids": facts["topic_ids"],
            "audiences": facts["audiences"],
            "stage": facts["stage"],
        }

    # -- membership ---------------------------------------------------------------------------------------------
    def membership_of(self, user):
        if not user.is_authenticated:
            return None
        return self.memberships.filter(user=user).first()

    def is_member(self, user) -> bool:
        membership = self.membership_of(user)
        return membership is not None and membership.is_active

    def is_facilitator(self, user) -> bool:
        if user.is_authenticated and user.is_superuser:
            return True
        membership = self.membership_of(user)
        return membership is not None and membership.is_active and membership.can_moderate

    def join(self, user):
        """Join an open community at once, or ask to join a moderated one. Returns the membership."""
        status = Membership.Status.ACTIVE if self.policy == self.Policy.OPEN else Membership.Status.PENDING
        membership, _ = Membership.objects.get_or_create(community=self, user=user, defaults={"status": status})
        return membership

    def leave(self, user):
        membership = self.membership_of(user)
        if membership is not None:
            membership.delete()

    def facilitators(self):
        return self.memberships.active().facilitating().select_related("user__profile")

    def pending_requests(self):
        return self.memberships.filter(status=Membership.Status.PENDING).select_related("user__profile")

    def can_read(self, user) -> bool:
        """Whether the user may see this community and its content (members-only ones: members and staff)."""
        if not self.live:
            return False
        if not self.members_only:
            return True
        return user.is_authenticated and (user.is_superuser or self.is_member(user))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context.update(
            membership=self.membership_of(user),
            blog=BlogIndexPage.objects.child_of(self).live().first(),
            wiki_pages=WikiPage.objects.child_of(self).live().order_by("title"),
            is_facilitator=self.is_facilitator(user),
            facilitators=self.facilitators(),
            member_count=self.memberships.active().count(),
            recent_threads=self.threads.visible_to(user, self).select_related("author__profile")[:8],
        )
        if context["is_facilitator"]:
            context["pending_requests"] = self.pending_requests()
            context["pending_posts"] = (
                self.threads.filter(status=Post.Status.PENDING).count()
                + Reply.objects.filter(thread__community=self, status=Post.Status.PENDING).count()
            )
        return context


class MembershipQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status=Membership.Status.ACTIVE)

    def facilitating(self):
        return self.filter(role__in=[Membership.Role.FACILITATOR, Membership.Role.LEADER])


class Membership(models.Model):
    """A person's place in a community: their role and whether they have been let in."""

    class Role(models.TextChoices):
        MEMBER = "member", "Member"
        FACILITATOR = "facilitator", "Facilitator"
        LEADER = "leader", "Leader"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        PENDING = "pending", "Waiting for approval"

    community = models.ForeignKey(CommunityPage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.MEMBER)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.ACTIVE)
    joined_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["community", "user"], name="one_membership_per_community")]

    def __str__(self):
        return f"{self.user} in {self.community} ({self.get_role_display()}, {self.get_status_display()})"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        self.sync_groups()

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        self.sync_groups(removed=True)
        return result

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def can_moderate(self):
        return self.role in (self.Role.FACILITATOR, self.Role.LEADER)

    def approve(self, by):
        self.status, self.approved_by = self.Status.ACTIVE, by
        self.save()

    def sync_groups(self, removed=False):
        community = self.community
        for group, belongs in (
            (community.member_group, self.is_active),
            (community.facilitator_group, self.is_active and self.can_moderate),
        ):
            if group is None:
                continue
            if belongs and not removed:
                self.user.groups.add(group)
            else:
                self.user.groups.remove(group)


class PostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Post.Status.PUBLISHED)

    def visible_to(self, user, community):
        """Published posts, plus the reader's own pending ones; facilitators also see pending and hidden ones."""
        if community.is_facilitator(user):
            return self
        if user.is_authenticated:
            return self.filter(Q(status=Post.Status.PUBLISHED) | Q(status=Post.Status.PENDING, author=user))
        return self.published()


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

    def posted_in(self) -> "CommunityPage":
        raise NotImplementedError

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def is_community_contribution(self) -> bool:
        """Members' posts are never editor-approved reference material; the trust badge says so."""
        return True

    def trust_status(self):
        return trust_status_for(self, timezone.localdate())

    def search_visible_to(self, user) -> bool:
        community = self.posted_in()
        return self.is_published and page_visible_to(community, user)


class Thread(Post):
    """A question, tip or announcement in a community's discussions."""

    class Kind(models.TextChoices):
        QUESTION = "question", "Question"
        TIP = "tip", "Tip"
        ANNOUNCEMENT = "announcement", "Announcement"

    community = models.ForeignKey(CommunityPage, on_delete=models.CASCADE, related_name="threads")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    title = models.CharField(max_length=200)
    locked = models.BooleanField(default=False, help_text="No new replies.")
    accepted_reply = models.ForeignKey(
        "communities.Reply", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    last_activity_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-last_activity_at"]
        constraints = [models.UniqueConstraint(fields=["author", "submission_key"], name="one_thread_per_submit")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return self.community.url + self.community.reverse_subpage("thread", args=[self.pk])

    def posted_in(self):
        return self.community

    def search_document(self):
        """A published thread, its published replies included, readable by whoever may see its community."""
        from portal.searchable import SearchDocument, cached, search_key

        community = self.community
        if not self.is_published or not community.live:
            return None
        facts = cached(("community-facts", community.pk), community.facts_for_discussions)
        if facts["readers"] is None:
            return None
        replies = [reply.body for reply in self.replies.all() if reply.status == Post.Status.PUBLISHED]
        return SearchDocument(
            key=search_key(self),
            index="content",
            kind="Discussion",
            title=self.title,
            url=facts["url"] + community.reverse_subpage("thread", args=[self.pk]),
            readers=facts["readers"],
            summary=self.body[:300],
            body="\n".join([self.body, *replies]),
            community=community.title,
            published=self.created_at,
            updated=self.last_activity_at,
            topic_ids=facts["topic_ids"],
            audiences=facts["audiences"],
            stage=facts["stage"],
            owner=self.author.get_full_name(),
            community_contribution=True,
            extra={"thread_kind": self.kind},
        )


class Reply(Post):
    """An answer or comment on a thread."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="replies")

    class Meta:
        ordering = ["created_at"]
        verbose_name_plural = "replies"
        constraints = [models.UniqueConstraint(fields=["author", "submission_key"], name="one_reply_per_submit")]

    def __str__(self):
        return f"Reply to {self.thread}"

    def posted_in(self):
        return self.thread.community


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
        CommunityPage, null=True, blank=True, on_delete=models.CASCADE, related_name="followers"
    )
    thread = models.ForeignKey(Thread, null=True, blank=True, on_delete=models.CASCADE, related_name="followers")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "community"], name="follow_community_once"),
            models.UniqueConstraint(fields=["user", "thread"], name="follow_thread_once"),
        ]

    def __str__(self):
        return f"{self.user} follows {self.community or self.thread}"


def post_needs_approval(community, user) -> bool:
    """A member's first posts in a community wait for a facilitator; facilitators and staff never wait."""
    if community.is_facilitator(user):
        return False
    published = (
        Thread.objects.filter(community=community, author=user).published().count()
        + Reply.objects.filter(thread__community=community, author=user).published().count()
    )
    return published < settings.COMMUNITY_HELD_POSTS


class Notification(models.Model):
    """One thing one person should hear about; `sent_at` set once it was emailed (alone or in a digest)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    subject = models.CharField(max_length=250)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    def __str__(self):
        return self.subject


from communities.blog import BlogIndexPage, BlogPostPage, BlogPostTag  # noqa: E402 - registers the blog models
from communities.wiki import WikiPage  # noqa: E402 - registers the wiki model

__all__ = ["BlogIndexPage", "BlogPostPage", "BlogPostTag", "WikiPage"]
