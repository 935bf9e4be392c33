"""Reader feedback on formal content (portal.feedback): "was this helpful?", "outdated" flags and suggested
improvements, through the client, against the real database and Elasticsearch: who may send it, what bad input
gets back, who sees the counts, the trust badge and search facet an open flag changes, and how resolving a flag
(marking the page reviewed, publishing it, resolving in the admin) reaches the reader who flagged it."""

import datetime
import re

import pytest

from django.contrib.auth.models import Group
from django.core import mail
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageViewRestriction

from communities.discussions import Notification
from home.models import StandardPage
from portal.feedback.models import ContentFlag, HelpfulVote
from portal.governance.review import pages_due_for_review
from portal.governance.workflows import AUTHORS, EDITORS
from tests.conftest import sync_search_index
from tests.factories import make_article, make_library, make_module, make_user
from tests.helpers import api, client_for, ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    cache.clear()  # the per-minute limit counts in the cache, by user id
    home = ensure_site()
    library = make_library(home)
    owner = make_user("owner", first_name="Olga", last_name="Owner")
    later = timezone.localdate() + datetime.timedelta(days=200)
    article = make_article(library, "Running a peer assist", owner=owner, review_by=later)
    module = make_module("Facilitation basics", lessons=2, quiz_in_last=False)
    module.content_owner = owner
    module.review_by = later
    module.save_revision().publish()
    restricted = make_article(library, "Staff handbook", owner=owner, review_by=later)
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name=EDITORS))
    standard = StandardPage(title="About the portal", slug="about-portal", summary="About")
    home.add_child(instance=standard)
    standard.save_revision().publish()
    return {
        "home": home,
        "library": library,
        "owner": owner,
        "article": article,
        "module": module,
        "lesson": module.get_children().live().first().specific,
        "draft": make_article(library, "Draft guide", owner=owner, review_by=later, live=False),
        "restricted": restricted,
        "standard": standard,
        "reader": make_user("reader", first_name="Rita", last_name="Reader"),
        "other": make_user("other"),
        "editor": make_user("editor", group=EDITORS),
        "author": make_user("author", group=AUTHORS),
    }


def flag(client, page, kind="outdated", comment="", page_id=None):
    return client.post(reverse("feedback_flag", args=[page_id or page.pk]), {"kind": kind, "comment": comment})


def vote(client, page, answer):
    return client.post(reverse("feedback_helpful", args=[page.pk]), {"helpful": answer})


def badge(html):
    start = html.index('data-trust="') + len('data-trust="')
    code = html[start : html.index('"', start)]
    text = html[html.index(">", start) + 1 : html.index("</span>", start)]
    return code, text


# -- was this helpful? --------------------------------------------------------------------------------------------
def test_one_helpful_answer_per_reader_which_they_can_change(site):
    reader, article = client_for(site["reader"]), site["article"]
    response = vote(reader, article, "yes")
    assert response.status_code == 302 and response["Location"] == article.url + "#feedback"
    vote(reader, article, "yes")
    assert HelpfulVote.objects.get(page=article, user=site["reader"]).helpful is True
    vote(reader, article, "no")
    assert HelpfulVote.objects.filter(page=article).count() == 1
    assert HelpfulVote.objects.get(page=article, user=site["reader"]).helpful is False
    html = reader.get(article.url).content.decode()
    assert 'data-helpful-answer="no"' in html and "You answered No" in html
    vote(client_for(site["other"]), article, "yes")
    assert HelpfulVote.objects.filter(page=article).count() == 2
    refused = vote(reader, article, "maybe")
    assert refused.status_code == 302
    assert "choose Yes or No" in reader.get(article.url).content.decode()
    assert HelpfulVote.objects.get(page=article, user=site["reader"]).helpful is False


# -- flags --------------------------------------------------------------------------------------------------------
def test_a_double_submitted_flag_is_one_flag(site):
    reader, article = client_for(site["reader"]), site["article"]
    first = flag(reader, article, comment="The template link is dead.")
    assert first.status_code == 302 and first["Location"] == article.url + "#feedback"
    again = flag(reader, article, comment="The template link is dead.")
    assert again.status_code == 302
    assert ContentFlag.objects.open().filter(page=article).count() == 1
    assert "You have already flagged this page" in reader.get(article.url).content.decode()
    # Another kind, or another reader, is another flag; a database refusal backs the check up.
    flag(reader, article, "improvement", "Add an example from the field.")
    flag(client_for(site["other"]), article)
    assert ContentFlag.objects.open().filter(page=article).count() == 3
    with pytest.raises(Exception, match=r"(?i)unique"):
        ContentFlag.objects.create(page=article, flagged_by=site["reader"], kind="outdated")


