"""Curation: nominating contributions (once per person, only what one may open), the curation queue and its scope,
curating a source into a draft that goes through review, provenance and credit on the live page (private sources
never leak), "Curated into" on the source, and declining with a reason the nominators hear."""

import uuid

import pytest

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.images import get_image_model

from communities.discussions import Notification, Reply, Thread
from home.models import ReferenceArticlePage
from portal.curation.models import Candidate, Contribution, Nomination, Provenance
from portal.governance.workflows import EDITORS, SUBJECT_EXPERTS
from portal.searchable import search_key
from tests.factories import make_blog_post, make_community, make_library, make_topic, make_user
from tests.helpers import client_for, csv_rows, ensure_site, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    ensure_site()
    library = make_library()
    topic = make_topic("Peer assists")
    fay = make_user("fay", first_name="Fay", last_name="Facilitator")
    ann = make_user("ann", first_name="Ann", last_name="Asker")
    bo = make_user("bo", first_name="Bo", last_name="Answerer")
    cy = make_user("cy", first_name="Cy", last_name="Commenter")
    outsider = make_user("outsider", first_name="Oz", last_name="Outsider")
    editor = make_user("editor", group=EDITORS, first_name="Ed", last_name="Editor")
    open_community = make_community("Search champions", facilitators=[fay], members=[ann, bo, cy])
    open_community.topics.set([topic])
    open_community.save()
    private = make_community("Leadership circle", members_only=True, facilitators=[fay], members=[ann, bo])
    other = make_community("Other circle", facilitators=[outsider])
    thread = answered_thread(open_community, ann, bo, cy, "How long is a peer assist?")
    secret = answered_thread(private, ann, bo, None, "Budget for next year's roll-out")
    return {
        "library": library,
        "topic": topic,
        "open": open_community,
        "private": private,
        "other": other,
        "thread": thread,
        "secret": secret,
        **{user.username: user for user in (fay, ann, bo, cy, outsider, editor)},
    }


def answered_thread(community, asker, answerer, commenter, title):
    thread = Thread.objects.create(community=community, author=asker, title=title, body="Question: what works?")
    answer = Reply.objects.create(thread=thread, author=answerer, body="**Half a day**, with a clear question.")
    if commenter:
        Reply.objects.create(thread=thread, author=commenter, body="Invite people from *two* departments.")
    thread.accepted_reply = answer
    thread.save()
    return thread


def nominate(user, source, note=""):
    return client_for(user).post(f"/curation/nominate/{search_key(source)}/", {"note": note})


def where_article(site):
    return f"article:{site['library'].pk}"


# -- nominating ----------------------------------------------------------------------------------------------------
def test_a_reader_nominates_once_however_often_they_submit(site):
    for _ in range(3):
        response = nominate(site["cy"], site["thread"], "Clear and short")
        assert response.status_code == 302 and response["Location"] == site["thread"].get_absolute_url()
    assert Nomination.objects.filter(user=site["cy"]).count() == 1
    candidate = Candidate.objects.get(source_key=search_key(site["thread"]))
    assert candidate.nomination_count == 1 and candidate.accepted_answer
    assert candidate.community_id == site["open"].pk and list(candidate.topics.all()) == [site["topic"]]


def test_nominating_needs_a_login_and_what_one_cannot_open_is_a_404_like_nothing_at_all(site):
    anonymous = client_for().post(f"/curation/nominate/{search_key(site['thread'])}/")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    unknown = nominate(site["outsider"], site["thread"]).status_code  # warm-up: readable, works
    assert unknown == 302
    hidden = nominate(site["outsider"], site["secret"])
    missing = client_for(site["outsider"]).post("/curation/nominate/communities.thread:999999999/")
    assert hidden.status_code == missing.status_code == 404
    assert site["secret"].title.encode() not in hidden.content
    for key in ["auth.user:1", "page:1", "nonsense", "communities.thread:99999999999999999999", "x" * 300]:
        assert client_for(site["outsider"]).post(f"/curation/nominate/{key}/").status_code == 404
    assert client_for(site["outsider"]).get(f"/curation/nominate/{search_key(site['thread'])}/").status_code == 405
    assert not Nomination.objects.filter(user=site["outsider"], candidate__source_key=search_key(site["secret"]))


