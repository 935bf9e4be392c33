"""The trust badge and the default review date, on real pages."""

import datetime

import pytest

from django.utils import timezone

from home.models import HomePage
from tests.factories import make_article, make_library, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    from home.demo import ensure_home, ensure_root

    return make_library(ensure_home(ensure_root(), make_user("site-admin", is_superuser=True, is_staff=True)))


def test_trust_badge_follows_the_review_date(client, library):
    today = timezone.localdate()
    current = make_article(library, "Current guide", review_by=today + datetime.timedelta(days=100))
    overdue = make_article(library, "Stale guide", review_by=today - datetime.timedelta(days=3))
    assert current.trust_status().code == "current"
    assert overdue.trust_status().code == "due"
    assert "Approved, reviewed" in client.get(current.url).content.decode()
    assert f"Due for review since {overdue.review_by:%-d %b %Y}" in client.get(overdue.url).content.decode()


def test_publishing_sets_the_default_review_date(library, settings):
    article = make_article(library, "Fresh guide")
    assert article.review_by == timezone.localdate() + datetime.timedelta(days=settings.PORTAL_REVIEW_INTERVAL_DAYS)
    assert HomePage.objects.count() == 1
