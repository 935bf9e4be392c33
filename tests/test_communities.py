"""Communities: membership, the groups and permissions made for each community, discussions and moderation,
safety of what members write, and who may see and do what (both ways)."""

import pytest

from django.core import mail
from django.test import Client

from wagtail.models import PageViewRestriction

from communities.models import Membership, Post, Reply, Thread
from communities.notifications import send_digests
from tests.conftest import sync_search_index
from tests.factories import make_community, make_user
from tests.helpers import client_for, elements, ensure_site, live_parts

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert('x')</script>",
    "[click me](javascript:alert(1))",
    '<img src=x onerror="alert(1)">',
    '<svg onload="alert(1)"><circle r="4"/></svg>',
    '<a href="javascript:alert(1)">link</a>',
]


@pytest.fixture
def site():
    ensure_site()
    fay = make_user("fay", first_name="Fay", last_name="Facilitator")
    mo = make_user("mo", first_name="Mo", last_name="Member")
    established = make_user("esi", first_name="Esi", last_name="Established")
    outsider = make_user("olu", first_name="Olu", last_name="Outsider")
    open_community = make_community("Search champions", facilitators=[fay], members=[mo, established])
    private = make_community(
        "Leadership circle", members_only=True, policy="moderated", facilitators=[fay], members=[mo]
    )
    other = make_community("Other community", facilitators=[outsider])
    # Esi has posted before, so her posts publish directly.
    for number in range(2):
        Thread.objects.create(community=open_community, author=established, title=f"Old {number}", body="x")
    return {
        "open": open_community,
        "private": private,
        "other": other,
        "fay": fay,
        "mo": mo,
        "esi": established,
        "olu": outsider,
    }


def post_thread(client, community, title="How do we start?", body="We are new.", kind="question", key=None):
    import uuid

    return client.post(
        community.url + "discussions/",
        {"kind": kind, "title": title, "body": body, "submission_key": str(key or uuid.uuid4())},
    )


def test_each_community_gets_its_groups_and_facilitator_permissions(site):
    community = site["open"]
    assert community.member_group and community.facilitator_group
    assert site["fay"].groups.filter(pk=community.facilitator_group.pk).exists()
    assert site["mo"].groups.filter(pk=community.member_group.pk).exists()
    perms = community.permissions_for_user(site["fay"])
    assert perms.can_edit() and perms.can_publish()
    assert not community.permissions_for_user(site["mo"]).can_edit()
    # A facilitator of one community gets nothing in another.
    assert not site["other"].permissions_for_user(site["fay"]).can_publish()


def test_members_only_community_has_a_group_view_restriction(site):
    restriction = PageViewRestriction.objects.get(page=site["private"])
    assert set(restriction.groups.all()) == {site["private"].member_group, site["private"].facilitator_group}


def test_join_and_leave_an_open_community(site):
    client = client_for(site["olu"])
    client.post(site["open"].url + "join/")
    assert site["open"].is_member(site["olu"])
    assert site["olu"].groups.filter(pk=site["open"].member_group.pk).exists()
    client.post(site["open"].url + "leave/")
    assert not site["open"].is_member(site["olu"])
    assert not site["olu"].groups.filter(pk=site["open"].member_group.pk).exists()
    assert client.get(site["open"].url + "join/").status_code == 405


def test_moderated_community_requests_wait_for_a_facilitator(site):
    newcomer = make_user("nia")
    client_for(newcomer).post(site["private"].join_url())
    membership = Membership.objects.get(user=newcomer, community=site["private"])
    assert membership.status == Membership.Status.PENDING
    assert client_for(newcomer).get(site["private"].url).status_code == 302  # still cannot read
    # Another community's facilitator cannot approve; this one's can.
    response = client_for(site["olu"]).post(
        site["private"].url + "members/", {"membership": membership.pk, "action": "approve"}
    )
    assert response.status_code == 302 and response["Location"] == site["private"].join_url()
    membership.refresh_from_db()
    assert not membership.is_active
    client_for(site["fay"]).post(site["private"].url + "members/", {"membership": membership.pk, "action": "approve"})
    membership.refresh_from_db()
    assert membership.is_active
    assert client_for(newcomer).get(site["private"].url).status_code == 200


