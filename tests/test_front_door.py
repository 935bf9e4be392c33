"""The front door: the home page shows the portal's life (communities, paths, articles, answers, and a "Continue"
strip) in a fixed number of queries, roles steer what is recommended, and trust badges say something on every
classified page type."""

import datetime
import re
from html import unescape

import pytest

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from communities.discussions import Follow, Notification, Post, Reply, Thread
from communities.models import FeaturedCommunity, WikiPage
from home.models import HomePage
from learning.models import LearningPathPage, LessonPage, ModulePage
from learning.progress import Enrolment
from portal.people.models import Profile
from portal.searchable import search_key
from portal.taxonomy.models import Audience
from tests.factories import make_article, make_community, make_module, make_path, make_user, make_wiki_page
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db

PLACEHOLDERS = ("will appear here", "No learning paths yet")


def section(html, key):
    """The HTML of one home-page section (by its data-section key), or ""."""
    match = re.search(rf'data-section="{key}">(.*?)</section>', html, re.S)
    return match.group(1) if match else ""


def linked_titles(html):
    return [unescape(title) for title in re.findall(r'<h3 class="card__title"><a href="[^"]*">([^<]*)</a>', html)]


# -- the home page's cost does not grow with content ----------------------------------------------------------------
def home_page_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert response.status_code == 200
    return len(queries)


def add_content(number, reader, audience):
    """One more of everything the home page lists, and more for the reader's strip."""
    facilitator = make_user(f"grow-fac-{number}")
    community = make_community(f"Growth community {number}", facilitators=[facilitator], members=[reader])
    thread = Thread.objects.create(community=community, author=facilitator, title=f"Grow tip {number}", kind="tip")
    question = Thread.objects.create(community=community, author=reader, title=f"Grow question {number}")
    answer = Reply.objects.create(thread=question, author=facilitator, body="Answer", status=Post.Status.PUBLISHED)
    question.accepted_reply = answer
    question.save()
    follow = Follow.objects.create(user=reader, thread=thread)
    Notification.objects.create(user=reader, subject="New", url="/", target_key=search_key(thread), follow=follow)
    make_article(library(), f"Growth article {number}")
    module = make_module(f"Growth module {number}", lessons=2, quiz_in_last=False)
    Enrolment.objects.create(user=reader, module=module)
    path = make_path(f"Growth path {number}", [module])
    LearningPathPage.objects.filter(pk=path.pk).update(audience=audience)


def library():
    from home.models import LibraryIndexPage
    from tests.factories import make_library

    return LibraryIndexPage.objects.first() or make_library()


def test_home_page_runs_the_same_number_of_queries_however_much_content_exists():
    ensure_site()
    audience, _ = Audience.objects.get_or_create(slug="knowledge-worker", defaults={"name": "Knowledge worker"})
    reader = make_user("reader")
    Profile.objects.filter(user=reader).update(role=audience)
    add_content(0, reader, audience)
    anonymous, signed_in = Client(), client_for(reader)
    home_page_queries(anonymous), home_page_queries(signed_in)  # warm the caches of the site's root paths
    before = home_page_queries(anonymous), home_page_queries(signed_in)
    for number in range(1, 8):
        add_content(number, reader, audience)
    after = home_page_queries(anonymous), home_page_queries(signed_in)
    assert after == before
    html = signed_in.get("/").content.decode()
    assert "Growth path" in html and "Growth article 7" in html and "Grow tip 7" in html


# -- editors choose the featured communities --------------------------------------------------------------------------
def test_editors_choose_the_featured_communities_and_private_ones_never_show():
    ensure_site()
    quiet = make_community("Quiet circle")
    busy = make_community("Busy forum", members=[make_user() for _ in range(3)])
    secret = make_community("Secret board", members_only=True)
    html = Client().get("/").content.decode()
    assert linked_titles(section(html, "communities")) == ["Busy forum", "Quiet circle"]  # most active first

    home = HomePage.objects.get()
    for order, community in enumerate([secret, quiet]):
        FeaturedCommunity.objects.create(home_page=home, community=community, sort_order=order)
    html = Client().get("/").content.decode()
    assert linked_titles(section(html, "communities")) == ["Quiet circle"]
    assert "Secret board" not in html
    assert busy.title not in section(html, "communities")


def test_the_featured_communities_panel_is_in_the_home_page_editor(admin_client):
    ensure_site()
    make_community("Busy forum")
    home = HomePage.objects.get()
    html = admin_client.get(f"/admin/pages/{home.pk}/edit/").content.decode()
    assert "Featured communities" in html and "featured_communities-TOTAL_FORMS" in html


# -- roles ------------------------------------------------------------------------------------------------------------
@pytest.fixture
def roles():
    ensure_site()
    worker, _ = Audience.objects.get_or_create(slug="knowledge-worker", defaults={"name": "Knowledge worker"})
    manager, _ = Audience.objects.get_or_create(slug="manager", defaults={"name": "Manager"})
    return {"worker": worker, "manager": manager}


