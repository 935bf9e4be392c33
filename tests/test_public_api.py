"""The public read API (/api/v2/), the sitemap and robots.txt: only what an anonymous reader may open, whoever asks
and however (listings, detail, search, child_of/descendant_of, fields)."""

import re

import pytest

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction

from home.models import StandardPage
from tests.factories import make_community, make_user, make_wiki_page
from tests.helpers import client_for, ensure_site, png_bytes

pytestmark = pytest.mark.django_db


def publish(parent, title, slug, live=True):
    page = StandardPage(title=title, slug=slug, summary=f"Secret word for {slug}")
    parent.add_child(instance=page)
    page.save_revision().publish() if live else page.unpublish()
    return page


def upload(name):
    return SimpleUploadedFile(name, png_bytes(), "image/png")


@pytest.fixture
def world(search_backend):
    home = ensure_site()
    member = make_user("insider")
    public = publish(home, "Open guide", "open")
    sections = {}
    for kind in ("login", "groups", "password"):
        section = publish(home, f"{kind} section", f"{kind}-area")
        publish(section, f"Inside the {kind} section", f"{kind}-inside")
        restriction = PageViewRestriction.objects.create(
            page=section, restriction_type=kind, password="pw" if kind == "password" else ""
        )
        if kind == "groups":
            restriction.groups.set([member.groups.model.objects.create(name="Staff only")])
        sections[kind] = section
    draft = publish(home, "Draft page", "draft", live=False)
    private = make_community("Inner circle", members_only=True, members=[member])
    wiki = make_wiki_page(private, "Inner handbook", "## Secret")
    image_model, document_model = get_image_model(), get_document_model()
    images = {
        "public": image_model.objects.create(title="Public chart", file=upload("a.png")),
        "private": image_model.objects.create(
            title="Private chart", file=upload("b.png"), collection=private.collection
        ),
    }
    documents = {
        "public": document_model.objects.create(title="Public minutes", file=ContentFile(b"x", "public.txt")),
        "private": document_model.objects.create(
            title="Private minutes", file=ContentFile(b"y", "private.txt"), collection=private.collection
        ),
    }
    return {
        "public": public, "sections": sections, "draft": draft, "private": private, "wiki": wiki,
        "member": member, "images": images, "documents": documents,
    }  # fmt: skip


def listed(client, endpoint, **params) -> set[int]:
    """Every id the API lists, following its pagination."""
    ids, offset = set(), 0
    while True:
        data = client.get(f"/api/v2/{endpoint}/", {**params, "offset": offset, "limit": 20}).json()
        ids |= {item["id"] for item in data["items"]}
        offset += 20
        if offset >= data["meta"]["total_count"]:
            return ids


def anonymously_openable(page_ids) -> set[int]:
    client = Client()
    openable = set()
    for page in Page.objects.filter(pk__in=page_ids):
        response = client.get(page.url) if page.url else None
        templates = [t.name for t in response.templates if t.name] if response is not None else []
        if (
            response is not None
            and response.status_code == 200
            and "wagtailcore/password_required.html" not in templates
        ):
            openable.add(page.pk)
    return openable


@pytest.mark.parametrize("reader", ["anonymous", "member", "superuser"])
def test_the_pages_api_lists_only_what_anyone_may_open_whoever_asks(world, reader):
    user = {"anonymous": None, "member": world["member"], "superuser": make_user("boss", is_superuser=True)}[reader]
    client = client_for(user)
    all_pages = set(Page.objects.exclude(depth=1).values_list("pk", flat=True))
    expected = anonymously_openable(all_pages)
    assert world["public"].pk in expected and world["wiki"].pk not in expected
    assert listed(client, "pages") == expected
    for page_id in all_pages - expected:  # restricted, members-only, password-protected, draft
        assert client.get(f"/api/v2/pages/{page_id}/").status_code == 404, page_id
    for section in world["sections"].values():
        assert client.get("/api/v2/pages/", {"child_of": section.pk}).status_code in (400, 404)
        assert client.get("/api/v2/pages/", {"descendant_of": section.pk}).status_code in (400, 404)
    found = client.get("/api/v2/pages/", {"search": "secret word", "fields": "*"}).content.decode()
    assert not re.search(r"(login|groups|password)-(area|inside)|draft|Inner handbook", found)
    assert listed(client, "pages", search="secret word") <= expected


def test_images_and_documents_of_restricted_collections_stay_out_of_the_api(world):
    for client in (Client(), client_for(world["member"])):
        assert listed(client, "images") == {world["images"]["public"].pk}
        assert listed(client, "documents") == {world["documents"]["public"].pk}
        assert client.get(f"/api/v2/images/{world['images']['private'].pk}/").status_code == 404
        assert client.get(f"/api/v2/documents/{world['documents']['private'].pk}/").status_code == 404


def test_the_sitemap_lists_public_pages_with_their_dates_and_robots_points_at_it(world):
    client = Client()
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))
    assert world["public"].url in locations and "/" in locations
    for page in [*world["sections"].values(), world["draft"], world["private"], world["wiki"]]:
        assert Page.objects.get(pk=page.pk).url not in locations
    assert "<lastmod>" in sitemap
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in robots.content.decode()
    assert "Disallow: /admin/" in robots.content.decode()


def test_every_page_carries_a_description_open_graph_a_canonical_url_and_a_favicon(world):
    html = Client().get(world["public"].url + "?utm=x").content.decode()
    assert '<meta name="description" content="Secret word for open">' in html  # its summary
    assert '<meta property="og:title" content="Open guide">' in html
    assert '<link rel="canonical" href="http://testserver/open/">' in html  # no query string
    icon = re.search(r'<link rel="icon" href="([^"]+)"', html).group(1)
    assert Client().get(icon).status_code == 200
