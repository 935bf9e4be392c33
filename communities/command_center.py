"""The command center's Community health panel (issue 17): for each live community in the viewer's scope, who is
active, what is new, which questions wait for an answer and how long answers take, and what waits for a
facilitator. A facilitator's scope holds only their own communities, so no other community's row is ever read.

A handful of grouped queries, whatever the number of posts; medians are taken in Python over the durations of the
period's questions (portable: SQLite has no percentile)."""

import datetime
import statistics
from collections import defaultdict

from django.db.models import Case, Count, FloatField, Func, Max, Q, Value, When

from communities.discussions import HelpfulMark, Post, Reply, Thread
from communities.membership import Membership
from communities.models import CommunityPage
from portal.command_center.figures import Figure, Headline, Panel, PanelData, Scope, Series

ACTIVE_WINDOWS = (30, 90)  # days up to the end of the period
ACTIVE_MEANS = (
    "Active: a current member who started a thread, replied (published or waiting for approval) or marked a reply "
    "helpful in the community in the {days} days up to the end of the period."
)
PEOPLE_NOTE = " The department and role filters count only what people in them did."


def community_choices(community_ids=None) -> list[tuple[int, str]]:
    """The live communities the command center's filter offers (all, or only these ids), title order."""
    communities = CommunityPage.objects.live().order_by("title")
    if community_ids is not None:
        communities = communities.filter(pk__in=community_ids)
    return list(communities.values_list("pk", "title"))


def communities_in(scope: Scope) -> list[CommunityPage]:
    """The live communities the figures cover, title order: the picked one, the facilitator's own, or all."""
    allowed = scope.communities()
    if allowed is not None and not allowed:
        return []
    communities = CommunityPage.objects.live().order_by("title").only("pk", "title", "url_path")
    if allowed is not None:
        communities = communities.filter(pk__in=allowed)
    return list(communities)


def by_people(posts, scope: Scope, field: str = "author_id"):
    """Only what the department and role filters' people did (everything when no such filter is set)."""
    if not scope.filters_people:
        return posts
    return posts.filter(**{f"{field}__in": scope.people().values("user_id")})


def active_members(scope: Scope, community_ids: list[int]) -> dict[int, dict[int, bool]]:
    """{community id: {user id: whether they were active in the shorter window}} for every current member active
    in the longer one: one query for the activity (threads, replies and helpful marks in a UNION, each grouped by
    community and person, so only pairs come back, never rows of posts) and one for the current members, matched
    in Python (an EXISTS per post row cost twice the whole query at 10x the demo)."""
    short, long = (scope.until - datetime.timedelta(days=days) for days in ACTIVE_WINDOWS)

    def pairs(rows, community, person):
        return (
            by_people(rows.filter(created_at__gte=long, created_at__lt=scope.until), scope, person)
            .order_by()
            .values_list(community, person)
            .annotate(recent=Max(Case(When(created_at__gte=short, then=1), default=0)))
        )

    threads = pairs(Thread.objects.posted().in_communities(community_ids), "community_id", "author_id")
    replies = pairs(Reply.objects.posted().in_communities(community_ids), "thread__community_id", "author_id")
    marks = pairs(
        HelpfulMark.objects.filter(reply__thread__community_id__in=community_ids),
        "reply__thread__community_id",
        "user_id",
    )
    members = set(
        Membership.objects.active().filter(community_id__in=community_ids).values_list("community_id", "user_id")
    )
    active = defaultdict(dict)
    for community_id, user_id, recent in threads.union(replies, marks, all=True):
        if (community_id, user_id) in members:
            active[community_id][user_id] = active[community_id].get(user_id, False) or bool(recent)
    return active


def thread_counts(scope: Scope, community_ids: list[int]) -> dict[int, dict]:
    """Per community: the period's new published threads by kind, the questions unanswered now and the threads
    waiting for a facilitator now (one grouped query)."""
    published, question = Post.Status.PUBLISHED, Thread.Kind.QUESTION
    in_period = Q(status=published, created_at__gte=scope.since, created_at__lt=scope.until)
    unanswered = Q(status=published, kind=question, first_answer_at__isnull=True)
    waiting = Q(status=Post.Status.PENDING)
    rows = (
        by_people(Thread.objects.in_communities(community_ids), scope)
        .filter(in_period | unanswered | waiting)
        .order_by()
        .values("community_id")
        .annotate(
            **{kind: Count("pk", filter=in_period & Q(kind=kind)) for kind in Thread.Kind.values},
            unanswered=Count("pk", filter=unanswered),
            waiting=Count("pk", filter=waiting),
        )
    )
    return {row.pop("community_id"): row for row in rows}


