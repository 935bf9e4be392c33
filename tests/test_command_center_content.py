"""The command center's Content health panel (home/command_center.py, issue 17): on a generated library, every
figure and headline equals what the rows say, computed here in plain Python; the department filter keeps content
whose owner is in it and the role filter leaves content alone; only live pages count; the review figures agree with
Reports > Content due for review and the dashboard; the number of queries does not grow with the data. Also the
Reader reports admin list the panel links to."""

import datetime
import random
import re
from collections import Counter

import pytest
from dateutil.relativedelta import relativedelta

from django.apps import apps as django_apps
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

from communities.blog import BlogPostPage
from communities.models import CommunityPage
from home import command_center
from home.models import ReferenceArticlePage
from learning.models import LessonPage, ModulePage
from portal.command_center.figures import Scope, panels, panels_for
from portal.curation.models import Provenance
from portal.feedback.models import ContentFlag
from portal.governance.editorial_setup import install as install_editorial_setup
from portal.governance.review import pages_due_for_review
from portal.governance.wagtail_hooks import ReviewPanel
from portal.governance.workflows import AUTHORS, EDITORS, PROGRAMME_LEADS
from portal.people.models import Profile
from tests.factories import (
    make_article,
    make_audience,
    make_blog_post,
    make_community,
    make_library,
    make_module,
    make_topic,
    make_user,
)
from tests.helpers import client_for, csv_rows, ensure_site

pytestmark = pytest.mark.django_db

DEPARTMENTS = ["Finance", "HR", ""]
CLASSIFIED = [ReferenceArticlePage, ModulePage, BlogPostPage, CommunityPage]


# -- a generated library -----------------------------------------------------------------------------------------
def moment(days_ago: int) -> datetime.datetime:
    return timezone.localtime() - datetime.timedelta(days=days_ago, hours=1)


def flag(page, reader, days_ago, kind=ContentFlag.Kind.OUTDATED, resolved=False):
    flag = ContentFlag.objects.create(page=page, flagged_by=reader, kind=kind, created_at=moment(days_ago))
    if resolved:
        ContentFlag.objects.filter(pk=flag.pk).update(resolved_at=timezone.now())
    return flag


def curated(article, number):
    Provenance.objects.create(
        page=article,
        source_type=ContentType.objects.get_for_model(Page),
        source_id=number,
        source_key=f"thread:{number}",
        source_kind="discussion",
        source_title=f"Thread {number}",
        source_url="/",
    )


def grow(world, count, seed):
    """Add `count` articles (some unpublished), with owners, topics, review dates, ages, provenance and flags
    drawn from a seeded generator."""
    rng = random.Random(seed)
    today = timezone.localdate()
    for number in range(count):
        owner = rng.choice([*world["owners"], None])
        topics = rng.sample(world["topics"], rng.choice([0, 1, 1, 2]))
        live = rng.random() > 0.15
        article = make_article(
            world["library"],
            f"Article {seed}-{number}",
            topics=topics,
            owner=owner,
            review_by=today + datetime.timedelta(days=rng.randint(-120, 90)),
            live=live,
            published=today - datetime.timedelta(days=rng.randint(0, 500)) if live else None,
        )
        if live and rng.random() < 0.3:  # a newer version since the first
            ReferenceArticlePage.objects.filter(pk=article.pk).update(last_published_at=moment(rng.randint(0, 60)))
        if rng.random() < 0.3:
            curated(article, seed * 1000 + number)
        for reader in rng.sample(world["readers"], rng.choice([0, 0, 1, 2])):
            flag(article, reader, rng.randint(0, 70), resolved=rng.random() < 0.3)
        if rng.random() < 0.2:
            flag(article, rng.choice(world["readers"]), rng.randint(0, 70), kind=ContentFlag.Kind.IMPROVEMENT)


