"""Images members add to what they write (threads, replies, blog posts, wiki pages). The upload is checked by
portal.uploads, stored as a Wagtail image in the community's own collection (so it follows the community's
privacy), and placed in the text as `![description](image:ID)`, which the renderer resolves."""

from django import forms
from django.conf import settings
from django.db import transaction

from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.uploads import validate_member_image


def image_collection_ids(community) -> list[int]:
    """Collections whose images may appear in this community's texts: the public library and its own."""
    ids = [Collection.get_first_root_node().pk]
    if community.collection_id:
        ids.append(community.collection_id)
    return ids


class MemberImageFormMixin(forms.Form):
    """An optional image with a required description; call `body_with_image` once the post is really made."""

    image = forms.FileField(
        required=False,
        label="Add an image",
        help_text=f"JPEG, PNG, GIF or WebP, up to {settings.MEMBER_IMAGE_MAX_BYTES // (1024 * 1024)} MB. "
        "It is added at the end of your text; move its ![…](image:…) code to place it elsewhere.",
    )
    image_description = forms.CharField(
        max_length=120,
        required=False,
        label="Describe the image",
        help_text="What it shows, for people who cannot see it.",
    )

    def clean_image(self):
        upload = self.cleaned_data.get("image")
        if upload:
            validate_member_image(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_description", "").strip():
            self.add_error("image_description", "Describe the image in a few words, for people who cannot see it.")
        return cleaned

    @transaction.atomic
    def body_with_image(self, body: str, user, community) -> str:
        upload = self.cleaned_data.get("image")
        if not upload:
            return body
        description = " ".join(self.cleaned_data["image_description"].replace("]", ")").split())
        image = get_image_model().objects.create(
            title=description[:255],
            file=upload,
            uploaded_by_user=user,
            collection_id=image_collection_ids(community)[-1],
        )
        return f"{body.rstrip()}\n\n![{description}](image:{image.pk})\n"
