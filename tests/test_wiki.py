"""Community wikis: front-end edits as revisions through the community's review, history and diffs for every
reader, restore for facilitators."""

import pytest

from django.test import Client
from django.urls import reverse

from wagtail.models import WorkflowState

from communities.models import WikiPage
from tests.factories import make_community, make_user, make_wiki_page
from tests.helpers import client_for as as_user
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db

FIRST = "## Running the session\n\nInvite six to eight people.\n\n- Share the problem\n- Ask questions"


@pytest.fixture
def wiki():
    ensure_site()
    fay, mo, olu = make_user("fay"), make_user("mo"), make_user("olu")
    community = make_community("Peer assist practitioners", facilitators=[fay], members=[mo])
    page = make_wiki_page(community, "Peer assist guide", FIRST, author=fay)
    return {"community": community, "page": page, "fay": fay, "mo": mo, "olu": olu}


def member_edit(client, page, body, note="Added a step"):
    return client.post(page.url + "edit/", {"title": page.title, "body": body, "change_note": note})


def test_each_community_has_its_review_workflow_for_facilitators(wiki):
    workflow = wiki["page"].get_workflow()
    assert workflow.name.startswith("Community review: Peer assist practitioners")
    assert list(workflow.tasks.first().specific.groups.all()) == [wiki["community"].facilitator_group]


def test_member_edit_waits_for_the_facilitator_then_history_and_diff_show_the_change(wiki):
    page = wiki["page"]
    new_body = FIRST.replace("six to eight", "five to seven") + "\n- Agree actions"
    assert member_edit(as_user(wiki["mo"]), page, new_body).status_code == 302
    page.refresh_from_db()
    assert page.body == FIRST  # still the approved version
    state = WorkflowState.objects.active().get(object_id=str(page.pk))
    # The facilitator approves in the Wagtail admin's moderation flow.
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", state.current_task_state.pk])
    as_user(wiki["fay"]).post(url)
    page.refresh_from_db()
    assert "five to seven" in page.body
    reader = Client()  # an anonymous reader of an open community
    history = reader.get(page.url + "history/")
    assert history.status_code == 200 and "Added a step" in history.content.decode()
    revisions = page.published_revisions()
    diff = reader.get(page.url + f"diff/{revisions[1].pk}/{revisions[0].pk}/").content.decode()
    diff = diff.split('<div class="diff">', 1)[1]  # the body's diff, past the legend
    # Exactly the change, word by word: "six to eight" became "five to seven", and one list item was added.
    assert "<del>six</del> <ins>five</ins> to <del>eight</del> <ins>seven</ins>" in diff
    assert "- Agree actions</ins>" in diff
    assert diff.count("<del>") == 2 and diff.count("<ins>") == 3


def test_trusted_communities_publish_member_edits_directly(wiki):
    community = wiki["community"]
    community.trust_members = True
    community.save_revision().publish()
    member_edit(as_user(wiki["mo"]), wiki["page"], FIRST + "\n\nTrusted edit.")
    assert "Trusted edit." in WikiPage.objects.get(pk=wiki["page"].pk).body


@pytest.mark.parametrize("who, allowed", [("mo", True), ("fay", True), ("olu", False)])
def test_only_members_edit(wiki, who, allowed):
    response = member_edit(as_user(wiki[who]), wiki["page"], FIRST + "\n\nEdit by " + who)
    assert (response.status_code == 302) is allowed
    if not allowed:
        assert response.status_code == 403
    assert Client().get(wiki["page"].url + "edit/").status_code == 302  # anonymous: log in first


def test_unpublished_versions_cannot_be_compared(wiki):
    member_edit(as_user(wiki["mo"]), wiki["page"], "Secret draft text")
    wiki["page"].refresh_from_db()
    draft = wiki["page"].get_latest_revision()
    published = wiki["page"].published_revisions()[0]
    assert Client().get(wiki["page"].url + f"diff/{published.pk}/{draft.pk}/").status_code == 404


def test_facilitators_restore_an_earlier_version(wiki):
    fay = as_user(wiki["fay"])
    member_edit(fay, wiki["page"], "Replaced everything")
    assert WikiPage.objects.get(pk=wiki["page"].pk).body == "Replaced everything"
    first = wiki["page"].published_revisions()[-1]
    assert as_user(wiki["mo"]).post(wiki["page"].url + f"restore/{first.pk}/").status_code == 403
    fay.post(wiki["page"].url + f"restore/{first.pk}/")
    page = WikiPage.objects.get(pk=wiki["page"].pk)
    assert page.body == FIRST and page.change_note.startswith("Restored the version")


def test_wiki_renders_a_table_of_contents_and_inert_markup(wiki):
    member_edit(
        as_user(wiki["fay"]),
        wiki["page"],
        FIRST + "\n\n## Follow-up\n\n<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)>",
    )
    html = Client().get(wiki["page"].url).content.decode()
    assert 'href="#running-the-session"' in html and 'id="follow-up"' in html
    body = html.split('class="wiki-body"', 1)[1]
    assert "<script>alert" not in body and "javascript:" not in body
    assert "onerror" not in body and 'src="x"' not in body  # a library-less <img> keeps no source


def test_wiki_shows_library_images_and_nothing_from_elsewhere(wiki):
    import io

    from PIL import Image

    from django.core.files.images import ImageFile

    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 80)).save(buffer, "PNG")
    image = get_image_model().objects.create(title="Flow", file=ImageFile(buffer, name="flow.png"))
    editor = as_user(wiki["fay"])
    assert f"image:{image.pk}" in editor.get(wiki["page"].url + "edit/").content.decode()  # offered to insert
    member_edit(
        editor,
        wiki["page"],
        FIRST + f"\n\n![The review cycle](image:{image.pk})\n\n"
        "![pixel](https://tracker.example/p.gif) ![gone](image:999999)",
    )
    html = Client().get(wiki["page"].url).content.decode().split('class="wiki-body"', 1)[1]
    assert 'alt="The review cycle"' in html and 'src="/media/images/' in html
    assert "tracker.example" not in html and "999999" not in html
