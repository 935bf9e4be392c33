"""A new member joins a community and asks a question; the facilitator approves it; another member answers; the
asker accepts the answer; the follower gets one email."""

import re

import pytest
from playwright.sync_api import expect

from django.core import mail

from communities.models import Membership, Thread
from tests.browser.conftest import log_in
from tests.factories import make_community, make_user
from tests.helpers import png_bytes

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_join_ask_approve_answer_accept(page, live_site, screenshot):
    portal = live_site
    facilitator = make_user("fiona", first_name="Fiona", last_name="Facilitator")
    answerer = make_user("ade", first_name="Ade", last_name="Answerer")
    make_user("newbie", first_name="Nina", last_name="Newcomer")
    community = make_community("Search champions", facilitators=[facilitator], members=[answerer])
    for number in range(2):  # Ade has posted before: his replies publish directly
        Thread.objects.create(community=community, author=answerer, title=f"Earlier tip {number}", body="x")

    log_in(page, portal, "newbie")
    page.goto(portal + community.url)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_text("Welcome to Search champions")).to_be_visible()
    page.get_by_role("navigation", name="Search champions").get_by_role("link", name="Discussions").click()
    page.get_by_label("Title").fill("How do we pick synonyms for the search index?")
    page.get_by_label("Body").fill("We keep getting **zero results** for *CoP*. Any advice?")
    page.get_by_label("Add an image").set_input_files(
        files=[{"name": "log.png", "mimeType": "image/png", "buffer": png_bytes((120, 60), (240, 200, 40))}]
    )
    page.get_by_label("Describe the image").fill("Zero-result queries last month")
    page.get_by_role("button", name="Post").click()
    expect(page.get_by_text("A facilitator will approve your post shortly")).to_be_visible()
    screenshot("community-question-held")
    thread = Thread.objects.get(title="How do we pick synonyms for the search index?")
    assert thread.status == "pending"

    log_in(page, portal, "fiona")
    page.goto(portal + community.url + "moderation/")
    page.get_by_role("button", name="Approve").first.click()
    expect(page.get_by_text("Done: approve.")).to_be_visible()

    mail.outbox.clear()
    log_in(page, portal, "ade")
    page.goto(portal + thread.get_absolute_url())
    expect(page.locator(".post__body strong", has_text="zero results")).to_be_visible()  # Markdown rendered
    expect(page.locator('.post__body img[alt="Zero-result queries last month"]')).to_have_attribute(
        "src", re.compile(r"^/media/images/")
    )
    page.get_by_role("textbox", name="Your reply").fill(
        "Start from the search log: the top zero-result queries are your list."
    )
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Your reply is published.")).to_be_visible()

    log_in(page, portal, "newbie")
    page.goto(portal + thread.get_absolute_url())
    page.get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_text("Accepted answer", exact=True)).to_be_visible()
    screenshot("community-answer-accepted")
    thread.refresh_from_db()
    assert thread.accepted_reply is not None
    assert Membership.objects.get(community=community, user__username="newbie").is_active
    recipients = [message.to[0] for message in mail.outbox]
    assert recipients == ["newbie@example.org"]  # the asker follows their question; one email