@pytest.mark.parametrize("who, can_read", [("anonymous", False), ("olu", False), ("mo", True), ("fay", True)])
def test_private_community_content_is_closed_to_non_members_by_every_url(site, search_index, who, can_read):
    thread = Thread.objects.create(community=site["private"], author=site["mo"], title="Budget talk", body="secret")
    client = client_for(None if who == "anonymous" else site[who])
    for url in (
        site["private"].url,
        site["private"].url + "discussions/",
        thread.get_absolute_url(),
        thread.get_absolute_url() + "edit/",
    ):
        response = client.get(url)
        body = response.content.decode()
        if can_read:  # Mo wrote the thread; Fay facilitates: both may open its editor too
            assert response.status_code == 200, url
        elif who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
        else:  # signed in, not a member: the community's page on how to join
            assert response.status_code == 302 and response["Location"] == site["private"].join_url(), url
        assert ("Budget talk" in body) is can_read, url
    # Nor through the search API, the portal's public API for content: its results and counts.
    sync_search_index()
    data = client.get("/api/search/", {"q": "budget talk"}).json()
    assert data["limited"] is False
    assert ([result["title"] for result in data["results"]] == ["Budget talk"]) is can_read
    assert (data["total"] == 1) is can_read


@pytest.mark.parametrize("who, can_post", [("anonymous", False), ("olu", False), ("mo", True), ("fay", True)])
def test_only_members_post(site, who, can_post):
    client = client_for(None if who == "anonymous" else site[who])
    before = Thread.objects.count()
    response = post_thread(client, site["open"], title=f"Post by {who}")
    assert (Thread.objects.count() == before + 1) is can_post
    if not can_post:  # no form is shown to them; a crafted POST is refused
        assert response.status_code == 403


def test_a_members_first_posts_wait_and_the_facilitator_approves(site):
    client = client_for(site["mo"])
    post_thread(client, site["open"], title="Where are the templates?")
    thread = Thread.objects.get(title="Where are the templates?")
    assert thread.status == Post.Status.PENDING
    assert (
        "Where are the templates?"
        not in client_for(site["esi"]).get(site["open"].url + "discussions/").content.decode()
    )
    assert "Where are the templates?" in client.get(site["open"].url + "discussions/").content.decode()  # own post
    # A member of another community cannot moderate here.
    assert (
        client_for(site["olu"]).post(thread.get_absolute_url() + "moderate/", {"action": "approve"}).status_code == 403
    )
    client_for(site["fay"]).post(thread.get_absolute_url() + "moderate/", {"action": "approve"})
    thread.refresh_from_db()
    assert thread.status == Post.Status.PUBLISHED
    # Established members publish directly.
    post_thread(client_for(site["esi"]), site["open"], title="A tip on synonyms", kind="tip")
    assert Thread.objects.get(title="A tip on synonyms").status == Post.Status.PUBLISHED


def test_asker_accepts_an_answer_and_followers_get_one_email_each(site, django_capture_on_commit_callbacks):
    asker, answerer = site["esi"], site["fay"]
    with django_capture_on_commit_callbacks(execute=True):
        post_thread(client_for(asker), site["open"], title="How long should a peer assist take?")
    thread = Thread.objects.get(title="How long should a peer assist take?")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(answerer).post(
            thread.get_absolute_url(),
            {"body": "Half a day is typical.", "submission_key": "5b8f0c4e-1d3a-4c39-9a8a-4d1f2e3b6c7a"},
        )
    reply = Reply.objects.get(thread=thread)
    assert [m.to for m in mail.outbox] == [[asker.email]]  # the asker follows their thread; not the replier
    # Only the asker (or a facilitator) accepts.
    assert client_for(site["mo"]).post(thread.get_absolute_url() + f"accept/{reply.pk}/").status_code == 403
    client_for(asker).post(thread.get_absolute_url() + f"accept/{reply.pk}/")
    thread.refresh_from_db()
    assert thread.accepted_reply == reply


