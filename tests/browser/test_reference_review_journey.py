"""An Author writes a reference article and submits it; the subject expert and the editor approve it in the admin;
it goes live under its topic and the topic's ancestors."""

import re

import pytest
from playwright.sync_api import expect

from home.models import LibraryIndexPage, ReferenceArticlePage
from portal.taxonomy.models import Topic
from tests.browser.conftest import admin_log_in as log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def run_footer_action(page, name):
    """The editor's footer: the first action is a button, the rest sit behind the "More actions" toggle."""
    action = page.get_by_role("button", name=name, exact=True)
    if not action.is_visible():
        page.get_by_role("button", name="More actions").click()
    action.click()


def test_author_submits_expert_and_editor_approve(page, library_site, screenshot):
    portal = library_site
    library = LibraryIndexPage.objects.get()
    topic = Topic.objects.get(slug="facilitation")
    page.goto(portal + "/topics/knowledge-strategy/")
    count_before = int(page.locator("[data-topic-count]").inner_text())

    log_in(page, portal, "author")
    page.goto(f"{portal}/admin/pages/add/home/referencearticlepage/{library.pk}/")
    page.locator("#id_title").fill("Hosting a knowledge café")
    page.locator("#id_summary").fill("A relaxed format for sharing what people know, step by step.")
    page.locator(f"input[name='topics'][value='{topic.pk}']").check()
    # Tags autocomplete from the tags already in use.
    tag_input = page.locator("ul.tagit input").first
    tag_input.click()
    tag_input.press_sequentially("lessons", delay=50)
    page.locator(".ui-autocomplete .ui-menu-item", has_text="lessons learned").click()
    expect(page.locator("#id_tags")).to_have_value(re.compile("lessons learned"))
    screenshot("author-writes-article")
    expect(page.get_by_role("button", name="Publish", exact=True)).to_have_count(0)  # authors cannot publish
    run_footer_action(page, "Submit to Reference review")
    expect(page.get_by_text(re.compile("submitted for moderation", re.I)).first).to_be_visible()
    article = ReferenceArticlePage.objects.get(title="Hosting a knowledge café")
    assert not article.live

    # The last task's reviewer publishes with the approval.
    for reviewer, action in (("expert", "Approve"), ("editor", "Approve and Publish")):
        log_in(page, portal, reviewer)
        page.goto(f"{portal}/admin/pages/{article.pk}/edit/")
        run_footer_action(page, action)
        expect(page).not_to_have_url(re.compile(r"/edit/$"))  # back in the page explorer after the action
        screenshot(f"{reviewer}-approved")

    article.refresh_from_db()
    assert article.live
    assert [tag.name for tag in article.tags.all()] == ["lessons learned"]
    page.context.clear_cookies()
    page.goto(portal + "/topics/knowledge-strategy/")
    expect(page.get_by_role("link", name="Hosting a knowledge café")).to_be_visible()
    assert int(page.locator("[data-topic-count]").inner_text()) == count_before + 1
    page.goto(portal + "/topics/facilitation/")
    expect(page.get_by_role("link", name="Hosting a knowledge café")).to_be_visible()


def test_expert_requests_changes_and_the_author_resubmits(page, library_site, screenshot):
    portal = library_site
    library = LibraryIndexPage.objects.get()
    log_in(page, portal, "author")
    page.goto(f"{portal}/admin/pages/add/home/referencearticlepage/{library.pk}/")
    page.locator("#id_title").fill("Exit interviews that keep knowledge")
    page.locator("#id_summary").fill("Questions to ask before an expert leaves.")
    run_footer_action(page, "Submit to Reference review")
    article = ReferenceArticlePage.objects.get(title="Exit interviews that keep knowledge")

    log_in(page, portal, "expert")
    page.goto(f"{portal}/admin/pages/{article.pk}/edit/")
    run_footer_action(page, "Request changes")
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Comment").fill("Please add the three questions we always ask.")
    screenshot("expert-requests-changes")
    dialog.get_by_role("button", name="Request changes").click()
    expect(page).not_to_have_url(re.compile(r"/edit/$"))
    article.refresh_from_db()
    assert not article.live

    log_in(page, portal, "author")
    page.goto(f"{portal}/admin/pages/{article.pk}/edit/")
    # The comment is in the page's status panel and workflow history.
    expect(page.get_by_text("Please add the three questions we always ask.").first).to_be_attached()
    screenshot("author-sees-requested-changes")
    page.locator("#id_summary").fill("The three questions to ask before an expert leaves.")
    run_footer_action(page, "Resubmit to Subject expert review")
    expect(page.get_by_text(re.compile("submitted for moderation", re.I)).first).to_be_visible()
    article.refresh_from_db()
    assert not article.live
    assert article.current_workflow_task.name == "Subject expert review"
