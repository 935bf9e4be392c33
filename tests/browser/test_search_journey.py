"""A reader types in the header box and picks a suggestion; then searches, ticks a topic and an audience, watches
the counts and chips change, and removes a chip."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def result_count(page) -> int:
    return int(re.match(r"\d+", page.locator("#results-heading").inner_text()).group())


def test_autocomplete_then_faceted_search_with_chips(page, portal, screenshot):
    page.goto(portal + "/")
    page.get_by_role("combobox", name="Search the portal").fill("facilitation tech")
    suggestion = page.get_by_role("option").filter(has_text="Facilitation techniques for online communities")
    expect(suggestion).to_be_visible()
    screenshot("search-autocomplete")
    suggestion.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/library/facilitation-techniques-for-online-communities/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Facilitation techniques for online communities")

    page.goto(portal + "/search/?q=community")
    everything = result_count(page)
    assert everything > 5
    topic = page.locator("#facet-topic").get_by_role("checkbox", name=re.compile(r"^Knowledge strategy \("))
    topic.check()
    expect(page.get_by_role("list", name="Active filters")).to_contain_text("Topic: Knowledge strategy")
    in_topic = result_count(page)
    assert 0 < in_topic < everything
    audience = page.locator("#facet-audience").get_by_role("checkbox", name=re.compile(r"^Manager \("))
    audience_label = audience.locator("xpath=..").inner_text()
    assert int(re.search(r"\((\d+)\)", audience_label).group(1)) <= in_topic  # counts follow the topic
    audience.check()
    chips = page.get_by_role("list", name="Active filters")
    expect(chips).to_contain_text("Audience: Manager")
    expect(chips).to_contain_text("Topic: Knowledge strategy")
    both = result_count(page)
    assert both <= in_topic
    expect(page.locator(".result mark").first).to_be_visible()  # highlighted matches
    screenshot("search-facets-and-chips")
    page.get_by_role("link", name="Remove filter Topic: Knowledge strategy").click()
    expect(page.get_by_role("list", name="Active filters")).not_to_contain_text("Topic: Knowledge strategy")
    expect(page.get_by_role("list", name="Active filters")).to_contain_text("Audience: Manager")
    assert result_count(page) >= both
