"""Signed-in pages cost the same number of queries however much content there is (issue 18): each page is
rendered for a member at one size of the portal and again at ten times that size, and must run the same queries."""

import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from communities.models import Membership, Reply, Thread
from learning.progress import Enrolment, LessonCompletion
from tests.factories import make_article, make_community, make_library, make_module, make_path, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def portal_of(search_index):
    """A portal that grows: `grow(n)` adds n articles, n threads with replies and n modules the member learns in."""
    home = ensure_site()
    library = make_library(home)
    community = make_community("Counting forum")
    member = make_user("counting-member")
    Membership.objects.create(community=community, user=member)
    added = {"n": 0}
    modules = []

    def grow(count):
        for _ in range(count):
            number = added["n"] = added["n"] + 1
            make_article(library, f"Counted article {number}")
            thread = Thread.objects.create(
                community=community, author=member, title=f"Counted question {number}", body="x", kind="question"
            )
            Reply.objects.create(thread=thread, author=make_user(f"replier-{number}"), body="An answer")
            module = make_module(f"Counted module {number}", lessons=2, quiz_in_last=False)
            modules.append(module)
            Enrolment.objects.create(user=member, module=module)
            lesson = module.get_children().first()
            LessonCompletion.objects.create(user=member, lesson_id=lesson.pk, module=module, lesson_title=lesson.title)
        return modules

    return {"grow": grow, "member": member, "community": community, "library": library, "modules": modules}


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def test_signed_in_pages_run_the_same_queries_at_ten_times_the_content(portal_of):
    grow, member = portal_of["grow"], portal_of["member"]
    grow(2)
    make_path("Counting path", portal_of["modules"][:2])
    client = client_for(member)
    urls = {
        "home": "/",
        "library": portal_of["library"].url,
        "community": portal_of["community"].url,
        "module": portal_of["modules"][0].url,
        "my learning": "/me/learning/",
        "profile": f"/people/{member.username}/",
    }
    for url in urls.values():
        client.get(url)  # warm: caches of the taxonomy, settings and site
    before = {name: queries_for(client, url) for name, url in urls.items()}
    grow(18)
    for url in urls.values():
        client.get(url)
    after = {name: queries_for(client, url) for name, url in urls.items()}
    page = client.get(urls["library"]).content.decode()
    assert len(set(re.findall(r"Counted article \d+", page))) >= 10  # a full page of cards, from two before
    assert "Counted question 20" in client.get(urls["community"]).content.decode()
    assert after == before
    assert min(before.values()) > 3, before  # real pages, not redirects or empty shells


def test_a_page_of_search_hits_reads_what_they_share_once(search_index):
    """The cards of a page of hits share one look-up of what they have in common (the lessons' module and its
    review, the open "outdated" flags): four times as many lessons of one module, the same queries."""
    from tests.conftest import sync_search_index

    ensure_site()
    module = make_module("Sorted module", lessons=2, quiz_in_last=False)
    client = client_for(make_user("searching-member"))
    url = "/search/?q=sorted"

    def counted() -> tuple[int, int]:
        sync_search_index()
        client.get(url)  # warm: the day's first count, kept fragments
        with CaptureQueriesContext(connection) as captured:
            page = client.get(url).content.decode()
        return len(captured), len(set(re.findall(r"sorted-module/lesson-(\d+)/", page)))

    queries_before, lessons_before = counted()
    for number in range(3, 9):
        lesson = (
            module.get_children()
            .first()
            .specific.copy(update_attrs={"title": f"Sorted module lesson {number}", "slug": f"lesson-{number}"})
        )
        lesson.save_revision().publish()
    queries_after, lessons_after = counted()
    assert (lessons_before, lessons_after) == (2, 8)
    assert queries_after == queries_before
