"""Community blogs and their RSS and Atom feeds, validated by feedparser; private communities stay private."""

import feedparser
import pytest

from tests.factories import make_blog_post, make_community, make_user
from tests.helpers import ensure_site, live_parts, subclasses

pytestmark = pytest.mark.django_db


@pytest.fixture
def blogs():
    ensure_site()
    author = make_user("writer", first_name="Wren", last_name="Writer")
    open_community = make_community("Search champions", members=[author])
    private = make_community("Leadership circle", members_only=True, members=[author])
    public_post = make_blog_post(
        open_community, "Ten search tips & tricks <for you>", author, summary="Ten tips & tricks for searching."
    )
    private_post = make_blog_post(private, "Board budget notes", author)
    return {"open": open_community, "private": private, "public_post": public_post, "private_post": private_post}


@pytest.mark.parametrize("suffix", ["feed/rss/", "feed/atom/"])
def test_community_feeds_are_valid(client, blogs, suffix):
    blog_url = blogs["public_post"].get_parent().url
    response = client.get(blog_url + suffix)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    # Feed titles are plain text in every reading: "&" stays, anything shaped like a tag does not.
    assert [entry.title for entry in feed.entries] == ["Ten search tips & tricks"]
    assert feed.entries[0].link.endswith(blogs["public_post"].url)


