import uuid

from django import forms
from django.conf import settings

from communities.discussions import Reply, Thread
from communities.member_images import MemberImageFormMixin
from communities.membership import Membership, MembershipError, find_person
from portal.ids import ModelChoiceField, PortalModelForm


class SubmissionKeyMixin(forms.Form):
    """A key minted when the form is shown: a double-submitted form finds the post it already made."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


class ThreadForm(SubmissionKeyMixin, MemberImageFormMixin, PortalModelForm):
    class Meta(PortalModelForm.Meta):
        model = Thread
        fields = ["kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"body": "Markdown: **bold**, *italic*, lists with - and [links](https://…). No HTML."}

    def __init__(self, *args, can_announce=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_announce:
            self.fields["kind"].choices = [c for c in Thread.Kind.choices if c[0] != Thread.Kind.ANNOUNCEMENT]


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