def test_a_note_with_markup_is_refused_with_a_message_that_keeps_what_was_typed(site):
    response = client_for(site["cy"]).post(
        f"/curation/nominate/{search_key(site['thread'])}/", {"note": "<script>alert(1)</script>"}, follow=True
    )
    assert not Nomination.objects.exists()
    text = response.content.decode()
    assert "Plain text only" in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text and "<script>alert" not in text


def test_the_nomination_count_shows_to_curators_not_to_readers(site):
    nominate(site["cy"], site["thread"])
    nominate(site["bo"], site["thread"])
    url = site["thread"].get_absolute_url()
    assert "2 nominations" in client_for(site["fay"]).get(url).content.decode()
    assert "2 nominations" in client_for(site["editor"]).get(url).content.decode()
    member_view = client_for(site["ann"]).get(url).content.decode()
    assert "nominations" not in member_view and "Worth keeping in the library?" in member_view
    assert "You nominated this" in client_for(site["cy"]).get(url).content.decode()
    assert "Worth keeping" not in client_for().get(url).content.decode()


# -- the queue -----------------------------------------------------------------------------------------------------
def test_the_queue_ranks_by_signals_and_each_curator_sees_only_their_scope(site):
    blog = make_blog_post(site["other"], "Notes from the other circle", author=site["outsider"])
    nominate(site["cy"], site["thread"])
    nominate(site["bo"], site["thread"])
    nominate(site["ann"], site["secret"])
    nominate(site["cy"], blog)
    editor_rows = csv_rows(client_for(site["editor"]).get("/admin/reports/curation/?export=csv"))
    titles = [row[0] for row in editor_rows[1:]]
    # The editor is not in the members-only community: its thread's title is not listed for them.
    assert titles == ["How long is a peer assist?", "Notes from the other circle"]
    fay_titles = [row[0] for row in csv_rows(client_for(site["fay"]).get("/admin/reports/curation/?export=csv"))[1:]]
    assert set(fay_titles) == {"How long is a peer assist?", "Budget for next year's roll-out"}
    assert fay_titles[0] == "How long is a peer assist?"  # two nominations rank above one
    outsider = client_for(site["outsider"]).get("/admin/reports/curation/?export=csv")
    assert [row[0] for row in csv_rows(outsider)[1:]] == ["Notes from the other circle"]
    assert client_for(site["cy"]).get("/admin/reports/curation/").status_code in (302, 403)
    filtered = client_for(site["editor"]).get(f"/admin/reports/curation/?export=csv&topics={site['topic'].pk}")
    assert [row[0] for row in csv_rows(filtered)[1:]] == ["How long is a peer assist?"]


