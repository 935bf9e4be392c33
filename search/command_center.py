"""The command center's Search panel: searches per day, the zero-result rate, the top zero-result queries and the
most searched topics, read from the daily rollup (search.models: SearchDay, ZeroResultQueryDay, TopicSearchDay) in
four queries whatever the traffic.

Searches are anonymous, so the department and role filters do not apply to this panel; nor does the community
filter (a search belongs to no community). Facilitators do not see the panel at all (`about_communities=False`)."""

import datetime
from urllib.parse import urlencode

from django.urls import reverse

from portal.command_center.figures import Figure, Headline, Panel, PanelData, Scope, Series
from search.models import SearchDay, TopicSearchDay, ZeroResultQueryDay

TOP = 10  # queries and topics shown in each top list

COUNTED = (
    "A search is the first page of results on the search page or the search API, for words, filters or both; "
    "further pages, autocomplete and the people directory are not counted."
)
ANONYMOUS = "Searches are not recorded by person: the department and role filters do not apply to this panel."


def percentage(part: int, whole: int) -> float | None:
    """`part` of `whole` in per cent to one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def days_of(scope: Scope) -> list[datetime.date]:
    return [scope.start + datetime.timedelta(days=n) for n in range((scope.end - scope.start).days + 1)]


def gaps_report_url(query_string: str = "") -> str:
    """The search-gaps report (searches with no results), narrowed to one query when given."""
    url = reverse("search_gaps_report")
    return f"{url}?{urlencode({'query_string': query_string})}" if query_string else url


def build(scope: Scope) -> PanelData:
    """The Search panel for this period (the people and community filters are ignored: see the module's note)."""
    by_day = {
        day: (searches, zero)
        for day, searches, zero in SearchDay.objects.within(scope.start, scope.end).values_list(
            "day", "searches", "zero_results"
        )
    }
    days = days_of(scope)
    searches = [by_day.get(day, (0, 0))[0] for day in days]
    zero_results = [by_day.get(day, (0, 0))[1] for day in days]

    weeks = scope.weeks()
    weekly_rates = []
    for monday in weeks:
        week = [by_day.get(monday + datetime.timedelta(days=n), (0, 0)) for n in range(7)]
        weekly_rates.append(percentage(sum(zero for _, zero in week), sum(total for total, _ in week)))

    gaps = ZeroResultQueryDay.objects.within(scope.start, scope.end)
    top_gaps = list(gaps.most_searched(TOP))
    distinct_gaps = gaps.values("query_id").distinct().count()
    top_topics = list(TopicSearchDay.objects.within(scope.start, scope.end).most_searched(TOP))

    total, total_zero = sum(searches), sum(zero_results)
    headlines = [
        Headline("Searches", total, help=COUNTED),
        Headline("Zero-result rate", percentage(total_zero, total), "%", help="Searches that found nothing."),
        Headline(
            "Distinct zero-result queries",
            distinct_gaps,
            help="Different words searched for alone (no filters) that found nothing in the period.",
        ),
    ]
    figures = [
        Figure(
            key="searches-per-day",
            title="Searches per day",
            label_heading="Day",
            labels=[day.isoformat() for day in days],
            series=[Series("Searches", searches), Series("With no results", zero_results)],
            chart="line",
            note=f"{COUNTED} {ANONYMOUS}",
        ),
        Figure(
            key="zero-result-rate",
            title="Zero-result rate per week",
            label_heading="Week of",
            labels=[monday.isoformat() for monday in weeks],
            series=[Series("Searches with no results", weekly_rates)],
            chart="line",
            unit="%",
            note="The share of the week's searches (within the period) that found nothing; none in a week without "
            "searches. Searches answered by the database while Elasticsearch was down never count as finding "
            "nothing.",
        ),
        Figure(
            key="top-zero-result-queries",
            title="Top zero-result queries",
            label_heading="Search",
            labels=[row["query__query_string"] for row in top_gaps],
            series=[Series("Searches", [row["total"] for row in top_gaps])],
            chart="horizontal",
            note=f"The {TOP} words searched for alone (no filters) most often in the period without finding anything "
            "(lower case, spaces collapsed). Each links to the search-gaps report, which counts since the first "
            "time.",
            links=[gaps_report_url(row["query__query_string"]) for row in top_gaps],
            empty_message="No search came back empty in this period.",
        ),
        Figure(
            key="most-searched-topics",
            title="Most searched topics",
            label_heading="Topic",
            labels=[row["topic__name"] for row in top_topics],
            series=[Series("Searches", [row["total"] for row in top_topics])],
            chart="horizontal",
            note=f"The {TOP} topics searched most often: searches with the topic picked in the topic filter, and "
            "searches whose words are the topic's name (case-insensitive, exact). A search about two topics counts "
            "for each; a topic counts alone, not its subtopics.",
            links=[reverse("taxonomy:topic", args=[row["topic__slug"]]) for row in top_topics],
            empty_message="No search was about a topic in this period.",
        ),
    ]
    return PanelData(
        key="search",
        title="Search",
        headlines=headlines,
        figures=figures,
        links=[("Searches with no results", gaps_report_url())],
    )


PANEL = Panel(key="search", title="Search", order=40, build=build, about_communities=False)
