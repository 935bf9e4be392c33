"""The command center's Community health panel (issue 17): every figure and headline equals the truth computed here
in plain Python from the rows of a generated dataset, under each filter both ways; a facilitator's scope never
shows another community; only what exists now counts; the number of queries does not grow with the data."""

import datetime
import random
import statistics

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.command_center import community_choices
from communities.discussions import HelpfulMark, Post, Reply, Thread
from communities.membership import Membership
from communities.models import CommunityPage
from portal.command_center.access import command_center_scope
from portal.command_center.figures import Scope, panels
from portal.people.models import Profile
from tests.factories import make_audience, make_community, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db

PUBLISHED, PENDING, HIDDEN = Post.Status.PUBLISHED, Post.Status.PENDING, Post.Status.HIDDEN
DAY = datetime.timedelta(days=1)


def build(scope):
    return panels["communities"].build(scope)


def moment(days_ago: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days_ago)


# -- the generated organisation ---------------------------------------------------------------------------------
def grow(org, rng, threads=80):
    """`threads` more threads (any kind and status, over the past 130 days) with replies, accepted answers and
    helpful marks, by members and a few outsiders."""
    for _ in range(threads):
        community = rng.choice(org["communities"])
        people = org["members"][community.pk] + org["outsiders"]
        asker = rng.choice(people)
        created = moment(rng.uniform(0.5, 130))
        thread = Thread.objects.create(
            community=community,
            author=asker,
            title="A thread",
            body="Text",
            kind=rng.choices(Thread.Kind.values, weights=[4, 1, 1])[0],
            status=rng.choices([PUBLISHED, PENDING, HIDDEN], weights=[8, 1, 1])[0],
            created_at=created,
        )
        replies = []
        at = created
        for _ in range(rng.choice([0, 0, 1, 2, 3])):
            at += datetime.timedelta(hours=rng.uniform(0.2, 90))
            if at > timezone.now():
                break
            replies.append(
                Reply.objects.create(
                    thread=thread,
                    author=rng.choice(people),
                    body="An answer",
                    status=rng.choices([PUBLISHED, PENDING, HIDDEN], weights=[8, 1, 1])[0],
                    created_at=at,
                )
            )
        if replies and thread.kind == Thread.Kind.QUESTION and rng.random() < 0.7:
            Thread.objects.filter(pk=thread.pk).update(accepted_reply=rng.choice(replies))
        for reply in replies:
            for reader in rng.sample(people, k=min(len(people), rng.choice([0, 0, 1, 2]))):
                if reader != reply.author:
                    HelpfulMark.objects.get_or_create(
                        reply=reply, user=reader, defaults={"created_at": reply.created_at + DAY * rng.random()}
                    )


@pytest.fixture
def org():
    ensure_site()
    rng = random.Random(17)
    managers, trainers = make_audience("Managers"), make_audience("Trainers")
    people = []
    for number in range(24):
        person = make_user(f"person{number}")
        profile = person.profile
        profile.department = ["Finance", "Operations", "HR"][number % 3]
        profile.role = [managers, trainers, None][number % 4 % 3]
        profile.save()
        people.append(person)
    fay, leo = make_user("fay"), make_user("leo")  # a facilitator of Alpha; a leader of Beta
    alpha = make_community("Alpha", facilitators=[fay], members=people[:10])
    beta = make_community("Beta", members_only=True, members=people[6:18])
    Membership.objects.create(community=beta, user=leo, role=Membership.Role.LEADER)
    gamma = make_community("Gamma", members=people[14:])
    for person in people[18:20]:  # still waiting to be let in: not members yet
        Membership.objects.filter(community=gamma, user=person).update(status=Membership.Status.PENDING)
    communities = [alpha, beta, gamma]
    org = {
        "communities": communities,
        "members": {c.pk: [m.user for m in c.memberships.select_related("user")] for c in communities},
        "outsiders": people[20:22],
        "people": people,
        "fay": fay,
        "leo": leo,
        "managers": managers,
        "trainers": trainers,
        "rng": rng,
    }
    grow(org, rng)
    return org


# -- the truth, from the rows -----------------------------------------------------------------------------------
def rows():
    return {
        "threads": list(
            Thread.objects.values(
                "pk",
                "community_id",
                "author_id",
                "kind",
                "status",
                "created_at",
                "first_answer_at",
                "accepted_reply_id",
            )
        ),
        "replies": {
            r["pk"]: r
            for r in Reply.objects.values(
                "pk", "thread_id", "thread__community_id", "author_id", "status", "created_at"
            )
        },
        "marks": list(HelpfulMark.objects.values("user_id", "reply__thread__community_id", "created_at")),
        "members": set(Membership.objects.active().values_list("community_id", "user_id")),
        "live": dict(CommunityPage.objects.filter(live=True).values_list("pk", "title")),
        "profiles": {
            user_id: (department, role_id)
            for user_id, department, role_id in Profile.objects.values_list("user_id", "department", "role_id")
        },
    }


