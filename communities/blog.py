"""Community blogs and their feeds (RSS 2.0 and Atom), one per community and one site-wide at /feeds/."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.text import slugify

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import find_available_slug
from wagtail.fields import RichTextField
from wagtail.rich_text import expand_db_html
from wagtail.search import index

from communities import blog_views
from communities.discussions import Follow
from communities.member_images import image_collection_ids
from communities.policy import community_of
from communities.text import LIBRARY_IMAGE, library_images_in, render_markdown
from portal.feeds import PortalFeed, SafeAtomFeed
from portal.pages import BasePage
from portal.taxonomy.models import Classified, ClassifiedPageManager

FEED_SIZE = 20
BLOG_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link", "image", "blockquote"]


class BlogIndexPage(RoutablePageMixin, BasePage):
    """A community's blog: its posts, newest first, with RSS and Atom feeds."""

    parent_page_types = ["communities.CommunityPage"]
    search_kind = None
    subpage_types = ["communities.BlogPostPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = "community blog"

    def posts(self):
        return BlogPostPage.objects.child_of(self).live().for_listing().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["posts"] = Paginator(self.posts().select_related("author__profile"), 10).get_page(
            request.GET.get("page")
        )
        return context

    @path("write/", name="write")
    def write(self, request):
        return blog_views.write_blog_post(request, self)

    def community(self):
        return community_of(self)

    def rich_text_from_markdown(self, markdown_body: str) -> str:
        return markdown_to_rich_text(markdown_body, self.community())

    def add_member_post(self, user, title, summary, markdown_body, publish):
        return BlogPostPage.draft_from_member(self, user, title, summary, markdown_body, publish)

    @path("feed/rss/", name="rss")
    def rss(self, request):
        return CommunityBlogFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return CommunityBlogAtomFeed(self)(request)


class BlogPostTag(TaggedItemBase):
    content_object = ParentalKey("communities.BlogPostPage", on_delete=models.CASCADE, related_name="tagged_items")


class BlogPostPage(Classified, BasePage):
    """A post on a community blog."""

    parent_page_types = ["communities.BlogIndexPage"]
    search_kind = "Blog post"
    subpage_types = []

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    date = models.DateField("post date")
    body = RichTextField(features=BLOG_FEATURES)
    tags = ClusterTaggableManager(through=BlogPostTag, blank=True)

    content_panels = BasePage.content_panels + ["author", "date", FieldPanel("body")] + Classified.taxonomy_panels
    search_fields = BasePage.search_fields + Classified.search_fields + [index.SearchField("body")]
    api_fields = BasePage.api_fields + Classified.api_fields + [APIField("date"), APIField("body")]

    objects = ClassifiedPageManager()

    class Meta:
        verbose_name = "blog post"

    announced_on_first_publication = True  # communities.notifications: followers hear of it once

    def is_community_contribution(self) -> bool:
        return True

    def posted_in(self):
        return community_of(self)

    def search_community(self) -> str:
        community = self.posted_in()
        return community.title if community else ""

    def notice(self) -> tuple[str, str]:
        """The subject and path of the notification its first publication sends."""
        return f"New blog post in {self.posted_in().title}: {self.title}", self.url

    def notice_target(self):
        return self

    def follows(self):
        """Who hears about it: the community's followers."""
        return Follow.objects.filter(community=self.posted_in())

    # -- the curation protocol (portal.curation.sources) ---------------------------------------------------------
    def curation_source(self):
        from communities.curation_sources import blog_post_source

        return blog_post_source(self)

    def curation_community(self):
        return self.posted_in()

    @classmethod
    def draft_from_member(cls, blog, user, title, summary, markdown_body, publish):
        """A member's post from the front end: a new page saved as a revision, then published (trusted
        communities, facilitators) or sent to the community's review workflow."""
        slug = find_available_slug(blog, slugify(title)[:60] or "post")
        post = cls(
            title=title,
            slug=slug,
            summary=summary,
            body=blog.rich_text_from_markdown(markdown_body),
            author=user,
            owner=user,
            date=timezone.localdate(),
            live=False,
        )
        blog.add_child(instance=post)
        revision = post.save_revision(user=user)
        if publish:
            revision.publish(user=user, skip_permission_checks=True)
        else:
            post.get_workflow().start(post, user)
        return post


def markdown_to_rich_text(markdown_body: str, community) -> str:
    """A member's Markdown as Wagtail rich text: sanitised HTML, with their images as Wagtail image embeds (so the
    post stays editable in the admin) rather than raw <img> tags."""
    images = library_images_in(markdown_body, image_collection_ids(community))
    embeds = {}

    def placeholder(match):
        image = images.get(int(match.group(2)))
        if image is None:
            return ""
        token = f"kmportalimage{len(embeds)}x"
        alt = match.group(1).strip() or image.title
        embeds[token] = format_html('<embed alt="{}" embedtype="image" format="fullwidth" id="{}"/>', alt, image.pk)
        return f"\n\n{token}\n\n"

    html = str(render_markdown(LIBRARY_IMAGE.sub(placeholder, markdown_body)))
    for token, embed in embeds.items():
        html = html.replace(f"<p>{token}</p>", embed).replace(token, embed)
    return html


class CommunityBlogFeed(PortalFeed):
    """RSS 2.0 feed of one community's blog (every field cleaned by the portal's feed generator)."""

    def __init__(self, blog):
        super().__init__()
        self.blog = blog

    def title(self):
        return f"{self.blog.get_parent().title}: blog"

    def link(self):
        return self.blog.url

    def description(self):
        return self.blog.summary or f"New posts on the {self.blog.get_parent().title} blog."

    def items(self):
        return self.blog.posts().select_related("author")[:FEED_SIZE]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return escape(item.summary) if item.summary else expand_db_html(item.body)  # the summary is plain text

    def item_link(self, item):
        return item.url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author.get_full_name() if item.author else None

    def item_categories(self, item):
        return [tag.name for tag in item.tags.all()]


class CommunityBlogAtomFeed(CommunityBlogFeed):
    feed_type = SafeAtomFeed
    subtitle = CommunityBlogFeed.description


class SiteFeed(CommunityBlogFeed):
    """Every public community blog post, site-wide (members-only communities are left out)."""

    def __init__(self):
        PortalFeed.__init__(self)

    def title(self):
        return "Knowledge & Learning Portal: community blogs"

    def link(self):
        return "/communities/"

    def description(self):
        return "New posts from every open community of practice."

    def items(self):
        return (
            BlogPostPage.objects.live()
            .public()
            .for_listing()
            .select_related("author")
            .order_by("-date", "-pk")[:FEED_SIZE]
        )


class SiteAtomFeed(SiteFeed):
    feed_type = SafeAtomFeed
    subtitle = SiteFeed.description
