"""Helpers shared by the test modules: clients signed in as someone, the search API, HTML inspection, images."""

import io
import os
import subprocess
import sys
from html.parser import HTMLParser

from PIL import Image

from django.conf import settings
from django.db import connection
from django.test import Client

# How many examples a property test draws, scaled by the Hypothesis profile (tests/conftest.py).
DEPTH = {"ci": 1, "deep": 5}


def examples(count: int) -> int:
    return count * DEPTH.get(os.environ.get("HYPOTHESIS_PROFILE", "ci"), 1)


def client_for(user=None) -> Client:
    """A test client signed in as `user` (anonymous for None)."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def ensure_site():
    """The page tree root, the default site and its home page (what most tests build on)."""
    from home.demo import ensure_home, ensure_root
    from tests.factories import make_user

    return ensure_home(ensure_root(), make_user("root-admin", is_superuser=True, is_staff=True))


def api(client=None, **params) -> dict:
    """The search API's answer (asserting it answered)."""
    response = (client or Client()).get("/api/search/", params)
    assert response.status_code == 200
    return response.json()


def titles(data) -> list[str]:
    return [result["title"] for result in data["results"]]


def elements(html: str) -> list[tuple[str, dict]]:
    """(tag, attributes) of every element in the HTML, as a browser's parser would see them."""
    found = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):
            found.append((tag, dict(attrs)))

    Collector().feed(html or "")
    return found


def live_parts(html: str) -> list[str]:
    """What would run if `html` were rendered: script and iframe elements, on* handlers, javascript:/data: URLs."""
    found = []
    for tag, attrs in elements(html):
        if tag in ("script", "iframe"):
            found.append(tag)
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag}[{name}]")
            if value and value.strip().lower().replace("\x00", "").startswith(("javascript:", "data:")):
                found.append(f"{tag}[{name}={value}]")
    return found


def export_bytes(response) -> bytes:
    assert response.status_code == 200, response.status_code
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_rows(response) -> list[tuple]:
    """The rows of an XLSX export's first sheet (heading row first), opened with openpyxl."""
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(export_bytes(response)), read_only=True).worksheets[0]
    return [tuple(row) for row in sheet.iter_rows(values_only=True)]


def csv_rows(response) -> list[list[str]]:
    import csv

    return list(csv.reader(io.StringIO(export_bytes(response).decode("utf-8-sig"))))


def subclasses(cls):
    """Every subclass of `cls`, however deep."""
    for sub in cls.__subclasses__():
        yield sub
        yield from subclasses(sub)


def png_bytes(size=(40, 40), colour=(30, 90, 200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


def database_url() -> str:
    """The URL of the database this test run uses, for the worker and command processes."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def manage(*args, **environment) -> subprocess.Popen:
    """`manage.py <args>` in a process of its own, on this test run's database and indices (`environment` added)."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
        "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
        "PYTHONUNBUFFERED": "1",  # each line as it is written: a test may wait on one
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
