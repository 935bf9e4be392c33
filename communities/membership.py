"""Who belongs to a community and in which role. A membership keeps the person in the community's Wagtail
groups (members, facilitators), which is what view restrictions and page permissions read.

Facilitators manage members: change roles, remove people, invite people. Every such change is one transaction
(the membership row, the groups and the audit entry together) and is written to Wagtail's audit log against the
community page (the actions are registered in wagtail_hooks.py). A community always keeps at least one active
facilitator or leader; the model refuses a change that would leave none, under a row lock, so two facilitators
demoting each other at the same moment cannot both succeed."""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, models, transaction
from django.db.models import Q
from django.utils import timezone

from wagtail.log_actions import log

from communities.discussions import Follow, Notification
from portal.sanitise import one_line
from portal.searchable import search_key

# Audit log actions (Wagtail's log, against the community page; labels and messages in wagtail_hooks.py).
ROLE_CHANGE = "communities.role_change"
MEMBER_REMOVE = "communities.member_remove"
MEMBER_LEAVE = "communities.member_leave"
REQUEST_APPROVE = "communities.request_approve"
REQUEST_DECLINE = "communities.request_decline"
INVITATION_SEND = "communities.invitation_send"
INVITATION_ACCEPT = "communities.invitation_accept"
INVITATION_DECLINE = "communities.invitation_decline"


class MembershipError(Exception):
    """A membership change that the community's rules refuse; the message says why, to the person who asked."""


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

    community = models.ForeignKey("communities.CommunityPage", on_delete=models.CASCADE, related_name="memberships")
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
        # The row and the groups change together or not at all: a failed group update must not leave someone
        # with permissions their role no longer gives (or without those it does).
        with transaction.atomic():
            super().save(*args, **kwargs)
            self.sync_groups()

    def delete(self, *args, **kwargs):
        with transaction.atomic():
            result = super().delete(*args, **kwargs)
            self.sync_groups(removed=True)
        return result

    @property
    def is_active(self):
        return self.status == self.Status.ACTIVE

    @property
    def can_moderate(self):
        return self.role in (self.Role.FACILITATOR, self.Role.LEADER)

    @property
    def name(self) -> str:
        return self.user.profile.name

    def approve(self, by):
        """Let a person who asked to join in."""
        with transaction.atomic():
            self.status, self.approved_by = self.Status.ACTIVE, by
            self.save()
            self.audit(REQUEST_APPROVE, by)

    def decline(self, by):
        """Turn down a request to join (only a pending one: an active member is removed, not declined)."""
        with transaction.atomic():
            current = Membership.objects.select_for_update().filter(pk=self.pk, status=self.Status.PENDING).first()
            if current is None:
                raise MembershipError("That request to join has already been decided.")
            current.delete()
            self.audit(REQUEST_DECLINE, by)

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

    # -- managing members --------------------------------------------------------------------------------------
    def is_last_moderator(self) -> bool:
        """Whether the community would be left without an active facilitator or leader without this person in
        that role (the rule every demotion, removal and departure answers to)."""
        if not (self.is_active and self.can_moderate):
            return False
        others = Membership.objects.filter(community_id=self.community_id).active().facilitating()
        return not others.exclude(pk=self.pk).exists()

    def last_moderator_message(self, yourself=False) -> str:
        who = "You are" if yourself else f"{self.name} is"
        return (
            f"{who} the last facilitator or leader of {self.community.title}, and a community must keep one: "
            "appoint another facilitator or leader first."
        )

    def change_role(self, role, by):
        """Make this member a member, facilitator or leader; refuses to demote the last facilitator or leader."""
        if role not in self.Role.values:
            raise MembershipError("Choose one of the roles: member, facilitator or leader.")
        with transaction.atomic():
            current = self.locked()
            old = current.role
            if old == role:
                raise MembershipError(f"{self.name} is already a {current.get_role_display().lower()}.")
            if role == self.Role.MEMBER and current.is_last_moderator():
                raise MembershipError(self.last_moderator_message(yourself=by.pk == self.user_id))
            current.role = role
            current.save(update_fields=["role"])
            current.audit(ROLE_CHANGE, by, {"from": old, "to": role})
        self.role = role

    def remove(self, by):
        """Take this person out of the community (a facilitator removing them, or themselves leaving); refuses
        to remove the last facilitator or leader."""
        yourself = by is not None and by.pk == self.user_id
        with transaction.atomic():
            current = self.locked()
            if current.is_last_moderator():
                raise MembershipError(self.last_moderator_message(yourself=yourself))
            current.delete()
            # Out of the community, out of its news: no more notifications about new threads.
            Follow.objects.filter(user_id=self.user_id, community_id=self.community_id).delete()
            current.audit(MEMBER_LEAVE if yourself else MEMBER_REMOVE, by, {"role": current.role})

    def locked(self):
        """This membership read again inside the caller's transaction, with the community's facilitators' and
        leaders' rows locked until it commits (PostgreSQL; SQLite's IMMEDIATE transactions take turns anyway)."""
        list(Membership.objects.select_for_update().filter(community_id=self.community_id).active().facilitating())
        current = Membership.objects.select_for_update().filter(pk=self.pk, status=self.Status.ACTIVE).first()
        if current is None:
            raise MembershipError(f"{self.name} is not a member of this community any more.")
        return current

    def audit(self, action, by, data=None):
        """An entry in the community page's history (Wagtail's audit log): who did it, to whom, what changed."""
        log(
            instance=self.community,
            action=action,
            user=by,
            data={"member": self.user.get_username(), "member_id": self.user_id, "member_name": self.name}
            | (data or {}),
        )