def test_anonymous_readers_are_sent_to_log_in_whatever_the_id(site):
    for page_id in (site["article"].pk, 999_999):
        response = Client().post(reverse("feedback_flag", args=[page_id]), {"kind": "outdated"})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
        response = Client().post(reverse("feedback_helpful", args=[page_id]), {"helpful": "yes"})
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    assert not ContentFlag.objects.exists() and not HelpfulVote.objects.exists()
    html = Client().get(site["article"].url).content.decode()
    assert 'id="feedback"' in html and "Log in</a> to say whether this page helped you" in html


def test_feedback_on_what_the_reader_cannot_open_is_the_same_404_as_a_missing_id(site):
    reader = client_for(site["reader"])

    def body(response, page_id):  # the page as served, its own address and the CSRF token's mask aside
        html = response.content.decode().replace(f"/feedback/{page_id}/", "/feedback/ID/")
        return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)

    asks = {
        "flag": lambda page_id: reader.post(reverse("feedback_flag", args=[page_id]), {"kind": "outdated"}),
        "vote": lambda page_id: reader.post(reverse("feedback_helpful", args=[page_id]), {"helpful": "yes"}),
        "look": lambda page_id: reader.get(reverse("feedback_flag", args=[page_id])),
    }
    for name, ask in asks.items():
        missing = ask(999_999)
        assert missing.status_code == 404
        for key in ("draft", "restricted", "standard", "module"):
            response = ask(site[key].pk)
            assert response.status_code == 404, (name, key)
            assert body(response, site[key].pk) == body(missing, 999_999), (name, key)
    assert not ContentFlag.objects.exists() and not HelpfulVote.objects.exists()
    # The other branch: an editor, in the group the restriction names, may flag the restricted page.
    assert flag(client_for(site["editor"]), site["restricted"]).status_code == 302
    assert ContentFlag.objects.filter(page=site["restricted"]).count() == 1


def test_csrf_is_required(site):
    client = Client(enforce_csrf_checks=True)
    client.force_login(site["reader"])
    assert flag(client, site["article"]).status_code == 403
    assert vote(client, site["article"], "yes").status_code == 403
    assert not ContentFlag.objects.exists() and not HelpfulVote.objects.exists()


@pytest.mark.parametrize(
    ("kind", "comment", "message"),
    [
        ("improvement", "", "a suggestion needs a comment"),
        ("outdated", "Too long. " * 250, "Ensure this value has at most 2000 characters"),
        ("improvement", "Add the\x00 checklist", "Null characters are not allowed"),
        ("improvement", 'See <img src=x onerror="alert(1)">', "Plain text only"),
        ("sideways", "Whatever I meant", "Choose what kind of feedback this is"),
    ],
)
def test_bad_input_gets_a_clear_message_and_keeps_the_text(site, kind, comment, message):
    response = flag(client_for(site["reader"]), site["article"], kind, comment)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    kept = comment.replace("\x00", "").strip()
    if kept and "<" not in kept:
        assert kept[:200] in html
    elif kept:
        assert "&lt;img src=x" in html and "<img src=x" not in html
    assert f'action="{reverse("feedback_flag", args=[site["article"].pk])}"' in html
    assert not ContentFlag.objects.exists()


def test_flags_are_rate_limited_and_the_text_is_kept(site, settings):
    settings.READER_FEEDBACK_PER_MINUTE = 2
    reader = client_for(site["reader"])
    assert flag(reader, site["article"], comment="One").status_code == 302
    assert flag(reader, site["lesson"], comment="Two").status_code == 302
    refused = flag(reader, site["article"], "improvement", "Three, kept for later")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "up to 2 reports a minute" in html and "Three, kept for later" in html
    assert ContentFlag.objects.count() == 2
    # A double submit of a flag already made is not another report.
    assert flag(reader, site["article"], comment="One").status_code == 302