# -- curating ------------------------------------------------------------------------------------------------------
def test_curating_makes_a_draft_from_the_question_the_accepted_answer_and_the_ticked_replies(site):
    nominate(site["cy"], site["thread"])
    candidate = Candidate.objects.get()
    extra = site["thread"].replies.exclude(pk=site["thread"].accepted_reply_id).get()
    editor = client_for(site["editor"])
    form = editor.get(f"/admin/curation/{candidate.pk}/").content.decode()
    assert "Reply by Cy Commenter" in form and "Half a day" not in form.split("Also use these replies")[1][:0]
    response = editor.post(
        f"/admin/curation/{candidate.pk}/",
        {"where": where_article(site), "title": "Running a peer assist", "summary": "Half a day.", "parts": []},
    )
    article = ReferenceArticlePage.objects.get(title="Running a peer assist")
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{article.pk}/edit/"
    assert not article.live and article.latest_revision is not None
    text = str(article.body.render_as_block())
    assert "Question: what works?" in text and "<strong>Half a day</strong>" in text
    assert "two" not in text  # the unticked reply is left out
    assert list(article.topics.all()) == [site["topic"]] and article.content_owner == site["editor"]
    provenance = Provenance.objects.get(page=article)
    assert provenance.source_title == "How long is a peer assist?" and provenance.source_was_public
    assert {c.user.username for c in Contribution.objects.filter(provenance=provenance)} == {"ann", "bo"}
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.IN_PROGRESS and candidate.draft_id == article.pk

    # Again: a warning naming the draft, and nothing made until the curator confirms.
    again = editor.post(
        f"/admin/curation/{candidate.pk}/",
        {"where": where_article(site), "title": "Second go", "parts": [str(extra.pk)]},
    )
    assert again.status_code == 200 and "already been curated" in again.content.decode()
    assert "Running a peer assist" in again.content.decode()
    assert not ReferenceArticlePage.objects.filter(title="Second go").exists()
    editor.post(
        f"/admin/curation/{candidate.pk}/",
        {"where": where_article(site), "title": "Second go", "parts": [f"reply-{extra.pk}"], "curate_again": "on"},
    )
    second = ReferenceArticlePage.objects.get(title="Second go")
    assert "two" in str(second.body.render_as_block())
    assert "cy" in {c.user.username for c in Contribution.objects.filter(provenance__page=second)}


def test_curating_needs_the_scope_and_a_place_the_curator_may_add_to(site):
    nominate(site["cy"], site["thread"])
    candidate = Candidate.objects.get()
    assert client_for(site["outsider"]).get(f"/admin/curation/{candidate.pk}/").status_code == 404
    assert client_for(site["cy"]).get(f"/admin/curation/{candidate.pk}/").status_code in (302, 403)
    fay = client_for(site["fay"]).post(
        f"/admin/curation/{candidate.pk}/", {"where": where_article(site), "title": "By a facilitator"}
    )
    assert fay.status_code == 200 and "Select a valid choice" in fay.content.decode()  # no add permission
    assert not ReferenceArticlePage.objects.filter(title="By a facilitator").exists()
    assert client_for(site["editor"]).get("/admin/curation/99999999999999999999/").status_code == 404


def test_submitting_for_review_starts_the_reference_review_and_publishing_credits_and_notifies(
    site, django_capture_on_commit_callbacks
):
    nominate(site["cy"], site["thread"])
    candidate = Candidate.objects.get()
    client_for(site["editor"]).post(
        f"/admin/curation/{candidate.pk}/",
        {"where": where_article(site), "title": "Running a peer assist", "submit_for_review": "on"},
    )
    article = ReferenceArticlePage.objects.get(title="Running a peer assist")
    state = article.current_workflow_state
    assert state is not None and state.workflow.name == "Reference review" and not article.live
    # Not live: nobody is told it is curated, on the thread or the (unpublished) page.
    assert "Curated into" not in client_for(site["ann"]).get(site["thread"].get_absolute_url()).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        article.latest_revision.publish(user=site["editor"])
    told = set(Notification.objects.filter(subject__contains="curated").values_list("user__username", flat=True))
    assert told == {"ann", "bo"}
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.CURATED
    page = client_for().get(article.url).content.decode()
    assert "Based on community contributions by" in page
    assert "Ann Asker" in page and "Bo Answerer" in page and site["thread"].get_absolute_url() in page
    thread_page = client_for().get(site["thread"].get_absolute_url()).content.decode()
    assert "Curated into" in thread_page and article.url in thread_page


def publish_curated(site, source):
    from portal.curation.curating import curate
    from portal.curation.sources import targets

    article = curate(source, site["editor"], targets["article"], site["library"], title="Curated", summary="")
    article.latest_revision.publish(user=site["editor"])
    article.refresh_from_db()
    return article


