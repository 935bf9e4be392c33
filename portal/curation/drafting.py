"""A source's picked parts as the body of a draft page: Markdown (or a blog post's rich text) becomes sanitised rich
text paragraphs, members' images become figure blocks holding Wagtail images in the public library (a copy when the
original sits in a members-only community's collection), and every part opens with a heading saying what it was."""

import os
import re
from dataclasses import dataclass, field

import markdown

from django.core.files.base import ContentFile

from wagtail.images import get_image_model
from wagtail.models import Collection
from wagtail.rich_text import RichText

from portal.curation.sources import CurationSource, SourcePart
from portal.sanitise import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, MARKDOWN_EXTENSIONS, clean_html, one_line

MARKDOWN_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(image:(\d{1,12})\)")
EMBEDDED_IMAGE = re.compile(r"<embed\b[^>]*\bembedtype=\"image\"[^>]*/?>", re.I)
ATTRIBUTE = re.compile(r'\b(id|alt)="([^"]*)"')
# Rich text here allows h3 and h4 (the page title is the h1 and block headings the h2s): deeper is shifted up.
HEADING_TAG = re.compile(r"<(/?)h([1-6])>")
RICH_TEXT_TAGS = ALLOWED_TAGS | {"h3", "h4"}


@dataclass
class Draft:
    title: str
    summary: str
    body: list = field(default_factory=list)  # StreamField data: (block type, value) pairs
    topic_ids: list[int] = field(default_factory=list)
    audience_ids: list[int] = field(default_factory=list)
    stage: str = ""
    tags: list[str] = field(default_factory=list)


def draft_from(source: CurationSource, parts: list[SourcePart], title: str, summary: str) -> Draft:
    images = ImageCarrier(source.image_collection_ids)
    body = []
    for part in parts:
        body.append(("heading", {"text": one_line(part.heading or part.label)[:120], "level": "h2"}))
        body.extend(blocks_of(part, images))
    return Draft(
        title=title,
        summary=summary,
        body=body,
        topic_ids=list(source.topic_ids),
        audience_ids=list(source.audience_ids),
        stage=source.stage,
        tags=list(source.tags),
    )


def blocks_of(part: SourcePart, images) -> list:
    """Paragraph and figure blocks, in the order the text has them."""
    pattern = EMBEDDED_IMAGE if part.html else MARKDOWN_IMAGE
    blocks, position = [], 0
    for match in pattern.finditer(part.text):
        blocks += paragraph(part.text[position : match.start()], part.html)
        if part.html:
            attributes = dict(ATTRIBUTE.findall(match.group(0)))
            image_id, alt = attributes.get("id", ""), attributes.get("alt", "")
        else:
            alt, image_id = match.group(1), match.group(2)
        image = images.carry(int(image_id)) if image_id.isdigit() else None
        if image is not None:
            alt = one_line(alt) or image.title
            blocks.append(("image", {"image": {"image": image, "alt_text": alt, "decorative": False}, "caption": ""}))
        position = match.end()
    return blocks + paragraph(part.text[position:], part.html)


def paragraph(text: str, is_html: bool) -> list:
    html = text if is_html else markdown.markdown(text or "", extensions=MARKDOWN_EXTENSIONS, output_format="html")
    html = HEADING_TAG.sub(lambda m: f"<{m.group(1)}h{3 if int(m.group(2)) <= 3 else 4}>", html)
    html = clean_html(html, tags=RICH_TEXT_TAGS, attributes=ALLOWED_ATTRIBUTES).strip()
    return [("paragraph", RichText(html))] if html else []


class ImageCarrier:
    """Images a source uses, as images the curated page may show to all its readers: one already in the public
    library is used as it is; one from a community's own collection is copied into the library's root collection
    (the page may be read by people who may not see the community's images)."""

    def __init__(self, collection_ids):
        self.collection_ids = list(collection_ids)
        self.carried = {}

    def carry(self, image_id: int):
        if image_id not in self.carried:
            self.carried[image_id] = self._carry(image_id)
        return self.carried[image_id]

    def _carry(self, image_id):
        image = get_image_model().objects.filter(pk=image_id, collection_id__in=self.collection_ids).first()
        if image is None:
            return None
        root = Collection.get_first_root_node()
        if image.collection_id == root.pk:
            return image
        with image.open_file() as original:
            content = ContentFile(original.read(), name=os.path.basename(image.file.name))
        return get_image_model().objects.create(
            title=image.title, file=content, collection=root, uploaded_by_user=image.uploaded_by_user
        )