# -- who sees the counts -------------------------------------------------------------------------------------------
def test_helpful_counts_and_open_flags_show_to_the_owner_and_editors_only(site):
    article = site["article"]
    vote(client_for(site["reader"]), article, "yes")
    vote(client_for(site["other"]), article, "no")
    vote(client_for(site["editor"]), article, "yes")
    flag(client_for(site["reader"]), article, "improvement", "Add a worked example.")
    for user in (site["owner"], site["editor"]):
        html = client_for(user).get(article.url).content.decode()
        assert "data-feedback-owner" in html, user
        assert "<strong data-helpful-yes>2</strong> yes, <strong data-helpful-no>1</strong> no" in html
        assert 'data-open-flag="improvement"' in html and "Add a worked example." in html and "Rita Reader" in html
    for client in (client_for(site["reader"]), client_for(site["other"]), Client()):
        html = client.get(article.url).content.decode()
        assert "data-feedback-owner" not in html and "data-helpful-yes" not in html
        assert "Add a worked example." not in html
    # A lesson's owner is its module's.
    assert "data-feedback-owner" in client_for(site["owner"]).get(site["lesson"].url).content.decode()
    assert "data-feedback-owner" not in client_for(site["reader"]).get(site["lesson"].url).content.decode()


def test_the_feedback_box_costs_the_same_queries_however_much_feedback_there_is(site):
    article, owner = site["article"], client_for(site["owner"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert owner.get(article.url).status_code == 200
        return len(captured)

    owner.get(article.url)
    few = queries()
    for number in range(6):
        someone = make_user(f"voter{number}")
        HelpfulVote.record(article, someone, number % 2 == 0)
        ContentFlag.report(article, someone, "improvement" if number % 2 else "outdated", f"Note {number}")
    assert queries() == few  # one query reads the flags, one the counts, however many there are


# -- trust and search ----------------------------------------------------------------------------------------------
def test_an_open_outdated_flag_turns_the_badge_and_the_search_facet_until_resolved(site, search_index):
    article, reader = site["article"], client_for(site["reader"])
    sync_search_index()
    assert badge(Client().get(article.url).content.decode())[0] == "current"
    flag(reader, article, "improvement", "Could use a diagram.")  # a suggestion changes no trust
    sync_search_index()
    assert badge(Client().get(article.url).content.decode())[0] == "current"
    flag(reader, article, comment="The policy it cites was replaced in May.")
    sync_search_index()
    code, text = badge(Client().get(article.url).content.decode())
    assert code == "outdated" and text == f"Reported outdated on {timezone.localdate():%-d %b %Y}"
    assert article.trust_status().code == "outdated"
    trust = {value["value"]: value["count"] for value in api()["facets"]["trust"]}
    assert trust.get("outdated") == 1
    assert [hit["title"] for hit in api(trust="outdated")["results"]] == [article.title]
    # The library's card says so too.
    assert 'data-trust="outdated"' in Client().get(site["library"].url).content.decode()
    ContentFlag.resolve_open(article, site["owner"], "Updated the policy link.")
    sync_search_index()
    assert badge(Client().get(article.url).content.decode())[0] == "current"
    assert "outdated" not in {value["value"] for value in api()["facets"]["trust"]}


def test_a_flag_on_a_lesson_makes_that_lesson_outdated_not_its_module(site):
    lesson, module = site["lesson"], site["module"]
    flag(client_for(site["reader"]), lesson, comment="The screenshots show the old intranet.")
    assert badge(Client().get(lesson.url).content.decode())[0] == "outdated"
    assert badge(Client().get(module.url).content.decode())[0] == "current"
    sibling = module.get_children().live().last().specific
    assert badge(Client().get(sibling.url).content.decode())[0] == "current"


# -- resolving -----------------------------------------------------------------------------------------------------
def test_marking_reviewed_with_a_note_resolves_the_flags_and_tells_the_flaggers(site):
    article = site["article"]
    flag(client_for(site["reader"]), article, comment="Old numbers.")
    flag(client_for(site["reader"]), article, "improvement", "Add a checklist.")
    flag(client_for(site["other"]), article)
    editor = client_for(site["editor"])
    url = reverse("governance_mark_reviewed", args=[article.pk])
    confirm = editor.get(url).content.decode()
    assert "Old numbers." in confirm and "Add a checklist." in confirm and 'name="note"' in confirm
    assert editor.post(url, {"note": "Figures updated for 2026."}).status_code == 302
    assert not ContentFlag.objects.open().exists()
    resolved = ContentFlag.objects.filter(page=article)
    assert {(f.resolved_by, f.resolution_note) for f in resolved} == {(site["editor"], "Figures updated for 2026.")}
    notices = Notification.objects.filter(user=site["reader"])
    assert notices.count() == 1 and "Figures updated for 2026." in notices.get().subject
    assert Notification.objects.filter(user=site["other"]).count() == 1
    listed = client_for(site["reader"]).get("/me/notifications/").content.decode()
    assert "Figures updated for 2026." in listed and article.title in listed
    assert badge(Client().get(article.url).content.decode())[0] == "current"


def test_publishing_a_new_version_resolves_outdated_flags_but_not_suggestions(site):
    article = site["article"]
    flag(client_for(site["reader"]), article, comment="Old numbers.")
    flag(client_for(site["other"]), article, "improvement", "Add a checklist.")
    article.summary = "Updated for this year."
    article.save_revision(user=site["editor"]).publish()
    outdated = ContentFlag.objects.get(kind="outdated")
    assert outdated.resolved_at is not None and outdated.resolved_by == site["editor"]
    assert ContentFlag.objects.get(kind="improvement").is_open
    assert Notification.objects.filter(user=site["reader"]).count() == 1
    assert not Notification.objects.filter(user=site["other"]).exists()
    assert badge(Client().get(article.url).content.decode())[0] == "current"


def test_an_editor_resolves_a_lesson_s_reports_in_the_admin_and_an_author_cannot(site):
    lesson = site["lesson"]
    flag(client_for(site["reader"]), lesson, comment="Old screenshots.")
    url = reverse("feedback_resolve", args=[lesson.pk])
    author = client_for(site["author"])
    assert author.post(url, {"note": "No"}).status_code == 302  # the admin's refusal: a redirect, nothing done
    assert ContentFlag.objects.get().is_open
    editor = client_for(site["editor"])
    edit = editor.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk])).content.decode()
    assert f'href="{url}"' in edit
    assert "Old screenshots." in editor.get(url).content.decode()
    assert editor.post(url, {"note": "New screenshots added."}).status_code == 302
    flag_row = ContentFlag.objects.get()
    assert not flag_row.is_open and flag_row.resolution_note == "New screenshots added."
    assert "New screenshots added." in Notification.objects.get(user=site["reader"]).subject
    assert badge(Client().get(lesson.url).content.decode())[0] == "current"


