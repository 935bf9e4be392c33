"""The front door in a real browser: an anonymous visitor sees the portal's life on the home page, uses the phone
menu, then signs in as a knowledge worker, finds their role's path first and follows a notification to its thread."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_newcomer_and_knowledge_worker_through_the_front_door(page, portal, screenshot):
    page.goto(portal + "/")
    communities = page.locator('[data-section="communities"] .card__title a')
    expect(communities).to_have_count(3)
    expect(page.locator('[data-section="learning"] .card__title a').first).to_be_visible()
    expect(page.locator('[data-section="library"] .card__title a').first).to_be_visible()
    expect(page.get_by_text("will appear here")).to_have_count(0)

    # At 390 px the menu folds behind a button; the header keeps to a quarter of the first screen.
    page.set_viewport_size({"width": 390, "height": 844})
    toggle = page.get_by_role("button", name="Menu")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    main_nav = page.get_by_role("navigation", name="Main")
    expect(main_nav).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] <= 844 / 4
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("front-door-390-closed")
    toggle.focus()
    page.keyboard.press("Enter")  # operable from the keyboard
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(main_nav.get_by_role("link", name="Communities")).to_be_visible()
    screenshot("front-door-390-open")
    page.keyboard.press("Escape")
    expect(main_nav).to_be_hidden()
    expect(toggle).to_be_focused()

    # A knowledge worker whose role is set: their path comes first.
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, portal, "marcus.reid", "portal-demo")
    page.goto(portal + "/")
    expect(page.locator('[data-section="learning"] .card__title a').first).to_have_text(
        "Knowledge worker: getting started"
    )
    expect(page.get_by_role("heading", name="Continue where you left off")).to_be_visible()

    # On the phone, Notifications is in the menu with its unread count; one leads to its thread.
    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("button", name="Menu").click()
    account = page.get_by_role("navigation", name="Your account")
    notifications = account.get_by_role("link", name=re.compile(r"Notifications \d+ unread"))
    expect(notifications).to_be_visible()
    unread_before = int(re.search(r"\d+", notifications.inner_text()).group(0))
    notifications.click()
    expect(page).to_have_url(re.compile(r"/me/notifications/$"))
    screenshot("front-door-notifications")
    first = page.locator(".notification__subject").first
    subject = first.inner_text()
    thread_title = re.search(r"“(.*)”", subject).group(1)
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(thread_title)
    page.get_by_role("button", name="Menu").click()
    expect(
        page.get_by_role("navigation", name="Your account").get_by_role(
            "link",
            name=re.compile(rf"Notifications {unread_before - 1} unread" if unread_before > 1 else "^Notifications$"),
        )
    ).to_be_visible()
