"""A reader opens /network/ at 1280 px: the vendored Chart.js draws the stacked bars with no console errors, and
the table of the same figures is there; at 390 px the page still reads."""

import pytest
from playwright.sync_api import expect

from portal.people.models import Profile
from tests.factories import make_community, make_user
from tests.test_value_network import answer, ask

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_value_network_draws_its_chart_and_table(page, live_site, screenshot):
    people = []
    for department in ("Finance", "HR", "IT", "Legal", "Operations"):
        person = make_user(department.lower(), first_name=department, last_name="Person")
        Profile.objects.filter(user=person).update(department=department)
        people.append(person)
    forum = make_community("Open forum", members=people)
    for number, asker in enumerate(people):
        thread = ask(forum, asker, f"Question {number}?")
        answer(thread, people[(number + 1) % 5], accepted=True)
        answer(thread, people[(number + 2) % 5])

    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_site + "/network/")
    canvas = page.locator("#value-network-chart")
    expect(canvas).to_be_visible()
    page.wait_for_function("window.Chart && Chart.getChart(document.getElementById('value-network-chart'))")
    box = canvas.bounding_box()
    assert box["width"] > 600 and box["height"] > 200
    drawn = page.evaluate("Chart.getChart(document.getElementById('value-network-chart')).data.datasets.length")
    assert drawn == 5
    table = page.get_by_role("table", name="Help from one department to another, last 12 months")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(11)  # the header and ten flows
    screenshot("value-network-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    expect(table).to_be_visible()
    page.wait_for_function("document.getElementById('value-network-chart').getBoundingClientRect().width <= 370")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390  # the table scrolls, the page does not
    screenshot("value-network-390")
    assert errors == []
