"""Learning records for administrators: the report with exports, the xAPI-shaped statement feed, and the
module editor's inline figures."""

import pytest

from django.test import Client
from django.urls import reverse

from learning.models import Enrolment
from tests.factories import make_module, make_path, make_user
from tests.helpers import csv_rows, xlsx_rows
from tests.test_learning import answer, quiz_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def records():
    from home.demo import ensure_home, ensure_root

    admin = make_user("boss", is_superuser=True, is_staff=True)
    ensure_home(ensure_root(), admin)
    module = make_module("Measuring KM", lessons=2)
    other = make_module("Storytelling", lessons=1, quiz_in_last=False)
    make_path("Sustain stage", [module])
    learner = make_user("lee", first_name="Lee", last_name="Learner")
    client = Client()
    client.force_login(learner)
    client.post(module.url + "enrol/")
    client.post(other.url + "enrol/")
    client.post(module.lessons().first().url + "complete/")
    quiz_lesson = module.lessons().last()
    block_id, questions = quiz_of(quiz_lesson)
    client.post(quiz_lesson.url + f"quiz/{block_id}/", answer(questions, right=False))
    client.post(quiz_lesson.url + f"quiz/{block_id}/", answer(questions))
    admin_client = Client()
    admin_client.force_login(admin)
    return {"admin": admin_client, "learner": client, "module": module, "other": other}


def test_report_filters_by_module_and_exports(records):
    url = reverse("learning_records")
    response = records["admin"].get(url, {"module": records["module"].pk})
    html = response.content.decode()
    assert response.status_code == 200 and "<td>Measuring KM</td>" in html and "<td>Storytelling</td>" not in html
    # Both exports hold exactly the enrolments in the database, one row each.
    truth = {(e.user.username, e.item_title) for e in Enrolment.objects.select_related("user", "module", "path")}
    csv = csv_rows(records["admin"].get(url, {"export": "csv"}))
    assert csv[0][:4] == ["Username", "Email", "Name", "Module or path"]
    assert sorted((row[0], row[3]) for row in csv[1:]) == sorted(truth)
    xlsx = xlsx_rows(records["admin"].get(url, {"export": "xlsx"}))
    assert xlsx[0][:4] == ("Username", "Email", "Name", "Module or path")
    assert sorted((row[0], row[3]) for row in xlsx[1:]) == sorted(truth)
    assert {"Measuring KM", "Storytelling"} <= {title for _, title in truth}
    filtered = xlsx_rows(records["admin"].get(url, {"module": records["module"].pk, "export": "xlsx"}))
    assert [row[3] for row in filtered[1:]] == ["Measuring KM"]


def test_statements_are_xapi_shaped_and_for_administrators_only(records):
    url = "/api/learning/statements/"
    assert records["learner"].get(url).status_code == 403
    assert Client().get(url).status_code == 403
    data = records["admin"].get(url).json()
    verbs = [statement["verb"]["display"]["en-GB"] for statement in data["statements"]]
    assert verbs.count("registered") == 2 and verbs.count("failed") == 1 and verbs.count("passed") == 1
    assert verbs.count("completed") == 2
    passed = next(s for s in data["statements"] if s["verb"]["id"].endswith("/passed"))
    assert passed["result"]["score"]["scaled"] == 1.0 and passed["actor"]["account"]["name"] == "lee"
    timestamps = [statement["timestamp"] for statement in data["statements"]]
    assert timestamps == sorted(timestamps)
    later = records["admin"].get(url, {"since": timestamps[-1]}).json()
    assert later["statements"] == []
    assert records["admin"].get(url, {"since": "yesterday"}).status_code == 400


def test_module_editor_shows_learner_figures(records):
    response = records["admin"].get(reverse("wagtailadmin_pages:edit", args=[records["module"].pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "<strong>1</strong> learner enrolled, <strong>1</strong> completed (100% completion rate)" in html
    assert "2 quiz attempts (50% passed)" in html
