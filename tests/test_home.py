"""The health view, and the demo content refused where it is not allowed (the demo itself: test_demo_site.py)."""

import io

import pytest

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from portal.demo import ADMIN_USERNAME

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_elasticsearch(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"
    assert response.json()["elasticsearch"] in ("green", "yellow")


def test_healthz_reports_an_unreachable_elasticsearch(client, settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # discard port: nothing answers
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["elasticsearch"] == "unreachable"


def test_demo_content_is_refused_where_not_allowed(settings):
    settings.DEMO_CONTENT_ALLOWED = False
    with pytest.raises(CommandError, match="refused"):
        call_command("load_demo_content", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username=ADMIN_USERNAME).exists()
