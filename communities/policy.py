"""Who may do what in a community, decided in one place. Views, the wiki, the blog, notifications and templates
ask a `CommunityPolicy`; nothing else restates a rule. Reading is the platform's own visibility rule (Wagtail's
view restrictions, which a members-only community carries), so search and pages can never disagree on it.

A policy reads the person's membership once; views get theirs from `policy_for(request, community)`, cached on
the request."""

from functools import cached_property

from django.apps import apps
from django.conf import settings

from communities.discussions import Reply, Thread
from portal.searchable import cached, page_visible_to


def community_of(page):
    """The community a page belongs to (itself, or its nearest community ancestor), or None. Looked up through
    the app registry, so any module may ask without importing the pages."""
    community_page = apps.get_model("communities", "CommunityPage")
    if isinstance(page, community_page):
        return page
    # Within a batch (indexing, a page of search hits), the pages under one parent share one look-up.
    parent_path = page.path[: -page.steplen]
    return cached(("community-above", parent_path), lambda: community_page.objects.ancestor_of(page).last())


class CommunityPolicy:
    """What one person may do in one community."""

    def __init__(self, community, user):
        self.community, self.user = community, user

    @cached_property
    def membership(self):
        """Their membership (active or waiting), or None; one query."""
        if not self.user.is_authenticated:
            return None
        return self.community.memberships.filter(user=self.user).first()

    @property
    def is_member(self) -> bool:
        return self.membership is not None and self.membership.is_active

    @property
    def is_facilitator(self) -> bool:
        """Active facilitators and leaders; superusers act as facilitators everywhere."""
        if self.user.is_authenticated and self.user.is_superuser:
            return True
        return self.is_member and self.membership.can_moderate

    # -- the questions views ask ----------------------------------------------------------------------------------
    def may_read(self) -> bool:
        return page_visible_to(self.community, self.user)

    def may_post(self) -> bool:
        """Start threads, reply, write blog posts, edit the wiki."""
        return self.is_member or self.is_facilitator

    def is_invited_to(self, thread) -> bool:
        """Whether the asker of `thread` invited this person to answer it."""
        return self.user.is_authenticated and thread.expert_invitations.filter(invitee=self.user).exists()

    def may_reply(self, thread) -> bool:
        """Members reply to any open, published thread; someone the asker invited to answer (not a member) may
        reply to that one thread, as long as they may read the community."""
        if thread.locked or not thread.is_published:
            return False
        return self.may_post() or (self.may_read() and self.is_invited_to(thread))

    def may_moderate(self) -> bool:
        """Approve, hide and lock posts, restore wiki versions, post announcements."""
        return self.is_facilitator

    def may_manage_members(self) -> bool:
        """See the members page; change roles, remove members, invite people, decide on requests to join."""
        return self.is_facilitator

    def may_invite(self) -> bool:
        return self.may_manage_members()

    def role_change_refusal(self, target, role) -> str | None:
        """Why this person may not give `target` (a membership) the role `role`, or None if they may. Anyone
        who manages members may change any active member's role, their own included (stepping down), as long
        as the community keeps a facilitator or leader."""
        if not self.may_manage_members():
            return "Only the community's facilitators and leaders can change roles."
        if not self.belongs_here(target):
            return "That person is not a member of this community."
        if role not in target.Role.values:
            return "Choose one of the roles: member, facilitator or leader."
        if role == target.role:
            return f"{target.name} is already a {target.get_role_display().lower()}."
        if role == target.Role.MEMBER and target.is_last_moderator():
            return target.last_moderator_message(yourself=target.user_id == self.user.pk)
        return None

    def may_change_role(self, target, role) -> bool:
        return self.role_change_refusal(target, role) is None

    def removal_refusal(self, target) -> str | None:
        """Why this person may not remove `target` from the community, or None if they may."""
        if not self.may_manage_members():
            return "Only the community's facilitators and leaders can remove members."
        if not self.belongs_here(target):
            return "That person is not a member of this community."
        if target.is_last_moderator():
            return target.last_moderator_message(yourself=target.user_id == self.user.pk)
        return None

    def may_remove(self, target) -> bool:
        return self.removal_refusal(target) is None

    def leave_refusal(self) -> str | None:
        """Why this person may not leave, or None: the last facilitator or leader stays until they appoint
        another (someone with no membership has nothing to leave, which is no reason to refuse)."""
        if self.membership is not None and self.membership.is_last_moderator():
            return self.membership.last_moderator_message(yourself=True)
        return None

    def may_leave(self) -> bool:
        return self.leave_refusal() is None

    def may_answer(self, invitation) -> bool:
        """Only the person invited accepts or declines an invitation, and only one to this community."""
        return (
            self.user.is_authenticated
            and invitation.user_id == self.user.pk
            and invitation.community_id == self.community.pk
        )

    def belongs_here(self, target) -> bool:
        """Whether `target` is an active membership of this community (never another community's)."""
        return target.community_id == self.community.pk and target.is_active

    def may_edit(self, post) -> bool:
        """A thread or reply: its author, or a facilitator."""
        return self.user.is_authenticated and (post.author_id == self.user.pk or self.is_facilitator)

    def may_accept_answer(self, thread) -> bool:
        return thread.kind == thread.Kind.QUESTION and self.may_edit(thread)

    def publishes_directly(self) -> bool:
        """Blog posts and wiki edits skip the facilitators' review when the community trusts its members."""
        return self.community.trust_members or self.is_facilitator

    def posts_wait_for_approval(self, thread=None) -> bool:
        """A member's first posts in a community wait for a facilitator; facilitators never wait, nor does an
        invited expert's reply to the question they were invited to (the asker chose them)."""
        if self.is_facilitator:
            return False
        if thread is not None and self.is_invited_to(thread):
            return False
        published = (
            Thread.objects.filter(community=self.community, author=self.user).published().count()
            + Reply.objects.filter(thread__community=self.community, author=self.user).published().count()
        )
        return published < settings.COMMUNITY_HELD_POSTS


def policy_for(request, community) -> CommunityPolicy:
    """The request's reader in this community, decided once per request."""
    policies = request.__dict__.setdefault("_community_policies", {})
    if community.pk not in policies:
        policies[community.pk] = CommunityPolicy(community, request.user)
    return policies[community.pk]
