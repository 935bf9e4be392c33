"""The topic tree in the admin: add a child, move a subtree, rename; a topic in use cannot be deleted."""

import pytest

from django.urls import reverse

from portal.taxonomy.models import Topic
from tests.factories import make_article, make_library, make_topic, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    client.force_login(make_user("taxonomist", is_superuser=True, is_staff=True))
    return client


@pytest.fixture
def tree():
    strategy = make_topic("Knowledge strategy")
    cop = make_topic("Communities of practice", strategy)
    tools = make_topic("Tools")
    return {"strategy": strategy, "cop": cop, "tools": tools}


def topic_form(name, slug, parent=None, description=""):
    return {"name": name, "slug": slug, "parent": parent.pk if parent else "", "description": description}


def test_add_a_child_topic(editor_client, tree):
    response = editor_client.post(
        reverse("wagtailsnippets_taxonomy_topic:add"), topic_form("Facilitation", "facilitation", tree["cop"])
    )
    assert response.status_code == 302
    facilitation = Topic.objects.get(slug="facilitation")
    assert facilitation.get_parent() == tree["cop"]
    assert [t.name for t in facilitation.get_ancestors()] == ["Knowledge strategy", "Communities of practice"]


def test_add_a_root_topic(editor_client, tree):
    editor_client.post(reverse("wagtailsnippets_taxonomy_topic:add"), topic_form("Learning", "learning"))
    assert Topic.objects.get(slug="learning").is_root()


def test_move_a_subtree_and_rename(editor_client, tree):
    child = make_topic("Moderation", tree["cop"])
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[tree["cop"].pk])
    response = editor_client.post(url, topic_form("Communities and networks", "communities-of-practice", tree["tools"]))
    assert response.status_code == 302
    cop = Topic.objects.get(pk=tree["cop"].pk)
    assert cop.name == "Communities and networks" and cop.get_parent() == tree["tools"]
    assert Topic.objects.get(pk=child.pk).get_parent() == cop  # the subtree moved with it


def test_a_topic_cannot_be_moved_under_itself(editor_client, tree):
    child = make_topic("Moderation", tree["cop"])
    url = reverse("wagtailsnippets_taxonomy_topic:edit", args=[tree["cop"].pk])
    response = editor_client.post(url, topic_form("Communities of practice", "communities-of-practice", child))
    assert response.status_code == 200  # the form shows the error
    assert Topic.objects.get(pk=tree["cop"].pk).get_parent() == tree["strategy"]


def test_deleting_a_topic_in_use_is_refused_with_a_clear_message(editor_client, tree):
    from home.demo import ensure_home, ensure_root

    home = ensure_home(ensure_root(), make_user("owner", is_superuser=True))
    make_article(make_library(home), "Guide", topics=[tree["cop"]])
    for topic in (tree["cop"], tree["strategy"]):  # used directly, and used below
        response = editor_client.post(reverse("wagtailsnippets_taxonomy_topic:delete", args=[topic.pk]), follow=True)
        assert Topic.objects.filter(pk=topic.pk).exists()
        assert "cannot be deleted" in response.content.decode() or "topics below it" in response.content.decode()
    bulk = reverse("wagtail_bulk_action", args=["taxonomy", "topic", "delete"])
    response = editor_client.post(f"{bulk}?id={tree['cop'].pk}", follow=True)
    assert Topic.objects.filter(pk=tree["cop"].pk).exists()
    assert "cannot be deleted" in response.content.decode()


def test_an_unused_topic_can_be_deleted(editor_client, tree):
    editor_client.post(reverse("wagtailsnippets_taxonomy_topic:delete", args=[tree["tools"].pk]))
    assert not Topic.objects.filter(pk=tree["tools"].pk).exists()
