"""Accounts: logging in without being sent elsewhere, resetting a forgotten password by e-mail, changing one's
password. Django's own auth views, with the portal's templates."""

import re

import pytest

from django.core import mail
from django.test import Client

from tests.factories import make_user
from tests.helpers import client_for, elements

pytestmark = pytest.mark.django_db

OLD_PASSWORD = "pw"  # what tests.factories.make_user gives everyone
NEW_PASSWORD = "Quiet-harbour-lanterns-42"


@pytest.fixture
def reader():
    return make_user("rosa", first_name="Rosa", last_name="Lind", email="rosa@example.org")


def logs_in(username, password) -> bool:
    client = Client()
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response.status_code == 302 and "_auth_user_id" in client.session


def test_the_login_page_offers_a_password_reset(client):
    html = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/">Forgot your password?</a>' in html


def test_a_forgotten_password_is_reset_through_the_link_in_the_e_mail(client, reader):
    form = client.get("/accounts/password_reset/")
    assert form.status_code == 200 and 'class="site-header"' in form.content.decode()  # the portal's own page
    response = client.post("/accounts/password_reset/", {"email": "rosa@example.org"})
    assert response.status_code == 302 and response["Location"] == "/accounts/password_reset/done/"
    assert "Check your e-mail" in client.get(response["Location"]).content.decode()

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["rosa@example.org"]
    assert message.subject == "Reset your password on Knowledge & Learning Portal"  # one line, not HTML-escaped
    assert not message.alternatives  # plain text only
    assert "Your user name is rosa." in message.body
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body).group(1)

    # Django swaps the token in the link for one kept in the session, so it never stays in the address bar.
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].endswith("/set-password/")
    page = client.get(response["Location"]).content.decode()
    assert "Choose a new password" in page and 'name="new_password1"' in page
    response = client.post(response["Location"], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/accounts/reset/done/"
    assert "Your new password is set" in client.get(response["Location"]).content.decode()

    assert logs_in("rosa", NEW_PASSWORD)
    assert not logs_in("rosa", OLD_PASSWORD)
    # The link works once.
    used = Client().get(link, follow=True).content.decode()
    assert "This link has expired or has already been used." in used and 'name="new_password1"' not in used


def test_the_reset_form_does_not_tell_who_has_an_account(reader):
    def ask(email):
        client = Client()
        response = client.post("/accounts/password_reset/", {"email": email})
        done = client.get(response["Location"])
        return response.status_code, response["Location"], done.status_code, done.content

    assert ask("rosa@example.org") == ask("nobody@example.org")
    assert [message.to for message in mail.outbox] == [["rosa@example.org"]]


def test_a_reset_link_with_a_wrong_token_sets_nothing(client, reader):
    client.post("/accounts/password_reset/", {"email": "rosa@example.org"})
    link = re.search(r"http://testserver(/accounts/reset/[^/]+/)", mail.outbox[0].body).group(1)
    html = client.get(link + "not-the-token/", follow=True).content.decode()
    assert "This link has expired or has already been used." in html and 'name="new_password1"' not in html
    assert logs_in("rosa", OLD_PASSWORD)


def test_changing_the_password_needs_a_login(client):
    response = client.get("/accounts/password_change/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/accounts/password_change/"


def test_the_profile_page_links_to_the_password_change(reader):
    html = client_for(reader).get("/me/profile/").content.decode()
    assert 'href="/accounts/password_change/">Change password</a>' in html


def test_changing_the_password_needs_the_old_one(reader):
    client = client_for(reader)
    refused = client.post(
        "/accounts/password_change/",
        {"old_password": "not-my-password", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert refused.status_code == 200
    assert "Your old password was entered incorrectly" in refused.content.decode()
    assert logs_in("rosa", OLD_PASSWORD) and not logs_in("rosa", NEW_PASSWORD)

    response = client.post(
        "/accounts/password_change/",
        {"old_password": OLD_PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/password_change/done/"
    assert client.get("/me/profile/").status_code == 200  # the session that changed it stays logged in
    assert logs_in("rosa", NEW_PASSWORD) and not logs_in("rosa", OLD_PASSWORD)


def next_field(html) -> str:
    """The value of the login form's hidden `next` field."""
    (value,) = [attrs["value"] for tag, attrs in elements(html) if tag == "input" and attrs.get("name") == "next"]
    return value


UNSAFE_NEXT = ["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("unsafe", UNSAFE_NEXT)
def test_login_never_follows_next_off_the_site(client, reader, unsafe):
    form = client.get("/accounts/login/", {"next": unsafe}).content.decode()
    assert next_field(form) == ""  # the form does not carry it on
    response = client.post("/accounts/login/", {"username": "rosa", "password": OLD_PASSWORD, "next": unsafe})
    assert response.status_code == 302 and response["Location"] == "/"  # LOGIN_REDIRECT_URL


def test_login_follows_a_local_next(client, reader):
    form = client.get("/accounts/login/", {"next": "/library/?topic=facilitation"}).content.decode()
    assert next_field(form) == "/library/?topic=facilitation"
    response = client.post(
        "/accounts/login/", {"username": "rosa", "password": OLD_PASSWORD, "next": "/library/?topic=facilitation"}
    )
    assert response.status_code == 302 and response["Location"] == "/library/?topic=facilitation"