@pytest.mark.parametrize("url", ["/feeds/", "/feeds/atom/"])
def test_site_feed_is_valid_and_leaves_private_communities_out(client, blogs, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert "Ten search tips & tricks" in titles
    assert "Board budget notes" not in titles


def test_private_community_blog_is_closed_to_outsiders(client, blogs):
    private_blog = blogs["private_post"].get_parent()
    for url in (blogs["private_post"].url, private_blog.url, private_blog.url + "feed/rss/"):
        response = client.get(url)
        assert response.status_code == 302 and "Board budget notes" not in response.content.decode()


def test_blog_post_page_shows_the_community_contribution_badge(client, blogs):
    html = client.get(blogs["public_post"].url).content.decode()
    assert "Community contribution, not reviewed" in html and "Wren Writer" in html


def test_members_write_posts_from_the_front_end_through_the_facilitators_review(
    client, blogs, django_capture_on_commit_callbacks, mailoutbox
):
    from django.test import Client
    from django.urls import reverse

    from wagtail.models import WorkflowState

    from communities.models import BlogPostPage, Follow, Membership

    community = blogs["open"]
    blog = blogs["public_post"].get_parent()
    member, facilitator, outsider = make_user("mina"), make_user("fred"), make_user("otto")
    Membership.objects.create(community=community, user=member)
    Membership.objects.create(community=community, user=facilitator, role=Membership.Role.FACILITATOR)
    as_member = Client()
    as_member.force_login(member)
    response = as_member.post(
        blog.url + "write/",
        {
            "title": "What our pilot taught us",
            "summary": "Three lessons",
            "body": "### Lesson one\n\n**Start small** <script>x</script>",
        },
    )
    assert response.status_code == 302
    post = BlogPostPage.objects.get(title="What our pilot taught us")
    assert not post.live and "<script>" not in post.get_latest_revision_as_object().body
    state = WorkflowState.objects.active().get(object_id=str(post.pk))
    follower = make_user("fola")
    Follow.objects.create(user=follower, community=community)
    assert not [m for m in mailoutbox if follower.email in m.to]  # nothing announced while it waits for review
    as_facilitator = Client()
    as_facilitator.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        as_facilitator.post(
            reverse("wagtailadmin_pages:workflow_action", args=[post.pk, "approve", state.current_task_state.pk])
        )
    post.refresh_from_db()
    assert post.live and "<strong>Start small</strong>" in post.body
    to_follower = [m for m in mailoutbox if follower.email in m.to]  # Wagtail also emails its reviewers
    assert len(to_follower) == 1 and "What our pilot taught us" in to_follower[0].subject
    as_outsider = Client()
    as_outsider.force_login(outsider)
    assert as_outsider.post(blog.url + "write/", {"title": "Spam", "body": "x"}).status_code == 403


# -- feeds are inert in every reader -------------------------------------------------------------------------
FEED_XSS = [
    "<img src=x onerror=alert(1)> <script>alert(1)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "[click me](javascript:alert(1))",
    '<svg onload="alert(1)"><circle r="4"/></svg>',
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    '<iframe src="javascript:alert(1)"></iframe>',
]
FEED_URLS = ("/feeds/", "/feeds/atom/", "{blog}feed/rss/", "{blog}feed/atom/")


def parsed_entries(client, blog):
    """Every entry of every feed, parsed without feedparser's own sanitiser (a reader may have none)."""
    entries = []
    for url in FEED_URLS:
        response = client.get(url.format(blog=blog.url))
        assert response.status_code == 200
        feed = feedparser.parse(response.content, sanitize_html=False)
        assert not feed.bozo, feed.bozo_exception
        assert not live_parts(feed.feed.get("title", "")) and not live_parts(feed.feed.get("subtitle", ""))
        entries += [(url, entry) for entry in feed.entries]
    return entries


def entry_fields(entry) -> list[str]:
    values = [entry.get("title", ""), entry.get("summary", ""), entry.get("author", "")]
    values += [tag.term for tag in entry.get("tags", [])]
    values += [content.value for content in entry.get("content", [])]
    return values


@pytest.mark.parametrize("payload", FEED_XSS)
def test_feeds_carry_no_live_markup_from_a_front_end_post(client, blogs, payload):
    """A facilitator's post (published at once) with the payload in its title, tags and body reaches all four feeds
    as plain text or sanitised HTML; with it in the summary, the form refuses it and nothing is saved."""
    from django.test import Client

    from communities.models import BlogPostPage, Membership

    community, blog = blogs["open"], blogs["public_post"].get_parent()
    facilitator = make_user("fen", first_name=payload[:30], last_name="Writer")
    Membership.objects.create(community=community, user=facilitator, role=Membership.Role.FACILITATOR)
    as_facilitator = Client()
    as_facilitator.force_login(facilitator)
    refused = as_facilitator.post(blog.url + "write/", {"title": "Safe title", "summary": payload, "body": "Hello"})
    if live_parts(payload) or "<" in payload:
        assert refused.status_code == 200 and "Plain text only" in refused.content.decode()
        assert not BlogPostPage.objects.filter(title="Safe title").exists()
        assert payload in refused.content.decode().replace("&lt;", "<").replace("&gt;", ">").replace(
            "&quot;", '"'
        ).replace("&#x27;", "'").replace("&amp;", "&")  # what they typed is still in the form
    body = f"Some tips. {payload}"
    response = as_facilitator.post(blog.url + "write/", {"title": f"Tips {payload}", "summary": "", "body": body})
    assert response.status_code == 302
    post = BlogPostPage.objects.get(title=f"Tips {payload}")
    post.tags.add(payload[:90])
    post.save_revision().publish()
    entries = parsed_entries(Client(), blog)
    ours = [(url, entry) for url, entry in entries if entry.get("title", "").startswith("Tips")]
    assert len(ours) == len(FEED_URLS)
    for url, entry in entries:
        for value in entry_fields(entry):
            assert not live_parts(value), f"{url}: {live_parts(value)} in {value!r}"


def test_a_blog_post_with_no_text_left_after_cleaning_is_refused_with_a_message(blogs):
    from django.test import Client

    from communities.models import BlogPostPage, Membership

    facilitator = make_user("fen")
    Membership.objects.create(community=blogs["open"], user=facilitator, role=Membership.Role.FACILITATOR)
    client = Client()
    client.force_login(facilitator)
    blog = blogs["public_post"].get_parent()
    response = client.post(blog.url + "write/", {"title": "Empty", "body": "<script>alert(1)</script>"})
    assert response.status_code == 200 and "Nothing of this text would be shown" in response.content.decode()
    assert not BlogPostPage.objects.filter(title="Empty").exists()


def test_feeds_stay_inert_for_markup_saved_before_summaries_were_plain_text(client, blogs):
    """The feed generator cleans every field itself: markup that reached the database some other way (an older
    version, a direct update) is still inert."""
    from communities.models import BlogPostPage

    post = blogs["public_post"]
    BlogPostPage.objects.filter(pk=post.pk).update(summary=FEED_XSS[0], title=FEED_XSS[1])
    for url, entry in parsed_entries(client, post.get_parent()):
        for value in entry_fields(entry):
            assert not live_parts(value), f"{url}: {live_parts(value)} in {value!r}"


def test_every_feed_uses_the_cleaning_generator():
    from django.contrib.syndication.views import Feed
    from django.utils.feedgenerator import Rss201rev2Feed

    import communities.blog  # noqa: F401 - every feed the portal defines is imported by now
    from portal.feeds import PortalFeed, SafeFeedGenerator

    ours = [feed for feed in subclasses(Feed) if not feed.__module__.startswith("django.")]
    assert ours and all(issubclass(feed, PortalFeed) for feed in ours), ours
    assert all(issubclass(feed.feed_type, SafeFeedGenerator) for feed in ours)
    with pytest.raises(TypeError, match="SafeRssFeed"):
        type("RawFeed", (PortalFeed,), {"feed_type": Rss201rev2Feed})
