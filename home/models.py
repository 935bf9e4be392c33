"""Pages of the home app: the abstract BasePage every page type builds on, the home page and plain pages."""

from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock


class BasePage(Page):
    """Fields and behaviour every portal page shares: a plain-text summary used in listings, search and feeds."""

    summary = models.TextField(
        blank=True, max_length=500, help_text="One or two sentences shown in listings and search results."
    )

    content_panels = Page.content_panels + ["summary"]
    search_fields = Page.search_fields + [index.SearchField("summary", boost=2)]
    api_fields = [APIField("summary")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    """The landing page: what the portal is for and where to start."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    hero_cta_text = models.CharField("call-to-action text", max_length=60, blank=True)
    hero_cta_link = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = BasePage.content_panels + ["intro", "hero_cta_text", "hero_cta_link"]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["pages"] = (
            self.get_children().live().public().specific().defer_streamfields().order_by("-first_published_at")[:6]
        )
        return context


class StandardPage(BasePage):
    """A plain content page: about the portal, how to contribute, help."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    class Meta:
        verbose_name = "standard page"
