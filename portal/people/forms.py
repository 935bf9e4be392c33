from django import forms
from django.db import transaction

from wagtail.images import get_image_model

from portal.ids import PortalModelForm
from portal.people.models import Profile
from portal.taxonomy.widgets import TopicCheckboxSelectMultiple
from portal.uploads import validate_member_image


class ProfileForm(PortalModelForm):
    """A member edits their own profile; the avatar is checked before it becomes a Wagtail image."""

    # A FileField, not ImageField: validate_member_image gives the clearer messages and the stricter checks.
    avatar_upload = forms.FileField(required=False, label="New photo", help_text="JPEG, PNG, GIF or WebP, up to 2 MB.")
    remove_avatar = forms.BooleanField(required=False, label="Remove my photo")

    class Meta(PortalModelForm.Meta):
        model = Profile
        fields = [
            "display_name",
            "job_title",
            "role",
            "department",
            "organisation",
            "bio",
            "expertise",
            "ask_me_about",
            "email_notifications",
            "show_learning_activity",
        ]
        widgets = {"expertise": TopicCheckboxSelectMultiple, "bio": forms.Textarea(attrs={"rows": 5})}

    def clean_avatar_upload(self):
        upload = self.cleaned_data.get("avatar_upload")
        if upload:
            validate_member_image(upload)
        return upload

    @transaction.atomic
    def save(self, commit=True):
        profile = super().save(commit=False)
        upload = self.cleaned_data.get("avatar_upload")
        if self.cleaned_data.get("remove_avatar"):
            profile.avatar = None
        if upload:
            profile.avatar = get_image_model().objects.create(
                title=f"Photo of {profile.name}", file=upload, uploaded_by_user=profile.user
            )
        # Expertise and "ask me about" are modelcluster relations: set on the instance, written by its save().
        self.save_m2m()
        profile.save()
        return profile
