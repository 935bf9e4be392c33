"""Pictures: the demo draws one for every community, learning path, module, reference article and person; pages,
cards and profiles show them as responsive renditions with alt text, link previews use them, pages without one
show no image at all, and editors replace them in the admin."""

import io
import re

import pytest

from django.test import Client

from wagtail.images import get_image_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from communities.models import CommunityPage
from home.models import ReferenceArticlePage
from learning.models import LearningPathPage, ModulePage
from portal.demo import ADMIN_USERNAME
from portal.demo_pictures import COLLECTION_NAME, cached_drawing, draw_avatar, draw_page_picture, initials
from portal.people.models import Profile
from tests.helpers import client_for, elements

pytestmark = pytest.mark.django_db

PICTURED = [CommunityPage, LearningPathPage, ModulePage, ReferenceArticlePage]


def images(html, css_class) -> list[dict]:
    """The attributes of every <img> with this class."""
    return [attrs for tag, attrs in elements(html) if tag == "img" and css_class in attrs.get("class", "").split()]


def srcset_urls(img) -> list[str]:
    """The URLs of an <img>'s srcset, asserting each has a width descriptor."""
    candidates = [candidate.split() for candidate in img["srcset"].split(",")]
    assert all(len(parts) == 2 and re.fullmatch(r"\d+w", parts[1]) for parts in candidates), img["srcset"]
    return [url for url, _ in candidates]


def assert_responsive(img, alt):
    """A rendition with at least two widths to choose from, `sizes` to choose by, and the image's alt text."""
    assert len(srcset_urls(img)) >= 2 and img["sizes"]
    assert img["alt"] == alt and alt.strip()
    assert img["src"] in srcset_urls(img)


def assert_served(*urls):
    for url in urls:
        response = Client().get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("image/"), url


# -- the demo ----------------------------------------------------------------------------------------------------
def test_initials_skip_the_small_words():
    assert initials("What is knowledge management?") == "KM"
    assert initials("Running a knowledge café") == "RK"
    assert initials("Ana Ruiz") == "AR"
    assert initials("The") == "T"


def test_demo_pictures_are_the_same_every_time_and_differ_by_title():
    assert draw_page_picture("Facilitation basics", "module") == draw_page_picture("Facilitation basics", "module")
    assert draw_page_picture("Facilitation basics", "module") != draw_page_picture("Facilitation advanced", "module")
    assert draw_avatar("Ana Ruiz") == draw_avatar("Ana Ruiz") != draw_avatar("Ben Osei")


