from django import forms

from portal.curation.models import DECLINE_REASON_LENGTH, NOMINATION_NOTE_LENGTH
from portal.curation.sources import targets
from portal.sanitise import plain_text, validate_plain_text


def plain(value: str) -> str:
    return " ".join(plain_text(value).split()) if value else ""


class NominationForm(forms.Form):
    note = forms.CharField(
        max_length=NOMINATION_NOTE_LENGTH,
        required=False,
        strip=True,
        validators=[validate_plain_text],
        help_text="Optional: why it is worth keeping, for the curators.",
    )

    def clean_note(self):
        return plain(self.cleaned_data["note"].replace("\x00", ""))


class DeclineForm(forms.Form):
    reason = forms.CharField(
        max_length=DECLINE_REASON_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[validate_plain_text],
        help_text="The people who nominated it are told this.",
        error_messages={"required": "Give a reason: the people who nominated it are told."},
    )

    def clean_reason(self):
        return plain(self.cleaned_data["reason"].replace("\x00", ""))


class CurateForm(forms.Form):
    """Where the draft goes (a library, a module), its title and summary, and which optional parts to use."""

    where = forms.ChoiceField(label="Curate into")
    title = forms.CharField(max_length=255, validators=[validate_plain_text])
    summary = forms.CharField(
        max_length=500, required=False, widget=forms.Textarea(attrs={"rows": 3}), validators=[validate_plain_text]
    )
    parts = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Also use these replies"
    )
    submit_for_review = forms.BooleanField(
        required=False,
        label="Submit for review now",
        help_text="Otherwise the draft waits for you to edit and submit it. Either way it is published only "
        "after its workflow's approval.",
    )
    curate_again = forms.BooleanField(required=False, label="Curate it again anyway")

    def __init__(self, *args, user, source, earlier, **kwargs):
        picked = [part.id for part in source.parts if part.optional and part.picked]
        first_text = next((part.text for part in source.parts), "")
        initial = {"title": source.title, "summary": source.summary or plain(first_text)[:300], "parts": picked}
        super().__init__(*args, initial=initial, **kwargs)
        self.user, self.earlier = user, earlier
        self.places = {}
        for target in targets.values():
            for parent in target.parents(user):
                self.places[f"{target.name}:{parent.pk}"] = (target, parent)
        self.fields["where"].choices = [
            (value, f"{target.label} in {parent.title}") for value, (target, parent) in self.places.items()
        ]
        self.fields["parts"].choices = [(part.id, part.label) for part in source.parts if part.optional]
        if not earlier:
            del self.fields["curate_again"]

    def clean_title(self):
        title = plain(self.cleaned_data["title"].replace("\x00", ""))
        if not title:
            raise forms.ValidationError("Give the draft a title.")
        return title

    def clean_summary(self):
        return plain(self.cleaned_data["summary"].replace("\x00", ""))

    def clean(self):
        cleaned = super().clean()
        if self.earlier and not cleaned.get("curate_again"):
            raise forms.ValidationError(
                "This contribution has already been curated (see the drafts above). Tick “Curate it again anyway” "
                "to make another draft."
            )
        return cleaned

    def target_and_parent(self):
        return self.places[self.cleaned_data["where"]]
