"""Content blocks shared by every page type (library, communities, learning)."""

import copy

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote", "code"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; pages start at h2 because the page title is the h1."""

    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(choices=[("h2", "Section (h2)"), ("h3", "Subsection (h3)")], default="h2")

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = "A section heading"
        preview_value = {"text": "Why communities of practice work", "level": "h2"}


class OwnAltTextImageBlock(ImageBlock):
    """Wagtail's ImageBlock, each use of an image keeping its own alt text. Wagtail writes the alt text onto the
    image object, which all uses of the same image on a page share, so the last use's text (or a decorative use's
    empty one) would win everywhere; each use gets its own copy of the object instead."""

    def _struct_value_to_image(self, struct_value):
        if struct_value.get("image"):
            struct_value = {**struct_value, "image": copy.copy(struct_value["image"])}
        return super()._struct_value_to_image(struct_value)


class FigureBlock(blocks.StructBlock):
    """An image and an optional caption. The image is Wagtail's own ImageBlock: its alt text is required unless
    the editor marks the image as decorative."""

    image = OwnAltTextImageBlock()
    caption = blocks.CharBlock(max_length=250, required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = "An image with alt text and an optional caption"


class CalloutBlock(blocks.StructBlock):
    """A highlighted note: a tip, a warning or a key point."""

    kind = blocks.ChoiceBlock(choices=[("tip", "Tip"), ("note", "Note"), ("warning", "Warning")], default="tip")
    title = blocks.CharBlock(max_length=120, required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        template = "blocks/callout_block.html"
        description = "A highlighted tip, note or warning"
        preview_value = {"kind": "tip", "title": "Tip", "text": "<p>Start a community with a real problem.</p>"}


class DocumentLinkBlock(blocks.StructBlock):
    """A download link to a document from the library."""

    document = DocumentChooserBlock()
    title = blocks.CharBlock(max_length=200, required=False, help_text="Defaults to the document's title.")

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = "A link to download a document"


class QuoteBlock(blocks.StructBlock):
    """A quotation with its source."""

    quote = blocks.TextBlock()
    source = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = "A quotation"

    def clean(self, value):
        value = super().clean(value)
        if len(value["quote"]) > 2000:
            raise ValidationError("Keep a quotation under 2,000 characters.")
        return value


class BodyBlock(blocks.StreamBlock):
    """The body of a content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    image = FigureBlock()
    callout = CalloutBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(help_text="A video or screencast URL, e.g. from your video platform", icon="media")
    quote = QuoteBlock()