def test_a_demo_picture_is_drawn_once_then_read_back_from_the_cache_byte_for_byte(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    drawn = draw_page_picture("Facilitation basics", "module")
    assert cached_drawing(draw_page_picture, "Facilitation basics", "module") == drawn
    [cached] = (tmp_path / "demo-pictures").iterdir()
    assert cached.read_bytes() == drawn
    cached.write_bytes(b"read from the cache")  # the second call reads the file instead of drawing
    assert cached_drawing(draw_page_picture, "Facilitation basics", "module") == b"read from the cache"
    assert cached_drawing(draw_avatar, "Ana Ruiz") == draw_avatar("Ana Ruiz")
    assert len(list((tmp_path / "demo-pictures").iterdir())) == 2


def test_the_demo_gives_every_community_path_module_article_and_person_a_picture(demo_site):
    for model in PICTURED:
        pages = list(model.objects.select_related("image", "image__collection"))
        assert pages and all(page.image for page in pages), model.__name__
        assert len({page.image_id for page in pages}) == len(pages), f"{model.__name__} pictures are shared"
        for page in pages:
            assert page.image.collection.name == COLLECTION_NAME
            assert page.image.description.startswith(page.title)  # the alt text says what it is for
    profiles = list(Profile.objects.select_related("avatar", "user"))
    assert profiles and all(profile.avatar for profile in profiles)
    assert len({profile.avatar_id for profile in profiles}) == len(profiles)  # two Priya Ramans, two avatars
    for profile in profiles:
        assert profile.user.get_full_name() in profile.avatar.default_alt_text


def test_a_demo_page_or_person_without_a_picture_gets_it_back_on_the_next_load(demo_site):
    """`make serve` loads the demo again on every start: a site loaded before pages had pictures gets them, drawn
    once (the same image rows), and published so that the next draft keeps them."""
    from django.core.management import call_command

    community = CommunityPage.objects.first()
    picture = community.image
    community.image = None
    community.save_revision().publish()
    profile = Profile.objects.get(user__username="editor")
    avatar = profile.avatar
    Profile.objects.filter(pk=profile.pk).update(avatar=None)
    images_before = get_image_model().objects.count()

    call_command("load_demo_content", stdout=io.StringIO())
    community.refresh_from_db()
    assert community.image == picture and community.live_revision.as_object().image == picture
    assert Profile.objects.get(pk=profile.pk).avatar == avatar
    assert get_image_model().objects.count() == images_before


# -- pages, cards, profiles --------------------------------------------------------------------------------------
@pytest.mark.parametrize("model", PICTURED, ids=lambda model: model.__name__)
def test_a_page_shows_its_picture_as_a_responsive_rendition_and_shares_it(client, demo_site, media_served, model):
    page = model.objects.live().public().first()
    html = client.get(page.url).content.decode()
    (banner,) = images(html, "page-image")
    assert_responsive(banner, page.image.default_alt_text)
    assert_served(*srcset_urls(banner))
    previews = {attrs["property"]: attrs["content"] for tag, attrs in elements(html) if attrs.get("property")}
    assert previews["og:image"].startswith("http://testserver/media/images/")
    assert previews["og:image:alt"] == page.image.default_alt_text
    assert_served(previews["og:image"].removeprefix("http://testserver"))


@pytest.mark.parametrize(
    "url, listing",
    [("/communities/", "communities"), ("/learning/", "paths"), ("/learning/", "modules"), ("/library/", "articles")],
)
def test_listing_cards_show_each_page_s_picture(client, demo_site, media_served, url, listing):
    response = client.get(url)
    cards = {img["alt"]: img for img in images(response.content.decode(), "card__image")}
    listed = list(response.context[listing])
    assert listed
    for page in listed:
        alt = page.image.default_alt_text
        assert alt in cards, f"{page.title} has no picture on its card"
        assert_responsive(cards[alt], alt)
    assert_served(*srcset_urls(cards[listed[0].image.default_alt_text]))


def test_topic_pages_show_pictures_on_their_cards(client, demo_site):
    article = ReferenceArticlePage.objects.live().public().filter(topics__isnull=False).first()
    html = client.get(article.topics.first().get_absolute_url()).content.decode()
    assert article.image.default_alt_text in {img["alt"] for img in images(html, "card__image")}


def test_the_home_page_cards_show_their_pictures(client, demo_site):
    html = client.get("/").content.decode()
    for key in ("communities", "learning", "library"):
        block = re.search(rf'data-section="{key}">(.*?)</section>', html, re.S).group(1)
        pictures = images(block, "card__image")
        assert pictures and all(img["srcset"] and img["alt"] for img in pictures), key


def test_people_show_their_avatars(client, demo_site, media_served):
    profile = Profile.objects.select_related("user", "avatar").get(user__username="author")
    directory = client.get("/people/").content.decode()
    avatars = {img["alt"]: img for img in images(directory, "avatar")}
    assert_responsive(avatars[profile.avatar.default_alt_text], profile.avatar.default_alt_text)
    (avatar,) = images(client.get(profile.get_absolute_url()).content.decode(), "avatar")
    assert_responsive(avatar, profile.avatar.default_alt_text)
    assert avatar["sizes"] == "6rem"
    assert_served(*srcset_urls(avatar))


def test_a_page_without_a_picture_shows_no_image(client, demo_site):
    articles = list(client.get("/library/").context["articles"])
    article = articles[0]
    article.image = None
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    html = re.sub(r'<aside class="people-to-ask".*?</aside>', "", html, flags=re.S)  # people's avatars, not the page's
    assert "<img" not in html and "og:image" not in html
    cards = images(client.get("/library/").content.decode(), "card__image")
    assert len(cards) == len(articles) - 1 and all(img["src"] for img in cards)
    about = client.get("/about/").content.decode()  # a plain page, never given one
    assert "<img" not in about and "og:image" not in about


def test_the_listings_fetch_pictures_in_a_constant_number_of_queries(client, demo_site):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get("/library/")  # renditions are made on first view; count the views after that
    with CaptureQueriesContext(connection) as shown:
        client.get("/library/")
    picture_queries = [q["sql"] for q in shown.captured_queries if "wagtailimages_" in q["sql"]]
    assert len(picture_queries) == 2, picture_queries  # the images, then their renditions, for all cards at once


# -- the admin ---------------------------------------------------------------------------------------------------
def test_an_editor_replaces_a_page_s_picture_in_the_admin(demo_site):
    from django.contrib.auth import get_user_model

    path = LearningPathPage.objects.live().first()
    old = path.image
    new = get_image_model().objects.exclude(pk=old.pk).filter(title__startswith="Module:").first()
    editor = client_for(get_user_model().objects.get(username=ADMIN_USERNAME))
    form = editor.get(f"/admin/pages/{path.pk}/edit/").content.decode()
    assert 'name="image"' in form and f'value="{old.pk}"' in form

    modules = list(path.path_modules.all())
    response = editor.post(
        f"/admin/pages/{path.pk}/edit/",
        nested_form_data(
            {
                "title": path.title,
                "slug": path.slug,
                "summary": path.summary,
                "image": new.pk,
                "goal": path.goal,
                "audience": path.audience_id or "",
                "stage": path.stage,
                "path_modules": inline_formset(
                    [{"id": link.pk, "module": link.module_id, "ORDER": n} for n, link in enumerate(modules)],
                    initial=len(modules),
                ),
                "comments": inline_formset([]),
                "action-publish": "action-publish",
            }
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    path.refresh_from_db()
    assert path.image_id == new.pk and path.live_revision.as_object().image_id == new.pk
    html = Client().get(path.url).content.decode()
    (banner,) = images(html, "page-image")
    assert banner["alt"] == new.default_alt_text
