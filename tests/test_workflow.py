"""Editorial workflow and content review, through the admin's own views (HTTP), permission branches both ways."""

import datetime

import pytest

from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Workflow, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import ReferenceArticlePage
from portal.governance.models import ReviewReminder
from portal.governance.review import pages_due_for_review
from portal.governance.workflows import AUTHORS, EDITORS, SUBJECT_EXPERTS
from portal.taxonomy.browse import topic_counts
from tests.factories import make_article, make_library, make_topic, make_user
from tests.helpers import csv_rows, xlsx_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    from home.demo import ensure_home, ensure_root

    admin = make_user("boss", is_superuser=True, is_staff=True)
    home = ensure_home(ensure_root(), admin)
    strategy = make_topic("Knowledge strategy")
    cop = make_topic("Communities of practice", strategy)
    return {
        "home": home,
        "library": make_library(home),
        "strategy": strategy,
        "cop": cop,
        "author": make_user("amira", group=AUTHORS),
        "expert": make_user("tomas", group=SUBJECT_EXPERTS),
        "editor": make_user("grace", group=EDITORS),
    }


def article_form(title, topic, **extra):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "summary": f"Summary of {title}",
            "body": streamfield([("paragraph", rich_text("<p>How we run it.</p>"))]),
            "related_links": inline_formset([]),
            "attachments": inline_formset([]),
            "comments": inline_formset([]),
            "stage": "pilot",
            "tags": "aar",
            **extra,
        }
    )
    data["topics"] = [str(topic.pk)]  # a multi-value field: nested_form_data would flatten a list
    return data


def author_creates(client, site, title, **extra):
    client.force_login(site["author"])
    url = reverse("wagtailadmin_pages:add", args=["home", "referencearticlepage", site["library"].pk])
    response = client.post(url, article_form(title, site["cop"], **extra))
    assert response.status_code == 302, response.content.decode()[:3000]
    return ReferenceArticlePage.objects.get(title=title)


def act(client, user, page, action, comment=""):
    client.force_login(user)
    task_state = WorkflowState.objects.active().get(object_id=str(page.pk)).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": comment} if comment else {})


def test_library_uses_the_reference_review_workflow(site):
    assert site["library"].get_workflow().name == "Reference review"
    assert site["home"].get_workflow().name == "Editor approval"
    assert [t.name for t in Workflow.objects.get(name="Reference review").tasks] == [
        "Subject expert review",
        "Editor approval",
    ]


def test_author_submits_expert_and_editor_approve_and_it_goes_live_under_its_topics(client, site):
    article = author_creates(client, site, "Peer assist guide", **{"action-submit": "Submit"})
    assert not article.live
    state = WorkflowState.objects.active().get(object_id=str(article.pk))
    assert state.current_task_state.task.name == "Subject expert review"
    # The editor cannot approve the subject-expert step on the expert's behalf.
    refused = act(client, site["editor"], article, "approve")  # Wagtail: back to the dashboard, with a message
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    assert (
        WorkflowState.objects.active().get(object_id=str(article.pk)).current_task_state.task.name
        == "Subject expert review"
    )
    act(client, site["expert"], article, "approve")
    article.refresh_from_db()
    assert not article.live
    act(client, site["editor"], article, "approve")
    article.refresh_from_db()
    assert article.live
    counts = topic_counts()
    assert counts[site["cop"].pk] == 1 and counts[site["strategy"].pk] == 1
    assert "Peer assist guide" in client.get("/topics/knowledge-strategy/").content.decode()


def test_rejection_with_a_comment_sends_it_back_to_the_author(client, site):
    article = author_creates(client, site, "Draft taxonomy guide", **{"action-submit": "Submit"})
    act(client, site["expert"], article, "reject", comment="Please add an example.")
    state = WorkflowState.objects.filter(object_id=str(article.pk)).latest("created_at")
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    article.refresh_from_db()
    assert not article.live
    # The author revises and resubmits; the workflow starts again from the expert.
    client.force_login(site["author"])
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = client.post(edit, article_form("Draft taxonomy guide", site["cop"], **{"action-submit": "Submit"}))
    assert response.status_code == 302
    state = WorkflowState.objects.active().get(object_id=str(article.pk))
    assert state.current_task_state.task.name == "Subject expert review"


def test_an_author_cannot_publish_by_any_route(client, site):
    # 1. The editor's publish button, posted directly.
    article = author_creates(client, site, "Unapproved guide", **{"action-publish": "Publish"})
    article.refresh_from_db()
    assert not article.live and article.live_revision is None
    # 2. Editing and posting publish again.
    edit = reverse("wagtailadmin_pages:edit", args=[article.pk])
    client.post(edit, article_form("Unapproved guide", site["cop"], **{"action-publish": "Publish"}))
    article.refresh_from_db()
    assert not article.live
    # 3. The bulk publish action.
    bulk = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    response = client.post(f"{bulk}?id={article.pk}&next=/admin/", {})
    article.refresh_from_db()
    assert not article.live
    assert response.status_code == 302  # back to the admin, the page left as it was
    # 4. Any approval of a workflow task.
    client.post(edit, article_form("Unapproved guide", site["cop"], **{"action-submit": "Submit"}))
    refused = act(client, site["author"], article, "approve")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    article.refresh_from_db()
    assert not article.live
    # The other branch: an editor's publish goes through.
    client.force_login(site["editor"])
    url = reverse("wagtailadmin_pages:add", args=["home", "referencearticlepage", site["library"].pk])
    client.post(url, article_form("Editor guide", site["cop"], **{"action-publish": "Publish"}))
    assert ReferenceArticlePage.objects.get(title="Editor guide").live


