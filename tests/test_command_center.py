"""The command center's frame: who may open it (Programme leads, Editors, superusers; facilitators for their own
communities; nobody else), its filters (bad input says so and falls back), its JSON (which the page polls) and its
CSV, which carry the same figures as its tables. The panels' own figures are tested in test_command_center_*.py."""

import csv
import datetime
import io

import pytest

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from portal.command_center import figures
from portal.command_center.figures import Figure, Headline, Panel, PanelData, Series
from portal.governance.workflows import EDITORS, PROGRAMME_LEADS
from portal.people.models import Profile
from tests.factories import make_audience, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db

URL = "/admin/command-center/"


def organisation_panel(scope):
    """Echoes the scope it was given, so the tests can see what the filters became."""
    people = scope.people().count() if scope.filters_people else None
    return PanelData(
        "test-organisation",
        "Organisation",
        [Headline("People in scope", people)],
        [
            Figure(
                "test-scope",
                "Scope",
                "Part",
                ["start", "end", "department", "people", "=formula"],
                [Series("Value", [scope.start.isoformat(), scope.end.isoformat(), scope.department, people, 1])],
            )
        ],
    )


def community_panel(scope):
    communities = scope.communities()
    ids = sorted(communities) if communities is not None else ["all"]
    return PanelData(
        "test-communities",
        "Communities",
        [Headline("Communities counted", len(ids) if communities is not None else "all")],
        [
            Figure(
                "test-communities", "Communities", "Community", [str(i) for i in ids], [Series("Seen", [1] * len(ids))]
            )
        ],
    )


@pytest.fixture
def panels(monkeypatch):
    monkeypatch.setattr(figures, "panels", {})
    monkeypatch.setattr(figures, "facilitation_providers", [])
    monkeypatch.setattr(figures, "community_choice_providers", [])
    figures.register_panel(Panel("test-organisation", "Organisation", 1, organisation_panel))
    figures.register_panel(Panel("test-communities", "Communities", 2, community_panel, about_communities=True))
    # Person "facil" facilitates communities 7 and 8; the filter offers 7, 8 and 9.
    figures.register_facilitation_provider(lambda user: {7, 8} if user.username == "facil" else set())
    titles = {7: "Seven", 8: "Eight", 9: "Nine"}
    figures.register_community_choices(
        lambda ids: [(i, title) for i, title in titles.items() if ids is None or i in ids]
    )
    # The access module imported the list itself; point it at the same one.
    from portal.command_center import access

    monkeypatch.setattr(access, "facilitation_providers", figures.facilitation_providers)
    from portal.command_center import filters

    monkeypatch.setattr(filters, "community_choice_providers", figures.community_choice_providers)


@pytest.fixture
def people():
    ensure_site()
    admin_only = make_user("author")  # may use the admin, but is no programme lead
    admin_only.user_permissions.add(Permission.objects.get(codename="access_admin"))
    facilitator = make_user("facil")
    facilitator.user_permissions.add(Permission.objects.get(codename="access_admin"))
    return {
        "member": make_user("member"),
        "admin_only": admin_only,
        "lead": make_user("lead", group=PROGRAMME_LEADS),
        "editor": make_user("editor", group=EDITORS),
        "superuser": make_user("boss", is_superuser=True, is_staff=True),
        "facilitator": facilitator,
    }


def test_the_programme_leads_group_exists_and_may_use_the_admin():
    group = Group.objects.get(name=PROGRAMME_LEADS)
    assert group.permissions.filter(codename="access_admin").exists()


def test_who_may_open_it(panels, people):
    assert client_for().get(URL).status_code == 302  # to the login page
    assert "/login/" in client_for().get(URL)["Location"]
    assert client_for(people["member"]).get(URL).status_code == 302  # no admin access: the login page
    # Someone who may use the admin but is no programme lead: Wagtail turns the refusal into its "Sorry, you do not
    # have permission" redirect to the dashboard, on every surface.
    for path in ("", "data/", "csv/test-scope/"):
        response = client_for(people["admin_only"]).get(URL + path)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), path
    for name in ("lead", "editor", "superuser"):
        response = client_for(people[name]).get(URL)
        assert response.status_code == 200, name
        assert [panel["key"] for panel in response.context["panels"]] == ["test-organisation", "test-communities"]


