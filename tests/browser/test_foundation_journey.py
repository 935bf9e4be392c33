"""A newcomer opens the portal, searches from the header box and logs into the admin."""

import re

import pytest
from playwright.sync_api import expect

from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_home_search_and_admin_login(page, portal, screenshot):
    page.goto(portal + "/")
    expect(page).to_have_title(re.compile("Find what your organisation knows"))
    navigation = page.get_by_role("navigation", name="Main")
    for label in ("Library", "Communities", "Learning", "Search", "People"):
        expect(navigation.get_by_role("link", name=label)).to_be_visible()
    screenshot("home-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("home-390")
    # At phone width nothing scrolls sideways, and the search box and the page's heading are on screen.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    expect(page.get_by_label("Search the portal").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    box = page.get_by_label("Search the portal").first.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    page.set_viewport_size({"width": 1280, "height": 800})

    # Search from the header box: the query goes through the real Elasticsearch.
    page.get_by_label("Search the portal").first.fill("contribute")
    page.get_by_label("Search the portal").first.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?q=contribute"))
    expect(page.get_by_role("link", name="How to contribute")).to_be_visible()
    expect(page.get_by_text("limited mode")).to_have_count(0)
    screenshot("search-results")

    # Log into the Wagtail admin with the demo account.
    page.goto(portal + "/admin/")
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.get_by_text("Knowledge & Learning Portal").first).to_be_visible()
    screenshot("admin-dashboard")
