import uuid

from django import forms

from communities.member_images import MemberImageFormMixin
from communities.models import Reply, Thread


class SubmissionKeyMixin(forms.Form):
    """A key minted when the form is shown: a double-submitted form finds the post it already made."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)


class ThreadForm(SubmissionKeyMixin, MemberImageFormMixin, forms.ModelForm):
    class Meta:
        model = Thread
        fields = ["kind", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}
        help_texts = {"body": "Markdown: **bold**, *italic*, lists with - and [links](https://…). No HTML."}

    def __init__(self, *args, can_announce=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_announce:
            self.fields["kind"].choices = [c for c in Thread.Kind.choices if c[0] != Thread.Kind.ANNOUNCEMENT]


class ReplyForm(SubmissionKeyMixin, MemberImageFormMixin, forms.ModelForm):
    class Meta:
        model = Reply
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}
        labels = {"body": "Your reply"}


class EditPostForm(MemberImageFormMixin, forms.Form):
    title = forms.CharField(max_length=200, required=False)
    body = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=10_000)
