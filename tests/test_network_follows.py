"""Following people and topics: signed-in only, idempotent, never oneself, 404 for people and topics that do not
exist (or accounts that are closed), and shown on profiles and topic pages."""

import pytest

from django.test import Client

from portal.network.models import PersonFollow, TopicFollow
from tests.factories import make_topic, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    ensure_site()
    return {
        "ann": make_user("ann", first_name="Ann", last_name="Asker"),
        "bo": make_user("bo", first_name="Bo", last_name="Expert"),
        "gone": make_user("gone", is_active=False),
    }


def test_following_a_person_is_idempotent_and_shows_on_both_profiles(people):
    ann = client_for(people["ann"])
    for _ in range(3):
        response = ann.post("/follow/people/bo/", {"follow": "yes"})
        assert response.status_code == 302 and response["Location"] == "/people/bo/"
    assert PersonFollow.objects.filter(follower=people["ann"], person=people["bo"]).count() == 1
    bo_profile = client_for().get("/people/bo/").content.decode()
    assert "1 follower" in bo_profile and "Followed by: <a" in bo_profile and "Ann Asker" in bo_profile
    assert "Follows: " in client_for().get("/people/ann/").content.decode()
    assert 'aria-pressed="true">Following' in ann.get("/people/bo/").content.decode()
    for _ in range(2):
        ann.post("/follow/people/bo/", {"follow": "no"})
    assert not PersonFollow.objects.exists()


def test_nobody_follows_themselves_closed_accounts_or_people_who_do_not_exist(people):
    ann = client_for(people["ann"])
    ann.post("/follow/people/ann/", {"follow": "yes"})
    assert not PersonFollow.objects.exists()
    assert "Follow</button>" not in ann.get("/people/ann/").content.decode()
    assert ann.post("/follow/people/gone/").status_code == 404
    assert ann.post("/follow/people/nobody/").status_code == 404
    assert ann.post("/follow/people/" + "x" * 500 + "/").status_code == 404
    anonymous = client_for().post("/follow/people/bo/")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    assert ann.get("/follow/people/bo/").status_code == 405
    csrf = Client(enforce_csrf_checks=True)
    csrf.force_login(people["ann"])
    assert csrf.post("/follow/people/bo/").status_code == 403
    assert not PersonFollow.objects.exists()


def test_following_a_topic(people):
    topic = make_topic("Peer assists")
    ann = client_for(people["ann"])
    for _ in range(2):
        assert ann.post("/follow/topics/peer-assists/", {"follow": "yes"})["Location"] == topic.get_absolute_url()
    assert TopicFollow.objects.filter(follower=people["ann"], topic=topic).count() == 1
    page = ann.get(topic.get_absolute_url()).content.decode()
    assert "Following this topic" in page and "1 follower" in page
    assert "Follow this topic" not in client_for().get(topic.get_absolute_url()).content.decode()
    assert ann.post("/follow/topics/no-such-topic/").status_code == 404
    ann.post("/follow/topics/peer-assists/", {"follow": "no"})
    assert not TopicFollow.objects.exists()