# -- invitations ------------------------------------------------------------------------------------------------
def invitation_expiry():
    """When an invitation sent now stops being valid."""
    return timezone.now() + datetime.timedelta(days=settings.COMMUNITY_INVITATION_DAYS)


def find_person(text: str):
    """The active account a facilitator means by a username or an e-mail address (either, case-insensitive).

    Only people with an account can be invited: an address without one is refused with a message saying so
    (accounts are made elsewhere, and a bare address would leave an invitation nobody can answer)."""
    text = text.strip()
    people = get_user_model().objects.filter(is_active=True)
    found = list(people.filter(username__iexact=text)[:2])
    if not found and "@" in text:
        found = list(people.filter(email__iexact=text)[:2])
        if len(found) > 1:
            raise MembershipError(f"More than one account uses {text}: invite them by username instead.")
    if len(found) != 1:
        raise MembershipError(
            f"No one with the username or e-mail address “{text}” has an account on the portal; "
            "they need an account before they can be invited."
        )
    return found[0]


class InvitationQuerySet(models.QuerySet):
    def open(self):
        """Not yet answered, and not yet expired."""
        return self.filter(status=Invitation.Status.PENDING, expires_at__gt=timezone.now())

    def unanswered(self):
        """Not yet answered, expired or not (the invitee is told an expired one can no longer be accepted)."""
        return self.filter(status=Invitation.Status.PENDING)


