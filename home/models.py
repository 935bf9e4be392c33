"""Pages of the home app: the abstract BasePage every page type builds on, the home page, plain pages and the
reference library."""

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from home.sections import continue_items_for, sections_for
from portal.blocks import BodyBlock
from portal.curation.models import Provenance
from portal.governance.workflows import REFERENCE_REVIEW, assign_workflow
from portal.pages import BasePage
from portal.pictures import card_images
from portal.taxonomy.filters import LIBRARY_PAGE_SIZE, LibraryFilterSet
from portal.taxonomy.models import Classified, ClassifiedPageQuerySet


class HomePage(BasePage):
    """The landing page: what the portal is for, where to start, and the portal's life (home.sections)."""

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    search_kind = None

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)
    hero_cta_text = models.CharField("call-to-action text", max_length=60, blank=True)
    hero_cta_link = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    content_panels = BasePage.content_panels + [
        "intro",
        "hero_cta_text",
        "hero_cta_link",
        # The relation is the communities app's (communities.FeaturedCommunity); without rows, the most active show.
        InlinePanel(
            "featured_communities",
            label="Featured communities",
            help_text="Leave empty to show the most active communities.",
        ),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = "home page"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(request, self)
        context["continue_items"] = continue_items_for(request)
        return context


class StandardPage(BasePage):
    """A plain content page: about the portal, how to contribute, help."""

    body = StreamField(BodyBlock(), blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + [APIField("body")]

    class Meta:
        verbose_name = "standard page"


def latest_articles(request, home_page, count=6):
    """The home page's "From the library": the newest approved reference articles anyone may read."""
    articles = (
        ReferenceArticlePage.objects.live()
        .public()
        .defer_streamfields()
        .select_related("content_owner")
        .prefetch_related(card_images(), *ReferenceArticlePage.card_prefetches())
        .order_by("-last_published_at")[:count]
    )
    return {"articles": list(articles)}


class LibraryIndexPage(BasePage):
    """The reference library at /library/: approved articles, filterable by topic, audience and stage."""

    parent_page_types = ["home.HomePage"]
    search_kind = None
    subpage_types = ["home.ReferenceArticlePage"]
    max_count = 1

    intro = RichTextField(features=["bold", "italic", "link"], blank=True)

    content_panels = BasePage.content_panels + ["intro"]
    api_fields = BasePage.api_fields + [APIField("intro")]

    class Meta:
        verbose_name = "library index page"

    def save(self, *args, **kwargs):
        created = self.pk is None
        super().save(*args, **kwargs)
        if created:
            assign_workflow(self, REFERENCE_REVIEW)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = LibraryFilterSet(
            request.GET, queryset=ReferenceArticlePage.objects.child_of(self).live().public().for_listing()
        )
        articles = filters.qs
        context.update(
            filters=filters,
            articles=Paginator(articles, LIBRARY_PAGE_SIZE).get_page(request.GET.get("page")),
        )
        return context


class ReferenceArticleTag(TaggedItemBase):
    content_object = ParentalKey("home.ReferenceArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ReferenceArticleQuerySet(ClassifiedPageQuerySet):
    def with_curation(self):
        """Each article's `curated`: whether it was curated from a community contribution (it has a provenance)."""
        return self.annotate(curated=Exists(Provenance.objects.filter(page_id=OuterRef("pk"))))


class ReferenceArticlePage(Classified, BasePage):
    """An approved piece of reference material with an owner and a review date."""

    parent_page_types = ["home.LibraryIndexPage"]
    search_kind = "Reference article"
    subpage_types = []
    accepts_reader_feedback = True

    body = StreamField(BodyBlock(), blank=True)
    tags = ClusterTaggableManager(through=ReferenceArticleTag, blank=True)

    content_panels = BasePage.content_panels + [
        "body",
        InlinePanel("related_links", label="Related articles"),
        InlinePanel("attachments", label="Attachments"),
    ]
    settings_panels = BasePage.settings_panels
    promote_panels = BasePage.promote_panels
    search_fields = BasePage.search_fields + Classified.search_fields + [index.SearchField("body")]
    api_fields = (
        BasePage.api_fields
        + Classified.api_fields
        + [
            APIField("body"),
            APIField("related_links"),
            APIField("attachments"),
        ]
    )

    objects = PageManager.from_queryset(ReferenceArticleQuerySet)()

    class Meta:
        verbose_name = "reference article"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_articles"] = [
            link.article for link in self.related_links.select_related("article") if link.article.live
        ]
        context["attachments"] = self.attachments.select_related("document")
        return context


ReferenceArticlePage.content_panels = ReferenceArticlePage.content_panels + Classified.taxonomy_panels


class RelatedArticle(Orderable):
    """A hand-picked link from one article to another."""

    page = ParentalKey(ReferenceArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(ReferenceArticlePage, on_delete=models.CASCADE, related_name="+")

    panels = ["article"]
    api_fields = [APIField("article")]


class ArticleAttachment(Orderable):
    """A document from the library attached to an article (templates, checklists, slides)."""

    page = ParentalKey(ReferenceArticlePage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey("wagtaildocs.Document", on_delete=models.CASCADE, related_name="+")

    panels = ["document"]
    api_fields = [APIField("document")]
