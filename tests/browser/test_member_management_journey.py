"""A facilitator runs a members-only community's membership: invites a newcomer, who accepts from the join page;
appoints a co-facilitator; removes a member after confirming; and is told the community must keep a facilitator."""

import pytest
from playwright.sync_api import expect

from communities.models import Invitation, Membership
from tests.browser.conftest import log_in
from tests.factories import make_community, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_invite_accept_appoint_remove(page, live_site, screenshot):
    portal = live_site
    fiona = make_user("fiona", first_name="Fiona", last_name="Facilitator")
    ade = make_user("ade", first_name="Ade", last_name="Adebayo")
    max_ = make_user("max", first_name="Max", last_name="Moved-on")
    make_user("nina", first_name="Nina", last_name="Newcomer", email="nina@example.org")
    community = make_community(
        "Leadership circle", members_only=True, policy="moderated", facilitators=[fiona], members=[ade, max_]
    )
    members_page = portal + community.url + "members/"

    log_in(page, portal, "fiona")
    page.goto(members_page)
    expect(page.get_by_text("The only facilitator or leader")).to_be_visible()
    page.get_by_label("Username or e-mail address").fill("NINA@example.org")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("Invitation sent to Nina Newcomer")).to_be_visible()

    log_in(page, portal, "nina")
    page.goto(portal + community.join_url())
    expect(page.get_by_text("Fiona Facilitator invited you to join Leadership circle")).to_be_visible()
    screenshot("invitation-on-the-join-page")
    page.get_by_role("button", name="Accept and join").click()
    expect(page.get_by_text("Welcome to Leadership circle")).to_be_visible()
    expect(page.get_by_role("heading", name="Leadership circle", level=1)).to_be_visible()
    assert Invitation.objects.get().status == Invitation.Status.ACCEPTED

    log_in(page, portal, "fiona")
    page.goto(members_page)
    page.get_by_label("Role of Ade Adebayo").select_option("facilitator")
    page.get_by_role("button", name="Change role of Ade Adebayo").click()
    expect(page.get_by_text("Ade Adebayo is now a facilitator.")).to_be_visible()
    page.get_by_role("link", name="Remove Max Moved-on").click()
    expect(page.get_by_role("heading", name="Remove Max Moved-on?")).to_be_visible()
    screenshot("remove-member-confirm")
    page.get_by_role("button", name="Remove Max Moved-on").click()
    expect(page.get_by_text("Max Moved-on is no longer a member of Leadership circle.")).to_be_visible()
    screenshot("members-page-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    page.reload()
    screenshot("members-page-390")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_role("link", name="Remove Ade Adebayo")).to_be_in_viewport()
    page.set_viewport_size({"width": 1280, "height": 800})  # the log-out button is in the phone menu below
    assert not Membership.objects.filter(community=community, user=max_).exists()

    log_in(page, portal, "ade")
    page.goto(members_page)
    page.get_by_label("Role of Ade Adebayo").select_option("member")
    page.get_by_role("button", name="Change role of Ade Adebayo").click()
    expect(page.get_by_text("Ade Adebayo is now a member.")).to_be_visible()  # Fiona remains
    log_in(page, portal, "fiona")
    page.goto(portal + community.url)
    page.get_by_role("button", name="Leave").click()
    expect(page.get_by_text("You are the last facilitator or leader of Leadership circle")).to_be_visible()
    assert community.is_facilitator(fiona)
