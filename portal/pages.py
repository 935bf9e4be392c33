"""The abstract page every portal page type builds on: a plain-text summary and a picture for listings, search and
feeds, and the search protocol (portal.searchable) implemented once for all pages."""

from django.db import models
from django.utils import timezone

from wagtail.api import APIField
from wagtail.models import Page
from wagtail.search import index

from portal.feedback.models import open_outdated_flags, reported_outdated_on
from portal.sanitise import validate_plain_text
from portal.searchable import SearchDocument, page_readers, page_visible_to, search_key
from portal.taxonomy.trust import trust_status_for


class BasePage(Page):
    """Fields and behaviour every portal page shares: a plain-text summary used in listings, search and feeds, and
    an optional picture for cards, page headers and link previews."""

    summary = models.TextField(
        blank=True,
        max_length=500,
        validators=[validate_plain_text],  # shown as plain text everywhere, feeds included
        help_text="One or two sentences shown in listings and search results. Plain text.",
    )

    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown on the page's card in listings and in link previews; communities, learning paths, modules "
        "and reference articles also show it at the top. Its alt text is the image's description (or its title).",
    )

    content_panels = Page.content_panels + ["summary", "image"]
    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]
    api_fields = [APIField("summary")]

    # The type facet's label in the portal search; None keeps a page type out of it (listings, the home page).
    search_kind: str | None = "Page"
    # True where the summary and body are Markdown (members' wiki pages): search reads them as the text they render.
    search_markdown = False
    # True where signed-in readers may flag the page as outdated, suggest improvements and say if it helped
    # (portal.feedback): formal content, reference articles and lessons.
    accepts_reader_feedback = False

    class Meta:
        abstract = True

    # -- the search protocol (portal.searchable) ----------------------------------------------------------------
    def search_document(self):

        if not self.search_kind or not self.live:
            return None
        readers = page_readers(self)
        if readers is None:  # password-protected: never indexed
            return None
        document = SearchDocument(
            key=search_key(self),
            index="content",
            kind=self.search_kind,
            title=self.title,
            url=self.get_url() or "",
            readers=readers,
            summary=self.summary or self.search_description,
            body=self.search_body(),
            community=self.search_community(),
            published=self.first_published_at,
            updated=self.last_published_at,
            markdown=self.search_markdown,
        )
        if hasattr(self, "add_taxonomy_to"):
            self.add_taxonomy_to(document)
        document.reported_outdated = not document.community_contribution and self.reported_outdated_on() is not None
        return document

    def trust_status(self, today=None):
        """What the page's badge tells readers (portal.taxonomy.trust, the one rule): every page has one, so no
        badge is ever empty. Community contributions say so; classified pages add their review date."""
        return trust_status_for(self, today or timezone.localdate())

    @classmethod
    def card_prefetches(cls) -> list:
        """What a listing card of this page type reads beyond its own row and picture, for listings to prefetch:
        open "outdated" flags, which its trust badge shows."""
        return [open_outdated_flags()] if cls.accepts_reader_feedback else []

    def reported_outdated_on(self):
        """The day a reader flagged this page as outdated, while the flag is open (the trust rule asks)."""
        return reported_outdated_on(self)

    def accountable_owner(self):
        """The person who keeps the page correct: reader feedback and review reminders go to them."""
        return getattr(self, "content_owner", None)

    def search_visible_to(self, user) -> bool:

        return page_visible_to(self, user)

    def search_body(self) -> str:
        """The text of the page's declared search fields beyond title and summary, StreamFields as their searchable
        content; the search document turns any markup left into plain text."""
        from django.core.exceptions import FieldDoesNotExist

        parts = []
        for search_field in self.search_fields:
            name = getattr(search_field, "field_name", "")
            if type(search_field) is not index.SearchField or name in ("title", "summary"):
                continue
            try:
                model_field = self._meta.get_field(name)
            except FieldDoesNotExist:
                value = getattr(self, name, "")
                parts.append(str(value() if callable(value) else value))
                continue
            value = model_field.value_from_object(self)
            if hasattr(model_field, "get_searchable_content"):
                parts.extend(model_field.get_searchable_content(value))
            else:
                parts.append(str(value or ""))
        return "\n".join(part for part in parts if part)

    def search_community(self) -> str:
        """The community a page belongs to, for the community facet; community pages say."""
        return ""
