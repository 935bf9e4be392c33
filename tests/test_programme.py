"""The KM programme view (issue 17): the stages x roles roadmap at /programme/, a person's next step, a manager's
team view at /programme/team/, and department stages that editors keep in the admin."""

import pytest

from django.apps import apps as django_apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import Site

from learning.models import LearningPathPage
from learning.programme import next_step_for
from learning.programme_setup import grant_editors
from learning.programme_stages import DepartmentStage, ProgrammeSettings
from portal.governance.workflows import EDITORS
from portal.people.models import Profile
from portal.taxonomy.models import Stage
from tests.factories import make_article, make_audience, make_community, make_library, make_module, make_path, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


def classify_path(path, audience, stage):
    LearningPathPage.objects.filter(pk=path.pk).update(audience=audience, stage=stage)
    path.refresh_from_db()
    return path


def classify(page, audiences, stage):
    page.audiences = list(audiences)
    page.stage = stage
    page.save()
    return page


def person(username, role=None, department=""):
    user = make_user(username, first_name=username.title())
    profile = Profile.for_user(user)
    profile.role = role
    profile.department = department
    profile.save()
    return user


@pytest.fixture
def programme():
    ensure_site()
    manager = make_audience("Manager")
    champion = make_audience("KM champion")
    basics = make_module("KM basics", lessons=3, quiz_in_last=False)
    pilots = make_module("Pilot skills", lessons=2, quiz_in_last=False)
    manager_path = classify_path(make_path("Managers: investigation", [basics]), manager, Stage.INVESTIGATION)
    champion_path = classify_path(make_path("Champions: pilot", [pilots]), champion, Stage.PILOT)
    library = make_library()
    article = make_article(library, "Making the case", audiences=[manager], stage=Stage.INVESTIGATION)
    make_article(library, "Draft case", audiences=[manager], stage=Stage.INVESTIGATION, live=False)
    insider = make_user("insider")
    open_community = classify(make_community("Project lessons"), [manager], Stage.INVESTIGATION)
    secret = classify(
        make_community("Board strategy", members_only=True, members=[insider]), [manager], Stage.INVESTIGATION
    )
    DepartmentStage.objects.create(department="Finance", stage=Stage.INVESTIGATION)
    DepartmentStage.objects.create(department="Operations", stage=Stage.PILOT)
    return {
        "manager": manager,
        "champion": champion,
        "basics": basics,
        "manager_path": manager_path,
        "champion_path": champion_path,
        "article": article,
        "open_community": open_community,
        "secret": secret,
        "insider": insider,
    }


def cell(html, stage, role_slug):
    """The HTML of one cell of the roadmap."""
    row = html.split(f'<tr data-stage="{stage}">', 1)[1].split("</tr>", 1)[0]
    return row.split(f'<td data-role="{role_slug}">', 1)[1].split("</td>", 1)[0]


def test_the_roadmap_has_a_row_per_stage_and_a_column_per_role(client, programme):
    html = client.get("/programme/").content.decode()
    assert '<caption class="visually-hidden">What to learn, read and join' in html
    for stage in Stage:
        assert f'<tr data-stage="{stage.value}">' in html
        assert f'<th scope="row">{stage.label}</th>' in html
    assert '<th scope="col">Manager</th>' in html and '<th scope="col">KM champion</th>' in html
    here = cell(html, "investigation", "manager")
    assert "Managers: investigation" in here and "Nearest stage" not in here
    assert "Making the case" in here and "Draft case" not in here
    assert "Project lessons" in here


def test_a_cell_without_its_own_path_points_to_the_nearest_stage(client, programme):
    html = client.get("/programme/").content.decode()
    nearest = cell(html, "investigation", "km-champion")
    assert "Champions: pilot" in nearest and "Nearest stage: Pilot" in nearest
    own = cell(html, "pilot", "km-champion")
    assert "Champions: pilot" in own and "Nearest stage" not in own
    assert "Managers: investigation" in cell(html, "sustain", "manager")  # the only manager path


def test_members_only_communities_are_never_suggested(programme):
    outsider = person("outsider", programme["manager"], "Finance")
    for user in (None, outsider, programme["insider"]):
        html = client_for(user).get("/programme/").content.decode()
        assert "Board strategy" not in html
        assert programme["secret"].url not in html


def test_next_step_needs_a_role(programme):
    html = client_for(person("norole")).get("/programme/").content.decode()
    assert 'data-next-step="choose_role"' in html
    assert reverse("people:edit_profile") in html
    assert "data-next-step" not in client_for().get("/programme/").content.decode()


def test_next_step_is_the_next_lesson_of_the_stage_path_and_moves_on(rf, programme):
    tom = person("tom", programme["manager"], "Finance")
    lessons = list(programme["basics"].lessons())
    step = next_step_for(tom)
    assert (step.kind, step.stage, step.path.pk) == ("lesson", "investigation", programme["manager_path"].pk)
    assert step.progress.next_lesson.pk == lessons[0].pk
    lessons[0].complete_for(tom)
    tom = type(tom).objects.get(pk=tom.pk)
    step = next_step_for(tom)
    assert step.progress.next_lesson.pk == lessons[1].pk and step.progress.percent == 33
    for lesson in lessons[1:]:
        lesson.complete_for(tom)
    assert next_step_for(type(tom).objects.get(pk=tom.pk)).kind == "complete"