def truth(scope: Scope) -> dict:
    """Every figure and headline, from the rows in plain Python."""
    data = rows()
    allowed = scope.communities()
    communities = sorted((title, pk) for pk, title in data["live"].items() if allowed is None or pk in allowed)
    ids = [pk for _, pk in communities]

    def counted(user_id):
        department, role_id = data["profiles"].get(user_id, ("", None))
        return (not scope.department or department == scope.department) and (
            scope.role_id is None or role_id == scope.role_id
        )

    def in_period(at):
        return scope.since <= at < scope.until

    actions = [(t["community_id"], t["author_id"], t["created_at"]) for t in data["threads"] if t["status"] != HIDDEN]
    actions += [
        (r["thread__community_id"], r["author_id"], r["created_at"])
        for r in data["replies"].values()
        if r["status"] != HIDDEN
    ]
    actions += [(m["reply__thread__community_id"], m["user_id"], m["created_at"]) for m in data["marks"]]

    def active(pk, days):
        since = scope.until - datetime.timedelta(days=days)
        return {
            user
            for community, user, at in actions
            if community == pk and since <= at < scope.until and (pk, user) in data["members"] and counted(user)
        }

    threads = [t for t in data["threads"] if t["community_id"] in ids and counted(t["author_id"])]
    published = [t for t in threads if t["status"] == PUBLISHED]
    questions = [t for t in published if t["kind"] == Thread.Kind.QUESTION]
    asked = [t for t in questions if in_period(t["created_at"])]

    def hours(later, earlier):
        return max((later - earlier).total_seconds(), 0) / 3600

    def first_waits(pk=None):
        return [
            hours(t["first_answer_at"], t["created_at"])
            for t in asked
            if t["first_answer_at"] and pk in (None, t["community_id"])
        ]

    def accepted_waits(pk):
        waits = []
        for t in asked:
            reply = data["replies"].get(t["accepted_reply_id"])
            if t["community_id"] == pk and reply and reply["status"] == PUBLISHED:
                waits.append(hours(reply["created_at"], t["created_at"]))
        return waits

    def median(values):
        return round(statistics.median(values), 1) if values else None

    new = {
        kind: [
            sum(1 for t in published if t["community_id"] == pk and t["kind"] == kind and in_period(t["created_at"]))
            for pk in ids
        ]
        for kind in Thread.Kind.values
    }
    unanswered = [sum(1 for t in questions if t["community_id"] == pk and t["first_answer_at"] is None) for pk in ids]
    waiting_threads = [sum(1 for t in threads if t["community_id"] == pk and t["status"] == PENDING) for pk in ids]
    waiting_replies = [
        sum(
            1
            for r in data["replies"].values()
            if r["thread__community_id"] == pk and r["status"] == PENDING and counted(r["author_id"])
        )
        for pk in ids
    ]
    weeks = scope.weeks()

    def week_of(at):
        day = timezone.localtime(at).date()
        return day - datetime.timedelta(days=day.weekday())

    weekly_threads = [
        sum(1 for t in published if in_period(t["created_at"]) and week_of(t["created_at"]) == w) for w in weeks
    ]
    weekly_replies = [
        sum(
            1
            for r in data["replies"].values()
            if r["thread__community_id"] in ids
            and r["status"] == PUBLISHED
            and counted(r["author_id"])
            and in_period(r["created_at"])
            and week_of(r["created_at"]) == w
        )
        for w in weeks
    ]
    active_30 = [active(pk, 30) for pk in ids]
    return {
        "labels": [title for title, _ in communities],
        "figures": {
            "active-members": [[len(people) for people in active_30], [len(active(pk, 90)) for pk in ids]],
            "new-threads": [new[kind] for kind in Thread.Kind.values],
            "posts-per-week": [weekly_threads, weekly_replies],
            "unanswered-questions": [unanswered],
            "answer-times": [
                [median(first_waits(pk)) for pk in ids],
                [median(accepted_waits(pk)) for pk in ids],
            ],
            "posts-waiting": [waiting_threads, waiting_replies],
        },
        "headlines": [
            len(set().union(*active_30)),
            sum(map(sum, new.values())),
            sum(unanswered),
            median(first_waits()),
            sum(waiting_threads) + sum(waiting_replies),
        ],
    }


def figures_of(panel) -> dict:
    return {figure.key: [series.values for series in figure.series] for figure in panel.figures}


