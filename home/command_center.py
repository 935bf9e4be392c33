"""The command center's Content health panel (issue 17): what is due or overdue for review, by topic and by owner;
what readers reported outdated; how old the reference library is; and how much of it was curated from community
contributions.

Review dates, flags and the library's make-up are as they stand today (the date range picks only the weekly
series); the department filter keeps content whose owner is in that department; the role filter is about learners
and does not apply to content. Every figure is a handful of grouped queries, whatever the size of the library."""

import calendar
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import BooleanField, Case, Count, ExpressionWrapper, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from home.models import ReferenceArticlePage
from portal.command_center.figures import Figure, Headline, Panel, PanelData, Scope, Series
from portal.feedback.models import ContentFlag
from portal.governance.review import due_for_review, soon
from portal.people.models import Profile
from portal.taxonomy.models import classified_models

KEY = "content"
TITLE = "Content health"
NO_TOPIC = "No topic"
NO_OWNER = "No owner"
OTHER_OWNERS = "Other owners"
TOP_OWNERS = 15  # the rest share one row: each page has one owner, so the row is exact
TOP_FLAGGED_PAGES = 10
# (label, months): a live article's age is counted from its last publication (a new version, or the first one).
AGE_BANDS = [("Under 3 months", 3), ("3 to 6 months", 6), ("6 to 12 months", 12), ("Over 12 months", None)]

REVIEW_NOTE = (
    "Live pages of every classified type (reference articles, modules, communities, blog posts) by their review "
    "date, as Reports > Content due for review counts them: overdue = before today, due soon = today or in the "
    "next {soon_days} days. As of today; the date range does not apply. {filters}"
)
TOPIC_NOTE = " A page with two topics counts under both (its own topics, not their parents)."
FILTER_NOTE = "Department: content whose owner is in it. The role filter does not apply to content."


def months_before(moment: datetime.datetime, months: int) -> datetime.datetime:
    """The same day and time `months` calendar months earlier (the month's last day where it is shorter)."""
    year, month = divmod(moment.year * 12 + moment.month - 1 - months, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def department_owners(scope: Scope):
    """The user ids the department filter keeps as owners (a subquery), or None when no department is picked."""
    if not scope.department:
        return None
    return Profile.objects.filter(department=scope.department).values("user_id")


def percent(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# -- review dates ------------------------------------------------------------------------------------------------
def review_rows(today: datetime.date, owners, group: dict) -> list[dict]:
    """Overdue and due-soon counts of live classified pages grouped by `group` (alias -> field), every classified
    model in one UNION ALL query."""
    querysets = []
    for model in classified_models():
        pages = due_for_review(model, soon(today))
        if owners is not None:
            pages = pages.filter(content_owner_id__in=owners)
        querysets.append(
            pages.values(**group)
            .annotate(
                overdue=Count("pk", filter=Q(review_by__lt=today)),
                due=Count("pk", filter=Q(review_by__gte=today)),
            )
            .order_by()
        )
    return list(querysets[0].union(*querysets[1:], all=True)) if querysets else []


def review_by_owner(today, owners) -> tuple[list[str], list[int], list[int]]:
    """Labels, overdue and due-soon counts per owner, most overdue first; beyond TOP_OWNERS, one row for the rest."""
    rows = review_rows(
        today,
        owners,
        {
            "cc_owner": F("content_owner_id"),
            "cc_username": F("content_owner__username"),
            "cc_first": F("content_owner__first_name"),
            "cc_last": F("content_owner__last_name"),
        },
    )
    counts, names = defaultdict(lambda: [0, 0]), {}
    for row in rows:
        counts[row["cc_owner"]][0] += row["overdue"]
        counts[row["cc_owner"]][1] += row["due"]
        full_name = f"{row['cc_first'] or ''} {row['cc_last'] or ''}".strip()
        names[row["cc_owner"]] = full_name or row["cc_username"] or NO_OWNER
    ranked = sorted(counts, key=lambda owner: (-counts[owner][0], -counts[owner][1], names[owner].lower()))
    labels = [names[owner] for owner in ranked[:TOP_OWNERS]]
    overdue = [counts[owner][0] for owner in ranked[:TOP_OWNERS]]
    due = [counts[owner][1] for owner in ranked[:TOP_OWNERS]]
    if rest := ranked[TOP_OWNERS:]:
        labels.append(OTHER_OWNERS)
        overdue.append(sum(counts[owner][0] for owner in rest))
        due.append(sum(counts[owner][1] for owner in rest))
    return labels, overdue, due


def review_by_topic(today, owners) -> tuple[list[str], list[int], list[int]]:
    """Labels, overdue and due-soon counts per topic (a page counts under each of its topics), most overdue first."""
    rows = review_rows(today, owners, {"cc_topic": F("topics__id"), "cc_topic_name": F("topics__name")})
    counts, names = defaultdict(lambda: [0, 0]), {}
    for row in rows:
        counts[row["cc_topic"]][0] += row["overdue"]
        counts[row["cc_topic"]][1] += row["due"]
        names[row["cc_topic"]] = row["cc_topic_name"] or NO_TOPIC
    ranked = sorted(counts, key=lambda topic: (-counts[topic][0], -counts[topic][1], names[topic].lower()))
    return [names[t] for t in ranked], [counts[t][0] for t in ranked], [counts[t][1] for t in ranked]


# -- readers' "outdated" flags -----------------------------------------------------------------------------------
@dataclass
class FlaggedPage:
    """A live page with open "outdated" flags or flags raised in the period, and whom and what it is filed under
    (a lesson, which has no classification of its own, under its module's, as search and its owner see it)."""

    page_id: int
    title: str
    path: str
    open: int
    raised: list[int]
    raised_open: list[int]
    owner_id: int | None = None
    topics: dict[int, str] = field(default_factory=dict)


def week_bounds(scope: Scope) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """Each week's [start, end) within the period, as aware datetimes."""
    bounds = []
    for monday in scope.weeks():
        start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time.min))
        end = start + datetime.timedelta(days=7)
        bounds.append((max(start, scope.since), min(end, scope.until)))
    return bounds