def test_a_double_submitted_form_creates_one_post(site):
    client = client_for(site["esi"])
    key = "0d6f1c2a-93b1-4c8e-8c52-5f1f4a7e9b10"
    post_thread(client, site["open"], title="Once only", key=key)
    post_thread(client, site["open"], title="Once only", key=key)
    assert Thread.objects.filter(title="Once only").count() == 1


def test_posting_is_rate_limited(site, settings):
    settings.COMMUNITY_POSTS_PER_MINUTE = 3
    client = client_for(site["esi"])
    statuses = [post_thread(client, site["open"], title=f"Burst {n}").status_code for n in range(5)]
    assert statuses[:3] == [302, 302, 302] and statuses[3:] == [429, 429]
    assert "up to 3 times a minute" in post_thread(client, site["open"], title="More").content.decode()
    assert Thread.objects.filter(title__startswith="Burst").count() == 3


def test_csrf_is_enforced(site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(site["esi"])
    assert post_thread(client, site["open"], title="No token").status_code == 403
    assert not Thread.objects.filter(title="No token").exists()


@pytest.mark.parametrize("payload", XSS)
def test_stored_xss_renders_inert(site, payload):
    client = client_for(site["esi"])
    post_thread(client, site["open"], title=payload[:150], body=payload)
    thread = Thread.objects.latest("pk")
    client_for(site["fay"]).post(
        thread.get_absolute_url(), {"body": payload, "submission_key": "1e0a3f4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"}
    )
    html = client_for(site["mo"]).get(thread.get_absolute_url()).content.decode()
    main = elements("<main" + html.split("<main", 1)[1].split("</main>", 1)[0])  # what members wrote, not our JS
    assert not [tag for tag, _ in main if tag in ("script", "svg", "img", "iframe", "object")]
    assert not live_parts("<main" + html.split("<main", 1)[1].split("</main>", 1)[0])


def test_edits_keep_their_history(site):
    thread = Thread.objects.create(community=site["open"], author=site["esi"], title="Draft", body="First text")
    client = client_for(site["esi"])
    client.post(thread.get_absolute_url() + "edit/", {"title": "Draft", "body": "Second text"})
    thread.refresh_from_db()
    assert thread.body == "Second text" and thread.edits.get().previous_body == "First text"
    # Someone else cannot edit it; a facilitator can.
    assert client_for(site["mo"]).post(thread.get_absolute_url() + "edit/", {"body": "Hijack"}).status_code == 403
    assert "First text" in client.get(thread.get_absolute_url() + "edit/").content.decode()


def test_facilitators_hide_and_lock(site):
    thread = Thread.objects.create(community=site["open"], author=site["esi"], title="Heated", body="x")
    fay = client_for(site["fay"])
    fay.post(thread.get_absolute_url() + "moderate/", {"action": "lock"})
    thread.refresh_from_db()
    assert thread.locked
    client_for(site["mo"]).post(
        thread.get_absolute_url(), {"body": "late", "submission_key": "2e0a3f4b-5c6d-4e7f-8a9b-0c1d2e3f4a5b"}
    )
    assert not thread.replies.exists()
    fay.post(thread.get_absolute_url() + "moderate/", {"action": "hide"})
    assert client_for(site["mo"]).get(thread.get_absolute_url()).status_code == 404


def test_anyone_logged_in_can_flag(site):
    thread = Thread.objects.create(community=site["open"], author=site["esi"], title="Odd", body="x")
    client_for(site["olu"]).post(thread.get_absolute_url() + "flag/", {"reason": "off topic"})
    client_for(site["olu"]).post(thread.get_absolute_url() + "flag/", {"reason": "again"})
    assert thread.flags.count() == 1
    assert "Odd" in client_for(site["fay"]).get(site["open"].url + "moderation/").content.decode()


def test_daily_digest_is_idempotent(site, django_capture_on_commit_callbacks):
    profile = site["mo"].profile
    profile.email_notifications = "daily"
    profile.save()
    client_for(site["mo"]).post(site["open"].url + "follow/")
    with django_capture_on_commit_callbacks(execute=True):
        post_thread(client_for(site["esi"]), site["open"], title="News for followers", kind="tip")
    assert not [m for m in mail.outbox if m.to == [site["mo"].email]]
    assert send_digests() == 1
    assert send_digests() == 0
    digest = [m for m in mail.outbox if m.to == [site["mo"].email]]
    assert len(digest) == 1 and "News for followers" in digest[0].body


def test_people_directory_filters_by_public_community_and_profiles_hide_private_ones(site, client):
    response = client.get("/people/", {"community": "search-champions"})
    assert {p.name for p in response.context["people"]} == {"Fay Facilitator", "Mo Member", "Esi Established"}
    assert "leadership-circle" not in client.get("/people/").content.decode()
    assert "No such community" in client.get("/people/", {"community": "leadership-circle"}).content.decode()
    assert "Leadership circle" not in client_for(site["olu"]).get("/people/mo/").content.decode()
    assert "Leadership circle" in client_for(site["fay"]).get("/people/mo/").content.decode()


def test_private_community_documents_only_through_the_checked_view(site, settings):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    private = site["private"]
    assert private.collection is not None
    document = get_document_model().objects.create(
        title="Board minutes", collection=private.collection, file=ContentFile(b"confidential minutes", "minutes.txt")
    )
    member = client_for(site["mo"]).get(document.url)
    assert member.status_code == 200 and b"confidential minutes" in b"".join(member.streaming_content)
    for client in (Client(), client_for(site["olu"])):
        response = client.get(document.url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert b"confidential" not in response.content
    # Never from a media URL, not even in development, where images are served from /media/.
    import importlib

    import portal.urls

    settings.DEBUG = True
    settings.ROOT_URLCONF = importlib.reload(portal.urls)
    try:
        assert Client().get("/media/" + document.file.name).status_code == 404
        assert any("images" in str(pattern.pattern) for pattern in settings.ROOT_URLCONF.urlpatterns)
    finally:
        settings.DEBUG = False
        importlib.reload(portal.urls)
    # Facilitators can upload into their community's collection, and only there.
    assert private.collection in {
        p.collection for p in site["fay"].groups.get(pk=private.facilitator_group.pk).collection_permissions.all()
    }


def test_moderators_moderate_discussions_in_the_admin(site, django_capture_on_commit_callbacks):
    from django.contrib.auth.models import Group

    thread = Thread.objects.create(
        community=site["open"], author=site["mo"], title="Held", body="x", status=Post.Status.PENDING
    )
    moderator = make_user("mod")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client = client_for(moderator)
    listing = client.get("/admin/discussion_threads/?status=pending")
    assert listing.status_code == 200 and "Held" in listing.content.decode()
    client_for(site["esi"]).post(site["open"].url + "follow/")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/admin/discussion_threads/edit/{thread.pk}/", {"status": "published", "title": "Held", "body": "x"}
        )
    thread.refresh_from_db()
    assert thread.status == Post.Status.PUBLISHED
    assert [m.to for m in mail.outbox] == [[site["esi"].email]]  # the community's follower hears of it
    refused = client_for(site["mo"]).get("/admin/discussion_threads/")
    assert refused.status_code == 302 and refused["Location"].startswith("/admin/login/")
