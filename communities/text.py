"""What members write is Markdown, rendered to HTML and then sanitised: no raw HTML, scripts, event handlers or
javascript: links survive. Where images are allowed (the wiki), only images from the portal's own library can be
shown, written as `![description](image:ID)`."""

import re

import markdown
import nh3

from django.conf import settings
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {"p", "br", "strong", "em", "a", "ul", "ol", "li", "code", "pre", "blockquote", "h3", "h4", "hr"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
LIBRARY_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(image:(\d{1,12})\)")


def render_markdown(text: str, library_images: bool = False) -> str:
    text = text or ""
    tags, attributes = set(ALLOWED_TAGS), dict(ALLOWED_ATTRIBUTES)
    if library_images:
        text = resolve_library_images(text)
        tags.add("img")
        attributes["img"] = {"src", "alt"}
    html = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
    return mark_safe(
        nh3.clean(
            html,
            tags=tags,
            attributes=attributes,
            url_schemes={"http", "https", "mailto"},
            link_rel="noopener noreferrer nofollow",
            attribute_filter=only_library_image_sources,
        )
    )


def resolve_library_images(text: str) -> str:
    """`![description](image:ID)` becomes a Markdown image of that library image's rendition; unknown ids vanish."""
    from wagtail.images import get_image_model

    ids = {int(match.group(2)) for match in LIBRARY_IMAGE.finditer(text)}
    images = {image.pk: image for image in get_image_model().objects.filter(pk__in=ids)} if ids else {}

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