def test_a_members_only_source_is_credited_without_its_title_names_or_link_to_those_outside(site):
    site["editor"].groups.add(site["private"].member_group)  # the editor may read it to curate it
    article = publish_curated(site, site["secret"])
    for reader in (None, site["outsider"], site["cy"]):
        page = client_for(reader).get(article.url).content.decode()
        assert "a contribution in a members-only community" in page.lower()
        assert "Budget for next year" not in page and site["secret"].get_absolute_url() not in page
        assert "Ann Asker" not in page and "Bo Answerer" not in page
    member = client_for(site["ann"]).get(article.url).content.decode()
    assert "Budget for next year" in member and site["secret"].get_absolute_url() in member
    assert "Ann Asker" in member
    # On the thread, only members see it; and a curated page a reader may not open is not mentioned.
    assert "Curated into" in client_for(site["bo"]).get(site["secret"].get_absolute_url()).content.decode()


def test_a_curated_page_the_reader_may_not_open_is_not_mentioned_on_the_source(site):
    from wagtail.models import PageViewRestriction

    article = publish_curated(site, site["thread"])
    restriction = PageViewRestriction.objects.create(page=article, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get(name=EDITORS)])
    thread_page = client_for(site["cy"]).get(site["thread"].get_absolute_url()).content.decode()
    assert "Curated into" not in thread_page and "Curated" not in thread_page.split("</h1>")[1].split("replies")[0]
    assert "Curated into" in client_for(site["editor"]).get(site["thread"].get_absolute_url()).content.decode()


def test_a_deleted_source_still_credits_its_authors(site):
    article = publish_curated(site, site["thread"])
    site["thread"].delete()
    page = client_for().get(article.url).content.decode()
    assert "Ann Asker" in page and "Bo Answerer" in page and "since removed" in page
    assert "How long is a peer assist?" in page


def test_declining_tells_each_nominator_the_reason(site, django_capture_on_commit_callbacks):
    nominate(site["cy"], site["thread"])
    nominate(site["bo"], site["thread"])
    candidate = Candidate.objects.get()
    empty = client_for(site["editor"]).post(f"/admin/curation/{candidate.pk}/decline/", {"reason": ""})
    assert empty.status_code == 200 and "Give a reason" in empty.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client_for(site["editor"]).post(
            f"/admin/curation/{candidate.pk}/decline/", {"reason": "Already in the facilitation handbook."}
        )
    candidate.refresh_from_db()
    assert candidate.status == Candidate.Status.DECLINED
    told = Notification.objects.filter(subject__contains="facilitation handbook")
    assert set(told.values_list("user__username", flat=True)) == {"cy", "bo"}


def test_images_in_a_private_source_are_carried_into_the_public_library(site):
    image = get_image_model().objects.create(
        title="Whiteboard", file=ContentFile(png_bytes(), name="board.png"), collection_id=site["private"].collection_id
    )
    thread = Thread.objects.create(
        community=site["private"], author=site["ann"], title="Board", body=f"See ![the board](image:{image.pk})"
    )
    site["editor"].groups.add(site["private"].member_group)
    article = publish_curated(site, thread)
    figures = [block for block in article.body if block.block_type == "image"]
    assert len(figures) == 1
    carried = figures[0].value["image"]
    assert carried.pk != image.pk and carried.collection.is_root() and carried.title == "Whiteboard"
    assert "the board" in str(article.body.render_as_block())


def test_double_submits_from_two_browsers_make_one_nomination(site):
    key = search_key(site["thread"])
    for _ in range(2):
        client_for(site["cy"]).post(f"/curation/nominate/{key}/", {"note": str(uuid.uuid4())})
    assert Nomination.objects.count() == 1


def test_subject_experts_curate_too(site):
    expert = make_user("tom", group=SUBJECT_EXPERTS)
    nominate(site["cy"], site["thread"])
    assert client_for(expert).get("/admin/reports/curation/").status_code == 200


