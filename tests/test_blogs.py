"""Community blogs and their RSS and Atom feeds, validated by feedparser; private communities stay private."""

import feedparser
import pytest

from tests.factories import make_blog_post, make_community, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def blogs():
    from home.demo import ensure_home, ensure_root

    ensure_home(ensure_root(), make_user("root-admin", is_superuser=True))
    author = make_user("writer", first_name="Wren", last_name="Writer")
    open_community = make_community("Search champions", members=[author])
    private = make_community("Leadership circle", members_only=True, members=[author])
    public_post = make_blog_post(open_community, "Ten search tips & tricks <for you>", author)
    private_post = make_blog_post(private, "Board budget notes", author)
    return {"open": open_community, "private": private, "public_post": public_post, "private_post": private_post}


@pytest.mark.parametrize("suffix", ["feed/rss/", "feed/atom/"])
def test_community_feeds_are_valid(client, blogs, suffix):
    blog_url = blogs["public_post"].get_parent().url
    response = client.get(blog_url + suffix)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert [entry.title for entry in feed.entries] == ["Ten search tips & tricks <for you>"]
    assert feed.entries[0].link.endswith(blogs["public_post"].url)


@pytest.mark.parametrize("url", ["/feeds/", "/feeds/atom/"])
def test_site_feed_is_valid_and_leaves_private_communities_out(client, blogs, url):
    feed = feedparser.parse(client.get(url).content)
    assert not feed.bozo, feed.bozo_exception
    titles = [entry.title for entry in feed.entries]
    assert "Ten search tips & tricks <for you>" in titles
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
