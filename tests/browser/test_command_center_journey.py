"""The command center in a real browser (issue 17), on the demo portal: a programme lead opens it at 1280 and
390 px; every panel's charts are drawn by the vendored Chart.js from the same figures as their tables, with no
console errors; the page refreshes its figures from the JSON endpoint without a reload and says when."""

import datetime
import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import admin_log_in, log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# Per figure: the chart's labels and numbers, the table's row labels, and the figure's own JSON, as the page has them.
READ_FIGURES = """() => {
    const data = JSON.parse(document.getElementById("command-center-data").textContent);
    const out = [];
    for (const panel of data.panels) {
        for (const figure of panel.figures) {
            const element = document.querySelector(`[data-figure="${figure.key}"]`);
            const canvas = element.querySelector("canvas");
            const chart = window.Chart && Chart.getChart(canvas);
            const box = canvas.getBoundingClientRect();
            out.push({
                key: figure.key,
                labels: figure.labels,
                values: figure.series.map((s) => s.values),
                chartLabels: chart ? chart.data.labels : null,
                chartValues: chart ? chart.data.datasets.map((d) => d.data) : null,
                drawn: !!chart && (figure.labels.length === 0 || (box.width > 0 && box.height > 0)),
                tableLabels: [...element.querySelectorAll("tbody th")].map((th) => th.textContent.trim()),
                cells: [...element.querySelectorAll("tbody tr")].map(
                    (tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent.trim())),
                table: figure.table,
            });
        }
    }
    return {panels: data.panels.map((p) => p.key), figures: out};
}"""


def check_figures(page, lively=True):
    page.wait_for_function("window.Chart && document.querySelectorAll('[data-figure] canvas').length > 0")
    found = page.evaluate(READ_FIGURES)
    assert found["panels"] == ["learning", "content", "communities", "search"]
    assert len(found["figures"]) >= 12
    with_data = 0
    for figure in found["figures"]:
        assert figure["drawn"], figure["key"]
        assert figure["chartLabels"] == figure["labels"], figure["key"]
        assert figure["chartValues"] == figure["values"], figure["key"]
        assert figure["tableLabels"] == figure["labels"], figure["key"]
        assert figure["cells"] == [row["cells"] for row in figure["table"]], figure["key"]
        with_data += bool(figure["labels"])
    if lively:  # the demo is lively: nearly every figure has figures
        assert with_data >= len(found["figures"]) - 2, [f["key"] for f in found["figures"] if not f["labels"]]
    return found


def test_a_programme_lead_reads_the_command_center_at_desktop_and_phone_widths(page, portal, screenshot):
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.clock.install()
    page.set_viewport_size({"width": 1280, "height": 900})
    admin_log_in(page, portal, "priya.raman")
    page.goto(portal + "/admin/command-center/")
    expect(page.get_by_role("heading", name="Command center", level=1)).to_be_visible()
    for name in ("Learning", "Content health", "Community health", "Search"):
        expect(page.get_by_role("heading", name=name, level=2)).to_be_visible()
    check_figures(page)
    screenshot("command-center-1280")

    # Live: thirty seconds later the page asks the JSON endpoint again and says when it last updated.
    updated = page.locator("[data-updated]")
    before = updated.get_attribute("datetime")
    time.sleep(1.1)  # the server's clock counts whole seconds
    page.clock.fast_forward(31_000)
    expect(updated).not_to_have_attribute("datetime", before, timeout=15_000)
    assert datetime.datetime.fromisoformat(updated.get_attribute("datetime")) >= datetime.datetime.fromisoformat(before)
    check_figures(page)

    # A filter narrows every figure; the CSV link carries it.
    page.get_by_label("Department", exact=True).select_option("HR")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"department=HR"))
    check_figures(page, lively=False)
    assert "department=HR" in page.locator("[data-figure] a[download]").first.get_attribute("href")

    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(portal + "/admin/command-center/")
    found = check_figures(page)
    widths = page.evaluate(
        "[...document.querySelectorAll('.command-center__chart')].filter((b) => !b.hidden)"
        ".map((b) => b.getBoundingClientRect().width)"
    )
    assert widths and max(widths) <= 390
    assert len(widths) == sum(bool(figure["labels"]) for figure in found["figures"])
    screenshot("command-center-390")
    assert errors == []


def test_a_forum_member_reads_the_programme_at_a_glance_and_an_outsider_never_does(page, portal, screenshot):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, portal, "liam.oconnor", password="portal-demo")  # a forum member, no programme lead
    page.goto(portal + "/communities/knowledge-strategy-forum/")
    summary = page.locator("section.programme-summary")
    expect(summary.get_by_role("heading", name="The KM programme at a glance")).to_be_visible()
    for panel in ("Learning", "Content health", "Community health", "Search"):
        expect(summary.get_by_role("heading", name=panel, level=3)).to_be_visible()
    expect(summary.locator("dt", has_text="Active learners")).to_be_visible()
    shown = summary.locator("dd").all_inner_texts()
    assert len(shown) >= 12 and any(text.strip() not in ("0", "\N{EN DASH}") for text in shown)
    expect(summary.get_by_role("link", name="Open the command center")).to_have_count(0)
    summary.scroll_into_view_if_needed()
    screenshot("knowledge-strategy-forum-at-a-glance")

    log_in(page, portal, "learner1", password="portal-demo")  # not a member: the page itself is closed to them
    page.goto(portal + "/communities/knowledge-strategy-forum/")
    expect(page.locator("section.programme-summary")).to_have_count(0)
    assert "at a glance" not in page.content()
    assert errors == []


def test_a_programme_lead_opens_the_reader_reports_a_panel_links_to(page, portal, screenshot):
    page.set_viewport_size({"width": 1280, "height": 900})
    admin_log_in(page, portal, "priya.raman")
    page.goto(portal + "/admin/reports/reader-reports/")
    expect(page.get_by_role("heading", name="Reader reports")).to_be_visible()
    expect(page.locator("table tbody tr").first).to_be_visible()
    assert page.locator("table tbody tr").count() >= 3
    screenshot("reader-reports")
