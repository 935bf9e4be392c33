"""A reader looks through the demo's pictures at desk and phone width: every picture loads from its srcset, and
none makes the page scroll sideways at 390 px."""

import pytest
from playwright.sync_api import expect

from communities.models import CommunityPage
from home.models import ReferenceArticlePage
from learning.models import ModulePage
from portal.people.models import Profile

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PICTURES = "img.card__image, img.page-image, img.avatar"


def pictures_on(page):
    """Each picture's alt text, whether it loaded, the URL the browser chose and its box, once all have loaded."""
    page.wait_for_function(f"[...document.querySelectorAll('{PICTURES}')].every(img => img.complete)", timeout=20_000)
    return page.eval_on_selector_all(
        PICTURES,
        """images => images.map(img => {
            const box = img.getBoundingClientRect();
            return {alt: img.alt, loaded: img.naturalWidth > 0, chosen: img.currentSrc, srcset: img.srcset,
                    left: box.left, right: box.right};
        })""",
    )


def test_pictures_load_and_fit_at_desk_and_phone_width(page, portal, media_served, screenshot):
    community = CommunityPage.objects.live().public().first()
    urls = {
        "communities": "/communities/",
        "community": community.url,
        "learning": "/learning/",
        "module": ModulePage.objects.live().first().url,
        "library": "/library/",
        "article": ReferenceArticlePage.objects.live().first().url,
        "people": "/people/",
        "profile": Profile.objects.get(user__username="editor").get_absolute_url(),
    }
    for width in (1280, 390):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in urls.items():
            page.goto(portal + url)
            page.evaluate("[...document.images].forEach(img => img.loading = 'eager')")  # lazy ones below the fold
            pictures = pictures_on(page)
            assert pictures, f"{name} shows no picture"
            for picture in pictures:
                assert picture["loaded"] and picture["alt"].strip(), (name, picture)
                assert picture["chosen"].split(portal)[-1] in picture["srcset"], (name, picture)
                assert picture["left"] >= 0 and picture["right"] <= width + 0.5, (name, width, picture)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
            screenshot(f"pictures-{name}-{width}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
