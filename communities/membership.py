"""Who belongs to a community and in which role. A membership keeps the person in the community's Wagtail
groups (members, facilitators), which is what view restrictions and page permissions read."""

from django.conf import settings
from django.db import models
from django.utils import timezone


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
