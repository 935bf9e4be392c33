from django import forms

from portal.feedback.models import COMMENT_LENGTH, ContentFlag
from portal.sanitise import validate_plain_text


class FlagForm(forms.Form):
    """A reader flags a page as outdated (a comment helps) or suggests an improvement (the comment is the
    suggestion). Comments are plain text, like every title and summary on the portal."""

    kind = forms.ChoiceField(choices=ContentFlag.Kind.choices, widget=forms.HiddenInput)
    comment = forms.CharField(
        required=False,
        max_length=COMMENT_LENGTH,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        suggestion = cleaned.get("kind") == ContentFlag.Kind.IMPROVEMENT
        if suggestion and not cleaned.get("comment") and "comment" not in self.errors:
            self.add_error("comment", "Please say what could be improved: a suggestion needs a comment.")
        return cleaned

    @property
    def comment_text(self) -> str:
        """What the reader typed, shown again with the form's errors (less any NUL character, which is refused)."""
        return str(self["comment"].value() or "").replace("\x00", "")

    @property
    def kind_label(self) -> str:
        kind = self.data.get("kind") if self.is_bound else self.initial.get("kind")
        return "Suggest an improvement" if kind == ContentFlag.Kind.IMPROVEMENT else "Flag as outdated"


class HelpfulForm(forms.Form):
    helpful = forms.TypedChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        coerce=lambda value: value == "yes",
        error_messages={"required": "Choose Yes or No.", "invalid_choice": "Choose Yes or No."},
    )


class ResolutionForm(forms.Form):
    """What an owner or editor tells the readers whose flags they resolve."""

    note = forms.CharField(
        required=False,
        max_length=COMMENT_LENGTH,
        validators=[validate_plain_text],
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Note to the readers who flagged it",
        help_text="Optional. Plain text; the readers who flagged the page are told it was dealt with, with this note.",
    )
