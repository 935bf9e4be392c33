"""The value network (/network/): who helps whom across departments. Its figures must equal a plain count of the
database, per reader (anonymous, non-member, member, superuser), with only what each may open; the table, the
chart data and the CSV carry the same figures; bad filters say so and fall back; profiles say "Helped N people in
M departments this year"."""

import csv
import datetime
import io
from collections import Counter
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.discussions import Post, Reply, Thread
from portal.curation.models import Contribution, Provenance
from portal.network.value import ACCEPTED, ANSWER, CONTRIBUTION, value_network
from portal.people.models import Profile
from portal.searchable import objects_for_keys, page_visible_to, search_key
from tests.factories import make_article, make_community, make_library, make_user
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db

DEPARTMENTS = ["Finance", "HR", "IT", "Legal", "Operations", ""]  # "" counts under "No department"
ORGANISATIONS = ["Northbridge", "Harbourline"]
ALL_KINDS = [ANSWER, ACCEPTED, CONTRIBUTION]


@pytest.fixture
def world():
    ensure_site()
    people = []
    for number, department in enumerate(DEPARTMENTS * 2):
        user = make_user(f"person{number}", first_name=f"Person{number}", last_name="Helper")
        Profile.objects.filter(user=user).update(
            department=department, organisation=ORGANISATIONS[number % 2] if number % 3 else ""
        )
        people.append(user)
    member, outsider = people[0], people[1]
    public = make_community("Open forum", members=people)
    private = make_community("Inner circle", members_only=True, members=[member, *people[2:6]])
    library = make_library()
    return {
        "people": people,
        "member": member,
        "outsider": outsider,
        "superuser": make_user("boss", is_superuser=True, is_staff=True),
        "communities": [public, private],
        "library": library,
    }


def ask(community, asker, title="A question?", kind=Thread.Kind.QUESTION, status=Post.Status.PUBLISHED, days=1):
    return Thread.objects.create(
        community=community,
        author=asker,
        title=title,
        body="How do we do this?",
        kind=kind,
        status=status,
        created_at=timezone.now() - datetime.timedelta(days=days),
    )


def answer(thread, author, days=1, status=Post.Status.PUBLISHED, accepted=False):
    reply = Reply.objects.create(
        thread=thread,
        author=author,
        body="Like this.",
        status=status,
        created_at=timezone.now() - datetime.timedelta(days=days),
    )
    if accepted:
        Thread.objects.filter(pk=thread.pk).update(accepted_reply=reply)
        thread.accepted_reply = reply
    return reply


def curate(world, source, contributor, curator, title="Curated", live=True):
    article = make_article(world["library"], title, live=live)
    provenance = Provenance.objects.create(
        page=article,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        source_key=search_key(source),
        source_kind="discussion",
        source_title=source.title,
        source_url="/",
        source_was_public=not source.community.members_only,
        curated_by=curator,
        credited_at=timezone.now(),
    )
    Contribution.objects.create(provenance=provenance, user=contributor, name=contributor.username, part="an answer")
    return article


# -- the database truth, counted the plain way: every row, the one visibility rule ---------------------------------
def group(user, grouping):
    value = getattr(Profile.objects.get(user=user), grouping)
    return value or ("No department" if grouping == "department" else "No organisation")