def assert_equals_truth(scope) -> dict:
    panel = build(scope)
    expected = truth(scope)
    assert figures_of(panel) == expected["figures"]
    assert [headline.value for headline in panel.headlines] == expected["headlines"]
    for figure in panel.figures:
        if figure.key != "posts-per-week":
            assert figure.labels == expected["labels"], figure.key
    assert next(f for f in panel.figures if f.key == "posts-per-week").labels == [w.isoformat() for w in scope.weeks()]
    return expected


def twelve_weeks(**filters) -> Scope:
    today = timezone.localdate()
    return Scope(start=today - datetime.timedelta(weeks=12), end=today, **filters)


# -- the figures ----------------------------------------------------------------------------------------------------
def test_every_figure_equals_the_truth_over_the_default_period(org):
    expected = assert_equals_truth(twelve_weeks())
    figures = expected["figures"]
    # The dataset exercises every figure, or this test proves little.
    assert all(figures["active-members"][0]) and sum(figures["active-members"][1]) > sum(figures["active-members"][0])
    assert sum(figures["unanswered-questions"][0]) and sum(map(sum, figures["posts-waiting"]))
    assert all(value is not None for value in figures["answer-times"][0] + figures["answer-times"][1])
    assert expected["labels"] == ["Alpha", "Beta", "Gamma"]


def test_the_active_windows_run_back_from_the_end_of_the_period(org):
    """A period ending two months ago counts who was active in the 30 and 90 days before that end."""
    end = timezone.localdate() - datetime.timedelta(days=60)
    scope = Scope(start=end - datetime.timedelta(days=20), end=end)
    expected = assert_equals_truth(scope)
    assert expected["figures"]["active-members"] != truth(twelve_weeks())["figures"]["active-members"]


def test_an_empty_period_counts_nothing_new_but_what_waits_now(org):
    end = timezone.localdate() - datetime.timedelta(days=400)
    expected = assert_equals_truth(Scope(start=end - datetime.timedelta(days=6), end=end))
    assert expected["figures"]["active-members"] == [[0, 0, 0], [0, 0, 0]]
    assert expected["headlines"][1] == 0 and expected["headlines"][3] is None
    assert expected["headlines"][2] > 0 and expected["headlines"][4] > 0  # unanswered and waiting: now


@pytest.mark.parametrize("department", ["Finance", "HR"])
def test_the_department_filter_counts_what_its_people_did(org, department):
    expected = assert_equals_truth(twelve_weeks(department=department))
    assert expected["headlines"] != truth(twelve_weeks())["headlines"]


def test_the_role_filter_and_both_filters_together(org):
    role = org["managers"].pk
    by_role = assert_equals_truth(twelve_weeks(role_id=role))
    assert by_role["headlines"] != truth(twelve_weeks())["headlines"]
    both = assert_equals_truth(twelve_weeks(role_id=role, department="Operations"))
    assert both["headlines"] != by_role["headlines"]


def test_the_community_filter_shows_one_community(org):
    beta = org["communities"][1]
    everything = truth(twelve_weeks())
    expected = assert_equals_truth(twelve_weeks(community_id=beta.pk))
    assert expected["labels"] == ["Beta"]
    assert expected["figures"]["unanswered-questions"] == [[everything["figures"]["unanswered-questions"][0][1]]]


# -- a facilitator's scope ------------------------------------------------------------------------------------------
def facilitator_scope(user, **filters) -> Scope:
    return twelve_weeks(community_ids=command_center_scope(user), communities_only=True, **filters)


def test_a_facilitator_sees_their_own_community_and_no_other(org):
    alpha, beta = org["communities"][:2]
    scope = facilitator_scope(org["fay"])
    assert scope.community_ids == frozenset({alpha.pk})
    panel = build(scope)
    expected = assert_equals_truth(scope)
    assert expected["labels"] == ["Alpha"]
    for figure in panel.figures:
        if figure.key != "posts-per-week":
            assert figure.labels == ["Alpha"] and all(len(s.values) == 1 for s in figure.series), figure.key
    # Every figure and headline equals Alpha's own truth, which differs from the whole organisation's.
    alpha_only = truth(twelve_weeks(community_id=alpha.pk))
    assert figures_of(panel) == alpha_only["figures"]
    assert [h.value for h in panel.headlines] == alpha_only["headlines"]
    assert alpha_only["headlines"] != truth(twelve_weeks())["headlines"]
    # Picking another community in the filter shows nothing at all.
    other = build(facilitator_scope(org["fay"], community_id=beta.pk))
    assert all(figure.labels == [] for figure in other.figures if figure.key != "posts-per-week")
    assert figures_of(other)["posts-per-week"] == [[0] * len(scope.weeks())] * 2
    assert [h.value for h in other.headlines] == [0, 0, 0, None, 0]
    assert community_choices(scope.community_ids) == [(alpha.pk, "Alpha")]


