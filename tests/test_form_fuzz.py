"""No input gives a 500. Every front-end form and filter gets huge and negative numbers, non-numbers, unicode
digits, NUL bytes and very long strings, as its own user would send them; the answer is a page, a form error, a
redirect with a message or a 4xx, never a server error. The suite runs this on SQLite and on PostgreSQL."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.test import Client

from communities.models import Membership, Post, Reply, Thread
from learning.quiz import questions_of
from tests.factories import (
    make_article,
    make_community,
    make_library,
    make_module,
    make_topic,
    make_user,
    make_wiki_page,
)
from tests.helpers import client_for, ensure_site, examples, subclasses

pytestmark = pytest.mark.django_db

NASTY = [
    "18446744073709551616",
    "-9223372036854775809",
    "9223372036854775808",
    "9223372036854775807",
    "-1",
    "0",
    "1e400",
    "NaN",
    "1.5",
    "abc",
    "١٢٣",  # Arabic-Indic digits: str.isdigit() says yes, int() may not
    "²",
    "\x00",
    "1\x00",
    "a\x00b",
    "x" * 10_000,
    "💥" * 50,
    "",
    " ",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "//evil.example/",
    "javascript:alert(1)",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.integers(min_value=-(2**80), max_value=2**80).map(str),
    st.text(max_size=40),
)


@pytest.fixture
def world(settings):
    """A community with a thread, a reply, a blog and a wiki page; a module with a quiz; the library."""
    settings.COMMUNITY_POSTS_PER_MINUTE = 10**6  # the fuzz posts a lot; the limit has its own tests
    home = ensure_site()
    library = make_library(home)
    topic = make_topic("Facilitation")
    make_article(library, "Running a knowledge café", topics=[topic])
    facilitator, member, applicant = make_user("fay"), make_user("mo"), make_user("ana")
    community = make_community("Fuzz forum", facilitators=[facilitator], members=[member], policy="moderated")
    Membership.objects.create(community=community, user=applicant, status=Membership.Status.PENDING)
    thread = Thread.objects.create(community=community, author=member, title="A question", body="Why?")
    reply = Reply.objects.create(thread=thread, author=facilitator, body="Because.", status=Post.Status.PUBLISHED)
    wiki = make_wiki_page(community, "Handbook", "## Start here", author=facilitator)
    from tests.factories import make_blog_post

    blog = make_blog_post(community, "First post", author=facilitator).get_parent()
    module = make_module("Fuzz module", lessons=2)
    lessons = list(module.get_children().specific())
    quiz = lessons[-1].quizzes()[0]
    question_ids = [question.id for question in questions_of(quiz.value)]
    thread_url = thread.get_absolute_url()
    return {
        "users": {"member": member, "facilitator": facilitator, "anonymous": None},
        # (method, url, field names, who sends it)
        "forms": [
            (
                "post",
                "/me/profile/",
                ["display_name", "department", "bio", "expertise", "email_notifications"],
                "member",
            ),
            ("post", f"/communities/join/{community.slug}/", ["next"], "member"),
            ("post", community.url + "join/", ["next"], "member"),
            ("post", community.url + "discussions/", ["kind", "title", "body", "submission_key"], "member"),
            ("post", thread_url, ["body", "submission_key", "image_description"], "member"),
            ("post", thread_url + "edit/", ["title", "body"], "member"),
            ("post", f"{thread_url}replies/{reply.pk}/edit/", ["body"], "facilitator"),
            ("post", thread_url + "flag/", ["reply", "reason"], "member"),
            ("post", thread_url + "moderate/", ["reply", "action", "next"], "facilitator"),
            ("post", thread_url + "follow/", ["next"], "member"),
            ("post", community.url + "members/", ["membership", "action"], "facilitator"),
            ("post", blog.url + "write/", ["title", "summary", "body"], "facilitator"),
            ("post", wiki.url + "edit/", ["title", "body", "change_note"], "member"),
            ("get", wiki.url + "history/", ["old", "new"], "anonymous"),
            ("post", module.url + "enrol/", ["next"], "member"),
            ("post", lessons[0].url + "complete/", ["next"], "member"),
            (
                "post",
                f"{lessons[-1].url}quiz/{quiz.id}/",
                [f"q-{question_id}" for question_id in question_ids] + ["q-unknown", "started_at"],
                "member",
            ),
            (
                "get",
                "/search/",
                ["q", "type", "topic", "tag", "community", "audience", "stage", "year", "trust", "sort", "page"],
                "member",
            ),
            ("get", "/api/search/", ["q", "topic", "year", "trust", "page", "sort"], "anonymous"),
            ("get", "/search/people/", ["q", "topic", "community", "department", "page"], "anonymous"),
            ("get", "/search/autocomplete/", ["q"], "anonymous"),
            ("get", library.url, ["topic", "audience", "stage", "sort", "page"], "anonymous"),
            ("get", module.get_parent().url, ["topic", "audience", "stage", "duration", "sort", "page"], "member"),
            ("get", community.get_parent().url, ["topic", "audience", "stage", "sort", "page"], "anonymous"),
            ("get", community.url + "discussions/", ["kind", "page"], "member"),
            ("get", blog.url, ["page"], "anonymous"),
            ("get", "/people/", ["topic", "department", "community", "page"], "anonymous"),
            ("get", f"/topics/{topic.slug}/", ["page"], "anonymous"),
            ("post", "/accounts/login/", ["username", "password", "next"], "anonymous"),
            ("post", "/accounts/password_reset/", ["email"], "anonymous"),
            ("post", "/accounts/password_change/", ["old_password", "new_password1", "new_password2"], "member"),
        ],
    }


def clients(world) -> dict:
    return {name: client_for(user) for name, user in world["users"].items()}


@settings(max_examples=examples(150))
@given(data=st.data())
def test_no_form_or_filter_answers_a_server_error(world, data):
    method, url, fields, who = data.draw(st.sampled_from(world["forms"]), label="form")
    values = {}
    for name in fields:
        if data.draw(st.booleans(), label=f"send {name}"):
            values[name] = data.draw(st.lists(VALUES, min_size=1, max_size=3), label=name)
    client = clients(world)[who]
    response = getattr(client, method)(url, values)
    assert response.status_code < 500, (method, url, values)


def test_the_probes_reproductions_get_form_errors(world):
    """The outside probe's inputs, exactly: a form error with its message, nothing saved."""
    as_member = clients(world)["member"]
    profile = world["users"]["member"].profile
    for value in ("18446744073709551616", "-9223372036854775809", "abc"):
        response = as_member.post("/me/profile/", {"display_name": "Mo", "expertise": [value]})
        assert response.status_code == 200
        assert "Select a valid choice" in response.content.decode()
        profile.refresh_from_db()
        assert profile.display_name != "Mo"