@pytest.fixture(scope="module")
def generated(django_db_setup, django_db_blocker):
    """The generated library, made once for the module inside a transaction rolled back at its end; each test
    runs in a savepoint within it (the `db` fixture), so what a test changes is gone for the next."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield make_world()
        transaction.set_rollback(True)


@pytest.fixture
def world(db, generated):
    return generated


def make_world():
    ensure_site()
    install_editorial_setup(django_apps)  # the groups, as their migration made them, should a test have flushed them
    library = make_library()
    owners = []
    for number, department in enumerate(["Finance", "Finance", "HR", "HR", ""]):
        owner = make_user(f"owner{number}", first_name=f"Owner{number}", last_name="Smith")
        Profile.objects.filter(user=owner).update(department=department)
        owners.append(owner)
    owners.append(make_user("plainname"))  # no full name: shown by username
    finance = make_topic("Finance practice")
    topics = [finance, make_topic("Payroll", parent=finance), make_topic("Onboarding"), make_topic("Metrics")]
    readers = [make_user(f"reader{number}") for number in range(4)]
    world = {"library": library, "owners": owners, "topics": topics, "readers": readers}
    grow(world, 24, seed=1)
    today = timezone.localdate()
    # The review windows' edges: due today, the last day of the window, the day after it, overdue since yesterday.
    for days in (0, 30, 31, -1):
        make_article(library, f"Edge {days}", owner=owners[1], review_by=today + datetime.timedelta(days=days))
    # The age bands' edges: either side of three and of twelve calendar months ago.
    now = timezone.localtime()
    for months in (3, 12):
        for hours in (-2, 2):
            article = make_article(library, f"Age {months} {hours}", owner=owners[1])
            when = now - relativedelta(months=months) + datetime.timedelta(hours=hours)
            ReferenceArticlePage.objects.filter(pk=article.pk).update(first_published_at=when, last_published_at=when)
    # A curated article out on a Monday morning three weeks ago: in that week's share, not the week before's.
    monday = today - datetime.timedelta(days=today.weekday(), weeks=3)
    curated(make_article(library, "Curated on a Monday", owner=owners[1], published=monday), 999)
    # A module with an overdue review; a reader flags one of its lessons (filed under the module).
    module = make_module("Budget basics", lessons=2, quiz_in_last=False)
    module.content_owner, module.review_by = owners[0], today - datetime.timedelta(days=3)
    module.topics = [topics[0], topics[3]]
    module.save_revision().publish()
    world["module"] = module
    world["lesson"] = LessonPage.objects.child_of(module).first()
    flag(world["lesson"], readers[0], 2)
    flag(world["lesson"], readers[1], 9)
    # A community blog post due soon, owned by an HR owner; its community gets a review date a year out.
    community = make_community("Payroll people")
    world["post"] = make_blog_post(
        community,
        "Closing the month",
        author=owners[2],
        content_owner=owners[2],
        review_by=today + datetime.timedelta(days=10),
        topics=[topics[1]],
    )
    # Not live: an overdue draft with an open flag counts nowhere.
    draft = make_article(library, "Withdrawn guide", owner=owners[0], review_by=today - datetime.timedelta(days=50))
    flag(draft, readers[2], 1)
    draft.unpublish()
    return world


def whole_period(weeks=8) -> Scope:
    today = timezone.localdate()
    return Scope(start=today - datetime.timedelta(weeks=weeks), end=today)


# -- the truth, from the rows ------------------------------------------------------------------------------------
def owner_label(user) -> str:
    return (user.get_full_name() or user.username) if user else command_center.NO_OWNER


def in_department(user, department) -> bool:
    return not department or (user is not None and Profile.objects.get(user=user).department == department)


def filed_under(page):
    """The page's classification, or its parent's for a page with none of its own (a lesson)."""
    specific = page.specific
    return specific if isinstance(specific, tuple(CLASSIFIED)) else page.get_parent().specific


def truth(scope: Scope) -> dict:
    today = timezone.localdate()
    soon = today + datetime.timedelta(days=30)
    now = timezone.localtime()
    review_owner, review_topic = Counter(), Counter()
    overdue = due = 0
    for model in CLASSIFIED:
        for page in model.objects.filter(live=True, review_by__isnull=False).select_related("content_owner"):
            if page.review_by > soon or not in_department(page.content_owner, scope.department):
                continue
            state = "Overdue" if page.review_by < today else "Due soon"
            overdue, due = overdue + (state == "Overdue"), due + (state == "Due soon")
            review_owner[owner_label(page.content_owner), state] += 1
            for topic in page.topics.all() or [None]:
                review_topic[topic.name if topic else command_center.NO_TOPIC, state] += 1

    open_by_topic, open_by_page, raised, raised_open = Counter(), Counter(), Counter(), Counter()
    open_flags = 0
    for row in ContentFlag.objects.filter(kind="outdated").select_related("page"):
        filed = filed_under(row.page)
        if not row.page.live or not in_department(filed.content_owner, scope.department):
            continue
        is_open = row.resolved_at is None
        if is_open:
            open_flags += 1
            open_by_page[row.page.title] += 1
            for topic in filed.topics.all() or [None]:
                open_by_topic[topic.name if topic else command_center.NO_TOPIC] += 1
        created = timezone.localdate(row.created_at)
        if scope.start <= created <= scope.end:
            monday = created - datetime.timedelta(days=created.weekday())
            raised[monday.isoformat()] += 1
            raised_open[monday.isoformat()] += is_open

    articles = [
        article
        for article in ReferenceArticlePage.objects.filter(live=True).select_related("content_owner")
        if in_department(article.content_owner, scope.department)
    ]
    curated_ids = set(Provenance.objects.values_list("page_id", flat=True))
    ages = Counter()
    cutoff = {months: now - relativedelta(months=months) for months in (3, 6, 12)}
    for article in articles:
        published = article.last_published_at
        band = (
            "Under 3 months"
            if published >= cutoff[3]
            else "3 to 6 months"
            if published >= cutoff[6]
            else "6 to 12 months"
            if published >= cutoff[12]
            else "Over 12 months"
        )
        ages[band, article.pk in curated_ids] += 1
    share = {}
    for monday in scope.weeks():
        end = min(monday + datetime.timedelta(days=7), scope.end + datetime.timedelta(days=1))
        out = [a for a in articles if timezone.localdate(a.first_published_at) < end]
        share[monday.isoformat()] = round(100 * sum(a.pk in curated_ids for a in out) / len(out), 1) if out else None
    total = len(articles)
    curated_count = sum(article.pk in curated_ids for article in articles)
    return {
        "review_owner": review_owner,
        "review_topic": review_topic,
        "open_by_topic": open_by_topic,
        "open_by_page": open_by_page,
        "raised": raised,
        "raised_open": raised_open,
        "ages": ages,
        "share": share,
        "headlines": {
            "Live articles": total,
            "Overdue for review": overdue,
            "Due soon": due,
            "Open outdated flags": open_flags,
            "Curated": round(100 * curated_count / total, 1) if total else None,
        },
        "sources": [curated_count, total - curated_count],
    }


def table(figure) -> dict:
    """label -> {series name: value}"""
    return {row[0]: dict(zip(figure.header()[1:], row[1:], strict=True)) for row in figure.rows()}


def column(figure) -> dict:
    """label -> value of a one-series figure"""
    return dict(zip(figure.labels, figure.series[0].values, strict=True))


def assert_panel_is_true(data, scope):
    expected = truth(scope)
    figures = {figure.key: figure for figure in data.figures}
    assert {headline.label: headline.value for headline in data.headlines} == expected["headlines"]

    for key, counts in (("review_by_owner", expected["review_owner"]), ("review_by_topic", expected["review_topic"])):
        rows = table(figures[key])
        labels = {label for label, _state in counts}
        assert set(rows) == labels, key
        for label in labels:
            assert rows[label] == {"Overdue": counts[label, "Overdue"], "Due soon": counts[label, "Due soon"]}, label
        overdue_first = [(-rows[label]["Overdue"], -rows[label]["Due soon"]) for label in figures[key].labels]
        assert overdue_first == sorted(overdue_first)

    assert dict(
        zip(figures["outdated_by_topic"].labels, figures["outdated_by_topic"].series[0].values, strict=True)
    ) == dict(expected["open_by_topic"])
    top = figures["outdated_by_page"]
    assert len(top.labels) == min(len(expected["open_by_page"]), command_center.TOP_FLAGGED_PAGES)
    assert all(
        expected["open_by_page"][title] == count for title, count in zip(top.labels, top.series[0].values, strict=True)
    )
    assert sorted(top.series[0].values, reverse=True) == top.series[0].values
    assert top.series[0].values[:1] == sorted(expected["open_by_page"].values(), reverse=True)[:1]
    assert [link.rsplit("/", 3)[-3] for link in top.links] == [
        str(Page.objects.get(title=title).pk) for title in top.labels
    ]

    weeks = [monday.isoformat() for monday in scope.weeks()]
    per_week = table(figures["outdated_per_week"])
    assert list(per_week) == weeks
    assert {week: (row["Raised"], row["Still open"]) for week, row in per_week.items()} == {
        week: (expected["raised"][week], expected["raised_open"][week]) for week in weeks
    }

    ages = table(figures["library_age"])
    assert ages == {
        band: {
            "Curated from contributions": expected["ages"][band, True],
            "Written for the library": expected["ages"][band, False],
        }
        for band, _months in command_center.AGE_BANDS
    }
    assert figures["library_sources"].series[0].values == expected["sources"]
    assert (
        dict(zip(figures["curated_share"].labels, figures["curated_share"].series[0].values, strict=True))
        == expected["share"]
    )
    return expected


# -- the tests ---------------------------------------------------------------------------------------------------
def test_the_panel_is_registered_for_programme_leads_not_for_facilitators():
    panel = panels["content"]
    assert (panel.title, panel.order, panel.about_communities) == ("Content health", 20, False)
    today = timezone.localdate()
    assert panel in panels_for(Scope(start=today, end=today))
    assert panel not in panels_for(Scope(start=today, end=today, community_ids=frozenset({1}), communities_only=True))


def test_every_figure_and_headline_equals_the_database_truth(world):
    scope = whole_period()
    data = panels["content"].build(scope)
    expected = assert_panel_is_true(data, scope)
    # The generated library has something in every figure, so the comparisons above compared something.
    assert all(figure.labels for figure in data.figures)
    assert all(value for value in expected["headlines"].values())
    assert sum(expected["raised"].values()) and sum(expected["sources"]) and expected["sources"][0]
    assert len(data.as_json()["figures"]) == 8
    assert data.links == [
        ("Content due for review", reverse("governance_review_report")),
        ("Reader reports", reverse("feedback_reader_reports")),
    ]


def test_a_page_with_two_topics_counts_under_both_and_a_lesson_under_its_module(world):
    """The module (two topics, overdue) and its flagged lesson, read off the figures."""
    module, lesson = world["module"], world["lesson"]
    ModulePage.objects.filter(pk=module.pk).update(review_by=timezone.localdate() - datetime.timedelta(days=3))
    before = {figure.key: table(figure) for figure in panels["content"].build(whole_period()).figures}
    ModulePage.objects.filter(pk=module.pk).update(review_by=timezone.localdate() + datetime.timedelta(days=200))
    ContentFlag.objects.filter(page=lesson).update(resolved_at=timezone.now())
    after = {figure.key: table(figure) for figure in panels["content"].build(whole_period()).figures}

    def drop(key, label, series):
        return before[key].get(label, {}).get(series, 0) - after[key].get(label, {}).get(series, 0)

    for topic in ("Finance practice", "Metrics"):
        assert drop("review_by_topic", topic, "Overdue") == 1
        assert drop("outdated_by_topic", topic, "Open outdated flags") == 2
    assert drop("review_by_topic", "Payroll", "Overdue") == 0  # a parent's topic is not its children's
    assert drop("review_by_owner", "Owner0 Smith", "Overdue") == 1
    assert drop("outdated_by_page", lesson.title, "Open outdated flags") == 2


@pytest.mark.parametrize("department", ["Finance", "HR", "Nobody here"])
def test_the_department_filter_keeps_content_whose_owner_is_in_it(world, department):
    scope = Scope(start=whole_period().start, end=whole_period().end, department=department)
    data = panels["content"].build(scope)
    assert_panel_is_true(data, scope)
    everyone = {h.label: h.value for h in panels["content"].build(whole_period()).headlines}
    filtered = {h.label: h.value for h in data.headlines}
    if department == "Nobody here":
        assert filtered == dict.fromkeys(everyone, 0) | {"Curated": None}
    else:
        assert 0 < filtered["Live articles"] < everyone["Live articles"]


def test_the_role_filter_does_not_apply_to_content(world):
    role = make_audience("Managers")
    Profile.objects.filter(user=world["owners"][0]).update(role=role)
    everyone = panels["content"].build(whole_period()).as_json()
    with_role = Scope(start=whole_period().start, end=whole_period().end, role_id=role.pk)
    assert panels["content"].build(with_role).as_json() == everyone
    assert "role filter does not apply" in everyone["figures"][0]["note"]


def test_the_date_range_picks_the_weekly_series_only(world):
    today = timezone.localdate()
    recent = Scope(start=today - datetime.timedelta(days=10), end=today)
    long_ago = Scope(start=today - datetime.timedelta(days=400), end=today - datetime.timedelta(days=300))
    for scope in (recent, long_ago):
        assert_panel_is_true(panels["content"].build(scope), scope)
    recent_data, old_data = panels["content"].build(recent), panels["content"].build(long_ago)
    assert [h.value for h in recent_data.headlines] == [h.value for h in old_data.headlines]
    old = {figure.key: figure for figure in old_data.figures}
    assert sum(old["outdated_per_week"].series[0].values) == 0  # no flag is that old
    recent_figures = {figure.key: figure for figure in recent_data.figures}
    assert sum(recent_figures["outdated_per_week"].series[0].values) > 0


def test_only_what_is_live_now_counts(world):
    scope = whole_period()
    before = {h.label: h.value for h in panels["content"].build(scope).headlines}
    flagged = ReferenceArticlePage.objects.live().filter(reader_flags__resolved_at__isnull=True)
    flagged = flagged.filter(reader_flags__kind="outdated").distinct().first()
    open_on_it = ContentFlag.objects.open().outdated().filter(page=flagged).count()
    flagged.unpublish()
    after = {h.label: h.value for h in panels["content"].build(scope).headlines}
    assert after["Live articles"] == before["Live articles"] - 1
    assert after["Open outdated flags"] == before["Open outdated flags"] - open_on_it
    assert_panel_is_true(panels["content"].build(scope), scope)
    world["post"].delete()
    assert_panel_is_true(panels["content"].build(scope), scope)


def test_the_review_figures_agree_with_the_review_report_and_the_dashboard(world):
    today = timezone.localdate()
    headlines = {h.label: h.value for h in panels["content"].build(whole_period()).headlines}
    soon = today + datetime.timedelta(days=30)
    report = [item for item in pages_due_for_review() if item.review_by is not None and item.review_by <= soon]
    assert headlines["Overdue for review"] == sum(1 for item in report if item.overdue)
    assert headlines["Due soon"] == sum(1 for item in report if not item.overdue)
    dashboard = ReviewPanel().get_context_data({})
    assert (dashboard["overdue"], dashboard["due_soon"]) == (headlines["Overdue for review"], headlines["Due soon"])


def test_many_owners_share_one_row_beyond_the_top(world, monkeypatch):
    monkeypatch.setattr(command_center, "TOP_OWNERS", 2)
    figure = next(f for f in panels["content"].build(whole_period()).figures if f.key == "review_by_owner")
    expected = truth(whole_period())["review_owner"]
    rows = table(figure)
    assert figure.labels[-1] == command_center.OTHER_OWNERS and len(figure.labels) == 3
    for state in ("Overdue", "Due soon"):
        assert sum(row[state] for row in rows.values()) == sum(n for (_o, s), n in expected.items() if s == state)


def test_the_number_of_queries_does_not_grow_with_the_library(world):
    scope = Scope(start=whole_period().start, end=whole_period().end, department="Finance")
    with CaptureQueriesContext(connection) as small:
        panels["content"].build(scope)
    grow(world, 30, seed=2)
    with CaptureQueriesContext(connection) as large:
        panels["content"].build(scope)
    assert len(large.captured_queries) == len(small.captured_queries) <= 8


# -- the Reader reports list ---------------------------------------------------------------------------------------
def test_reader_reports_list_open_flags_for_editors_and_authors_only(world):
    url = reverse("feedback_reader_reports")
    lead = make_user("a-lead")  # the command center links here: Programme leads may open it
    lead.groups.add(Group.objects.get_or_create(name=PROGRAMME_LEADS)[0])
    for user, status in (
        (make_user("an-editor", group=EDITORS), 200),
        (make_user("an-author", group=AUTHORS), 200),
        (make_user("a-reader"), 302),
        (lead, 200),
    ):
        response = client_for(user).get(url)
        assert response.status_code == status, user.username
    client = client_for(make_user("another-editor", group=EDITORS))
    html = client.get(url).content.decode()
    listed = {int(pk) for pk in re.findall(r'data-reader-report="(\d+)"', html)}
    assert listed == set(ContentFlag.objects.open().values_list("pk", flat=True))
    resolved = client.get(url, {"state": "resolved", "kind": "outdated"}).content.decode()
    listed = {int(pk) for pk in re.findall(r'data-reader-report="(\d+)"', resolved)}
    assert listed == set(
        ContentFlag.objects.filter(resolved_at__isnull=False, kind="outdated").values_list("pk", flat=True)
    )
    rows = csv_rows(client.get(url, {"export": "csv"}))
    assert rows[0] == ["Page", "Kind", "Comment", "Reader", "Reported", "Resolved", "Resolution"]
    assert len(rows) - 1 == ContentFlag.objects.open().count()