@pytest.fixture
def review_set(site):
    today = timezone.localdate()
    owner_a = make_user("owner-a")
    owner_b = make_user("owner-b")
    library = site["library"]
    pages = {
        "overdue-a": make_article(library, "Overdue A", owner=owner_a, review_by=today - datetime.timedelta(days=40)),
        "overdue-b": make_article(library, "Overdue B", owner=owner_b, review_by=today - datetime.timedelta(days=1)),
        "soon-a": make_article(library, "Soon A", owner=owner_a, review_by=today + datetime.timedelta(days=10)),
        "later": make_article(library, "Later", owner=owner_a, review_by=today + datetime.timedelta(days=200)),
        "draft": make_article(
            library, "Draft overdue", owner=owner_b, review_by=today - datetime.timedelta(days=5), live=False
        ),
    }
    return {"pages": pages, "owners": (owner_a, owner_b), "editor": site["editor"]}


def test_review_report_shows_exactly_the_due_pages(client, review_set):
    client.force_login(review_set["editor"])
    response = client.get(reverse("governance_review_report"))
    assert response.status_code == 200
    html = response.content.decode()
    for key in ("overdue-a", "overdue-b", "soon-a"):
        assert f">{review_set['pages'][key].title}</a>" in html
    assert "Later" not in html and "Draft overdue" not in html
    overdue = {p.title for p in pages_due_for_review(timezone.localdate() - datetime.timedelta(days=1))}
    assert overdue == {"Overdue A", "Overdue B"}
    due = {page.title for page in pages_due_for_review()}
    assert due == {"Overdue A", "Overdue B", "Soon A"}
    csv = csv_rows(client.get(reverse("governance_review_report") + "?export=csv"))
    xlsx = xlsx_rows(client.get(reverse("governance_review_report") + "?export=xlsx"))
    title_column = csv[0].index("Title")
    assert {row[title_column] for row in csv[1:]} == due and len(csv) == len(due) + 1
    assert xlsx[0] == tuple(csv[0])
    assert {row[title_column] for row in xlsx[1:]} == due and len(xlsx) == len(due) + 1


def test_review_report_is_closed_to_readers_without_page_permissions(client, review_set):
    client.force_login(make_user("reader", is_staff=False))
    refused = client.get(reverse("governance_review_report"))
    assert refused.status_code == 302 and refused["Location"].startswith("/admin/login/")


def test_reminders_send_one_digest_per_owner_once_a_day(review_set):
    call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    owner_a, owner_b = review_set["owners"]
    assert sorted(m.to[0] for m in mail.outbox) == sorted([owner_a.email, owner_b.email])
    digest_a = next(m for m in mail.outbox if m.to == [owner_a.email])
    assert "Overdue A" in digest_a.body and "Soon A" in digest_a.body and "Later" not in digest_a.body
    call_command("send_review_reminders", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 2
    assert ReviewReminder.objects.count() == 2


def test_mark_reviewed_clears_the_page_from_the_report_and_is_logged(client, review_set, settings):
    page = review_set["pages"]["overdue-a"]
    client.force_login(review_set["editor"])
    url = reverse("governance_mark_reviewed", args=[page.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"next": reverse("governance_review_report")}).status_code == 302
    page.refresh_from_db()
    assert page.review_by == timezone.localdate() + datetime.timedelta(days=settings.PORTAL_REVIEW_INTERVAL_DAYS)
    assert page.last_reviewed_at == timezone.localdate()
    assert page.trust_status().code == "current"
    assert ">Overdue A</a>" not in client.get(reverse("governance_review_report")).content.decode()
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(page=page, action="portal.mark_reviewed").exists()
    # A later publish of the stored revision keeps the new date.
    page.live_revision.publish()
    page.refresh_from_db()
    assert page.review_by > timezone.localdate()


def test_an_author_cannot_mark_reviewed(client, review_set, site):
    page = review_set["pages"]["overdue-b"]
    client.force_login(site["author"])
    # Wagtail's admin answers a permission refusal with a redirect and a message.
    refused = client.post(reverse("governance_mark_reviewed", args=[page.pk]))
    assert refused.status_code == 302 and refused["Location"] == "/admin/"
    page.refresh_from_db()
    assert page.review_by < timezone.localdate()


def test_the_dashboard_panel_and_the_page_header_button_lead_editors_to_reviews(client, review_set, site):
    client.force_login(review_set["editor"])
    dashboard = client.get("/admin/").content.decode()
    assert "<strong data-overdue-count>2</strong> pages overdue for review, <strong>1</strong> due soon" in dashboard
    assert f'href="{reverse("governance_review_report")}"' in dashboard
    page = review_set["pages"]["overdue-a"]
    mark = reverse("governance_mark_reviewed", args=[page.pk])
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert f'href="{mark}"' in editor and "Mark reviewed" in editor
    client.post(mark)  # the button's confirmation page posts here
    dashboard = client.get("/admin/").content.decode()
    assert "<strong data-overdue-count>1</strong> page overdue for review" in dashboard
    # The other branch: an author sees neither the panel's figures for publishing nor the button.
    client.force_login(site["author"])
    assert f'href="{mark}"' not in client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
