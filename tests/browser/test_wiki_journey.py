"""A member edits a wiki page from the front end; the facilitator approves it in the admin; a reader sees the
history and a diff with exactly the change."""

import re

import pytest
from playwright.sync_api import expect

from communities.models import WikiPage
from tests.browser.conftest import log_in
from tests.factories import make_community, make_user, make_wiki_page

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_member_edit_approved_then_visible_in_history_and_diff(page, live_site, screenshot):
    portal = live_site
    facilitator = make_user("fiona", first_name="Fiona", last_name="Facilitator")
    member = make_user("mel", first_name="Mel", last_name="Member")
    community = make_community("Peer assist practitioners", facilitators=[facilitator], members=[member])
    wiki = make_wiki_page(
        community,
        "Peer assist guide",
        "## Before the session\n\nInvite six to eight peers.\n\n- Share the problem",
        facilitator,
    )

    log_in(page, portal, "mel")
    page.goto(portal + wiki.url)
    page.get_by_role("link", name="Edit this page").click()
    body = page.get_by_label("Body")
    body.fill(body.input_value().replace("six to eight", "five to seven"))
    page.get_by_label("Change note").fill("Smaller groups work better")
    page.get_by_role("button", name="Save edit").click()
    expect(page.get_by_text("Your edit is with the facilitators")).to_be_visible()
    expect(page.locator(".wiki-body")).to_contain_text("six to eight")  # not live until approved

    log_in(page, portal, "fiona")
    page.goto(f"{portal}/admin/pages/{wiki.pk}/edit/")
    action = page.get_by_role("button", name=re.compile(r"^Approve( and Publish)?$"))
    if not action.first.is_visible():
        page.get_by_role("button", name="More actions").click()
    action.first.click()
    expect(page).not_to_have_url(re.compile(r"/edit/$"))
    assert "five to seven" in WikiPage.objects.get(pk=wiki.pk).body

    page.context.clear_cookies()  # any reader
    page.goto(portal + wiki.url)
    expect(page.locator(".wiki-body")).to_contain_text("five to seven")
    page.get_by_role("link", name="History").click()
    expect(page.get_by_text("Smaller groups work better")).to_be_visible()
    page.get_by_role("link", name="Compare with previous").first.click()
    expect(page.locator(".diff del", has_text="six")).to_be_visible()
    expect(page.locator(".diff ins", has_text="five")).to_be_visible()
    expect(page.locator(".diff del", has_text="eight")).to_be_visible()
    expect(page.locator(".diff ins", has_text="seven")).to_be_visible()
    screenshot("wiki-diff")
