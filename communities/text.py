"""What members write is Markdown, rendered to HTML and then sanitised: no raw HTML, scripts, event handlers or
javascript: links survive. Where images are allowed, only images from the portal's own collections can be
shown, written as `![description](image:ID)`."""

import re

import markdown

from django.conf import settings
from django.utils.safestring import mark_safe

from portal.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MARKDOWN_EXTENSIONS, clean_html

IMAGE_WITHOUT_SOURCE = re.compile(r"<img(?![^>]*\ssrc=)[^>]*>")
LIBRARY_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(image:(\d{1,12})\)")


def render_markdown(text: str, image_collections=None) -> str:
    """Markdown to safe HTML. `image_collections` (ids, or a callable giving them) allows `![…](image:ID)` images
    from those Wagtail collections; without it no image is shown."""
    text = text or ""
    tags, attributes = set(ALLOWED_TAGS), dict(ALLOWED_ATTRIBUTES)
    if image_collections is not None:
        text = resolve_library_images(text, image_collections)
        tags.add("img")
        attributes["img"] = {"src", "alt"}
    html = markdown.markdown(text, extensions=MARKDOWN_EXTENSIONS, output_format="html")
    html = clean_html(html, tags=tags, attributes=attributes, attribute_filter=only_library_image_sources)
    # An <img> whose outside source the filter dropped is left empty; remove it (nh3's output is normalised).
    return mark_safe(IMAGE_WITHOUT_SOURCE.sub("", html))


def library_images_in(text: str, image_collections) -> dict:
    """The images `text` refers to that live in the allowed collections, by id; one query, none without images."""
    from wagtail.images import get_image_model

    ids = {int(match.group(2)) for match in LIBRARY_IMAGE.finditer(text or "")}
    if not ids:
        return {}
    collections = image_collections() if callable(image_collections) else image_collections
    images = get_image_model().objects.filter(pk__in=ids, collection_id__in=collections)
    return {image.pk: image for image in images}


def resolve_library_images(text: str, image_collections) -> str:
    """`![description](image:ID)` becomes a Markdown image of that image's rendition; unknown or out-of-bounds
    ids (another community's images, say) vanish."""
    images = library_images_in(text, image_collections)

    def replace(match):
        image = images.get(int(match.group(2)))
        if image is None:
            return ""
        alt = match.group(1).strip() or image.title
        return f"![{alt}]({image.get_rendition('max-800x800').url})"

    return LIBRARY_IMAGE.sub(replace, text)


def only_library_image_sources(element, attribute, value):
    """Images may only come from the portal's own image renditions (no tracking pixels, no outside hosts)."""
    if element == "img" and attribute == "src" and not value.startswith(f"{settings.MEDIA_URL}images/"):
        return None
    return value
