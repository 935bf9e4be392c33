"""Notifications: the /me/notifications/ page (only items the reader may still open, read and unread), the unread
count in the menu, and unsubscribing from emails by the signed link in each email, without logging in."""

import re
import uuid
from urllib.parse import urlsplit

import pytest

from django.core import mail
from django.test import Client

from communities.discussions import Follow, Notification, Thread
from communities.notifications import send_digests, unsubscribe_token
from portal.people.models import Profile
from tests.factories import make_community, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    ensure_site()
    fay = make_user("fay", first_name="Fay", last_name="Facilitator")
    mo = make_user("mo", first_name="Mo", last_name="Member")
    esi = make_user("esi", first_name="Esi", last_name="Established")
    community = make_community("Search champions", facilitators=[fay], members=[mo, esi])
    private = make_community("Leadership circle", members_only=True, facilitators=[fay], members=[mo])
    for number in range(2):  # Esi has posted before, so her posts publish directly
        Thread.objects.create(community=community, author=esi, title=f"Old {number}", body="x")
        Thread.objects.create(community=private, author=fay, title=f"Older {number}", body="x")
    return {"open": community, "private": private, "fay": fay, "mo": mo, "esi": esi}


def post(client, url, **data):
    return client.post(url, {"submission_key": str(uuid.uuid4()), **data})


def start_thread(site, community, author, title, callbacks):
    with callbacks(execute=True):
        post(client_for(author), community.url + "discussions/", kind="question", title=title, body="Body text")
    return Thread.objects.get(title=title)


def reply(thread, author, body, callbacks):
    with callbacks(execute=True):
        post(client_for(author), thread.get_absolute_url(), body=body)


def links_in(message):
    return re.findall(r"https?://\S+", message.body)


def test_a_reply_notifies_the_follower_on_the_page_and_by_email_with_working_unsubscribe_links(
    site, django_capture_on_commit_callbacks
):
    thread = start_thread(
        site, site["open"], site["esi"], "How long is a peer assist?", django_capture_on_commit_callbacks
    )
    Follow.objects.create(user=site["mo"], thread=thread)
    mail.outbox.clear()
    reply(thread, site["fay"], "Half a day.", django_capture_on_commit_callbacks)

    mo = client_for(site["mo"])
    page = mo.get("/me/notifications/").content.decode()
    assert "New reply to “How long is a peer assist?”" in page
    assert "1 unread" in page
    assert re.search(r'Notifications <span class="count-badge">1<span class="visually-hidden"> unread', page)

    [email] = [m for m in mail.outbox if m.to == [site["mo"].email]]
    stop_this, stop_all = [link for link in links_in(email) if "/unsubscribe/" in link]
    assert email.extra_headers["List-Unsubscribe"] == f"<{stop_this}>"

    # The link works without logging in: GET asks, POST stops only this thread's emails.
    anonymous = Client()
    path = urlsplit(stop_this).path
    assert "Stop emails about the thread “How long is a peer assist?”" in anonymous.get(path).content.decode()
    assert Follow.objects.get(user=site["mo"], thread=thread).emails  # a GET (a link scanner) changes nothing
    assert "no more emails about" in anonymous.post(path).content.decode()
    assert not Follow.objects.get(user=site["mo"], thread=thread).emails

    mail.outbox.clear()
    reply(thread, site["fay"], "Or a full day for big projects.", django_capture_on_commit_callbacks)
    assert not [m for m in mail.outbox if m.to == [site["mo"].email]]  # no email any more …
    assert Notification.objects.filter(user=site["mo"], read_at__isnull=True).count() == 2  # … still listed

    # The other link stops every email.
    anonymous.post(urlsplit(stop_all).path)
    assert Profile.objects.get(user=site["mo"]).email_notifications == Profile.Digest.OFF


def test_forged_or_mangled_unsubscribe_tokens_change_nothing(site):
    follow = Follow.objects.create(user=site["mo"], community=site["open"])
    token = unsubscribe_token(follow=follow)
    for bad in (token[:-2] + "xx", "nonsense", token.replace(":", "", 1), "x" * 600):
        response = Client().post(f"/me/notifications/unsubscribe/{bad}/")
        assert response.status_code == 404
        assert "not valid" in response.content.decode()
    follow.refresh_from_db()
    assert follow.emails


def test_digest_leaves_out_follows_that_asked_for_no_email(site, django_capture_on_commit_callbacks):
    profile = site["mo"].profile
    profile.email_notifications = Profile.Digest.DAILY
    profile.save()
    Follow.objects.create(user=site["mo"], community=site["open"], emails=False)
    start_thread(site, site["open"], site["esi"], "Quiet news", django_capture_on_commit_callbacks)
    assert Notification.objects.filter(user=site["mo"], subject__contains="Quiet news").exists()
    assert send_digests() == 0
    assert not [m for m in mail.outbox if m.to == [site["mo"].email]]


