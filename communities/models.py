"""Communities of practice: the community pages, who belongs to them, and what members discuss.

Membership drives two Django groups per community, created with the page: members (who may read a members-only
community, through a Wagtail view restriction) and facilitators (who edit, publish and moderate inside the
community's subtree through the Wagtail admin)."""

from django.contrib.auth.models import Group, Permission
from django.db import models
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

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
    Orderable,
    PageManager,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.search import index

from communities import views
from communities.blog import BlogIndexPage, BlogPostPage, BlogPostTag
from communities.discussions import Flag, Follow, Notification, Post, PostEdit, Reply, Thread
from communities.experts import ExpertInvitation
from communities.membership import Invitation, Membership, MembershipQuerySet
from communities.policy import CommunityPolicy, policy_for
from communities.wiki import WikiPage
from portal.command_center.access import may_open_command_center
from portal.command_center.summary import shows_summary
from portal.command_center.summary import summary as programme_summary
from portal.pagecache.fragments import shared
from portal.pagecache.signals import SITE
from portal.pages import BasePage
from portal.searchable import batch_cache, cached, page_readers, page_visible_to, search_key, topic_ids_with_ancestors
from portal.taxonomy.filters import LIBRARY_PAGE_SIZE, TaxonomyFilterSet
from portal.taxonomy.models import Classified, ClassifiedPageQuerySet

FACILITATOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
URL_MARK = 9_081_726_354  # an id no route holds otherwise: where a reversed URL's id goes (facts_for_discussions)


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
        return views.join_page(request, self, slug)

    @path("join/<slug:slug>/invitations/<id:invitation_id>/", name="invitation")
    def invitation_route(self, request, slug, invitation_id):
        """Also outside the view restriction: the invitee is not a member until they accept."""
        return views.answer_invitation(request, self, slug, invitation_id)

    @path("ask/", name="ask")
    def ask_route(self, request):
        """Ask a question from anywhere (a topic page, a search with no results): pick the community first."""
        return views.ask(request, self)

    def communities_to_ask_in(self, user):
        """The live communities where this person may start a thread (communities.policy decides)."""
        communities = CommunityPage.objects.child_of(self).live().order_by("title")
        if not user.is_superuser:
            communities = communities.filter(
                memberships__user=user, memberships__status=Membership.Status.ACTIVE
            ).distinct()
        allowed = [community.pk for community in communities if community.member_policy(user).may_post()]
        return CommunityPage.objects.filter(pk__in=allowed).order_by("title")

    @staticmethod
    def community_about(topic, communities):
        """The first of `communities` filed under this topic, a narrower one or a broader one, or None."""
        if topic is None:
            return None
        related = topic.subtree_ids() + topic_ids_with_ancestors([topic.pk])
        return communities.filter(topics__in=related).distinct().first()

    def live_community(self, slug):
        """The live community with this slug among this index's children, or None."""
        return CommunityPage.objects.child_of(self).live().filter(slug=slug[:255]).first()

    def join_url(self, community):
        return self.url + self.reverse_subpage("join", args=[community.slug])

    def get_context(self, request, *args, **kwargs):
        from django.core.paginator import Paginator

        context = super().get_context(request, *args, **kwargs)
        filters = TaxonomyFilterSet(
            request.GET, queryset=CommunityPage.objects.child_of(self).live().for_listing().with_member_counts()
        )
        communities = filters.qs
        context.update(
            filters=filters,
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


# The parts of a community's page every reader sees alike (CommunityPage.shared_parts), one template each.
SHARED_PARTS = ("community_header", "community_about", "facilitators")


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
        return views.join(request, self)

    def join_url(self):
        return self.get_parent().specific.join_url(self)

    @path("leave/")
    def leave_route(self, request):
        return views.leave(request, self)

    @path("follow/")
    def follow_route(self, request):
        return views.follow(request, self)

    @path("members/")
    def members_route(self, request):
        return views.members(request, self)

    @path("members/role/")
    def change_role_route(self, request):
        return views.change_role(request, self)

    @path("members/remove/")
    def remove_member_route(self, request):
        return views.remove_member(request, self)

    @path("members/invite/")
    def invite_route(self, request):
        return views.invite(request, self)

    @path("moderation/")
    def moderation_route(self, request):
        return views.moderation_queue(request, self)

    @path("discussions/")
    def discussions_route(self, request):
        return views.discussions(request, self)

    @path("discussions/<id:thread_id>/", name="thread")
    def thread_route(self, request, thread_id):
        return views.thread_detail(request, self, thread_id)

    @path("discussions/<id:thread_id>/edit/")
    def edit_thread_route(self, request, thread_id):
        return views.edit_post(request, self, thread_id)

    @path("discussions/<id:thread_id>/replies/<id:reply_id>/edit/")
    def edit_reply_route(self, request, thread_id, reply_id):
        return views.edit_post(request, self, thread_id, reply_id)

    @path("discussions/<id:thread_id>/accept/<id:reply_id>/")
    def accept_route(self, request, thread_id, reply_id):
        return views.accept_answer(request, self, thread_id, reply_id)

    @path("discussions/<id:thread_id>/replies/<id:reply_id>/helpful/")
    def helpful_route(self, request, thread_id, reply_id):
        return views.mark_helpful(request, self, thread_id, reply_id)

    @path("discussions/<id:thread_id>/moderate/")
    def moderate_route(self, request, thread_id):
        return views.moderate(request, self, thread_id)

    @path("discussions/<id:thread_id>/flag/")
    def flag_route(self, request, thread_id):
        return views.flag(request, self, thread_id)

    @path("discussions/<id:thread_id>/follow/")
    def follow_thread_route(self, request, thread_id):
        return views.follow(request, self, thread_id)

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

        facts = self.taxonomy_facts()
        # A thread's URL is this prefix, its id and this suffix: the route reversed once, not once per thread
        # (a reversal costs more than the rest of a thread's search document).
        before, after = self.reverse_subpage("thread", args=[URL_MARK]).split(str(URL_MARK))
        return {
            "readers": page_readers(self),
            "url": self.url,
            "thread_url": (self.url + before, after),
            "topic_ids": facts["topic_ids"],
            "audiences": facts["audiences"],
            "stage": facts["stage"],
        }

    # -- membership ---------------------------------------------------------------------------------------------
    def member_policy(self, user):
        """What this person may do here (communities.policy decides; `policy` is the joining policy)."""
        return CommunityPolicy(self, user)

    def membership_of(self, user):
        return self.member_policy(user).membership

    def is_member(self, user) -> bool:
        return self.member_policy(user).is_member

    def is_facilitator(self, user) -> bool:
        # Within a batch (a page of wiki hits approved by the same facilitator), asked once per person.
        return cached(("facilitates", self.pk, user.pk), lambda: self.member_policy(user).is_facilitator)

    @staticmethod
    def readable_community_ids(user) -> set[int]:
        """The live communities `user` may open (a members-only one only as its member)."""
        with batch_cache():
            return {community.pk for community in CommunityPage.objects.live() if page_visible_to(community, user)}

    def join(self, user):
        """Join an open community at once, or ask to join a moderated one. Returns the membership."""
        status = Membership.Status.ACTIVE if self.policy == self.Policy.OPEN else Membership.Status.PENDING
        membership, _ = Membership.objects.get_or_create(community=self, user=user, defaults={"status": status})
        return membership

    def leave(self, user):
        """Leave, or withdraw a request to join. The last facilitator or leader cannot leave (MembershipError)."""
        membership = self.membership_of(user)
        if membership is None:
            return
        if membership.is_active:
            membership.remove(by=user)
        else:
            membership.delete()
            Follow.objects.filter(user=user, community=self).delete()

    def invite(self, user, by):
        """Invite someone to join (see Invitation.send for what is refused). Returns the invitation."""
        return Invitation.send(self, user, by)

    def members_for_management(self):
        """The active members as the members page lists them: facilitators and leaders first, then by name."""
        return (
            self.memberships.active()
            .select_related("user__profile")
            .order_by(
                models.Case(
                    models.When(role=Membership.Role.LEADER, then=0),
                    models.When(role=Membership.Role.FACILITATOR, then=1),
                    default=2,
                ),
                "user__profile__display_name",
                "user__username",
            )
        )

    def facilitators(self):
        return self.memberships.active().facilitating().select_related("user__profile")

    def pending_requests(self):
        return self.memberships.filter(status=Membership.Status.PENDING).select_related("user__profile")

    def blog_url(self) -> str:
        """The address of the community's live blog, or "" (the community's navigation links it)."""
        blog = BlogIndexPage.objects.child_of(self).live().first()
        return blog.url if blog else ""

    def shared_parts(self) -> dict:
        """What every reader sees alike on the community's pages: the header (picture, trust, members, stage,
        audiences), purpose and wiki, the facilitators, and the blog's address. A shared fragment, rendered without
        the request until the community or a page under it is published, its members or posts change (all bump
        its page), a facilitator's profile is re-indexed, or the taxonomy changes."""

        def build() -> dict:
            context = {
                "page": self,
                "member_count": self.memberships.active().count(),
                "wiki_pages": list(WikiPage.objects.child_of(self).live().order_by("title")),
                "facilitators": list(self.facilitators()),
            }
            parts = {name: render_to_string(f"communities/_{name}.html", context) for name in SHARED_PARTS}
            profiles = [search_key(membership.user.profile) for membership in context["facilitators"]]
            return {**parts, "blog_url": self.blog_url(), "profiles": profiles}

        def tags(parts: dict) -> set[str]:
            return {f"page:{self.pk}", SITE, *parts["profiles"]}  # a profile's re-indexing bumps its search key

        parts = shared(f"community:{self.pk}", "all", tags, build)
        return {**{name: mark_safe(parts[name]) for name in SHARED_PARTS}, "blog_url": parts["blog_url"]}

    def can_read(self, user) -> bool:
        """Whether the user may see this community and its content: the platform's visibility rule."""
        return self.member_policy(user).may_read()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        policy = policy_for(request, self)
        parts = self.shared_parts()
        context.update(
            membership=policy.membership,
            shared=parts,
            blog_url=parts["blog_url"],
            is_facilitator=policy.is_facilitator,
            recent_threads=self.threads.visible_to(policy).select_related("author__profile")[:8],
        )
        if policy.is_member and shows_summary(self, request):
            context["programme_summary"] = programme_summary(self.readable_community_ids(user))
            context["opens_command_center"] = may_open_command_center(user)
        if context["is_facilitator"]:
            context["pending_requests"] = self.pending_requests()
            context["pending_posts"] = (
                self.threads.filter(status=Post.Status.PENDING).count()
                + Reply.objects.filter(thread__community=self, status=Post.Status.PENDING).count()
            )
        return context


class FeaturedCommunity(Orderable):
    """A community an editor puts on the home page (its "Featured communities" panel); only public, live ones
    show, whatever is chosen."""

    home_page = ParentalKey("home.HomePage", on_delete=models.CASCADE, related_name="featured_communities")
    community = models.ForeignKey(CommunityPage, on_delete=models.CASCADE, related_name="+")

    panels = ["community"]

    def __str__(self):
        return str(self.community)


# Every model of the app, wherever it is defined (the pages here; the rest in their own modules, which the views
# import without importing the pages).
__all__ = [
    "BlogIndexPage",
    "BlogPostPage",
    "BlogPostTag",
    "CommunityIndexPage",
    "CommunityPage",
    "CommunityPageTag",
    "ExpertInvitation",
    "FeaturedCommunity",
    "Flag",
    "Follow",
    "Invitation",
    "Membership",
    "MembershipQuerySet",
    "Notification",
    "Post",
    "PostEdit",
    "Reply",
    "Thread",
    "WikiPage",
]
