"""A reader says an article helped, then flags it as outdated; the badge says so; the editor finds the flag in the
review report, marks the page reviewed with a note; the reader is told on /me/notifications/."""

import re

import pytest
from playwright.sync_api import expect

from home.models import ReferenceArticlePage
from tests.browser.conftest import admin_log_in, log_in
from tests.factories import make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_reader_flags_an_article_and_hears_back_when_it_is_reviewed(page, library_site, screenshot):
    portal = library_site
    make_user("rita", first_name="Rita", last_name="Reader")
    article = ReferenceArticlePage.objects.live().order_by("pk").first()

    log_in(page, portal, "rita")
    page.goto(portal + article.url)
    page.get_by_role("button", name="Yes", exact=True).click()
    expect(page.get_by_text("You answered Yes")).to_be_visible()
    expect(page.get_by_role("button", name="Yes", exact=True)).to_have_attribute("aria-pressed", "true")
    page.get_by_text("Flag as outdated", exact=True).first.click()  # the disclosure opens the form
    page.get_by_label("What is out of date? (optional)").fill("The checklist it links to was withdrawn.")
    page.get_by_role("button", name="Flag as outdated").click()
    expect(page.get_by_text("Thanks: the page's owner will check it.")).to_be_visible()
    expect(page.locator("[data-trust]").first).to_have_text(re.compile(r"^Reported outdated on "))
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("reader-feedback-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    admin_log_in(page, portal, "editor")
    page.goto(portal + "/admin/reports/content-due-for-review/")
    expect(page.get_by_text("The checklist it links to was withdrawn.")).to_be_visible()
    screenshot("review-report-with-reader-flag")
    page.get_by_role("link", name="Mark reviewed").first.click()
    page.get_by_label("Note to the readers who flagged it").fill("Linked the new checklist.")
    page.get_by_role("button", name="Mark reviewed").click()
    expect(page.get_by_text(re.compile("1 reader report resolved"))).to_be_visible()

    log_in(page, portal, "rita")
    page.goto(portal + "/me/notifications/")
    expect(page.get_by_role("link", name=re.compile("Linked the new checklist."))).to_be_visible()
    page.goto(portal + article.url)
    expect(page.locator("[data-trust]").first).to_have_text(re.compile(r"^Approved"))