def test_a_reader_sets_their_role_and_department_on_their_profile(roles):
    user = make_user("kim")
    client = client_for(user)
    form = client.get("/me/profile/").content.decode()
    assert 'name="role"' in form and 'name="department"' in form
    data = {"display_name": "Kim", "role": roles["manager"].pk, "department": "Finance", "email_notifications": "off"}
    response = client.post("/me/profile/", data)
    assert response.status_code == 302
    profile = Profile.objects.get(user=user)
    assert (profile.role, profile.department) == (roles["manager"], "Finance")
    for bad in ("18446744073709551616", "-1", "abc", "999999"):
        response = client.post("/me/profile/", {**data, "role": bad, "department": "Changed"})
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
    profile.refresh_from_db()
    assert profile.department == "Finance"


def test_administrators_set_roles_in_the_admin(roles, admin_client):
    profile = Profile.for_user(make_user("lee"))
    html = admin_client.get(f"/admin/snippets/people/profile/edit/{profile.pk}/").content.decode()
    assert 'name="role"' in html and 'name="department"' in html


def test_the_catalogue_defaults_to_the_readers_role_and_everyone_is_one_click_away(roles):
    for_workers = make_module("Working smarter", lessons=1, quiz_in_last=False)
    for_managers = make_module("Sponsoring KM", lessons=1, quiz_in_last=False)
    for_workers.audiences = [roles["worker"]]
    for_workers.save_revision().publish()
    for_managers.audiences = [roles["manager"]]
    for_managers.save_revision().publish()
    make_path("A: managers", [for_managers])
    worker_path = make_path("Z: knowledge workers", [for_workers])
    LearningPathPage.objects.filter(pk=worker_path.pk).update(audience=roles["worker"])
    reader = make_user("wanda")
    Profile.objects.filter(user=reader).update(role=roles["worker"])
    client = client_for(reader)

    html = client.get("/learning/").content.decode()
    assert "Showing modules for your role, Knowledge worker." in html
    assert "Working smarter" in html and "Sponsoring KM" not in html
    assert html.index("Z: knowledge workers") < html.index("A: managers")
    everyone = client.get("/learning/?audience=").content.decode()
    assert "Working smarter" in everyone and "Sponsoring KM" in everyone
    anonymous = Client().get("/learning/").content.decode()
    assert "Sponsoring KM" in anonymous and anonymous.index("A: managers") < anonymous.index("Z: knowledge workers")
    my = client.get("/me/learning/").content.decode()
    assert "Recommended for your role, Knowledge worker" in my and "Z: knowledge workers" in my
    assert "A: managers" not in my


# -- trust badges -----------------------------------------------------------------------------------------------------
def badge(html):
    match = re.search(r'data-trust="([^"]*)">([^<]*)</span>', html)
    return match.groups() if match else None


def test_wiki_page_says_approved_by_a_facilitator_only_when_a_facilitator_published_it():
    ensure_site()
    fay, mo = make_user("fay"), make_user("mo")
    community = make_community("Wiki people", facilitators=[fay], members=[mo], trust_members=True)
    by_member = make_wiki_page(community, "Member page", "Text")
    by_facilitator = make_wiki_page(community, "Approved page", "Text", author=fay)
    assert badge(Client().get(by_member.url).content.decode()) == ("community", "Community contribution, not reviewed")
    code, text = badge(Client().get(by_facilitator.url).content.decode())
    assert code == "community" and text.startswith("Community contribution, approved by a facilitator on")
    # A member's later edit goes live unreviewed: the badge says so again.
    WikiPage.objects.get(pk=by_facilitator.pk).save_edit(mo, "Approved page", "Changed", "Edit", publish=True)
    assert badge(Client().get(by_facilitator.url).content.decode())[1] == "Community contribution, not reviewed"


def test_lessons_and_paths_carry_their_modules_review_state():
    ensure_site()
    fresh = make_module("Fresh module", lessons=1, quiz_in_last=False)
    stale = make_module("Stale module", lessons=1, quiz_in_last=False)
    path = make_path("Mixed path", [fresh, stale])
    lesson = LessonPage.objects.child_of(stale).first()
    assert badge(Client().get(lesson.url).content.decode())[0] == "current"
    assert badge(Client().get(path.url).content.decode())[0] == "current"
    overdue = timezone.localdate() - datetime.timedelta(days=3)
    ModulePage.objects.filter(pk=stale.pk).update(review_by=overdue)
    assert badge(Client().get(lesson.url).content.decode())[0] == "due"
    code, text = badge(Client().get(path.url).content.decode())
    assert code == "due" and f"{overdue:%-d %b %Y}" in text
    assert badge(Client().get(LessonPage.objects.child_of(fresh).first().url).content.decode())[0] == "current"


def test_community_pages_carry_a_trust_badge():
    ensure_site()
    community = make_community("Badge town")
    assert badge(Client().get(community.url).content.decode())[0] == "current"