def test_a_curated_page_in_search_results_carries_its_provenance_line_as_the_reader_may_see_it(site, search_index):
    from tests.conftest import sync_search_index

    site["editor"].groups.add(site["private"].member_group)
    open_article = publish_curated(site, site["thread"])
    ReferenceArticlePage.objects.filter(pk=open_article.pk).update(title="Peer assist primer")
    open_article.refresh_from_db()
    open_article.save_revision().publish()
    publish_curated(site, site["secret"])
    sync_search_index()
    anonymous = client_for().get("/search/?q=works").content.decode()
    assert "Based on community contributions by Ann Asker and Bo Answerer" in anonymous
    assert "Based on a contribution in a members-only community" in anonymous
    member = client_for(site["ann"]).get("/search/?q=works").content.decode()
    assert member.count("Based on community contributions by Ann Asker and Bo Answerer") == 2


def test_accepting_an_answer_puts_the_question_in_the_queue(site):
    thread = Thread.objects.create(community=site["open"], author=site["cy"], title="Fresh question", body="How?")
    reply = Reply.objects.create(thread=thread, author=site["bo"], body="Like this.")
    client_for(site["cy"]).post(f"{thread.get_absolute_url()}accept/{reply.pk}/")
    candidate = Candidate.objects.get(source_key=search_key(thread))
    assert candidate.accepted_answer and candidate.nomination_count == 0
    queue = csv_rows(client_for(site["fay"]).get("/admin/reports/curation/?export=csv"))
    assert "Fresh question" in [row[0] for row in queue]


def test_helpful_marks_are_one_per_person_never_on_ones_own_reply_and_rank_the_queue(site):
    answer = site["thread"].accepted_reply
    url = f"{site['thread'].get_absolute_url()}replies/{answer.pk}/helpful/"
    for _ in range(2):  # a double submit marks once
        client_for(site["cy"]).post(url, {"helpful": "yes"})
    client_for(site["bo"]).post(url, {"helpful": "yes"})  # the author's own: refused
    assert list(answer.helpful_marks.values_list("user__username", flat=True)) == ["cy"]
    page = client_for(site["ann"]).get(site["thread"].get_absolute_url()).content.decode()
    assert "Helpful (1)" in page
    nominate(site["ann"], site["thread"])
    assert Candidate.objects.get().helpful_count == 1
    client_for(site["cy"]).post(url, {"helpful": "no"})
    assert not answer.helpful_marks.exists()
    secret_answer = site["secret"].accepted_reply
    hidden = client_for(site["cy"]).post(f"{site['secret'].get_absolute_url()}replies/{secret_answer.pk}/helpful/")
    # The members-only community sends outsiders to its join page, as for any of its pages; nothing is marked.
    assert hidden.status_code == 302 and "/join/" in hidden["Location"] and not secret_answer.helpful_marks.exists()
    anonymous = client_for().post(url, {"helpful": "yes"})
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]


def test_profiles_show_curated_credit_only_where_the_viewer_may_open_the_source(site):
    site["editor"].groups.add(site["private"].member_group)
    public = publish_curated(site, site["thread"])
    private = publish_curated(site, site["secret"])
    ReferenceArticlePage.objects.filter(pk=private.pk).update(title="From the circle")
    outsider_view = client_for(site["outsider"]).get("/people/bo/").content.decode()
    assert "Curated into the library" in outsider_view and public.url in outsider_view
    assert private.url not in outsider_view
    member_view = client_for(site["ann"]).get("/people/bo/").content.decode()
    assert public.url in member_view and private.url in member_view
    assert "Curated into the library" not in client_for().get("/people/cy/").content.decode()


