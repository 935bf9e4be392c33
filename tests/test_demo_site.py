"""The demo content as a newcomer meets it: loaded and indexed once for this module (tests only read it, or write
inside their own savepoint): the home page, the demo pages, the demo admin account, and a second load changing
nothing."""

import datetime
import io
import re

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from communities.models import WikiPage
from home.models import HomePage
from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME
from portal.network.activity import Verb
from portal.network.stream import stream_for

pytestmark = pytest.mark.django_db

NAV = {
    "Library": "/library/",
    "Communities": "/communities/",
    "Learning": "/learning/",
    "Search": "/search/",
    "People": "/people/",
}


def test_home_page_renders_with_navigation_search_box_and_footer(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Find what your organisation knows" in html
    for label, url in NAV.items():
        assert f'href="{url}"' in html and f">{label}</a>" in html
    assert 'role="search"' in html and 'action="/search/"' in html and 'name="q"' in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert "<footer" in html and "<main" in html
    assert html.count("<h1") == 1


def counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_user_model().objects.count(),
        Site.objects.count(),
        get_image_model().objects.count(),
    )


def test_demo_content_is_idempotent(demo_site):
    before = counts(), demo_counts()
    call_command("load_demo_content", stdout=io.StringIO())
    assert (counts(), demo_counts()) == before
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 1