def test_ids_in_urls_beyond_the_database_are_not_found(world):
    member = clients(world)["member"]
    thread = Thread.objects.get()
    base = thread.community.url + "discussions/"
    for number in ("18446744073709551616", "9" * 30):
        assert member.get(f"{base}{number}/").status_code == 404
        assert member.post(f"{base}{thread.pk}/accept/{number}/").status_code == 404
    assert member.get(f"{base}{thread.pk}/").status_code == 200


def test_nul_bytes_in_urls_never_reach_the_database(world):
    client = Client()
    assert client.get("/library/a%00b/").status_code == 404
    assert client.get("/people/a%00b/").status_code == 404
    assert client.get("/search/", {"q": "knowledge\x00café", "topic": "\x00"}).status_code == 200
    assert client.get("/library/", {"topic": "facilit\x00ation"}).status_code == 200


def test_no_url_takes_an_unbounded_integer(world):
    """Every id in a URL, the portal's and the Wagtail views it includes, goes through the id converter."""
    from django.urls import URLPattern, URLResolver, get_resolver
    from django.urls.converters import IntConverter

    from wagtail.contrib.routable_page.models import RoutablePageMixin
    from wagtail.models import get_page_models

    def patterns(resolver, prefix=""):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                yield from patterns(entry, prefix + str(entry.pattern))
            elif isinstance(entry, URLPattern):
                yield prefix + str(entry.pattern), entry.pattern

    routes = list(patterns(get_resolver()))
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            routes += [(f"{model.__name__}:{p.pattern}", p.pattern) for p in model.get_subpage_urls()]
    unbounded = [
        name
        for name, pattern in routes
        if any(isinstance(c, IntConverter) for c in getattr(pattern, "converters", {}).values())
    ]
    assert unbounded == []
    client = Client()
    assert client.get("/documents/18446744073709551616/file.pdf").status_code == 404
    assert client.post("/_util/authenticate_with_password/18446744073709551616/1/").status_code == 404


def test_every_front_end_model_form_bounds_its_relations():
    """The portal's model forms derive from PortalModelForm with its Meta, so a relation field can only be the
    range-checked kind (a new form that forgets would take ids straight to the database)."""
    from django import forms

    import communities.forms  # noqa: F401 - load every form module
    import portal.people.forms  # noqa: F401
    from portal.ids import ModelChoiceField, PortalModelForm

    ours = [
        form
        for form in subclasses(forms.ModelForm)
        if form.__module__.split(".")[0] in ("portal", "home", "communities", "learning", "search")
        and form is not PortalModelForm
    ]
    assert ours
    for form in ours:
        for name, field in form.base_fields.items():
            if isinstance(field, forms.ModelChoiceField):
                assert isinstance(field, ModelChoiceField | forms.ModelMultipleChoiceField), (form, name)
                assert type(field).__module__ == "portal.ids", (form, name)