def truth(viewer, grouping="department", start=None, end=None) -> Counter:
    def in_period(moment):
        return (start is None or moment >= start) and (end is None or moment < end)

    counts = Counter()
    for reply in Reply.objects.select_related("thread__community", "thread__author", "author"):
        thread = reply.thread
        if (
            thread.kind != Thread.Kind.QUESTION
            or reply.author_id == thread.author_id
            or not in_period(reply.created_at)
        ):
            continue
        if not (reply.search_visible_to(viewer) and thread.search_visible_to(viewer)):
            continue
        key = (group(reply.author, grouping), group(thread.author, grouping))
        counts[(*key, ANSWER)] += 1
        if thread.accepted_reply_id == reply.pk:
            counts[(*key, ACCEPTED)] += 1
    for contribution in Contribution.objects.select_related("provenance__page", "provenance__curated_by", "user"):
        provenance = contribution.provenance
        helped = provenance.curated_by or provenance.page.owner
        moment = provenance.credited_at or provenance.curated_at
        if contribution.user is None or helped is None or contribution.user == helped or not in_period(moment):
            continue
        source = objects_for_keys([provenance.source_key]).get(provenance.source_key)
        source_open = source.search_visible_to(viewer) if source else provenance.source_was_public
        if provenance.page.live and page_visible_to(provenance.page, viewer) and source_open:
            counts[(group(contribution.user, grouping), group(helped, grouping), CONTRIBUTION)] += 1
    return counts


def counted(network) -> Counter:
    return Counter(
        {
            (flow.helper_group, flow.helped_group, kind): count
            for flow in network.flows
            for kind, count in flow.counts.items()
            if count
        }
    )


def viewers(world):
    return {
        "anonymous": AnonymousUser(),
        "outsider": world["outsider"],
        "member": world["member"],
        "superuser": world["superuser"],
    }


THREADS = st.lists(
    st.fixed_dictionaries(
        {
            "community": st.integers(0, 1),
            "asker": st.integers(0, 11),
            "kind": st.sampled_from([Thread.Kind.QUESTION, Thread.Kind.QUESTION, Thread.Kind.TIP]),
            "status": st.sampled_from([Post.Status.PUBLISHED, Post.Status.PUBLISHED, Post.Status.HIDDEN]),
            "replies": st.lists(
                st.tuples(
                    st.integers(0, 11),
                    st.sampled_from([Post.Status.PUBLISHED, Post.Status.PUBLISHED, Post.Status.PENDING]),
                    st.integers(0, 400),
                ),
                max_size=4,
            ),
            "accepted": st.none() | st.integers(0, 3),
            "curated": st.none() | st.tuples(st.integers(0, 11), st.integers(0, 11), st.booleans()),
        }
    ),
    min_size=1,
    max_size=5,
)


@settings(max_examples=examples(25))
@given(threads=THREADS, grouping=st.sampled_from(["department", "organisation"]))
def test_figures_equal_the_database_truth_for_every_reader(world, threads, grouping):
    people = world["people"]
    for spec in threads:
        thread = ask(
            world["communities"][spec["community"]], people[spec["asker"]], kind=spec["kind"], status=spec["status"]
        )
        replies = [answer(thread, people[who], days=days, status=status) for who, status, days in spec["replies"]]
        if spec["accepted"] is not None and spec["accepted"] < len(replies):
            Thread.objects.filter(pk=thread.pk).update(accepted_reply=replies[spec["accepted"]])
        if spec["curated"] is not None:
            contributor, curator, live = spec["curated"]
            curate(world, thread, people[contributor], people[curator], title=f"Curated {thread.pk}", live=live)
    for name, viewer in viewers(world).items():
        assert counted(value_network(viewer, ALL_KINDS, grouping)) == truth(viewer, grouping), name
    start = timezone.now() - datetime.timedelta(days=30)
    for name, viewer in viewers(world).items():
        assert counted(value_network(viewer, ALL_KINDS, grouping, start=start)) == truth(viewer, grouping, start), name


@pytest.fixture
def helped(world):
    """Finance answers HR in public (accepted, recent) and IT in the members-only community; Legal answered
    Operations 200 days ago; an HR person's contribution was curated by Finance."""
    people, (public, private) = world["people"], world["communities"]
    finance, hr, it, legal, operations = people[0], people[1], people[2], people[3], people[4]
    answer(ask(public, hr, "Payroll dates?"), finance, days=3, accepted=True)
    answer(ask(private, it, "Private question?"), finance, days=5)
    answer(ask(public, operations, "An old question?", days=210), legal, days=200)
    answer(ask(public, finance, "My own question?"), finance)  # helping oneself never counts
    answer(ask(public, hr, "A tip", kind=Thread.Kind.TIP), legal)  # a comment on a tip is no answer
    curate(world, ask(public, legal, "Curated question?"), hr, finance, title="Payroll calendar")
    return world


