import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model

from communities.discussions import Reply, Thread
from communities.experts import MAX_INVITATIONS, invitee_refusal
from communities.member_images import MemberImageFormMixin
from communities.membership import Membership, MembershipError, find_person
from portal.ids import ModelChoiceField, PortalModelForm, is_id


class SubmissionKeyMixin(forms.Form):
    """A key minted when the form is shown: a double-submitted form finds the post it already made."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


INVITEE_MESSAGE = "You can invite only people who can read this community: reload the page and choose again."


class InviteeField(forms.MultipleChoiceField):
    """The people a question invites to answer, by user id. The suggestions are what the form shows; whoever is
    posted is checked by the rules (ThreadForm.clean_invite), since suggestions move as evidence changes."""

    def __init__(self, **kwargs):
        super().__init__(required=False, widget=forms.CheckboxSelectMultiple, **kwargs)
        self.error_messages["invalid_choice"] = INVITEE_MESSAGE

    def valid_value(self, value):
        return is_id(value)


class ThreadForm(SubmissionKeyMixin, MemberImageFormMixin, PortalModelForm):
    """A new thread. A question may invite up to MAX_INVITATIONS of the suggested experts (`experts`, from
    communities.experts.suggested_experts) to answer it."""

    class Meta(PortalModelForm.Meta):
        model = Thread
        fields = ["kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"body": "Markdown: **bold**, *italic*, lists with - and [links](https://…). No HTML."}

    def __init__(self, *args, can_announce=False, community=None, asker=None, experts=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not can_announce:
            self.fields["kind"].choices = [c for c in Thread.Kind.choices if c[0] != Thread.Kind.ANNOUNCEMENT]
        self.community, self.asker, self.experts = community, asker, list(experts)
        if community is not None:
            self.fields["invite"] = InviteeField(
                label=f"Invite people who know (up to {MAX_INVITATIONS})",
                choices=[(person.profile.user_id, person.profile.name) for person in self.experts],
            )

    def clean_invite(self):
        ids = {int(value) for value in self.cleaned_data["invite"]}
        if len(ids) > MAX_INVITATIONS:
            raise forms.ValidationError(f"Choose at most {MAX_INVITATIONS} people to invite (you chose {len(ids)}).")
        people = list(get_user_model().objects.filter(pk__in=ids).select_related("profile"))
        if len(people) != len(ids):
            raise forms.ValidationError(INVITEE_MESSAGE)  # an unknown id reads like anyone else they may not invite
        for person in people:
            refusal = invitee_refusal(self.community, person, self.asker)
            if refusal:
                raise forms.ValidationError(refusal)
        return people

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("invite") and cleaned.get("kind") != Thread.Kind.QUESTION:
            self.add_error("invite", "Only a question invites people to answer: choose “Question”, or untick them.")
        return cleaned

    def expert_choices(self):
        """The suggested people as the form's checkboxes show them: (person to ask, ticked)."""
        field = self["invite"]
        ticked = {str(value) for value in (field.value() or [])}
        return [(person, str(person.profile.user_id) in ticked) for person in self.experts]


class ReplyForm(SubmissionKeyMixin, MemberImageFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Reply
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        labels = {"body": "Your reply"}


class EditPostForm(MemberImageFormMixin, forms.Form):
    title = forms.CharField(max_length=200, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000)


class MembershipDecisionForm(forms.Form):
    """A facilitator approves or declines a request to join (the buttons on the members page)."""

    membership = ModelChoiceField(queryset=Membership.objects.none(), widget=forms.HiddenInput)
    action = forms.ChoiceField(choices=[("approve", "Approve"), ("decline", "Decline")])

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        # Requests only: "decline" must never reach an active member (removing one has its own rules).
        self.fields["membership"].queryset = community.pending_requests()
        field = self.fields["membership"]
        field.error_messages["invalid_choice"] = field.error_messages["required"] = "That request no longer exists."


class MemberForm(forms.Form):
    """A button on the members page about one active member of this community; any other id (another
    community's member, a request, a row that does not exist, a number beyond the database) is a form error."""

    membership = ModelChoiceField(queryset=Membership.objects.none(), widget=forms.HiddenInput)

    def __init__(self, *args, community, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["membership"]
        field.queryset = community.memberships.active().select_related("user__profile", "community")
        field.error_messages["invalid_choice"] = field.error_messages["required"] = (
            "That person is not a member of this community (any more): reload the page and try again."
        )


class RoleForm(MemberForm):
    """A member's new role (only the three roles there are)."""

    role = forms.ChoiceField(
        choices=Membership.Role.choices,
        error_messages={
            "invalid_choice": "Choose one of the roles: member, facilitator or leader.",
            "required": "Choose one of the roles: member, facilitator or leader.",
        },
    )


class InvitationForm(forms.Form):
    """Invite someone to a community by their username or e-mail address (an existing account)."""

    person = forms.CharField(
        label="Username or e-mail address",
        max_length=254,
        error_messages={"required": "Type the username or e-mail address of the person to invite."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].help_text = (
            "They need an account on the portal. They get a notification, and can accept within "
            f"{settings.COMMUNITY_INVITATION_DAYS} days."
        )

    def clean_person(self):
        try:
            return find_person(self.cleaned_data["person"])
        except MembershipError as error:
            raise forms.ValidationError(str(error)) from None


class InvitationAnswerForm(forms.Form):
    """The invitee's answer: the two buttons under an invitation."""

    message = "Accept or decline the invitation."
    answer = forms.ChoiceField(
        choices=[("accept", "Accept"), ("decline", "Decline")],
        error_messages={"invalid_choice": message, "required": message},
    )


class PostActionForm(forms.Form):
    """A button on a thread or one of its replies (moderate, flag): which post it is about."""

    reply = ModelChoiceField(queryset=Reply.objects.none(), required=False, widget=forms.HiddenInput)

    def __init__(self, *args, thread, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reply"].queryset = thread.replies.all()
        self.fields["reply"].error_messages["invalid_choice"] = "That reply no longer exists."

    def post(self, thread):
        return self.cleaned_data["reply"] or thread


class ModerationForm(PostActionForm):
    ACTIONS = ["approve", "hide", "unhide", "lock", "unlock"]

    action = forms.ChoiceField(choices=[(action, action) for action in ACTIONS])
    next = forms.CharField(required=False, max_length=500)


class FlagForm(PostActionForm):
    reason = forms.CharField(required=False, max_length=300)


def first_error(form) -> str:
    """One message for a button's form that did not validate (its fields are hidden, so say it once)."""
    for errors in form.errors.values():
        return errors[0]
    return "That action could not be done: reload the page and try again."


class AskForm(forms.Form):
    """/communities/ask/: which of your communities a question goes to, and its title so far."""

    community = ModelChoiceField(
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        label="Where should your question go?",
        error_messages={
            "required": "Choose the community to ask in.",
            "invalid_choice": "Choose one of the communities listed: you can ask only where you are a member.",
        },
    )
    title = forms.CharField(label="Your question", max_length=200, required=False)

    def __init__(self, *args, communities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["community"].queryset = communities