def week_of(field_name: str, scope: Scope, *, before: int, after: int) -> Case:
    """The index of the period's week a moment falls in, computed by the database (so rows are grouped by week
    in any time zone, on SQLite and PostgreSQL alike): `before` for moments before the period, `after` for later
    ones (and for none)."""
    weeks = [When(**{f"{field_name}__lt": scope.since}, then=Value(before))]
    weeks += [
        When(**{f"{field_name}__lt": end}, then=Value(index)) for index, (_start, end) in enumerate(week_bounds(scope))
    ]
    return Case(*weeks, default=Value(after), output_field=IntegerField())


def flagged_pages(scope: Scope) -> list[FlaggedPage]:
    """Live pages with open outdated flags or outdated flags raised in the period, with their weekly counts, owner
    and topics: two queries (three with a department, whose people own the pages kept)."""
    weeks = len(scope.weeks())
    is_open = Q(resolved_at__isnull=True)
    rows = (
        ContentFlag.objects.outdated()
        .filter(page__live=True)
        .filter(is_open | Q(created_at__gte=scope.since, created_at__lt=scope.until))
        .values(
            "page_id",
            "page__title",
            "page__path",
            cc_week=week_of("created_at", scope, before=-1, after=-1),
            cc_open=ExpressionWrapper(is_open, output_field=BooleanField()),
        )
        .annotate(flags=Count("pk"))
        .order_by()
    )
    pages = {}
    for row in rows:
        page = pages.get(row["page_id"])
        if page is None:
            page = FlaggedPage(row["page_id"], row["page__title"], row["page__path"], 0, [0] * weeks, [0] * weeks)
            pages[page.page_id] = page
        page.open += row["flags"] if row["cc_open"] else 0
        if row["cc_week"] >= 0:
            page.raised[row["cc_week"]] += row["flags"]
            page.raised_open[row["cc_week"]] += row["flags"] if row["cc_open"] else 0
    pages = list(pages.values())
    if not pages:
        return []
    classify(pages)
    if scope.department:
        owner_ids = {page.owner_id for page in pages} - {None}
        in_department = Profile.objects.filter(user_id__in=owner_ids, department=scope.department)
        kept = set(in_department.values_list("user_id", flat=True))
        pages = [page for page in pages if page.owner_id in kept]
    return pages