# -- review report and reminders ------------------------------------------------------------------------------------
def test_flagged_pages_are_in_the_review_report_and_the_owner_s_digest(site):
    flag(client_for(site["reader"]), site["article"], comment="The policy it cites was replaced.")
    flag(client_for(site["other"]), site["lesson"], "improvement", "Add a practice exercise.")
    items = {item.title: item for item in pages_due_for_review()}
    assert set(items) == {site["article"].title, site["lesson"].title}  # both are reviewed far in the future
    assert items[site["article"].title].review_state == "Reported outdated"
    assert items[site["lesson"].title].owner == site["owner"]  # the module's owner
    assert len(pages_due_for_review(owner=site["owner"])) == 2 and pages_due_for_review(owner=site["other"]) == []
    later = timezone.localdate() + datetime.timedelta(days=300)
    unowned = make_article(site["library"], "Unowned guide", review_by=later)
    flag(client_for(site["reader"]), unowned)
    assert {item.title for item in pages_due_for_review(owner=site["owner"])} == set(items)
    assert len(pages_due_for_review()) == 3
    ContentFlag.resolve_open(unowned)
    editor = client_for(site["editor"])
    report = editor.get(reverse("governance_review_report")).content.decode()
    assert "The policy it cites was replaced." in report and "Add a practice exercise." in report
    assert "1 outdated" in report and "1 suggestion" in report
    assert reverse("feedback_resolve", args=[site["lesson"].pk]) in report
    assert "flagged by readers" in editor.get("/admin/").content.decode()
    call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    (digest,) = mail.outbox
    assert digest.to == [site["owner"].email]
    assert site["article"].title in digest.body and site["lesson"].title in digest.body
    assert "The policy it cites was replaced." in digest.body and "Add a practice exercise." in digest.body
    # Resolved flags leave the report.
    ContentFlag.resolve_open(site["article"], site["editor"])
    ContentFlag.resolve_open(site["lesson"], site["editor"])
    assert pages_due_for_review() == []
