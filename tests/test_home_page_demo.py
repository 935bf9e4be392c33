"""The home page on the demo content, as a newcomer and a knowledge worker meet it (loaded once for the module)."""

import re

import pytest

from django.test import Client

from communities.discussions import Notification, Thread
from communities.models import CommunityPage
from home.models import ReferenceArticlePage
from learning.models import LearningPathPage, LessonPage, ModulePage
from learning.progress import Enrolment
from portal.people.models import Profile
from tests.helpers import client_for
from tests.test_front_door import PLACEHOLDERS, linked_titles, section

pytestmark = pytest.mark.django_db


# -- the home page on the demo content -----------------------------------------------------------------------------
def test_home_page_shows_real_communities_paths_articles_and_answers(demo_site):
    html = Client().get("/").content.decode()
    for placeholder in PLACEHOLDERS:
        assert placeholder not in html
    public = set(CommunityPage.objects.live().public().values_list("title", flat=True))
    shown = linked_titles(section(html, "communities"))
    assert len(shown) == 3 and set(shown) <= public
    assert "Knowledge Strategy Forum" not in html  # members-only: never on the public home page
    assert re.search(r"\d+ members?", section(html, "communities"))
    assert set(linked_titles(section(html, "learning"))) == set(
        LearningPathPage.objects.live().values_list("title", flat=True)
    )
    articles = linked_titles(section(html, "library"))
    assert articles and set(articles) <= set(ReferenceArticlePage.objects.live().values_list("title", flat=True))
    assert "About this portal" not in articles and "Learning" not in articles
    answers = section(html, "answers")
    assert "Answered by" in answers and "Tip" in answers
    assert "Capturing knowledge when someone resigns" not in answers  # in the members-only forum


def test_home_page_for_a_knowledge_worker_puts_their_path_first_and_continues_their_work(demo_site):
    marcus = Profile.objects.get(user__username="marcus.reid")
    assert marcus.role.slug == "knowledge-worker"
    html = client_for(marcus.user).get("/").content.decode()
    paths = linked_titles(section(html, "learning"))
    assert paths[0] == "Knowledge worker: getting started"
    assert "Paths for your role, Knowledge worker, come first." in html
    # Continue: the threads with replies Marcus has not read yet (the demo gives him some).
    strip = re.search(r'class="home-section continue-strip".*?</section>', html, re.S).group(0)
    unread = Notification.objects.filter(user=marcus.user, read_at__isnull=True)
    assert unread.count() >= 2
    for note in unread:
        thread = Thread.objects.get(pk=note.target_key.split(":")[1])
        assert thread.title in strip


def test_home_page_continue_strip_shows_the_next_lesson_in_progress(demo_site):
    learner = Profile.objects.get(user__username="learner2").user
    module = ModulePage.objects.live().exclude(enrolments__user=learner).first()
    Enrolment.objects.get_or_create(user=learner, module=module)
    html = client_for(learner).get("/").content.decode()
    first_lesson = LessonPage.objects.child_of(module).live().order_by("path").first()
    assert "Continue where you left off" in html and first_lesson.title in html


def test_every_demo_person_has_a_role_and_a_department(demo_site):
    missing = Profile.objects.filter(user__is_active=True).exclude(role__isnull=False, department__gt="")
    assert list(missing.values_list("user__username", flat=True)) == []
    assert Profile.objects.count() >= 36
