"""The KM programme view in a real browser (issue 17), on the demo portal, at 1280 and 390 px with no console
errors: an anonymous reader reads the roadmap (every stage and role filled) and follows a cell's path; a signed-in
learner sees "Your next step" on /programme/ and the home page; the demo manager opens their team's progress.
The page itself never scrolls sideways: only the roadmap's own container does, on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WIDTHS = [(1280, 900), (390, 844)]
STAGES = ["Investigation", "Pilot", "Roll-out", "Sustain"]
ROLES = [
    "Manager",
    "KM champion",
    "Community facilitator",
    "Local knowledge manager",
    "Knowledge worker",
    "HR and learning staff",
]
# Per roadmap cell: its stage and role, and how many path links, articles and communities it shows.
READ_CELLS = """() => [...document.querySelectorAll(".programme-table td[data-role]")].map((td) => ({
    stage: td.closest("tr").dataset.stage,
    role: td.dataset.role,
    paths: td.querySelectorAll("a[data-path]").length,
    articles: td.querySelectorAll("[data-articles] li a").length,
    communities: td.querySelectorAll("[data-communities] li a").length,
}))"""


@pytest.fixture
def console_errors(page):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def page_width(page):
    return page.evaluate("document.documentElement.scrollWidth")


@pytest.mark.parametrize(
    ("width", "height", "stage", "role"),
    [(1280, 900, "pilot", "km-champion"), (390, 844, "sustain", "hr-learning")],
)
def test_a_reader_reads_the_roadmap_and_follows_a_cell_to_its_path(
    page, portal, screenshot, console_errors, width, height, stage, role
):
    page.set_viewport_size({"width": width, "height": height})
    page.goto(portal + "/programme/")
    expect(page.get_by_role("heading", name="The KM programme", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="Your next step")).to_have_count(0)  # anonymous: no next step
    table = page.get_by_role("table", name="What to learn, read and join at each stage of the programme, by role")
    expect(table.locator("thead th")).to_have_text(["Stage", *ROLES])
    expect(table.locator("tbody th[scope=row]")).to_have_text(STAGES)
    cells = page.evaluate(READ_CELLS)
    assert len(cells) == len(STAGES) * len(ROLES)
    empty = [cell for cell in cells if not (cell["paths"] == 1 and cell["articles"] and cell["communities"])]
    assert empty == []
    assert page_width(page) <= width
    scroller = page.locator(".table-scroll")  # the roadmap's own scrolling box
    fits = scroller.evaluate("(box) => box.scrollWidth <= box.clientWidth")
    if width == 1280:
        assert fits  # every role side by side on a desktop
    else:
        assert not fits  # on a phone the table scrolls in its own box; the stage names stay in view
        expect(page.get_by_text("Scroll the table sideways to see every role.")).to_be_visible()
        scroller.evaluate("(box) => { box.scrollLeft = box.scrollWidth; }")
        box, stage_cell = scroller.bounding_box(), page.locator(f"tr[data-stage={stage}] th").bounding_box()
        assert box["x"] <= stage_cell["x"] and stage_cell["x"] + stage_cell["width"] <= box["x"] + box["width"]
        scroller.evaluate("(box) => { box.scrollLeft = 0; }")
    screenshot(f"programme-roadmap-{width}")

    link = page.locator(f'tr[data-stage="{stage}"] td[data-role="{role}"] a[data-path]')
    title = link.inner_text()
    link.click()  # scrolled into view inside the table first, at 390 px
    expect(page).to_have_url(re.compile(r"/learning/[\w-]+/$"))
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    assert page_width(page) <= width
    assert console_errors == []


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_a_learner_sees_their_next_step_on_the_programme_and_the_home_page(
    page, portal, screenshot, console_errors, width, height
):
    """Sinead Byrne (learner5), a knowledge worker in Customer service (roll-out), is four lessons into her path."""
    log_in(page, portal, "learner5", "portal-demo")  # at the default width, where "Log out" is not in the folded menu
    page.set_viewport_size({"width": width, "height": height})
    for url, name in (("/programme/", "programme-next-step"), ("/", "programme-home-next-step")):
        page.goto(portal + url)
        heading = page.get_by_role("heading", name="Your next step", level=2)
        expect(heading).to_be_visible()
        step = page.locator('[data-next-step="lesson"]')
        expect(step).to_contain_text("Knowledge worker, Customer service: Roll-out stage.")
        expect(step.get_by_role("link", name="Knowledge worker: getting started")).to_be_visible()
        expect(step.locator("[data-progress]")).not_to_have_attribute("data-progress", "0")
        expect(step.get_by_text("Next lesson:")).to_be_visible()
        assert page_width(page) <= width
        heading.scroll_into_view_if_needed()
        screenshot(f"{name}-{width}")
    lesson = page.locator('[data-next-step="lesson"] p', has_text="Next lesson:").get_by_role("link")
    title = lesson.inner_text()
    lesson.click()
    expect(page.get_by_role("heading", name=title, level=1)).to_be_visible()
    assert console_errors == []


@pytest.mark.parametrize(("width", "height"), WIDTHS)
def test_the_demo_manager_sees_their_team_at_different_points(page, portal, screenshot, console_errors, width, height):
    """Tom Becker (learner2) manages in Finance, at the investigation stage."""
    log_in(page, portal, "learner2", "portal-demo")  # at the default width, where "Log out" is not in the folded menu
    page.set_viewport_size({"width": width, "height": height})
    page.goto(portal + "/programme/")
    page.get_by_role("link", name="See your team's progress").click()
    expect(page).to_have_url(portal + "/programme/team/")
    expect(page.get_by_role("heading", name="Your team in the KM programme", level=1)).to_be_visible()
    expect(page.get_by_text("Finance is at the Investigation stage.")).to_be_visible()
    rows = page.locator("tr[data-person]")
    expect(rows.first).to_be_visible()
    people = rows.evaluate_all("(rows) => rows.map((row) => row.dataset.person)")
    assert len(people) >= 4 and {"learner2", "learner7", "learner8"} <= set(people)
    assert "learner1" not in people  # Priya is in Operations
    percents = page.locator("[data-percent]").evaluate_all("(spans) => spans.map((span) => span.dataset.percent)")
    assert len(set(percents)) >= 3, percents
    expect(page.locator('tr[data-person="learner7"]')).to_contain_text("Knowledge worker: getting started")
    assert page_width(page) <= width
    assert page.locator(".table-scroll").evaluate("(box) => box.scrollWidth <= box.clientWidth")  # a block per person
    screenshot(f"programme-team-{width}")
    assert console_errors == []
