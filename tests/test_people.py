"""Profiles, the people directory and safe avatar uploads."""

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from portal.people.models import Profile
from portal.taxonomy.models import Topic
from tests.factories import make_topic, make_user
from tests.helpers import png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    strategy = make_topic("Knowledge strategy")
    facilitation = make_topic("Facilitation", strategy)
    search = make_topic("Search")
    ana = make_user("ana", first_name="Ana", last_name="Ruiz")
    ben = make_user("ben", first_name="Ben", last_name="Osei")
    cy = make_user("cy", first_name="Cy", last_name="Tan")
    for user, department, topics in ((ana, "HR", [facilitation]), (ben, "IT", [search]), (cy, "HR", [])):
        profile = user.profile
        profile.department = department
        profile.expertise.set(topics)
        profile.save()
    return {"strategy": strategy, "facilitation": facilitation, "ana": ana, "ben": ben, "cy": cy}


def names(response):
    return {person.name for person in response.context["people"]}


def test_every_user_gets_a_profile():
    user = make_user("dee", first_name="Dee", last_name="Moss")
    assert Profile.objects.get(user=user).name == "Dee Moss"


def test_directory_filters_by_expertise_including_narrower_topics_and_department(client, people):
    assert names(client.get("/people/")) == {"Ana Ruiz", "Ben Osei", "Cy Tan"}
    assert names(client.get("/people/", {"topic": "knowledge-strategy"})) == {"Ana Ruiz"}
    assert names(client.get("/people/", {"department": "HR"})) == {"Ana Ruiz", "Cy Tan"}
    response = client.get("/people/", {"topic": "zzz", "page": "-4"})
    assert response.status_code == 200 and "No such topic" in response.content.decode()


def test_directory_queries_stay_constant(client, people, django_assert_max_num_queries):
    for number in range(15):
        profile = make_user(f"extra{number}").profile
        profile.expertise.set([people["facilitation"]])
        profile.save()
    with django_assert_max_num_queries(12):
        client.get("/people/")


def test_profile_page_shows_expertise_and_escapes_the_bio(client, people):
    profile = people["ana"].profile
    profile.bio = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    profile.save()
    html = client.get("/people/ana/").content.decode()
    assert "Facilitation" in html
    assert "<script>alert(1)" not in html and "<img src=x" not in html
    assert "&lt;script&gt;" in html
    assert client.get("/people/nobody/").status_code == 404


def edit(client, user, **data):
    client.force_login(user)
    form = {
        "display_name": "Ana R.",
        "job_title": "Facilitator",
        "department": "HR",
        "organisation": "",
        "bio": "",
        "ask_me_about": "",
        "email_notifications": "daily",
        **data,
    }
    return client.post("/me/profile/", form)


def test_a_member_edits_their_profile_and_uploads_a_photo(client, people):
    response = edit(client, people["ana"], avatar_upload=SimpleUploadedFile("me.png", png_bytes(), "image/png"))
    assert response.status_code == 302
    profile = Profile.objects.get(user=people["ana"])
    assert profile.display_name == "Ana R." and profile.avatar is not None
    assert client.get("/me/profile/").status_code == 200


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("big.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024), "the limit is"),
        ("evil.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>', "SVG and HTML"),
        ("page.jpg", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "SVG and HTML"),
        ("junk.gif", b"GIF89a not really an image", "not an image"),
    ],
)
def test_bad_uploads_are_refused_with_a_clear_message_and_nothing_is_lost(client, people, name, content, message):
    response = edit(client, people["ana"], job_title="Kept title", avatar_upload=SimpleUploadedFile(name, content))
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Kept title"' in html  # what the member typed is still in the form
    assert Profile.objects.get(user=people["ana"]).avatar is None


def test_a_decompression_bomb_is_refused(client, people, settings):
    settings.MEMBER_IMAGE_MAX_PIXELS = 1_000_000
    bomb = SimpleUploadedFile("bomb.png", png_bytes((2000, 2000)), "image/png")
    response = edit(client, people["ana"], avatar_upload=bomb)
    assert response.status_code == 200 and "too large to process" in response.content.decode()


def test_editing_a_profile_needs_a_login(client):
    assert client.get("/me/profile/").status_code == 302


def test_expertise_chosen_on_the_profile_form_is_saved_and_reaches_the_people_index(client, people, search_index):
    from tests.conftest import sync_search_index

    search = Topic.objects.get(slug="search")
    response = edit(client, people["cy"], expertise=[people["facilitation"].pk, search.pk])
    assert response.status_code == 302
    profile = Profile.objects.get(user=people["cy"])
    assert {topic.slug for topic in profile.expertise.all()} == {"facilitation", "search"}
    response = edit(client, people["cy"], expertise=[search.pk], ask_me_about="taxonomies, search logs")
    profile = Profile.objects.get(user=people["cy"])
    assert [topic.slug for topic in profile.expertise.all()] == ["search"]
    assert sorted(tag.name for tag in profile.ask_me_about.all()) == ["search logs", "taxonomies"]
    edit(client, people["cy"], expertise=[people["facilitation"].pk])
    sync_search_index()
    html = client.get("/search/people/", {"topic": "facilitation"}).content.decode()
    assert "Cy Tan" in html