def classify(pages: list[FlaggedPage]) -> None:
    """Fill each page's owner and topics from its own classification, or its parent's when it has none: one
    UNION ALL query over the classified models, by tree path."""
    parent_of = {page.path: page.path[: -Page.steplen] for page in pages}
    paths = set(parent_of) | set(parent_of.values())
    querysets = [
        model.objects.filter(path__in=paths)
        .values(cc_path=F("path"), cc_owner=F("content_owner_id"), cc_topic=F("topics__id"), cc_name=F("topics__name"))
        .order_by()
        for model in classified_models()
    ]
    owners, topics = {}, defaultdict(dict)
    for row in querysets[0].union(*querysets[1:], all=True):
        owners[row["cc_path"]] = row["cc_owner"]
        if row["cc_topic"] is not None:
            topics[row["cc_path"]][row["cc_topic"]] = row["cc_name"]
    for page in pages:
        filed_at = page.path if page.path in owners else parent_of[page.path]
        page.owner_id, page.topics = owners.get(filed_at), topics.get(filed_at, {})


def flags_by_topic(pages: list[FlaggedPage]) -> tuple[list[str], list[int]]:
    """Open outdated flags per topic of the flagged page (a page with two topics counts under both), most first."""
    counts, names = Counter(), {}
    for page in pages:
        for topic_id, name in (page.topics or {None: NO_TOPIC}).items():
            counts[topic_id] += page.open
            names[topic_id] = name
    ranked = sorted((topic for topic in counts if counts[topic]), key=lambda t: (-counts[t], names[t].lower()))
    return [names[topic] for topic in ranked], [counts[topic] for topic in ranked]


def most_flagged(pages: list[FlaggedPage]) -> list[FlaggedPage]:
    flagged = [page for page in pages if page.open]
    return sorted(flagged, key=lambda page: (-page.open, page.title.lower(), page.page_id))[:TOP_FLAGGED_PAGES]


# -- the library -------------------------------------------------------------------------------------------------
def age_band(now: datetime.datetime) -> Case:
    """The index of an article's AGE_BANDS band, by its last publication (computed by the database)."""
    cutoffs = [months_before(now, months) for _label, months in AGE_BANDS[:-1]]
    bands = [When(last_published_at__gte=cutoff, then=Value(index)) for index, cutoff in enumerate(cutoffs)]
    return Case(*bands, default=Value(len(cutoffs)), output_field=IntegerField())


@dataclass
class Library:
    """Today's live reference articles: how many, how many curated, per age band, and at the end of each week of
    the period how many of them were out by then and how many of those were curated."""

    total: int = 0
    curated: int = 0
    age_curated: list[int] = field(default_factory=lambda: [0] * len(AGE_BANDS))
    age_other: list[int] = field(default_factory=lambda: [0] * len(AGE_BANDS))
    out_by_week: list[int] = field(default_factory=list)
    curated_by_week: list[int] = field(default_factory=list)


def library_counts(scope: Scope, now: datetime.datetime) -> Library:
    """The library's make-up in one grouped query: articles by age band, week of first publication (the week
    index, -1 before the period) and whether they were curated; weeks are summed up in Python."""
    articles = ReferenceArticlePage.objects.live().with_curation()
    if scope.department:
        articles = articles.filter(content_owner_id__in=department_owners(scope))
    weeks = len(scope.weeks())
    rows = (
        articles.values(
            "curated", cc_age=age_band(now), cc_week=week_of("first_published_at", scope, before=-1, after=weeks)
        )
        .annotate(articles=Count("pk"))
        .order_by()
    )
    library = Library(out_by_week=[0] * weeks, curated_by_week=[0] * weeks)
    for row in rows:
        count, curated = row["articles"], row["curated"]
        library.total += count
        library.curated += count if curated else 0
        (library.age_curated if curated else library.age_other)[row["cc_age"]] += count
        for week in range(max(row["cc_week"], 0), weeks):  # out by the end of its own week and every later one
            library.out_by_week[week] += count
            library.curated_by_week[week] += count if curated else 0
    return library