def test_next_step_follows_the_department_stage_and_the_default(rf, programme):
    champion = person("cham", programme["champion"], "Operations")
    step = next_step_for(champion)
    assert (step.stage, step.path.pk) == ("pilot", programme["champion_path"].pk)
    assert not step.path_is_from_another_stage
    # A department without a stage of its own takes the programme's default stage for the site.
    nowhere = person("nowhere", programme["champion"], "Unknown department")
    assert next_step_for(nowhere).stage == "investigation"
    request = rf.get("/")
    site = Site.find_for_request(request)
    ProgrammeSettings.objects.update_or_create(site=site, defaults={"default_stage": "sustain"})
    step = next_step_for(nowhere, request)
    assert (step.stage, step.path.pk) == ("sustain", programme["champion_path"].pk)
    assert step.path_is_from_another_stage
    no_path_role = make_audience("HR and learning")
    assert next_step_for(person("hr", no_path_role, "Finance")).kind == "no_path"


def test_next_step_on_my_learning_and_the_home_page(programme):
    client = client_for(person("tom", programme["manager"], "Finance"))
    first = programme["basics"].lessons().first()
    for url in ("/me/learning/", "/", "/programme/"):
        html = client.get(url).content.decode()
        assert 'data-next-step="lesson"' in html, url
        assert first.title in html, url


def test_team_view_needs_a_signed_in_manager(client, programme):
    response = client.get("/programme/team/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    worker = person("worker", programme["champion"], "Finance")
    assert client_for(worker).get("/programme/team/").status_code == 403
    assert client_for(person("norole2", None, "Finance")).get("/programme/team/").status_code == 403


def test_team_view_shows_the_department_and_only_the_department(programme):
    tom = person("tom", programme["manager"], "Finance")
    ines = person("ines", programme["manager"], "Finance")
    oskar = person("oskar", programme["champion"], "Finance")
    person("stranger", programme["manager"], "Operations")
    lessons = list(programme["basics"].lessons())
    lessons[0].complete_for(ines)
    lessons[1].complete_for(ines)
    html = client_for(tom).get("/programme/team/").content.decode()
    assert 'data-person="stranger"' not in html
    for username in ("tom", "ines", "oskar"):
        assert f'data-person="{username}"' in html
    row = html.split('data-person="ines"', 1)[1].split("</tr>", 1)[0]
    assert 'data-percent="67"' in row and lessons[2].title in row
    row = html.split('data-person="tom"', 1)[1].split("</tr>", 1)[0]
    assert 'data-percent="0"' in row and lessons[0].title in row
    row = html.split('data-person="oskar"', 1)[1].split("</tr>", 1)[0]
    assert "Champions: pilot" in row and oskar.username in row  # the nearest stage's path for his role


def test_team_view_queries_do_not_grow_with_the_team(programme):
    tom = person("tom", programme["manager"], "Finance")
    person("oskar", programme["champion"], "Finance")  # both roles from the start: queries grow with roles only
    client = client_for(tom)
    client.get("/programme/team/")
    with CaptureQueriesContext(connection) as small:
        client.get("/programme/team/")
    for number in range(6):
        worker = person(f"w{number}", programme["manager"] if number % 2 else programme["champion"], "Finance")
        programme["basics"].lessons().first().complete_for(worker)
    with CaptureQueriesContext(connection) as large:
        client.get("/programme/team/")
    assert len(large) == len(small)


def test_the_roadmap_queries_do_not_grow_with_content(client, programme):
    client.get("/programme/")
    with CaptureQueriesContext(connection) as small:
        client.get("/programme/")
    library = programme["article"].get_parent()
    for number in range(4):
        make_article(library, f"More {number}", audiences=[programme["champion"]], stage=Stage.PILOT)
        classify(make_community(f"Extra {number}"), [programme["champion"]], Stage.PILOT)
    with CaptureQueriesContext(connection) as large:
        client.get("/programme/")
    assert len(large) == len(small)


@pytest.fixture
def editor(programme):
    grant_editors(django_apps)
    from portal.governance.editorial_setup import install

    install(django_apps)
    person("tom", programme["manager"], "Finance")
    return make_user("grace", group=EDITORS)


def test_editors_may_set_a_department_stage_and_members_may_not(editor, programme):
    add_url = reverse("wagtailsnippets_learning_departmentstage:add")
    DepartmentStage.objects.filter(department="Finance").delete()
    response = client_for(editor).post(add_url, {"department": "Finance", "stage": "rollout"})
    assert response.status_code == 302
    stage = DepartmentStage.objects.get(department="Finance")
    assert stage.stage == "rollout" and stage.updated_by == editor
    member = person("member", programme["manager"], "Finance")
    response = client_for(member).post(
        reverse("wagtailsnippets_learning_departmentstage:edit", args=[stage.pk]),
        {"department": "Finance", "stage": "sustain"},
    )
    assert response.status_code in (302, 403)  # refused: no admin access, no snippet permission
    assert DepartmentStage.objects.get(pk=stage.pk).stage == "rollout"
    assert client_for(member).get(add_url).status_code in (302, 403)


def test_unknown_departments_and_stages_are_refused_with_a_message(editor):
    add_url = reverse("wagtailsnippets_learning_departmentstage:add")
    client = client_for(editor)
    response = client.post(add_url, {"department": "Finanse", "stage": "pilot"})
    assert response.status_code == 200
    assert "No one is in a department called “Finanse”" in response.content.decode()
    response = client.post(add_url, {"department": "Legal", "stage": "pilot"})
    assert response.status_code == 200  # nobody is in Legal in this test
    response = client.post(add_url, {"department": "Finance", "stage": "orbit"})
    assert response.status_code == 200 and "orbit" in response.content.decode()
    assert not DepartmentStage.objects.filter(department__in=["Finanse", "Legal"]).exists()
    assert DepartmentStage.objects.get(department="Finance").stage == "investigation"