def flows_of(viewer, kinds=ALL_KINDS, **options):
    return {
        (flow.helper_group, flow.helped_group): dict(flow.counts)
        for flow in value_network(viewer, kinds, **options).flows
    }


def test_each_reader_counts_only_what_they_may_open(helped):
    anonymous = flows_of(AnonymousUser())
    assert anonymous == {
        ("Finance", "HR"): {ANSWER: 1, ACCEPTED: 1},
        ("Legal", "Operations"): {ANSWER: 1},
        ("HR", "Finance"): {CONTRIBUTION: 1},
    }
    assert flows_of(helped["outsider"]) == anonymous
    member = flows_of(helped["member"])
    assert member[("Finance", "IT")] == {ANSWER: 1} and len(member) == 4
    assert flows_of(helped["superuser"]) == member


def test_period_and_kind_filters(helped):
    recent = flows_of(helped["member"], start=timezone.now() - datetime.timedelta(days=30))
    assert ("Legal", "Operations") not in recent and ("Finance", "HR") in recent
    old = flows_of(helped["member"], end=timezone.now() - datetime.timedelta(days=100))
    assert old == {("Legal", "Operations"): {ANSWER: 1}}
    assert flows_of(helped["member"], [ACCEPTED]) == {("Finance", "HR"): {ACCEPTED: 1}}
    assert flows_of(helped["member"], [CONTRIBUTION]) == {("HR", "Finance"): {CONTRIBUTION: 1}}


def test_counting_takes_the_same_queries_however_many_answers(helped):
    public = helped["communities"][0]
    with CaptureQueriesContext(connection) as before:
        value_network(helped["member"], ALL_KINDS)
    for number in range(20):
        answer(ask(public, helped["people"][number % 12], f"More {number}?"), helped["people"][(number + 1) % 12])
    with CaptureQueriesContext(connection) as after:
        value_network(helped["member"], ALL_KINDS)
    assert len(after) == len(before)