def replies_waiting(scope: Scope, community_ids: list[int]) -> dict[int, int]:
    """{community id: replies waiting for a facilitator now}. The queue is short, so it is read whole through the
    status index, then its threads' communities (joined in one query, the database walked every thread of the
    communities instead)."""
    per_thread = dict(
        by_people(Reply.objects.pending(), scope).order_by().values_list("thread_id").annotate(count=Count("pk"))
    )
    threads = Thread.objects.filter(pk__in=per_thread, community_id__in=community_ids)
    waiting = defaultdict(int)
    for thread_id, community_id in threads.values_list("pk", "community_id"):
        waiting[community_id] += per_thread[thread_id]
    return waiting


def posts_per_week(scope: Scope, community_ids: list[int]) -> dict[tuple[str, int], int]:
    """{("threads" or "replies", week number in the period): published posts that week} (one UNION query)."""

    def weekly(posts, kind):
        return (
            by_people(posts.published().in_communities(community_ids), scope)
            .filter(created_at__gte=scope.since, created_at__lt=scope.until)
            .order_by()
            .annotate(week=scope.week_number("created_at"), post_kind=Value(kind))
            .values_list("post_kind", "week")
            .annotate(count=Count("pk"))
        )

    rows = weekly(Thread.objects, "threads").union(weekly(Reply.objects, "replies"), all=True)
    return {(kind, week): count for kind, week, count in rows}


class HoursBetween(Func):
    """The hours from one moment to a later one, as a float, in the database's own arithmetic (Django's duration
    subtraction calls back into Python for every row on SQLite). Null when either moment is."""

    output_field = FloatField()

    def __init__(self, start, end):
        super().__init__(start, end)

    def as_sql(self, compiler, connection, **extra):  # PostgreSQL
        return self.hours(compiler, "(CAST(EXTRACT(EPOCH FROM ({end}) - ({start})) AS double precision) / 3600.0)")

    def as_sqlite(self, compiler, connection, **extra):
        return self.hours(compiler, "((julianday({end}) - julianday({start})) * 24.0)")

    def hours(self, compiler, template):
        (start, start_params), (end, end_params) = (compiler.compile(e) for e in self.get_source_expressions())
        return template.format(start=start, end=end), (*end_params, *start_params)


def answer_waits(scope: Scope, community_ids: list[int]) -> list[tuple[int, float | None, float | None]]:
    """(community id, hours to the first answer, hours to the accepted answer) of each published question asked
    in the period that has either; None where it has not (yet). A wait is never negative."""
    published = Post.Status.PUBLISHED
    accepted = Q(accepted_reply__isnull=False, accepted_reply__status=published)
    rows = (
        by_people(Thread.objects.published().questions().in_communities(community_ids), scope)
        .filter(created_at__gte=scope.since, created_at__lt=scope.until)
        .filter(Q(first_answer_at__isnull=False) | accepted)
        .order_by()
        .values_list(
            "community_id",
            HoursBetween("created_at", "first_answer_at"),
            HoursBetween("created_at", "accepted_reply__created_at"),
            "accepted_reply__status",
        )
    )
    return [
        (community_id, not_negative(first), not_negative(to_accepted) if status == published else None)
        for community_id, first, to_accepted, status in rows
    ]


def not_negative(hours: float | None) -> float | None:
    return None if hours is None else max(hours, 0.0)


def median(values: list[float]) -> float | None:
    """The median, to a tenth of an hour; None when there is nothing to take it of."""
    return round(statistics.median(values), 1) if values else None


def moderation_url(community: CommunityPage) -> str | None:
    url = community.get_url()
    return url + community.reverse_subpage("moderation_route") if url else None