def test_notifications_list_only_what_the_reader_may_still_open(site, django_capture_on_commit_callbacks):
    Follow.objects.create(user=site["mo"], community=site["private"])
    secret = start_thread(
        site, site["private"], site["fay"], "Board reshuffle plans", django_capture_on_commit_callbacks
    )
    mo = client_for(site["mo"])
    assert "Board reshuffle plans" in mo.get("/me/notifications/").content.decode()
    note = Notification.objects.get(user=site["mo"], target_key=f"communities.thread:{secret.pk}")

    site["private"].leave(site["mo"])  # no longer a member: the item is out of reach
    page = mo.get("/me/notifications/").content.decode()
    assert "Board reshuffle plans" not in page
    assert mo.get(f"/me/notifications/{note.pk}/").status_code == 404
    note.refresh_from_db()
    assert note.read_at is not None  # and it no longer counts as unread
    assert 'class="count-badge"' not in mo.get("/me/notifications/").content.decode()


def test_open_mark_read_and_mark_all_read(site, django_capture_on_commit_callbacks):
    Follow.objects.create(user=site["mo"], community=site["open"])
    first = start_thread(site, site["open"], site["esi"], "First tip", django_capture_on_commit_callbacks)
    start_thread(site, site["open"], site["esi"], "Second tip", django_capture_on_commit_callbacks)
    start_thread(site, site["open"], site["esi"], "Third tip", django_capture_on_commit_callbacks)
    mine = Notification.objects.filter(user=site["mo"]).order_by("pk")
    assert mine.count() == 3
    mo = client_for(site["mo"])

    opened = mo.get(f"/me/notifications/{mine[0].pk}/")
    assert opened.status_code == 302 and opened["Location"] == first.get_absolute_url()
    assert mine.filter(read_at__isnull=True).count() == 2

    mo.post(f"/me/notifications/{mine[1].pk}/read/")
    assert mine.filter(read_at__isnull=True).count() == 1
    # Reading the thread itself marks what announced it.
    mo.get(Thread.objects.get(title="Third tip").get_absolute_url())
    assert mine.filter(read_at__isnull=True).count() == 0

    Notification.objects.filter(user=site["mo"]).update(read_at=None)
    assert "3 notifications marked as read" in mo.post("/me/notifications/read-all/", follow=True).content.decode()
    assert mine.filter(read_at__isnull=True).count() == 0


def test_nobody_opens_or_marks_someone_elses_notifications(site, django_capture_on_commit_callbacks):
    Follow.objects.create(user=site["mo"], community=site["open"])
    start_thread(site, site["open"], site["esi"], "Only for Mo", django_capture_on_commit_callbacks)
    note = Notification.objects.get(user=site["mo"])
    fay = client_for(site["fay"])
    assert fay.get(f"/me/notifications/{note.pk}/").status_code == 404
    fay.post(f"/me/notifications/{note.pk}/read/")
    fay.post("/me/notifications/read-all/")
    note.refresh_from_db()
    assert note.read_at is None
    assert "Only for Mo" not in fay.get("/me/notifications/").content.decode()
    # Anonymous readers are sent to log in; ids beyond any database are a 404, not an error.
    assert Client().get("/me/notifications/")["Location"].startswith("/accounts/login/")
    assert client_for(site["mo"]).get("/me/notifications/18446744073709551616/").status_code == 404
    assert client_for(site["mo"]).get("/me/notifications/read-all/").status_code == 405


def test_signed_in_menu_links_and_marks_the_current_page(site):
    page = client_for(site["mo"]).get("/me/learning/").content.decode()
    for label, url in [
        ("My learning", "/me/learning/"),
        ("My profile", "/me/profile/"),
        ("My communities", "/me/communities/"),
        ("Notifications", "/me/notifications/"),
    ]:
        assert re.search(rf'<a href="{re.escape(url)}"[^>]*>{label}', page), label
    assert '<a href="/me/learning/" aria-current="page">My learning' in page
    assert "Log out" in page
    anonymous = Client().get("/").content.decode()
    assert "My learning" not in anonymous and "Log in" in anonymous


def test_my_communities_lists_memberships_requests_and_followed_threads(site, django_capture_on_commit_callbacks):
    moderated = make_community("Finance forum", policy="moderated", facilitators=[site["fay"]])
    moderated.join(site["esi"])
    thread = start_thread(site, site["open"], site["esi"], "Followed thread", django_capture_on_commit_callbacks)
    page = client_for(site["esi"]).get("/me/communities/").content.decode()
    assert "Search champions" in page and "Leadership circle" not in page
    assert "Waiting for a facilitator" in page and "Finance forum" in page
    assert thread.title in page
    fay_page = client_for(site["fay"]).get("/me/communities/").content.decode()
    assert "Manage members" in fay_page


def test_platform_apps_tell_people_through_portal_notices_listed_only_while_the_item_is_readable(
    site, django_capture_on_commit_callbacks
):
    """portal.notices is how an app below communities (feedback, curation) notifies: the row is listed on
    /me/notifications/ while the reader may open the item, and gone from the list once they may not."""
    from portal.notices import tell

    private_thread = Thread.objects.filter(community=site["private"]).first()
    with django_capture_on_commit_callbacks(execute=True):
        tell(site["mo"], "Your answer was curated", private_thread)
    notification = Notification.objects.get(user=site["mo"])
    assert notification.target_key == f"communities.thread:{private_thread.pk}"
    assert notification.url.endswith(private_thread.get_absolute_url())
    mo = client_for(site["mo"])
    assert "Your answer was curated" in mo.get("/me/notifications/").content.decode()
    site["private"].memberships.filter(user=site["mo"]).delete()
    site["mo"].groups.clear()
    assert "Your answer was curated" not in client_for(site["mo"]).get("/me/notifications/").content.decode()
