"""Curation end to end in a real browser: a member's question gets an accepted answer, two members nominate it, a
curator finds it at the top of the queue and curates it into an article draft with one more reply, the subject
expert and the editor approve it, and the live article credits the contributors and links back to the thread,
which says where it was curated into; a contributor is notified; a reader flags it as outdated and its owner sees
that in the review report."""

import re

import pytest
from playwright.sync_api import expect

from communities.discussions import Reply, Thread
from home.models import ReferenceArticlePage
from portal.curation.models import Nomination
from tests.browser.conftest import admin_log_in, log_in
from tests.browser.test_reference_review_journey import run_footer_action
from tests.factories import make_community, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_question_becomes_a_curated_article_that_credits_its_contributors(page, library_site, screenshot):
    portal = library_site
    ann = make_user("ann", first_name="Ann", last_name="Asker")
    bo = make_user("bo", first_name="Bo", last_name="Answerer")
    cy = make_user("cy", first_name="Cy", last_name="Commenter")
    community = make_community("Search champions", members=[ann, bo, cy])
    thread = Thread.objects.create(
        community=community, author=ann, title="How long should a peer assist take?", body="We plan our first one."
    )
    Reply.objects.create(thread=thread, author=bo, body="**Half a day**, with one clear question.")
    Reply.objects.create(thread=thread, author=cy, body="Invite people from two other departments.")
    Thread.objects.create(community=community, author=cy, title="A less useful thread", body="Hello")
    url = portal + thread.get_absolute_url()

    # The asker accepts an answer.
    log_in(page, portal, "ann")
    page.goto(url)
    page.locator("article", has_text="Half a day").get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_text("Accepted answer", exact=True)).to_be_visible()

    # Two members nominate it.
    for member in ("bo", "cy"):
        log_in(page, portal, member)
        page.goto(url)
        page.get_by_text("Worth keeping in the library?").click()
        page.get_by_label(re.compile("Why is it worth keeping")).fill("Everyone asks this.")
        page.get_by_role("button", name="Nominate for the library").click()
        expect(page.get_by_text("the curators will consider it")).to_be_visible()
        expect(page.get_by_text("You nominated this for the library.")).to_be_visible()
    assert Nomination.objects.count() == 2
    screenshot("curation-nominated")

    # The editor finds it at the top of the queue and curates it, ticking Cy's reply too.
    admin_log_in(page, portal, "editor")
    page.goto(portal + "/admin/reports/curation/")
    first_row = page.locator("table.listing tbody tr").first
    expect(first_row).to_contain_text("How long should a peer assist take?")
    expect(first_row).to_contain_text("Accepted answer")
    screenshot("curation-queue")
    first_row.get_by_role("link", name="Curate").click()
    page.get_by_label("Title").fill("How long a peer assist takes")
    page.get_by_label("Reply by Cy Commenter").check()
    screenshot("curation-curate-form")
    page.get_by_role("button", name="Create the draft").click()
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    article = ReferenceArticlePage.objects.get(title="How long a peer assist takes")
    assert not article.live
    run_footer_action(page, "Submit to Reference review")
    expect(page.get_by_text(re.compile("submitted for moderation", re.I)).first).to_be_visible()

    # Curation never bypasses approval: the subject expert, then the editor.
    for reviewer, action in (("expert", "Approve"), ("editor", "Approve and Publish")):
        admin_log_in(page, portal, reviewer)
        page.goto(f"{portal}/admin/pages/{article.pk}/edit/")
        run_footer_action(page, action)
        expect(page).not_to_have_url(re.compile(r"/edit/$"))
    article.refresh_from_db()
    assert article.live

    # Anyone reads the credit and follows it back; the thread says where it went.
    page.context.clear_cookies()
    page.goto(portal + article.url)
    credit = page.locator("aside.provenance")
    expect(credit).to_contain_text("Based on community contributions by Ann Asker, Bo Answerer and Cy Commenter")
    expect(page.get_by_text("Invite people from two other departments.")).to_be_visible()
    screenshot("curation-live-article")
    credit.get_by_role("link", name="How long should a peer assist take?").click()
    expect(page.locator(".notice--curated")).to_contain_text("Curated into: How long a peer assist takes")

    # A contributor was notified.
    log_in(page, portal, "bo")
    page.goto(portal + "/me/notifications/")
    expect(page.get_by_role("link", name=re.compile("Your contribution was curated into the library"))).to_be_visible()

    # A reader flags the curated article as outdated; its owner, the curator, finds it in the review report.
    log_in(page, portal, "cy")
    page.goto(portal + article.url)
    page.get_by_text("Flag as outdated", exact=True).first.click()
    page.get_by_label("What is out of date? (optional)").fill("Our peer assists now run online in two hours.")
    page.get_by_role("button", name="Flag as outdated").click()
    expect(page.locator("[data-trust]").first).to_have_text(re.compile(r"^Reported outdated on "))
    admin_log_in(page, portal, "editor")
    page.goto(portal + "/admin/reports/content-due-for-review/")
    row = page.locator("table.listing tbody tr", has_text="How long a peer assist takes")
    expect(row).to_contain_text("Our peer assists now run online in two hours.")
    screenshot("curation-flagged-in-review-report")