def test_the_menu_item_shows_only_to_those_who_may_open_it(panels, people):
    from django.test import RequestFactory

    from wagtail.admin.menu import admin_menu

    def menu_urls(user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return [item.url for item in admin_menu.menu_items_for_request(request)]

    assert URL in menu_urls(people["lead"])
    assert URL in menu_urls(people["facilitator"])
    assert URL not in menu_urls(people["admin_only"])


def test_a_facilitator_sees_only_the_panels_about_their_own_communities(panels, people):
    client = client_for(people["facilitator"])
    response = client.get(URL)
    assert response.status_code == 200
    assert [panel["key"] for panel in response.context["panels"]] == ["test-communities"]
    assert response.context["panels"][0]["figures"][0]["labels"] == ["7", "8"]
    form = response.context["form"]
    assert [value for value, _ in form.fields["community"].choices] == ["", 7, 8]
    assert "department" not in form.fields and "role" not in form.fields
    # Their own community: only it. Another: refused, with a message, and their own figures instead.
    assert client.get(URL, {"community": 8}).context["panels"][0]["figures"][0]["labels"] == ["8"]
    response = client.get(URL, {"community": 9})
    assert response.context["panels"][0]["figures"][0]["labels"] == ["7", "8"]
    assert "Select a valid choice" in response.content.decode()
    assert client.get(URL + "data/", {"community": 9}).status_code == 400
    assert client.get(URL + "csv/test-scope/").status_code == 404  # an organisation figure is not theirs


def test_the_default_period_is_the_last_twelve_weeks(panels, people):
    response = client_for(people["lead"]).get(URL + "data/")
    data = response.json()
    today = timezone.localdate()
    assert data["end"] == today.isoformat()
    assert data["start"] == (today - datetime.timedelta(days=83)).isoformat()
    assert response["Cache-Control"].startswith("max-age=0")


def test_filters_reach_the_panels(panels, people):
    audience = make_audience("Managers")
    Profile.objects.filter(user=people["member"]).update(department="Finance", role=audience)
    Profile.objects.filter(user=people["lead"]).update(department="Finance")
    client = client_for(people["lead"])
    data = client.get(URL + "data/", {"start": "2026-01-05", "end": "2026-03-01", "department": "Finance"}).json()
    figure = data["panels"][0]["figures"][0]
    assert figure["series"][0]["values"][:4] == ["2026-01-05", "2026-03-01", "Finance", 2]
    data = client.get(URL + "data/", {"department": "Finance", "role": audience.pk}).json()
    assert data["panels"][0]["headlines"][0]["value"] == 1


@pytest.mark.parametrize(
    "params, message",
    [
        ({"start": "2026-03-01", "end": "2026-01-01"}, "must not be before its start"),
        ({"start": "2020-01-01", "end": "2026-01-01"}, "at most two years"),
        ({"start": "yesterday"}, "Enter a valid date"),
        ({"department": "Nowhere"}, "Select a valid choice"),
        ({"role": "999999"}, "Select a valid choice"),
        ({"community": "x"}, "Select a valid choice"),
    ],
)
def test_bad_filters_say_so_and_fall_back(panels, people, params, message):
    client = client_for(people["lead"])
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["panels"]  # the figures still show, with the defaults
    data = client.get(URL + "data/", params)
    assert data.status_code == 400
    assert message in str(data.json()["errors"])


def test_the_page_table_json_and_csv_carry_the_same_figures(panels, people):
    client = client_for(people["lead"])
    params = {"start": "2026-01-05", "end": "2026-03-01"}
    page = client.get(URL, params)
    html = page.content.decode()
    assert '<th scope="row">start</th>' in html and "<td>2026-01-05</td>" in html
    assert 'id="command-center-data"' in html and "vendor/chartjs/chart.umd.min.js" in html
    assert "Last updated" in html
    data = client.get(URL + "data/", params).json()
    figure = data["panels"][0]["figures"][0]
    response = client.get(URL + "csv/test-scope/", params)
    assert response["Content-Type"].startswith("text/csv")
    assert "test-scope-2026-01-05-2026-03-01.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == figure["header"] == ["Part", "Value"]
    assert [row[0] for row in rows[1:]] == figure["labels"][:4] + ["'=formula"]  # never a spreadsheet formula
    assert rows[1][1] == "2026-01-05"
    assert client.get(URL + "csv/no-such-figure/", params).status_code == 404


def test_the_picked_community_shows_its_members_the_headlines_of_the_communities_they_may_open(panels, people):
    from django.core.cache import cache

    from wagtail.models import Site

    from portal.command_center.models import CommandCenterSettings
    from tests.factories import make_community

    member, outsider = people["member"], people["admin_only"]
    forum = make_community("Strategy forum", members_only=True, members=[member])
    make_community("Open forum", members=[member, outsider])
    make_community("Inner circle", members_only=True, members=[outsider])
    settings = CommandCenterSettings.for_site(Site.objects.get(is_default_site=True))
    settings.summary_community = forum
    settings.save()
    cache.clear()
    html = client_for(member).get(forum.url).content.decode()
    assert "The KM programme at a glance" in html
    # The test panel counts the communities it was given: the forum and the open one, never the inner circle.
    assert "<dt>Communities counted</dt><dd>2</dd>" in html
    assert "<dt>People in scope</dt><dd>\N{EN DASH}</dd>" in html
    assert "Open the command center" not in html  # a member who is no programme lead
    assert client_for(outsider).get(forum.url).status_code in (302, 403, 404)  # members only
    lead = people["lead"]
    from communities.models import Membership

    Membership.objects.create(community=forum, user=lead)
    assert "Open the command center" in client_for(lead).get(forum.url).content.decode()
    # Another community shows nothing of it, even to members.
    open_forum = forum.get_siblings().exclude(pk=forum.pk).live().first().specific
    assert "at a glance" not in client_for(member).get(open_forum.url).content.decode()
    settings.summary_community = None
    settings.save()
    assert "at a glance" not in client_for(member).get(forum.url).content.decode()


def test_programme_leads_may_open_the_reports_the_panels_link_to(people):
    reports = ("content-due-for-review", "reader-reports", "search-gaps")
    for url in (f"/admin/reports/{report}/" for report in reports):
        assert client_for(people["lead"]).get(url).status_code == 200, url
        response = client_for(people["admin_only"]).get(url)
        assert (response.status_code, response["Location"]) == (302, "/admin/"), url
