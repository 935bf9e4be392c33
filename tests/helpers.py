"""Helpers shared by the test modules: clients signed in as someone, the search API, HTML inspection, images."""

import io
import os
from html.parser import HTMLParser

from PIL import Image

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