def test_a_curator_can_make_a_lesson_in_a_module_instead(site):
    from learning.models import LessonPage
    from tests.factories import make_module

    module = make_module("Running peer assists", lessons=1, quiz_in_last=False)
    nominate(site["cy"], site["thread"])
    candidate = Candidate.objects.get()
    editor = client_for(site["editor"])
    assert "A lesson in Running peer assists" in editor.get(f"/admin/curation/{candidate.pk}/").content.decode()
    editor.post(f"/admin/curation/{candidate.pk}/", {"where": f"lesson:{module.pk}", "title": "Timing a peer assist"})
    lesson = LessonPage.objects.get(title="Timing a peer assist")
    assert not lesson.live and lesson.get_parent().pk == module.pk
    assert "Half a day" in str(lesson.body.render_as_block())
    assert Provenance.objects.get(page=lesson).source_key == search_key(site["thread"])


def test_every_curation_form_needs_its_csrf_token(site):
    from django.test import Client

    nominate(site["cy"], site["thread"])
    candidate = Candidate.objects.get()
    for user, url in [
        (site["bo"], f"/curation/nominate/{search_key(site['thread'])}/"),
        (site["editor"], f"/admin/curation/{candidate.pk}/"),
        (site["editor"], f"/admin/curation/{candidate.pk}/decline/"),
        (site["bo"], f"{site['thread'].get_absolute_url()}replies/{site['thread'].accepted_reply_id}/helpful/"),
    ]:
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        assert client.post(url, {"note": "x", "reason": "x", "title": "x"}).status_code == 403
    assert Nomination.objects.count() == 1 and Candidate.objects.get().status == Candidate.Status.NEW


def test_the_queue_exports_as_a_spreadsheet(site):
    from tests.helpers import xlsx_rows

    nominate(site["cy"], site["thread"])
    rows = xlsx_rows(client_for(site["editor"]).get("/admin/reports/curation/?export=xlsx"))
    assert rows[0][:3] == ("Title", "Kind", "Community")
    assert rows[1][:3] == ("How long is a peer assist?", "Question", "Search champions")


def test_blog_posts_and_wiki_pages_are_curated_with_their_images_and_every_editor_credited(site):
    from tests.factories import make_wiki_page

    image = get_image_model().objects.create(
        title="Café tables", file=ContentFile(png_bytes(), name="cafe.png"), collection_id=site["open"].collection_id
    )
    post = make_blog_post(
        site["open"],
        "Our first knowledge café",
        author=site["bo"],
        body=f'<p>It worked.</p><embed alt="Tables set out" embedtype="image" format="fullwidth" id="{image.pk}"/>'
        "<h2>Next time</h2><p>More <b>chairs</b>.</p>",
    )
    article = publish_curated(site, post)
    blocks = [block.block_type for block in article.body]
    assert blocks == ["heading", "paragraph", "image", "paragraph"]
    rendered = str(article.body.render_as_block())
    assert "<h3>Next time</h3>" in rendered and "<b>chairs</b>" in rendered and "Tables set out" in rendered
    assert article.body[2].value["image"].collection.is_root()

    wiki = make_wiki_page(site["open"], "Cafe checklist", "## Before")
    for editor, body in ((site["cy"], "## Before\n\n- Book a room"), (site["ann"], "## Before\n\n- Bring tea")):
        wiki.body = body
        wiki.save_revision(user=editor).publish(user=editor, skip_permission_checks=True)
    wiki.refresh_from_db()
    curated = publish_curated(site, wiki)
    assert "Bring tea" in str(curated.body.render_as_block())
    credited = set(Contribution.objects.filter(provenance__page=curated).values_list("user__username", flat=True))
    assert credited == {"cy", "ann"}


def test_curators_read_the_nominators_notes_and_late_nominators_hear_a_declined_reason(site):
    nominate(site["cy"], site["thread"], "Everyone asks this")
    candidate = Candidate.objects.get()
    form = client_for(site["editor"]).get(f"/admin/curation/{candidate.pk}/").content.decode()
    assert "Cy Commenter" in form and "Everyone asks this" in form
    candidate.decline(site["editor"], "Covered by the peer assist guide.")
    late = client_for(site["bo"]).post(f"/curation/nominate/{search_key(site['thread'])}/", follow=True)
    assert "Covered by the peer assist guide." in late.content.decode()
