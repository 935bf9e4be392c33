"""A learner enrols in a path, completes lessons, fails a quiz, retries and passes, reaches 100% and opens the
certificate; My learning reflects each step."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in
from tests.factories import make_module, make_path, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_enrol_learn_fail_retry_pass_certificate(page, live_site, screenshot):
    portal = live_site
    make_user("lara", first_name="Lara", last_name="Learner")
    module = make_module("After action reviews", lessons=2)
    path = make_path("KM champion: pilot", [module])

    log_in(page, portal, "lara")
    page.goto(portal + path.url)
    page.get_by_role("button", name="Enrol in this path").click()
    expect(page.get_by_text("You are enrolled")).to_be_visible()
    page.goto(portal + "/me/learning/")
    expect(page.locator("[data-progress]").first).to_have_attribute("data-progress", "0")

    page.goto(portal + path.url)
    page.get_by_role("link", name="Start").click()
    expect(page.get_by_role("heading", name="After action reviews lesson 1")).to_be_visible()
    page.get_by_role("button", name="Mark as done and continue").click()
    expect(page.get_by_role("heading", name="After action reviews lesson 2")).to_be_visible()
    expect(page.locator("[data-progress]")).to_have_attribute("data-progress", "50")

    # Fail the quiz: blame is the wrong first step, and only one of the two right options is ticked.
    page.get_by_label("Who is to blame").check()
    page.get_by_label("A clear purpose").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "0")
    expect(page.get_by_text("AARs are blame-free")).to_be_visible()
    screenshot("learning-quiz-failed")
    page.goto(portal + "/me/learning/")
    expect(page.locator("[data-progress]").first).to_have_attribute("data-progress", "50")

    page.goto(portal + module.lessons().last().url)
    page.get_by_label("What was supposed to happen").check()
    page.get_by_label("A clear purpose").check()
    page.get_by_label("A facilitator").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("[data-quiz-score]")).to_have_attribute("data-quiz-score", "100")
    expect(page.locator("[data-progress]")).to_have_attribute("data-progress", "100")

    page.goto(portal + path.url)
    page.get_by_role("link", name="Open your certificate").click()
    expect(page.get_by_text("Certificate of completion")).to_be_visible()
    expect(page.locator(".certificate__name")).to_have_text("Lara Learner")
    screenshot("learning-certificate")
    page.goto(portal + "/me/learning/")
    expect(page.locator("[data-progress]").first).to_have_attribute("data-progress", "100")
    expect(page.get_by_text("Completed", exact=False).first).to_be_visible()
    screenshot("my-learning")