def build(scope: Scope) -> PanelData:
    """The Community health panel for this scope."""
    communities = communities_in(scope)
    ids = [community.pk for community in communities]
    titles = [community.title for community in communities]
    note_people = PEOPLE_NOTE if scope.filters_people else ""

    active = active_members(scope, ids) if ids else {}
    threads = thread_counts(scope, ids) if ids else {}
    waiting_replies = replies_waiting(scope, ids) if ids else {}
    weekly = posts_per_week(scope, ids) if ids else {}
    waits = answer_waits(scope, ids) if ids else []

    active_short = {pk: {user for user, recent in people.items() if recent} for pk, people in active.items()}

    def per_community(values: dict, default=0) -> list:
        return [values.get(pk, default) for pk in ids]

    def count_of(field: str) -> list[int]:
        return [threads.get(pk, {}).get(field, 0) for pk in ids]

    first_waits, accepted_waits = defaultdict(list), defaultdict(list)
    for community_id, first, accepted in waits:
        if first is not None:
            first_waits[community_id].append(first)
        if accepted is not None:
            accepted_waits[community_id].append(accepted)

    new_by_kind = {kind: count_of(kind) for kind in Thread.Kind.values}
    unanswered = count_of("unanswered")
    waiting_threads = count_of("waiting")
    waiting_replies_list = per_community(waiting_replies)
    # Scope.communities_only: every community in scope is the viewer's own, so each moderation page opens for them.
    moderation_links = [moderation_url(community) for community in communities] if scope.communities_only else []
    weeks = scope.weeks()

    figures = [
        Figure(
            key="active-members",
            title="Active members",
            label_heading="Community",
            labels=titles,
            series=[
                Series(f"Last {ACTIVE_WINDOWS[0]} days", [len(active_short.get(pk, ())) for pk in ids]),
                Series(f"Last {ACTIVE_WINDOWS[1]} days", [len(active.get(pk, ())) for pk in ids]),
            ],
            note=ACTIVE_MEANS.format(days=f"{ACTIVE_WINDOWS[0]} or {ACTIVE_WINDOWS[1]}") + note_people,
        ),
        Figure(
            key="new-threads",
            title="New threads",
            label_heading="Community",
            labels=titles,
            series=[Series(label + "s", new_by_kind[kind]) for kind, label in Thread.Kind.choices],
            chart="stacked",
            note="Published threads started in the period, by kind." + note_people,
        ),
        Figure(
            key="posts-per-week",
            title="Threads and replies per week",
            label_heading="Week of",
            labels=[monday.isoformat() for monday in weeks],
            series=[
                Series("Threads", [weekly.get(("threads", number), 0) for number in range(len(weeks))]),
                Series("Replies", [weekly.get(("replies", number), 0) for number in range(len(weeks))]),
            ],
            chart="line",
            note="Published threads and replies in the communities above, by the week they were written." + note_people,
        ),
        Figure(
            key="unanswered-questions",
            title="Unanswered questions",
            label_heading="Community",
            labels=titles,
            series=[Series("Unanswered now", unanswered)],
            note="Published questions with no published reply by anyone but the asker, now, whenever they were "
            "asked." + (" Questions asked by people in the department and role filters." if note_people else ""),
        ),
        Figure(
            key="answer-times",
            title="Time to answer",
            label_heading="Community",
            labels=titles,
            series=[
                Series("Median to first answer", [median(first_waits[pk]) for pk in ids]),
                Series("Median to accepted answer", [median(accepted_waits[pk]) for pk in ids]),
            ],
            unit="hours",
            note="Questions asked in the period: hours from asking to the first published reply by someone else, "
            "and to the reply the asker accepted." + note_people,
        ),
        Figure(
            key="posts-waiting",
            title="Posts waiting for a facilitator",
            label_heading="Community",
            labels=titles,
            series=[Series("Threads", waiting_threads), Series("Replies", waiting_replies_list)],
            chart="stacked",
            note="Threads and replies held for a facilitator's approval now." + note_people,
            links=moderation_links,
        ),
    ]
    active_anywhere = set().union(*active_short.values()) if active_short else set()
    headlines = [
        Headline(
            f"Active members ({ACTIVE_WINDOWS[0]} days)",
            len(active_anywhere),
            help="Different people, each counted once however many communities they were active in. "
            + ACTIVE_MEANS.format(days=ACTIVE_WINDOWS[0]),
        ),
        Headline("New threads", sum(map(sum, new_by_kind.values())), help="Published threads started in the period."),
        Headline("Unanswered questions", sum(unanswered), help="Published questions nobody else has answered, now."),
        Headline(
            "Median hours to first answer",
            median([first for _, first, _ in waits if first is not None]),
            unit="hours",
            help="Over every question asked in the period that has had an answer.",
        ),
        Headline(
            "Posts waiting for a facilitator",
            sum(waiting_threads) + sum(waiting_replies_list),
            help="Threads and replies held for approval, now.",
        ),
    ]
    return PanelData(key="communities", title="Community health", headlines=headlines, figures=figures)


PANEL = Panel(key="communities", title="Community health", order=30, build=build, about_communities=True)
