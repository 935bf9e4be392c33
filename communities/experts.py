"""Asking the experts: when a member asks a question, the form suggests people whose evidenced expertise covers
the community's topics and who may read the community; the asker invites up to three. Invitees are told when the
question is published, follow the thread so they hear of answers, and may reply to it (communities.policy)."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from communities.discussions import Follow, Thread
from portal.expertise.knowledge import people_to_ask
from portal.notices import tell
from portal.searchable import batch_cache

MAX_INVITATIONS = 3  # per question: more would turn asking into broadcasting
SUGGESTED_EXPERTS = 5
CANDIDATES = 25  # looked at to find SUGGESTED_EXPERTS readers of a members-only community


class InvitationError(Exception):
    """An invitation the rules refuse; the message says why, to the asker."""


class ExpertInvitation(models.Model):
    """The asker's invitation to one person to answer one question; one per question and person, at most
    MAX_INVITATIONS per question. `notified_at` is set once the invitee has been told (when the question is
    published: a question waiting for a facilitator is not theirs to see yet)."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="expert_invitations")
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="expert_invitations")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    notified_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["thread", "invitee"], name="invite_an_expert_once")]

    def __str__(self):
        return f"{self.invitee} invited to answer {self.thread}"

    @classmethod
    def invite(cls, thread, people, by) -> list["ExpertInvitation"]:
        """Invite these people to answer `thread`, each once: people already invited are kept, not doubled.
        Refused (InvitationError, nothing saved) past MAX_INVITATIONS, for the asker themself, or for anyone who
        may not read the community or whose account is closed. Each invitee follows the thread."""
        people = list({person.pk: person for person in people}.values())
        for person in people:
            refusal = invitee_refusal(thread.community, person, thread.author)
            if refusal:
                raise InvitationError(refusal)
        with transaction.atomic():
            Thread.objects.select_for_update().filter(pk=thread.pk).first()  # one invitation round at a time
            already = set(cls.objects.filter(thread=thread).values_list("invitee_id", flat=True))
            new = [person for person in people if person.pk not in already]
            if len(already) + len(new) > MAX_INVITATIONS:
                raise InvitationError(f"You can invite at most {MAX_INVITATIONS} people to answer a question.")
            for person in new:
                cls.objects.create(thread=thread, invitee=person, invited_by=by)
                Follow.objects.get_or_create(user=person, thread=thread)
        return list(cls.objects.filter(thread=thread).select_related("invitee"))


def invitee_refusal(community, person, asker) -> str | None:
    """Why `person` may not be invited to answer a question in `community` asked by `asker`, or None."""
    if person.pk == asker.pk:
        return "You cannot invite yourself to answer your own question."
    if not person.is_active or not community.can_read(person):
        return "You can invite only people who can read this community: reload the page and choose again."
    return None


def suggested_experts(community, asker, limit: int = SUGGESTED_EXPERTS):
    """People to invite to answer a question in `community`: evidence on its topics first (portal.expertise),
    only people who may read the community (its members, for a members-only one), never the asker."""
    topics = list(community.topics.all())
    if not topics:
        return []
    candidates = people_to_ask(topics, asker, limit=CANDIDATES, exclude=[asker.pk])
    with batch_cache():  # the community's view restrictions read once for all the candidates
        return [person for person in candidates if community.can_read(person.profile.user)][:limit]


def notify_invitees(thread) -> None:
    """Tell each invitee not yet told, once the question is published: "X asked you: <title>"."""
    if not thread.is_published:
        return
    waiting = ExpertInvitation.objects.filter(thread=thread, notified_at__isnull=True).select_related("invitee")
    asker = thread.author.profile.name
    for invitation in waiting:
        if ExpertInvitation.objects.filter(pk=invitation.pk, notified_at__isnull=True).update(
            notified_at=timezone.now()
        ):
            tell(invitation.invitee, f"{asker} asked you: {thread.title}", thread)
