"""The shared body blocks: an image is Wagtail's ImageBlock (alt text, or marked decorative) with a caption, and
the migration that carried older image blocks into that shape keeps their alt text."""

import importlib

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.images import get_image_model

from home.models import StandardPage
from tests.helpers import ensure_site, png_bytes

pytestmark = pytest.mark.django_db


def test_an_image_block_shows_its_alt_text_and_caption_or_is_marked_decorative(client):
    """The same image twice on a page: each use keeps its own alt text (Wagtail's ImageBlock alone lets the last
    use's text win for both)."""
    home = ensure_site()
    image = get_image_model().objects.create(
        title="Adoption chart", file=SimpleUploadedFile("chart.png", png_bytes((80, 40)), "image/png")
    )
    page = StandardPage(title="Figures", slug="figures")
    page.body = [
        ("image", {"image": {"image": image, "alt_text": "Adoption rose each month", "decorative": False},
                   "caption": "Figure 1: adoption"}),
        ("image", {"image": {"image": image, "alt_text": "", "decorative": True}, "caption": ""}),
    ]  # fmt: skip
    home.add_child(instance=page)
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert 'alt="Adoption rose each month"' in html and "<figcaption>Figure 1: adoption</figcaption>" in html
    assert html.count("<figure") == 2 and 'alt=""' in html  # the decorative one is skipped by screen readers


@pytest.mark.parametrize("app, migration", [("home", "0004"), ("learning", "0003")])
def test_older_image_blocks_keep_their_alt_text_in_the_new_shape(app, migration):
    module = importlib.import_module(f"{app}.migrations.{migration}_figure_block_with_wagtail_image_block")
    operation = module.ImageIntoWagtailImageBlock()
    old = {"image": 7, "alt_text": "A chart", "caption": "Fig. 1"}
    new = {"image": {"image": 7, "alt_text": "A chart", "decorative": False}, "caption": "Fig. 1"}
    assert operation.apply(old) == new
    assert operation.apply(new) == new  # running it twice changes nothing
