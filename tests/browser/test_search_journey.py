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


def facet_count(checkbox) -> int:
    return int(re.search(r"\((\d+)\)", checkbox.locator("xpath=..").inner_text()).group(1))


def focused_facet(page):
    return page.evaluate("() => [document.activeElement.name, document.activeElement.value]")


def test_a_keyboard_user_ticks_facets_and_keeps_their_place(page, browser, portal, screenshot):
    """WCAG 3.2.2: a facet applies at once, but after the reload the focus is back on the same checkbox and a
    polite live region says how many results there are now. Without JavaScript an Apply button does it."""
    page.goto(portal + "/search/?q=community")
    everything = result_count(page)
    status = page.locator("#facet-status")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_have_text("")  # nothing to announce on arrival
    expect(page.get_by_role("button", name="Apply filters")).to_be_hidden()
    topic = page.locator("#facet-topic").get_by_role("checkbox", name=re.compile(r"^Knowledge strategy \("))
    expected = facet_count(topic)
    assert 0 < expected < everything

    topic.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"topic=knowledge-strategy"))
    expect(status).to_have_text(f"{expected} results")
    expect(topic).to_be_focused()
    expect(topic).to_be_checked()
    assert focused_facet(page) == ["topic", "knowledge-strategy"] and result_count(page) == expected

    audience = page.locator("#facet-audience").get_by_role("checkbox", name=re.compile(r"^Manager \("))
    narrower = facet_count(audience)
    audience.focus()
    page.keyboard.press("Space")
    page.wait_for_url(re.compile(r"audience=manager"))
    expect(status).to_have_text(f"{narrower} result{'' if narrower == 1 else 's'}")
    expect(audience).to_be_focused()
    screenshot("search-facet-keyboard")

    page.keyboard.press("Space")  # and off again: the focus stays, the count goes back
    page.wait_for_url(lambda url: "audience=" not in url)
    expect(audience).to_be_focused()
    expect(audience).not_to_be_checked()
    expect(status).to_have_text(f"{expected} results")

    # Without JavaScript nothing happens until the reader asks for it.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(portal + "/search/?q=community")
    apply = plain.get_by_role("button", name="Apply filters")
    expect(apply).to_be_visible()
    plain.locator("#facet-topic").get_by_role("checkbox", name=re.compile(r"^Knowledge strategy \(")).check()
    assert "topic=" not in plain.url
    apply.click()
    plain.wait_for_url(re.compile(r"topic=knowledge-strategy"))
    assert result_count(plain) == expected
    context.close()


def test_people_who_know_beside_the_results(page, portal, screenshot):
    page.goto(portal + "/search/?q=facilitation")
    strip = page.get_by_role("region", name="People who know about “facilitation”")
    expect(strip).to_be_visible()
    people = strip.get_by_role("listitem")
    expect(people).to_have_count(3)
    first = people.first.get_by_role("link").first
    name = first.inner_text()
    screenshot("search-people-strip")
    page.set_viewport_size({"width": 390, "height": 900})
    screenshot("search-people-strip-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    page.go_back()
    page.get_by_role("link", name="See everyone who knows about “facilitation”").click()
    expect(page).to_have_url(re.compile(r"/search/people/\?q=facilitation$"))
    expect(page.locator(".result--person").first).to_contain_text(name)
