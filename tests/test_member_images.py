"""Images members add to discussions, blog posts and wiki pages: checked uploads stored in the community's own
collection, shown only inside that community, and refused with a clear message that loses nothing."""

import uuid

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model
from wagtail.models import WorkflowState

from communities.models import BlogPostPage, Reply, Thread, WikiPage
from tests.factories import make_blog_post, make_community, make_user, make_wiki_page
from tests.helpers import client_for as as_user
from tests.helpers import ensure_site, png_bytes

pytestmark = pytest.mark.django_db


def png(size=(48, 32), name="chart.png"):
    return SimpleUploadedFile(name, png_bytes(size, (200, 90, 30)), "image/png")


@pytest.fixture
def site():
    ensure_site()
    fay, mo, esi, olu = make_user("fay"), make_user("mo"), make_user("esi"), make_user("olu")
    private = make_community("Leadership circle", members_only=True, facilitators=[fay], members=[mo, esi])
    other = make_community("Other circle", members_only=True, facilitators=[olu])
    for number in range(2):  # Esi has posted before, so her posts publish directly
        Thread.objects.create(community=private, author=esi, title=f"Old {number}", body="x")
    return {"private": private, "other": other, "fay": fay, "mo": mo, "esi": esi, "olu": olu}


def ask(client, community, image, description="Adoption by month", title="Is this curve normal?"):
    return client.post(
        community.url + "discussions/",
        {
            "kind": "question",
            "title": title,
            "body": "Our adoption dipped in March.",
            "image": image,
            "image_description": description,
            "submission_key": str(uuid.uuid4()),
        },
    )


def test_an_image_in_a_question_is_stored_in_the_community_collection_and_shown_to_members(site):
    response = ask(as_user(site["esi"]), site["private"], png())
    assert response.status_code == 302
    thread = Thread.objects.get(title="Is this curve normal?")
    image = get_image_model().objects.get(title="Adoption by month")
    assert image.collection_id == site["private"].collection_id and image.uploaded_by_user == site["esi"]
    assert thread.body.endswith(f"![Adoption by month](image:{image.pk})\n")
    html = as_user(site["mo"]).get(thread.get_absolute_url()).content.decode()
    assert 'alt="Adoption by month"' in html and 'src="/media/images/' in html


def test_an_image_in_a_reply_and_in_an_edit(site):
    thread = Thread.objects.create(community=site["private"], author=site["esi"], title="Tips", body="Share yours")
    client = as_user(site["esi"])
    client.post(
        thread.get_absolute_url(),
        {"body": "Here is ours.", "image": png(), "image_description": "Our map", "submission_key": str(uuid.uuid4())},
    )
    reply = Reply.objects.get(thread=thread)
    assert "![Our map](image:" in reply.body
    client.post(
        thread.get_absolute_url() + "edit/",
        {"title": "Tips", "body": "Share yours, please", "image": png(), "image_description": "Second map"},
    )
    thread.refresh_from_db()
    assert thread.body.startswith("Share yours, please") and "![Second map](image:" in thread.body
    assert thread.edits.get().previous_body == "Share yours"


@pytest.mark.parametrize(
    "upload, message",
    [
        (SimpleUploadedFile("big.png", b"\x89PNG" + b"0" * (3 * 1024 * 1024)), "the limit is"),
        (SimpleUploadedFile("chart.png", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), "SVG"),
        (SimpleUploadedFile("chart.jpg", b"<!DOCTYPE html><script>alert(1)</script>"), "SVG and HTML"),
        (SimpleUploadedFile("chart.gif", b"GIF89a but not really"), "not an image"),
    ],
)
def test_bad_images_are_refused_with_a_clear_message_and_the_text_is_kept(site, upload, message):
    response = ask(as_user(site["esi"]), site["private"], upload)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert 'value="Is this curve normal?"' in html and "Our adoption dipped in March." in html
    assert not Thread.objects.filter(title="Is this curve normal?").exists()
    assert not get_image_model().objects.exists()


def test_a_decompression_bomb_in_a_post_is_refused(site, settings):
    settings.MEMBER_IMAGE_MAX_PIXELS = 1_000_000
    response = ask(as_user(site["esi"]), site["private"], png((2000, 2000)))
    assert response.status_code == 200 and "too large to process" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_an_image_needs_a_description(site):
    response = ask(as_user(site["esi"]), site["private"], png(), description="  ")
    assert "Describe the image" in response.content.decode()
    assert not Thread.objects.filter(title="Is this curve normal?").exists()


def test_another_communitys_private_image_cannot_be_shown_by_its_id(site):
    ask(as_user(site["olu"]), site["other"], png(), description="Secret chart", title="Private to other")
    secret = get_image_model().objects.get(title="Secret chart")
    thread = Thread.objects.create(
        community=site["private"], author=site["esi"], title="Borrowed", body=f"Look: ![leak](image:{secret.pk})"
    )
    html = as_user(site["mo"]).get(thread.get_absolute_url()).content.decode()
    assert 'alt="leak"' not in html and "<img" not in html.split('class="post__body"', 1)[1].split("</div>", 1)[0]


def test_an_image_in_a_blog_post_becomes_a_wagtail_image_embed(site):
    blog = make_blog_post(site["private"], "Seed post", author=site["fay"]).get_parent()
    as_user(site["mo"]).post(
        blog.url + "write/",
        {"title": "Our pilot in pictures", "body": "### Week one", "image": png(), "image_description": "Pilot board"},
    )
    post = BlogPostPage.objects.get(title="Our pilot in pictures")
    image = get_image_model().objects.get(title="Pilot board")
    body = post.get_latest_revision_as_object().body
    assert f'<embed alt="Pilot board" embedtype="image" format="fullwidth" id="{image.pk}"/>' in body
    assert image.collection_id == site["private"].collection_id
    # The facilitator approves it in the admin, and members then see the image on the post.
    state = WorkflowState.objects.active().get(object_id=str(post.pk))
    state.current_task_state.task.specific.on_action(state.current_task_state, site["fay"], "approve")
    post = BlogPostPage.objects.get(pk=post.pk)
    assert post.live
    html = as_user(site["esi"]).get(post.url).content.decode()
    assert 'alt="Pilot board"' in html and 'src="/media/images/' in html


def test_an_image_uploaded_in_a_wiki_edit_waits_with_the_edit(site):
    page = make_wiki_page(site["private"], "Onboarding guide", "## Start here", author=site["fay"])
    as_user(site["mo"]).post(
        page.url + "edit/",
        {
            "title": page.title,
            "body": "## Start here\n\nThe welcome pack:",
            "change_note": "Added the pack",
            "image": png(),
            "image_description": "Welcome pack",
        },
    )
    page = WikiPage.objects.get(pk=page.pk)
    assert "Welcome pack" not in page.body  # the published version is unchanged until approval
    assert "![Welcome pack](image:" in page.get_latest_revision_as_object().body