# -- the panel ---------------------------------------------------------------------------------------------------
def build(scope: Scope) -> PanelData:
    """The Content health panel for this scope (see the module's docstring for what the filters do)."""
    now = timezone.localtime()
    today = now.date()
    owners = department_owners(scope)
    review_note = REVIEW_NOTE.format(soon_days=settings.PORTAL_REVIEW_SOON_DAYS, filters=FILTER_NOTE)

    owner_labels, owner_overdue, owner_due = review_by_owner(today, owners)
    topic_labels, topic_overdue, topic_due = review_by_topic(today, owners)
    pages = flagged_pages(scope)
    flag_topics, flag_topic_counts = flags_by_topic(pages)
    top_pages = most_flagged(pages)
    weeks = scope.weeks()
    library = library_counts(scope, now)
    total, curated = library.total, library.curated

    figures = [
        Figure(
            "review_by_topic",
            "Due and overdue for review, by topic",
            "Topic",
            topic_labels,
            [Series("Overdue", topic_overdue), Series("Due soon", topic_due)],
            chart="stacked",
            note=review_note + TOPIC_NOTE,
            empty_message="Nothing is due for review.",
        ),
        Figure(
            "review_by_owner",
            "Due and overdue for review, by owner",
            "Owner",
            owner_labels,
            [Series("Overdue", owner_overdue), Series("Due soon", owner_due)],
            chart="stacked",
            note=review_note + f" The {TOP_OWNERS} owners with the most overdue; the rest as “{OTHER_OWNERS}”.",
            empty_message="Nothing is due for review.",
        ),
        Figure(
            "outdated_by_topic",
            "Open “outdated” flags, by topic",
            "Topic",
            flag_topics,
            [Series("Open outdated flags", flag_topic_counts)],
            chart="horizontal",
            note="Readers' open “outdated” flags on live pages, as of today. A page with two topics counts under "
            "both; a lesson counts under its module's topics and owner. " + FILTER_NOTE,
            empty_message="No reader has an open “outdated” flag.",
        ),
        Figure(
            "outdated_by_page",
            "Pages with the most open “outdated” flags",
            "Page",
            [page.title for page in top_pages],
            [Series("Open outdated flags", [page.open for page in top_pages])],
            chart="horizontal",
            note=f"The {TOP_FLAGGED_PAGES} live pages with the most open “outdated” flags; each links to its "
            "readers' reports. " + FILTER_NOTE,
            links=[reverse("feedback_resolve", args=[page.page_id]) for page in top_pages],
            empty_message="No reader has an open “outdated” flag.",
        ),
        Figure(
            "outdated_per_week",
            "“Outdated” flags raised per week",
            "Week of",
            [monday.isoformat() for monday in weeks],
            [
                Series("Raised", [sum(page.raised[i] for page in pages) for i in range(len(weeks))]),
                Series("Still open", [sum(page.raised_open[i] for page in pages) for i in range(len(weeks))]),
            ],
            note="Flags readers raised in each week of the period on pages live today, and how many of them are "
            "still open. " + FILTER_NOTE,
        ),
        Figure(
            "library_age",
            "Age of the library",
            "Last published",
            [label for label, _months in AGE_BANDS],
            [
                Series("Curated from contributions", library.age_curated),
                Series("Written for the library", library.age_other),
            ],
            chart="stacked",
            note="Live reference articles by the date of their last published version (calendar months before "
            "today). As of today; the date range does not apply. " + FILTER_NOTE,
            empty_message="The library has no live articles.",
        ),
        Figure(
            "library_sources",
            "Where the library comes from",
            "Source",
            ["Curated from community contributions", "Written for the library"],
            [Series("Live articles", [curated, total - curated])],
            chart="doughnut",
            note="Live reference articles curated from a community contribution (with a provenance) and the rest. "
            + FILTER_NOTE,
            empty_message="The library has no live articles.",
        ),
        Figure(
            "curated_share",
            "Share of the library curated from contributions",
            "Week of",
            [monday.isoformat() for monday in weeks],
            [
                Series(
                    "Curated",
                    [percent(*counts) for counts in zip(library.curated_by_week, library.out_by_week, strict=True)],
                )
            ],
            chart="line",
            unit="%",
            note="At the end of each week: of today's live reference articles first published by then, the share "
            "curated from community contributions. " + FILTER_NOTE,
        ),
    ]
    headlines = [
        Headline("Live articles", total, help="Live reference articles in the library."),
        Headline(
            "Overdue for review",
            sum(owner_overdue),
            help="Live pages (articles, modules, communities, blog posts) whose review date has passed.",
        ),
        Headline(
            "Due soon",
            sum(owner_due),
            help=f"Live pages due for review today or in the next {settings.PORTAL_REVIEW_SOON_DAYS} days.",
        ),
        Headline(
            "Open outdated flags",
            sum(page.open for page in pages),
            help="Readers' “outdated” flags on live pages that nobody has resolved yet.",
        ),
        Headline(
            "Curated",
            percent(curated, total),
            unit="%",
            help="Share of live reference articles curated from community contributions.",
        ),
    ]
    links = [
        ("Content due for review", reverse("governance_review_report")),
        ("Reader reports", reverse("feedback_reader_reports")),
    ]
    return PanelData(KEY, TITLE, headlines, figures, links)


PANEL = Panel(KEY, TITLE, order=20, build=build, about_communities=False)