def test_demo_pages_are_served(client, demo_site):
    for url in ("/about/", "/how-to-contribute/", "/what-is-knowledge-management/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get("/no-such-page/").status_code == 404


def test_admin_login_with_the_demo_account(client, demo_site):
    response = client.post("/admin/login/", {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_with_a_wrong_password_is_refused(client, demo_site):
    response = client.post("/admin/login/", {"username": ADMIN_USERNAME, "password": "not-it"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def demo_counts() -> dict:
    """How many of each kind of thing the demo content makes."""
    from django.apps import apps

    from wagtail.models import Page

    counts = {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.app_label
        in (
            "home",
            "communities",
            "learning",
            "taxonomy",
            "people",
            "governance",
            "curation",
            "feedback",
            "network",
            "expertise",
        )
        and not model._meta.abstract
    }
    counts["pages"] = Page.objects.count()
    counts["revisions"] = Revision.objects.count()
    counts["users"] = get_user_model().objects.count()
    counts["images"] = get_image_model().objects.count()
    return {name: count for name, count in counts.items() if count}


def demo_text_digest() -> str:
    """A fingerprint of every text the demo content holds: pages (their searchable text), threads, replies and
    profiles (block ids and dates, which differ from load to load, are left out)."""
    import hashlib

    from communities.models import Reply, Thread
    from portal.people.models import Profile

    rows = [
        (page.specific_class.__name__, page.slug, page.title, page.specific.summary, page.specific.search_body())
        for page in Page.objects.exclude(depth=1).specific(defer=False)
        if hasattr(page.specific, "search_body")
    ]
    rows += [("thread", t.title, t.body, t.kind, t.status) for t in Thread.objects.all()]
    rows += [("reply", r.thread.title, r.body, r.status) for r in Reply.objects.select_related("thread")]
    rows += [("profile", p.display_name, p.job_title, p.department, p.bio) for p in Profile.objects.all()]
    return hashlib.sha256(repr(sorted(map(str, rows))).encode()).hexdigest()


# What the demo loader made before its prose moved from Python literals to data files (demo/*.toml), and since
# then the pictures: one for each community, learning path, module and reference article, one for each person; and
# the sustain-stage article for HR and learning that fills the last empty cell of the programme roadmap.
DEMO_COUNTS = {
    "taxonomy.Topic": 43,
    "taxonomy.Audience": 6,
    "people.ProfileTag": 75,
    "people.Profile": 38,
    "home.HomePage": 1,
    "home.StandardPage": 3,
    "home.LibraryIndexPage": 1,
    "home.ReferenceArticleTag": 107,
    "home.ReferenceArticlePage": 38,
    "communities.Thread": 50,
    "communities.Reply": 70,
    "communities.Follow": 118,
    "communities.Notification": 8,
    "communities.Membership": 61,
    "communities.HelpfulMark": 10,
    "communities.Invitation": 1,
    "communities.ExpertInvitation": 4,
    "communities.BlogIndexPage": 6,
    "communities.BlogPostTag": 36,
    "communities.BlogPostPage": 13,
    "communities.WikiPage": 12,
    "communities.CommunityIndexPage": 1,
    "communities.CommunityPage": 6,
    "learning.Enrolment": 26,
    "learning.LessonCompletion": 58,
    "learning.QuizAttempt": 33,
    "learning.FailedQuestion": 8,
    "learning.LearningIndexPage": 1,
    "learning.ModulePage": 9,
    "learning.LessonPage": 34,
    "learning.LearningPathPage": 6,
    "learning.PathModule": 18,
    "learning.DepartmentStage": 9,
    "curation.Candidate": 10,
    "curation.Nomination": 8,
    "curation.Provenance": 5,
    "curation.Contribution": 12,
    "feedback.ContentFlag": 9,
    "feedback.HelpfulVote": 11,
    "network.PersonFollow": 17,
    "network.TopicFollow": 7,
    "network.Activity": 205,
    "expertise.Evidence": 222,
    "expertise.TopicStanding": 343,
    "expertise.ReaderSet": 2,
    "pages": 132,
    "revisions": 157,
    "users": 38,
    "images": 97,
}
DEMO_TEXT_DIGEST = "f2afb1e83fe2ba24a8fd734fa25f2dc9d3792ce9ed1ec8494eabedcd7e2bc602"


def test_the_demo_content_is_what_it_was(demo_site):
    assert demo_counts() == DEMO_COUNTS


def test_demo_questions_show_whom_they_invited_and_how_soon_they_were_answered(client, demo_site):
    """Issue 16: two demo questions invited experts; the invitees were told and follow the thread."""
    from communities.models import Follow, Notification, Thread

    answered = Thread.objects.get(title="How do you tag lessons so the next project finds them?")
    client.force_login(answered.author)
    html = client.get(answered.get_absolute_url()).content.decode()
    assert re.search(r"Invited: <a [^>]+>Kwame [^<]+</a>, <a [^>]+>Arjun [^<]+</a>", html)
    assert "First answer after 3\xa0hours" in html
    waiting = Thread.objects.get(title="Will the payroll journal interface change in wave two?")
    assert waiting.first_answer_at is None
    for invitation in waiting.expert_invitations.select_related("invitee"):
        assert Follow.objects.filter(user=invitation.invitee, thread=waiting).exists()
        assert Notification.objects.filter(user=invitation.invitee, subject__endswith=waiting.title).exists()


def test_every_demo_person_has_evidence_of_expertise(demo_site):
    """Issue 16: each demo person (the administrator aside) knows about something, shown by what they did."""
    from portal.expertise.models import Evidence

    people = set(get_user_model().objects.exclude(username="admin").values_list("username", flat=True))
    evidenced = set(Evidence.objects.values_list("user__username", flat=True))
    assert not (people - evidenced), sorted(people - evidenced)
    assert demo_text_digest() == DEMO_TEXT_DIGEST


def test_no_page_type_renders_an_empty_trust_badge(client, demo_site):
    """Every page has a trust status from the one rule, so a badge is never empty (wiki pages' was)."""
    seen = set()
    for page in Page.objects.live().exclude(depth=1).specific():
        kind = type(page).__name__
        if kind in seen:
            continue
        seen.add(kind)
        assert page.trust_status().label, kind
        html = client.get(page.url).content.decode()
        for code, text in re.findall(r'data-trust="([^"]*)">([^<]*)</span>', html):
            assert code and text.strip(), f"{kind} renders an empty trust badge"
    assert {"WikiPage", "BlogPostPage", "ReferenceArticlePage", "ModulePage", "LessonPage"} <= seen
    wiki = WikiPage.objects.live().public().first()
    assert 'data-trust="community">Community contribution' in client.get(wiki.url).content.decode()


def test_the_demo_has_open_reader_flags_that_owners_see(client, demo_site):
    """Three pages reported outdated (their badges say so) and two suggestions, all in the review report."""
    from portal.feedback.models import ContentFlag
    from portal.governance.review import pages_due_for_review

    outdated = ContentFlag.objects.open().outdated().select_related("page")
    assert outdated.count() == 3
    for flag in outdated:
        assert 'data-trust="outdated">Reported outdated on' in client.get(flag.page.url).content.decode()
    flagged = {item.page.pk for item in pages_due_for_review() if item.flags}
    assert flagged == set(ContentFlag.objects.open().values_list("page_id", flat=True)) and len(flagged) == 5


def test_the_demo_value_network_spans_at_least_five_departments(client, demo_site):
    """Anyone opening /network/ on the demo sees help between at least five departments, in the chart's data and
    the table; a demo person's profile says how many people they helped this year."""
    response = client.get("/network/")
    assert response.status_code == 200
    network = response.context["network"]
    departments = set(network.groups) - {"No department"}
    assert len(departments) >= 5, departments
    assert any(flow.counts["accepted"] for flow in network.flows)
    assert len(response.context["chart"]["labels"]) >= 5
    helpers = {flow.helper_group for flow in network.flows}
    assert "Finance" in helpers
    # Niamh answered in the members-only forum: a fellow member sees it on her profile.
    client.force_login(get_user_model().objects.get(username="priya.raman"))
    assert "Helped " in client.get("/people/niamh.gallagher/").content.decode()


def test_the_demo_gives_priya_a_lively_network(client, demo_site):
    priya = get_user_model().objects.get(username="priya.raman")
    stream = stream_for(priya)
    assert len(stream) >= 20
    assert {Verb.DISCUSSION_STARTED, Verb.ANSWERED, Verb.ARTICLE_PUBLISHED} <= {entry.verb for entry in stream}
    client.force_login(priya)
    html = client.get("/me/network/").content.decode()
    assert html.count('class="activity"') == 20 and "Page 1 of" in html


def test_every_cell_of_the_demo_programme_roadmap_has_a_path_an_article_and_a_community(client, demo_site):
    """Issue 17 ("done when the demo shows /programme/ with all stages and roles filled"): each of the four stages
    x six roles gives a learning path, at least one reference article and at least one community to join, in the
    programme's data and on the page."""
    from portal.taxonomy.models import Audience, Stage

    response = client.get("/programme/")
    grid = response.context["grid"]
    assert [row["stage"] for row in grid["rows"]] == list(Stage)
    assert len(grid["roles"]) == Audience.objects.count() == 6
    empty = [
        (row["stage"].value, cell.role.slug, what)
        for row in grid["rows"]
        for cell in row["cells"]
        for what, filled in (("path", cell.path), ("article", cell.articles), ("community", cell.communities))
        if not filled
    ]
    assert empty == []
    cells = re.findall(r'<td data-role="([^"]+)">(.*?)</td>', response.content.decode(), re.S)
    assert len(cells) == 4 * 6
    for role, cell in cells:
        assert re.search(r"<a [^>]*data-path>", cell), role
        assert re.search(r"<ul [^>]*data-articles><li><a ", cell), role
        assert re.search(r"<ul [^>]*data-communities><li><a ", cell), role
        assert "muted" not in cell, role  # no "No path / articles / community yet."


def test_the_demo_manager_sees_a_team_at_different_points(client, demo_site):
    """Issue 17: Tom Becker (learner2, a Finance manager) sees his department at different points of their stage's
    paths, and no one from another department."""
    client.force_login(get_user_model().objects.get(username="learner2"))
    html = client.get("/programme/team/").content.decode()
    percents = set(re.findall(r'data-percent="(\d+)"', html))
    assert len(percents) >= 3, percents
    assert 'data-person="learner1"' not in html  # Priya is in Operations


def test_the_demo_community_health_panel_is_lively(demo_site):
    """Issue 17: the demo's discussions spread over the past twelve weeks, answered after varied waits (the first
    answer is the first published reply by someone else), a few questions unanswered, a few posts waiting."""
    from communities.models import Reply, Thread
    from portal.command_center.figures import Scope, panels

    today = timezone.localdate()
    scope = Scope(start=today - datetime.timedelta(weeks=12), end=today)
    panel = panels["communities"].build(scope)
    figures = {figure.key: figure for figure in panel.figures}
    headlines = {headline.label: headline.value for headline in panel.headlines}
    weekly = figures["posts-per-week"].series
    assert sum(1 for threads, replies in zip(*(s.values for s in weekly), strict=True) if threads + replies) >= 10
    assert headlines["Unanswered questions"] == 3 and headlines["Posts waiting for a facilitator"] == 3
    assert all(figures["active-members"].series[1].values)
    first_answers = [value for value in figures["answer-times"].series[0].values if value is not None]
    assert len(set(first_answers)) >= 4 and headlines["New threads"] == 49
    now = timezone.now()
    for thread in Thread.objects.prefetch_related("replies"):
        published = [reply for reply in thread.replies.all() if reply.status == Reply.Status.PUBLISHED]
        by_others = [reply.created_at for reply in published if reply.author_id != thread.author_id]
        assert thread.first_answer_at == (min(by_others) if by_others else None), thread.title
        assert thread.last_activity_at == max([thread.created_at, *(reply.created_at for reply in published)])
        assert today - datetime.timedelta(weeks=12) <= timezone.localtime(thread.created_at).date() < today
        assert all(thread.created_at < reply.created_at < now for reply in thread.replies.all())


def test_the_demo_searches_that_found_nothing_find_nothing_in_the_demo(client, demo_site, elasticsearch_must_answer):
    """Issue 17: the command center's Search panel has twelve weeks of demo searches, and the queries it lists as
    finding nothing (with the search-gaps report) find nothing in the demo content."""
    from django.utils import timezone

    from search.models import SearchDay, ZeroResultQuery

    today = timezone.localdate()
    assert SearchDay.objects.filter(day__gt=today - datetime.timedelta(days=84), searches__gt=0).count() == 84
    gaps = list(ZeroResultQuery.objects.values_list("query_string", flat=True))
    assert len(gaps) >= 6
    for query in gaps:
        assert client.get("/api/search/", {"q": query}).json()["total"] == 0, query


def test_the_demo_command_center_shows_content_health_over_the_weeks(demo_site):
    """Issue 17: on the demo, the Content health panel has pages overdue and due soon, open "outdated" flags raised
    in several weeks, articles of every age and a curated share that grows over the past twelve weeks."""
    import datetime

    from django.utils import timezone

    from portal.command_center.figures import Scope, panels

    today = timezone.localdate()
    data = panels["content"].build(Scope(start=today - datetime.timedelta(weeks=12), end=today))
    headlines = {headline.label: headline.value for headline in data.headlines}
    assert headlines["Overdue for review"] >= 5 and headlines["Due soon"] >= 3, headlines
    assert headlines["Open outdated flags"] == 3 and 0 < headlines["Curated"] < 100, headlines
    figures = {figure.key: figure for figure in data.figures}
    assert all(sum(values) for values in zip(*(s.values for s in figures["library_age"].series), strict=True))
    assert sum(1 for raised in figures["outdated_per_week"].series[0].values if raised) >= 5
    share = figures["curated_share"].series[0].values
    assert share[0] == 0 and share[-1] == headlines["Curated"] and len(set(share)) >= 4, share


def test_the_demo_learning_is_spread_over_the_past_twelve_weeks(demo_site):
    """Issue 17: the command center's Learning panel is lively on the demo: the learners' enrolments, lessons and
    quiz attempts fall in many of the past twelve weeks (none later, none earlier), and some quizzes were failed."""
    import datetime

    from django.utils import timezone

    from learning.command_center import build
    from learning.models import Enrolment, LessonCompletion, QuizAttempt
    from portal.command_center.figures import Scope

    now = timezone.now()
    moments = [
        *Enrolment.objects.values_list("enrolled_at", flat=True),
        *Enrolment.objects.exclude(completed_at=None).values_list("completed_at", flat=True),
        *LessonCompletion.objects.values_list("completed_at", flat=True),
        *QuizAttempt.objects.values_list("submitted_at", flat=True),
    ]
    assert all(now - datetime.timedelta(weeks=12) <= moment <= now for moment in moments)
    today = timezone.localdate()
    panel = build(Scope(start=today - datetime.timedelta(weeks=12) + datetime.timedelta(days=1), end=today))
    figures = {figure.key: figure for figure in panel.figures}
    weekly = figures["learning-per-week"]
    assert sum(1 for lessons in weekly.series[2].values if lessons) >= 8, weekly.series
    headlines = {headline.label: headline.value for headline in panel.headlines}
    assert headlines["Enrolments"] == Enrolment.objects.count() and headlines["Completions"] > 5
    assert 0 < headlines["Quiz pass rate"] < 100 and headlines["Active learners"] >= 9
    assert len(figures["learning-failed-questions"].labels) >= 3
    funnel = figures["learning-path-funnel"]
    assert sum(funnel.series[0].values) == Enrolment.objects.exclude(path=None).count()
    assert sum(funnel.series[3].values) >= 1  # Priya finished her path