def test_a_leader_facilitates_too_and_a_plain_member_or_a_pending_one_does_not(org):
    alpha, beta = org["communities"][:2]
    assert command_center_scope(org["leo"]) == frozenset({beta.pk})
    assert command_center_scope(org["people"][0]) == frozenset()
    Membership.objects.filter(community=alpha, user=org["fay"]).update(status=Membership.Status.PENDING)
    assert command_center_scope(org["fay"]) == frozenset()


def test_a_facilitator_gets_links_to_their_moderation_page_and_it_opens(org):
    alpha = org["communities"][0]
    panel = build(facilitator_scope(org["fay"]))
    waiting = next(figure for figure in panel.figures if figure.key == "posts-waiting")
    assert waiting.links == [alpha.url + "moderation/"]
    assert client_for(org["fay"]).get(waiting.links[0]).status_code == 200
    # Staff see every community: a moderation page opens for its own facilitators only, so none is linked.
    staff_waiting = next(figure for figure in build(twelve_weeks()).figures if figure.key == "posts-waiting")
    assert staff_waiting.links == []


def test_community_choices_offer_live_communities_in_title_order(org):
    alpha, beta, gamma = org["communities"]
    assert community_choices() == [(alpha.pk, "Alpha"), (beta.pk, "Beta"), (gamma.pk, "Gamma")]
    assert community_choices(frozenset({gamma.pk, beta.pk})) == [(beta.pk, "Beta"), (gamma.pk, "Gamma")]
    gamma.unpublish()
    assert community_choices() == [(alpha.pk, "Alpha"), (beta.pk, "Beta")]


# -- only what exists now -------------------------------------------------------------------------------------------
def test_only_what_exists_now_counts(org):
    alpha, beta, gamma = org["communities"]
    before = truth(twelve_weeks())
    gamma.unpublish()  # an unpublished community and everything in it drop out
    after = assert_equals_truth(twelve_weeks())
    assert after["labels"] == ["Alpha", "Beta"] and after["headlines"] != before["headlines"]
    # A deleted thread and a hidden one no longer count.
    thread = Thread.objects.filter(community=alpha, status=PUBLISHED, created_at__gte=moment(80)).first()
    hidden = Thread.objects.filter(community=beta, status=PUBLISHED, created_at__gte=moment(80)).first()
    thread.delete()
    Thread.objects.filter(pk=hidden.pk).update(status=HIDDEN)
    later = assert_equals_truth(twelve_weeks())
    assert later["headlines"][1] == after["headlines"][1] - 2
    # Someone who left their community is no longer one of its active members.
    person = next(iter(Membership.objects.filter(community=alpha, role=Membership.Role.MEMBER)))
    Membership.objects.filter(pk=person.pk).delete()
    assert_equals_truth(twelve_weeks())


def test_an_answer_and_an_approval_change_the_figures(org):
    """The panel reads the live rows: answering the oldest unanswered question and approving a waiting reply."""
    alpha = org["communities"][0]
    before = assert_equals_truth(twelve_weeks(community_id=alpha.pk))
    question = Thread.objects.unanswered().filter(community=alpha).first()
    answerer = next(user for user in org["members"][alpha.pk] if user != question.author)
    Reply.objects.create(thread=question, author=answerer, body="Here is how.")
    after = assert_equals_truth(twelve_weeks(community_id=alpha.pk))
    assert after["headlines"][2] == before["headlines"][2] - 1
    waiting = Reply.objects.pending().in_communities([alpha.pk]).first()
    waiting.status = PUBLISHED
    waiting.save()
    approved = assert_equals_truth(twelve_weeks(community_id=alpha.pk))
    assert approved["headlines"][4] == after["headlines"][4] - 1


# -- speed ----------------------------------------------------------------------------------------------------------
def test_the_number_of_queries_does_not_grow_with_the_data(org):
    def queries(scope):
        with CaptureQueriesContext(connection) as context:
            build(scope)
        return len(context.captured_queries)

    every_one = frozenset(community.pk for community in org["communities"])
    scopes = [
        twelve_weeks(),
        twelve_weeks(department="HR", role_id=org["trainers"].pk),
        facilitator_scope(org["fay"]),
        twelve_weeks(community_ids=every_one, communities_only=True),  # a facilitator of all three
    ]
    for scope in scopes:  # the site's root paths, once cached, are read no more (moderation links)
        build(scope)
    before = [queries(scope) for scope in scopes]
    grow(org, org["rng"], threads=120)
    make_community("Delta", members=org["people"][:5])
    assert [queries(scope) for scope in scopes] == before  # moderation links for three communities included
    assert max(before) <= 8
    assert_equals_truth(twelve_weeks())