class Invitation(models.Model):
    """A facilitator's invitation to one person to join a community. Accepting it lets them in at once, as an
    active member following the community, whatever the community's joining policy; it can be accepted until
    it expires (COMMUNITY_INVITATION_DAYS). An expired invitation is renewed, not duplicated, when the person
    is invited again."""

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for an answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    community = models.ForeignKey("communities.CommunityPage", on_delete=models.CASCADE, related_name="invitations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="community_invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(default=invitation_expiry)
    answered_at = models.DateTimeField(null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["community", "user"], condition=Q(status="pending"), name="one_open_invitation_per_person"
            )
        ]

    def __str__(self):
        return f"Invitation of {self.user} to {self.community} ({self.get_status_display()})"

    def get_absolute_url(self) -> str:
        """The community's join page, where the invitee sees the invitation and answers it."""
        return self.community.join_url()

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def expires_on(self) -> str:
        return f"{timezone.localtime(self.expires_at):%-d %b %Y}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING and not self.is_expired

    def search_visible_to(self, user) -> bool:
        """Only the invitee sees an invitation (in their notifications, which ask this of every item)."""
        return user.is_authenticated and user.pk == self.user_id

    def answer_url(self) -> str:
        """Where the invitee accepts or declines: beside the community's join page, outside its view restriction
        (a members-only community's own routes are closed to them until they are in)."""
        index = self.community.get_parent().specific
        return index.url + index.reverse_subpage("invitation", args=[self.community.slug, self.pk])

    @classmethod
    def send(cls, community, user, by):
        """Invite `user` to `community` on behalf of `by`, tell them with a notification, and log it. Refuses
        (MembershipError) people who are already members, have asked to join, or hold an open invitation."""
        with transaction.atomic():
            membership = community.memberships.filter(user=user).first()
            name = user.profile.name
            if membership is not None and membership.is_active:
                raise MembershipError(f"{name} is already a member of {community.title}.")
            if membership is not None:
                raise MembershipError(f"{name} has already asked to join: approve their request below.")
            invitation = cls.objects.select_for_update().filter(community=community, user=user).unanswered().first()
            if invitation is not None and not invitation.is_expired:
                raise MembershipError(f"{name} already has an invitation, open until {invitation.expires_on}.")
            if invitation is None:
                invitation = cls(community=community, user=user)
            invitation.invited_by, invitation.created_at = by, timezone.now()
            invitation.expires_at = invitation_expiry()
            try:
                with transaction.atomic():
                    invitation.save()
            except IntegrityError:  # a double submit raced us to it
                raise MembershipError(f"{name} already has an invitation.") from None
            inviter = by.profile.name if by else "A facilitator"
            Notification.objects.create(
                user=user,
                subject=one_line(f"{inviter} invited you to join {community.title}")[:250],
                url=settings.WAGTAILADMIN_BASE_URL + invitation.get_absolute_url(),
                target_key=search_key(invitation),  # what the notifications page lists it by
            )
            invitation.audit(INVITATION_SEND, by)
        return invitation

    def accept(self):
        """The invitee joins as an active member (a request to join they had made is approved) and follows the
        community. Refuses an expired or already answered invitation."""
        with transaction.atomic():
            current = self.locked()
            membership, created = Membership.objects.get_or_create(
                community_id=self.community_id, user_id=self.user_id, defaults={"approved_by": current.invited_by}
            )
            if not created and not membership.is_active:
                membership.status, membership.approved_by = Membership.Status.ACTIVE, current.invited_by
                membership.save()
            Follow.objects.get_or_create(user_id=self.user_id, community_id=self.community_id)
            current.answer(self.Status.ACCEPTED, INVITATION_ACCEPT)
        self.status = current.status

    def decline(self):
        """The invitee says no; they can be invited again later."""
        with transaction.atomic():
            current = self.locked()
            current.answer(self.Status.DECLINED, INVITATION_DECLINE)
        self.status = current.status

    def locked(self):
        """This invitation read again under a row lock, if it can still be answered (else MembershipError)."""
        current = Invitation.objects.select_for_update().filter(pk=self.pk).first()
        if current is None or current.status != self.Status.PENDING:
            raise MembershipError("You have already answered this invitation.")
        if current.is_expired:
            raise MembershipError(
                f"This invitation expired on {current.expires_on}: "
                "ask a facilitator of the community to invite you again."
            )
        return current

    def answer(self, status, action):
        """Record the invitee's answer and log it."""
        self.status, self.answered_at = status, timezone.now()
        self.save(update_fields=["status", "answered_at"])
        self.audit(action, self.user)

    def audit(self, action, by):
        """An entry in the community page's history about this invitation."""
        log(
            instance=self.community,
            action=action,
            user=by,
            data={
                "member": self.user.get_username(),
                "member_id": self.user_id,
                "member_name": self.user.profile.name,
                "invitation_id": self.pk,
                "expires_at": self.expires_at.isoformat(),
            },
        )