# -- the page -------------------------------------------------------------------------------------------------------
class TableReader(HTMLParser):
    """The rows of the page's figures table, header first."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell, self.inside = [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("th", "td"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("th", "td"):
            self.rows[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table_of(html) -> list[list[str]]:
    reader = TableReader()
    reader.feed(html)
    return reader.rows


def test_the_page_shows_a_chart_a_table_and_a_csv_of_the_same_figures(helped):
    client = client_for(helped["member"])
    response = client.get("/network/", {"period": "all"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="value-network-chart"' in html and "vendor/chartjs/chart.umd.min.js" in html and "//cdn" not in html
    assert "<caption>" in html and '<th scope="col">' in html and '<th scope="row">' in html
    rows = table_of(html)
    assert rows[0] == [
        "Helping department",
        "Helped department",
        "Answers",
        "Accepted answers",
        "Curated contributions",
        "Total help",
    ]
    assert ["Finance", "HR", "1", "1", "0", "1"] in rows and ["Finance", "IT", "1", "0", "0", "1"] in rows
    assert ["HR", "Finance", "0", "0", "1", "1"] in rows and len(rows) == 5
    chart = response.context["chart"]
    assert chart["labels"] == ["Finance", "HR", "Legal"]
    assert {dataset["label"]: dataset["data"] for dataset in chart["datasets"]}["IT"] == [1, 0, 0]
    assert 'id="value-network-data"' in html

    download = client.get("/network/", {"period": "all", "format": "csv"})
    assert download["Content-Type"].startswith("text/csv") and "attachment" in download["Content-Disposition"]
    assert list(csv.reader(io.StringIO(download.content.decode()))) == rows

    anonymous = table_of(client_for().get("/network/", {"period": "all"}).content.decode())
    assert ["Finance", "IT", "1", "0", "0", "1"] not in anonymous and len(anonymous) == 4


def test_the_page_filters_by_kind_period_dates_and_organisation(helped):
    client = client_for(helped["member"])
    accepted = table_of(client.get("/network/", {"period": "all", "kind": "accepted"}).content.decode())
    assert accepted == [["Helping department", "Helped department", "Accepted answers"], ["Finance", "HR", "1"]]
    recent = table_of(client.get("/network/", {"period": "30d"}).content.decode())
    assert not any(row[0] == "Legal" for row in recent)
    today = timezone.localdate()
    dates = {
        "period": "dates",
        "from": f"{today - datetime.timedelta(days=220)}",
        "to": f"{today - datetime.timedelta(days=150)}",
    }
    assert table_of(client.get("/network/", dates).content.decode())[1:] == [
        ["Legal", "Operations", "1", "0", "0", "1"]
    ]
    by_organisation = client.get("/network/", {"period": "all", "by": "organisation"}).content.decode()
    assert "Helping organisation" in by_organisation and "Northbridge" in by_organisation
    empty = client.get("/network/", {"period": "dates", "from": "2001-01-01", "to": "2001-12-31"}).content.decode()
    assert "No help between departments" in empty and "<table" not in empty


@pytest.mark.parametrize(
    "params, message",
    [
        ({"period": "forever"}, "No such period"),
        ({"period": "dates", "from": "2026-13-45"}, "is not a date"),
        ({"period": "dates", "from": "yesterday", "to": "soon"}, "Choose a start or an end date"),
        ({"period": "dates", "from": "2026-05-01", "to": "2026-01-01"}, "The start date is after the end date"),
        ({"period": "dates"}, "Choose a start or an end date"),
        ({"kind": "gossip"}, "No such kind of help"),
        ({"by": "planet"}, "grouped by department or organisation"),
        ({"period": "dates", "to": "9999-12-31"}, None),
        ({"period": "x" * 5000, "from": "\x00", "kind": "<script>"}, "No such period"),
    ],
)
def test_bad_input_says_so_and_falls_back(helped, params, message):
    response = client_for().get("/network/", params)
    html = response.content.decode()
    assert response.status_code == 200
    if message:
        assert message in html and "<script>" not in html.split("<main")[1].split("</main>")[0].replace(
            '<script id="value-network-data" type="application/json">', ""
        )
    assert 'id="network-period"' in html


def test_the_profile_says_how_many_people_and_departments_they_helped_this_year(helped):
    finance = helped["people"][0]
    url = f"/people/{finance.username}/"
    # This year, Finance helped HR (public) and IT (members-only); helping oneself does not count.
    since_new_year = timezone.localdate().timetuple().tm_yday > 6
    member_view = client_for(helped["member"]).get(url).content.decode()
    anonymous_view = client_for().get(url).content.decode()
    if since_new_year:
        assert "Helped 2 people in 2 departments this year" in member_view
        assert "Helped 1 person in 1 department this year" in anonymous_view
    nobody = helped["people"][5]
    assert "Helped " not in client_for(helped["superuser"]).get(f"/people/{nobody.username}/").content.decode()
    # Helping someone with no department: a person helped, in no department.
    answer(ask(helped["communities"][0], nobody, "Anyone?"), helped["people"][6])
    if since_new_year:
        assert (
            "Helped 1 person this year."
            in client_for().get(f"/people/{helped['people'][6].username}/").content.decode()
        )


def test_the_network_is_linked_from_the_footer_and_the_people_directory(helped):
    directory = client_for().get("/people/").content.decode()
    assert directory.count('href="/network/"') == 2
