"""The demo content as a newcomer meets it: loaded and indexed once for this module (tests only read it, or write
inside their own savepoint): the home page, the demo pages, the demo admin account, and a second load changing
nothing."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Page, Revision, Site

from home.models import HomePage
from portal.demo import ADMIN_PASSWORD, ADMIN_USERNAME

pytestmark = pytest.mark.django_db

NAV = {
    "Library": "/library/",
    "Communities": "/communities/",
    "Learning": "/learning/",
    "Search": "/search/",
    "People": "/people/",
}


def test_home_page_renders_with_navigation_search_box_and_footer(client, demo_site):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Find what your organisation knows" in html
    for label, url in NAV.items():
        assert f'href="{url}"' in html and f">{label}</a>" in html
    assert 'role="search"' in html and 'action="/search/"' in html and 'name="q"' in html
    assert '<nav class="site-nav" aria-label="Main">' in html
    assert "<footer" in html and "<main" in html
    assert html.count("<h1") == 1


def counts():
    return Page.objects.count(), Revision.objects.count(), get_user_model().objects.count(), Site.objects.count()


def test_demo_content_is_idempotent(demo_site):
    before = counts()
    call_command("load_demo_content", stdout=io.StringIO())
    assert counts() == before
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert HomePage.objects.count() == 1


def test_demo_pages_are_served(client, demo_site):
    for url in ("/about/", "/how-to-contribute/", "/what-is-knowledge-management/"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert client.get("/no-such-page/").status_code == 404


def test_admin_login_with_the_demo_account(client, demo_site):
    response = client.post("/admin/login/", {"username": ADMIN_USERNAME, "password": ADMIN_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_admin_login_with_a_wrong_password_is_refused(client, demo_site):
    response = client.post("/admin/login/", {"username": ADMIN_USERNAME, "password": "not-it"})
    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302
