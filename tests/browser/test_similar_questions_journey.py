"""A member starts typing a question's title and is shown the existing thread that may already answer it (never a
members-only thread of a community they are not in); they open it, then come back and post their question anyway.
The existing thread's page shows related items with their trust badges."""

import re

import pytest
from playwright.sync_api import expect

from communities.models import Thread
from tests.browser.conftest import log_in
from tests.conftest import sync_search_index
from tests.factories import make_community, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_member_typing_a_question_sees_a_similar_thread(page, live_site, screenshot):
    portal = live_site
    asker = make_user("asker", first_name="Asha", last_name="Asker")
    old_hand, insider = make_user("oldhand"), make_user("insider")
    community = make_community("Project managers", members=[asker, old_hand])
    secret = make_community("Secret circle", members_only=True, members=[insider])
    existing = Thread.objects.create(
        community=community,
        author=old_hand,
        title="How do we run an after-action review with a remote team?",
        body="Our project team is spread over three sites.",
    )
    Thread.objects.create(
        community=community, author=old_hand, title="Tips for an after-action review agenda", body="Keep it short."
    )
    Thread.objects.create(
        community=secret, author=insider, title="After-action review of the remote merger", body="Confidential."
    )
    sync_search_index()

    log_in(page, portal, "asker")
    page.goto(portal + community.url + "discussions/")
    suggestions = page.locator("#similar-questions")
    expect(suggestions).to_have_attribute("aria-live", "polite")
    page.get_by_label("Title").press_sequentially("After action review remote", delay=30)
    expect(suggestions).to_contain_text("These may already answer your question")
    link = suggestions.get_by_role("link", name="How do we run an after-action review with a remote team?")
    expect(link).to_have_attribute("href", existing.get_absolute_url())
    expect(suggestions).to_contain_text("Community contribution, not reviewed")
    expect(suggestions).not_to_contain_text("merger")  # a members-only community's thread: never suggested
    screenshot("similar-questions-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("similar-questions-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    # Nothing matches: the suggestions go away.
    page.get_by_label("Title").fill("Zebra husbandry")
    expect(suggestions.get_by_role("link")).to_have_count(0)

    # The suggestion opens the existing thread; its page relates the other after-action review thread.
    page.goto(portal + existing.get_absolute_url())
    related = page.get_by_role("complementary", name="Related")
    expect(related.get_by_role("link", name="Tips for an after-action review agenda")).to_be_visible()
    expect(related.locator("[data-trust=community]").first).to_be_visible()
    expect(related).not_to_contain_text("merger")
    screenshot("related-on-a-thread")

    # The question is still the asker's to post.
    page.goto(portal + community.url + "discussions/")
    page.get_by_label("Title").fill("After-action reviews across time zones")
    page.get_by_label("Body").fill("What worked for you?")
    page.get_by_role("button", name="Post").click()
    expect(page).to_have_url(re.compile(r"/discussions/\d+/$|/threads?/\d+/$|/\d+/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("After-action reviews across time zones")
