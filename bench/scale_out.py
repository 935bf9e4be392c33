"""The portal as more than one process: two instances sharing one PostgreSQL, Redis and Elasticsearch, two search
workers, a bounded mixed load on both, and five checks (issue 18, part 6).

Usage: .venv/bin/python bench/scale_out.py [--duration 60] [--redis-url redis://127.0.0.1:6379/7]

Creates a throwaway PostgreSQL database (`--database`, default `scaleout_bench`, on `--postgres`; refused if it
exists) and loads the demo content into it (migrate, load_demo_content), indexes it in the embedded Elasticsearch
(started on ELASTICSEARCH_PORT unless it runs already or ELASTICSEARCH_URL is set; stopped at the end if this bench
started it) under an index prefix of its own, and collects the static files, as bench/http_bench.py does (its
helpers are imported from it). Then runs, with `portal.settings.production` and one Redis database
(`--redis-url`, which must be empty: it is emptied at the end) as CACHE_URL for the page cache and the sessions:
- two search workers (`manage.py search_worker --name w1` and `w2`) draining the outbox concurrently; web requests
  do not drain (SEARCH_DRAIN_ON_COMMIT off, as production has it);
- two gunicorn instances (2 sync workers each) on two free loopback ports, A and B.

The load, for `--duration` seconds, from threads of this process, on both instances at once:
- anonymous readers browsing pages and searching (/search/, /api/search/), alternating instances;
- members who logged in through the login form on A, with that session cookie on both, posting threads and replies
  through the community's HTML forms (CSRF token and Origin as a browser sends them), within the posting limit;
- an editor, logged in the same way, creating and publishing reference articles through Wagtail's admin form
  (the inputs Wagtail's scripts add, the StreamField's and the comments' management form, are added as they would).

Every item written gets a unique word in its title or body, and is then looked for:
- in the database afterwards (lost writes);
- through /api/search/ on the other instance, polled until it is found: the lag from its commit (the database's
  timestamp of the write, set as its row is saved, so the lag is if anything overstated) to the answer;
- on the listing that shows it (the library, or the community's discussions), fetched anonymously from both
  instances right after the write: the page cache, kept in Redis, must already show it (the listing is fetched from
  both until it is a cache hit before the write, so the check means something).

Exits non-zero unless all five checks pass: no errors, no lost writes, every published item findable within 5 s,
sessions valid on either instance, cache invalidated on both. Everything it started is stopped on exit (Ctrl-C
included), its indices deleted and its database dropped.
"""

import argparse
import html
import json
import os
import random
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path

import psycopg
import redis
from http_bench import (  # the same set-up as the HTTP bench: its processes, its login, its demo password
    DEMO_PASSWORD,
    PYTHON,
    ROOT,
    BenchError,
    elasticsearch_running,
    ending_cleanly,
    free_port,
    log_in,
    manage,
    portal_environment,
    release_search,
    start_gunicorn,
    stop_group,
)

FINDABLE_WITHIN = 5.0  # issue 18: every published item findable within 5 s of its commit
GIVE_UP_AFTER = 30.0  # an item not found by then is reported as not found
# Members who post, each in a community they belong to (public ones, so the cache check can read the listing
# anonymously), with the full name the header shows when they are signed in. Three facilitators and a member.
MEMBERS = {
    "mei.chen": ("Mei Chen", "atlas-erp-upgrade"),
    "tomasz.nowak": ("Tomasz Nowak", "cop-facilitators"),
    "kwame.mensah": ("Kwame Mensah", "project-lessons-exchange"),
    "marcus.reid": ("Marcus Reid", "atlas-erp-upgrade"),
}
EDITOR = "editor"  # the demo's editor: approves and publishes in the library (README, "Logging in")
READS = [
    "/",
    "/library/",
    "/library/running-an-after-action-review/",
    "/topics/facilitation/",
    "/communities/atlas-erp-upgrade/",
    "/communities/atlas-erp-upgrade/discussions/",
    "/learning/",
    "/search/?q=after+action+review",
    "/search/?q=onboarding",
    "/api/search/?q=lessons+learned",
    "/api/search/?q=facilitation",
]
SIGNED_OUT_MARK = 'href="/accounts/login/?next='
SIGNED_IN_MARK = 'action="/accounts/logout/"'
ADMIN_SIGNED_IN_MARK = '"action": "/admin/logout/"'  # the admin's sidebar menu, as JSON for its script


# -- HTTP, as a browser on loopback behind a TLS proxy ----------------------------------------------------------------
@dataclass
class Answer:
    status: int
    headers: object
    text: str
    seconds: float

    @property
    def location(self) -> str:
        return urllib.parse.urlsplit(self.headers.get("Location") or "").path


def fetch(port, method, path, cookies=None, body=None, content_type=None) -> Answer:
    """One request, no redirect followed; raises OSError when the connection fails or times out."""
    headers = {"X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    if body is not None:
        origin = f"https://127.0.0.1:{port}"
        headers.update({"Content-Type": content_type, "Origin": origin, "Referer": f"{origin}{path}"})
    started = time.perf_counter()
    connection = HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        text = response.read().decode("utf-8", "replace")
    finally:
        connection.close()
    return Answer(response.status, response.msg, text, time.perf_counter() - started)


class Browser:
    """One person's cookies, sent to either instance: a browser keys cookies by host, not port, so A and B see the
    same ones, as two instances behind one address would."""

    def __init__(self, cookie_header=""):
        self.cookies = dict(part.split("=", 1) for part in cookie_header.split("; ") if "=" in part)

    def request(self, port, method, path, body=None, content_type=None) -> Answer:
        answer = fetch(port, method, path, self.cookies, body, content_type)
        jar = SimpleCookie()
        for header in answer.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        for name, morsel in jar.items():
            if morsel["max-age"] == "0" or not morsel.value or "1970" in morsel["expires"]:
                self.cookies.pop(name, None)  # a cookie deleted (the messages once shown)
            else:
                self.cookies[name] = morsel.value
        return answer

    def submit(self, port, form, overrides) -> Answer:
        """Post a form as a browser would: its fields with `overrides`, multipart when the form says so."""
        fields = [(name, value) for name, value in form.fields if name not in overrides]
        fields += [(name, value) for name, value in overrides.items()]
        if "multipart" in form.enctype:
            boundary = uuid.uuid4().hex
            parts = [
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                for name, value in fields
            ]
            body, content_type = "".join(parts) + f"--{boundary}--\r\n", f"multipart/form-data; boundary={boundary}"
        else:
            body, content_type = urllib.parse.urlencode(fields), "application/x-www-form-urlencoded"
        return self.request(port, "POST", form.action, body.encode(), content_type)


@dataclass
class Form:
    action: str
    enctype: str
    fields: list = field(default_factory=list)  # the successful controls' (name, value), buttons excluded
    buttons: list = field(default_factory=list)

    def names(self) -> set:
        return {name for name, _ in self.fields}


class FormParser(HTMLParser):
    """The forms of a page and the values a browser would submit for them."""

    def __init__(self, page_path):
        super().__init__(convert_charrefs=True)
        self.page_path, self.forms, self.form = page_path, [], None
        self.textarea = self.select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.form = Form(attrs.get("action") or self.page_path, attrs.get("enctype") or "")
            self.forms.append(self.form)
        elif self.form is None or ("name" not in attrs and tag != "option"):
            return
        elif tag == "input":
            kind = (attrs.get("type") or "text").lower()
            if kind in ("submit", "button", "image"):
                self.form.buttons.append((attrs["name"], attrs.get("value", "")))
            elif kind not in ("file", "reset") and (kind not in ("checkbox", "radio") or "checked" in attrs):
                self.form.fields.append((attrs["name"], attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "button" and (attrs.get("type") or "submit") == "submit":
            self.form.buttons.append((attrs["name"], attrs.get("value", "")))
        elif tag == "textarea":
            self.textarea = [attrs["name"], ""]
        elif tag == "select":
            self.select = [attrs["name"], None, None]  # name, first option, selected option
        elif tag == "option" and self.select is not None:
            value = attrs.get("value", "")
            if self.select[1] is None:
                self.select[1] = value
            if "selected" in attrs:
                self.select[2] = value

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.form = None
        elif tag == "textarea" and self.textarea is not None:
            self.form.fields.append((self.textarea[0], self.textarea[1].removeprefix("\n")))
            self.textarea = None
        elif tag == "select" and self.select is not None:
            name, first, chosen = self.select
            self.form.fields.append((name, chosen if chosen is not None else first or ""))
            self.select = None


def form_with(answer: Answer, path, *names, without=()) -> Form:
    parser = FormParser(path)
    parser.feed(answer.text)
    for form in parser.forms:
        if set(names) <= form.names() and not set(without) & form.names():
            return form
    raise LoadError(f"no form with {', '.join(names)} on {path} (status {answer.status})")


def form_errors(text) -> list[str]:
    found = re.findall(r'class="[^"]*(?:error-message|errorlist|help-critical)[^"]*"[^>]*>(.*?)</', text, re.S)
    return [re.sub(r"<[^>]+>|\s+", " ", error).strip() for error in found] or ["no error shown"]


def draftail(text) -> str:
    """A rich text paragraph as Wagtail's editor submits it (Draftail's content state)."""
    block = {"key": secrets.token_hex(3)[:5], "text": text, "type": "unstyled", "depth": 0}
    return json.dumps({"blocks": [{**block, "inlineStyleRanges": [], "entityRanges": [], "data": {}}], "entityMap": {}})


# -- what the load records ------------------------------------------------------------------------------------------
class LoadError(Exception):
    """An answer a person would not expect: counted as an error, with why."""


@dataclass
class Item:
    """Something the load wrote, and what was seen of it."""

    kind: str  # article, thread or reply
    token: str  # the unique word in it
    title: str  # the title its search hit carries (a reply's is its thread's)
    port: int  # where it was written
    listing: str  # the page that lists it
    returned_at: float  # wall clock when the write's answer came back
    reader: Browser | None = None  # who searches for it (None: anonymous)
    held: bool = False  # a member's post waiting for a facilitator: not published, so not looked for
    found_at: float | None = None
    cached_before: dict = field(default_factory=dict)  # port -> whether the listing was a cache hit before
    shown_after: dict = field(default_factory=dict)  # port -> whether the listing showed it just after
    committed_at: float | None = None  # from the database, afterwards


class Recorder:
    """What every actor saw, shared between their threads: requests, items written, signed-in checks."""

    def __init__(self, ports):
        self.lock = threading.Lock()
        self.ports = ports
        self.requests = []  # (actor, label, port, seconds, error or None)
        self.items: list[Item] = []
        self.sessions = {"cross": [0, 0], "same": [0, 0]}  # signed in, asked
        self.watchers: list[threading.Thread] = []

    def request(self, actor, label, port, seconds, error=None):
        with self.lock:
            self.requests.append((actor, label, port, seconds, error))

    def session(self, cross: bool, signed_in: bool):
        with self.lock:
            entry = self.sessions["cross" if cross else "same"]
            entry[0] += signed_in
            entry[1] += 1

    def errors(self):
        return [entry for entry in self.requests if entry[4]]


class Actor:
    """One thread of the load: its requests are recorded, an unexpected answer counts as an error and the actor
    goes on."""

    kind = "actor"

    def __init__(self, recorder: Recorder, ports, stop: threading.Event, rng):
        self.recorder, self.ports, self.stop, self.rng = recorder, ports, stop, rng

    def call(self, label, port, send, expect=(200,)) -> Answer:
        try:
            answer = send()
        except OSError as error:
            self.recorder.request(self.kind, label, port, 30.0, f"{error.__class__.__name__}: {error}")
            raise LoadError(f"{label} on {port}: {error}") from None
        problem = None
        if answer.status not in expect:
            problem = f"status {answer.status} {answer.headers.get('Location') or ''}".strip()
            if answer.status == 200:  # a form sent back with its errors
                problem += ": " + "; ".join(form_errors(answer.text))[:300]
        self.recorder.request(self.kind, label, port, answer.seconds, problem)
        if problem:
            raise LoadError(f"{label} on {port}: {problem}")
        return answer

    def run(self):
        while not self.stop.is_set():
            try:
                self.step()
            except LoadError as error:
                print(f"  ! {self.kind}: {error}", flush=True)
                self.stop.wait(0.5)

    def other(self, port):
        return self.ports[1] if port == self.ports[0] else self.ports[0]


class Reader(Actor):
    """An anonymous reader: pages and searches, on each instance in turn."""

    kind = "reader"

    def __init__(self, *args, think):
        super().__init__(*args)
        self.think, self.turn = think, self.rng.randrange(2)

    def step(self):
        path = self.rng.choice(READS)
        port = self.ports[self.turn % 2]
        self.turn += 1
        label = "search API" if path.startswith("/api/") else "search page" if path.startswith("/search/") else "page"
        answer = self.call(label, port, lambda: fetch(port, "GET", path))
        if label == "search API":
            if json.loads(answer.text).get("limited"):
                self.recorder.request(self.kind, "search API (database fallback)", port, 0, "limited mode")
        elif SIGNED_OUT_MARK not in answer.text or SIGNED_IN_MARK in answer.text:
            self.recorder.request(self.kind, f"{label} (not signed out)", port, 0, "not answered as signed out")
        self.stop.wait(self.think)


class SignedIn(Actor):
    """Someone who logged in on instance A and uses that session on both."""

    def __init__(self, *args, username, name, cookie):
        super().__init__(*args)
        self.username, self.name, self.browser = username, name, Browser(cookie)

    def check_signed_in(self, port, answer: Answer, signed_in: bool):
        self.recorder.session(cross=port != self.ports[0], signed_in=signed_in)
        if not signed_in:
            self.recorder.request(self.kind, "signed out unexpectedly", port, 0, f"{self.username} not signed in")
            raise LoadError(f"{self.username} not signed in on {port}")

    def page(self, label, port, path) -> Answer:
        answer = self.call(label, port, lambda: self.browser.request(port, "GET", path), expect=(200, 302))
        mine = answer.status == 200 and SIGNED_IN_MARK in answer.text and self.name in answer.text
        self.check_signed_in(port, answer, mine)
        return answer

    def post(self, label, port, form, overrides) -> Answer:
        answer = self.call(label, port, lambda: self.browser.submit(port, form, overrides), expect=(302,))
        self.check_signed_in(port, answer, not answer.location.startswith("/accounts/login/"))
        return answer

    def warm(self, path):
        """Fetch a listing anonymously from both instances until each answers from the page cache (at most three
        times): then the check after the write shows that the write reached what both had kept."""
        cached = {}
        for port in self.ports:
            for _ in range(3):
                answer = self.call("listing (anonymous)", port, lambda port=port: fetch(port, "GET", path))
                cached[port] = answer.headers.get("X-Page-Cache") == "hit"
                if cached[port]:
                    break
        return cached

    def shown(self, item: Item):
        for port in self.ports:
            answer = self.call("listing (anonymous)", port, lambda port=port: fetch(port, "GET", item.listing))
            item.shown_after[port] = html.escape(item.title) in answer.text

    def watch(self, item: Item):
        """Poll /api/search/ on the other instance, from the moment the write returned, until the item is found (or
        GIVE_UP_AFTER passes, or it turns out to be held for a facilitator)."""

        def poll():
            port = self.other(item.port)
            path = f"/api/search/?q={item.token}"
            cookies = dict(item.reader.cookies) if item.reader else None
            deadline = item.returned_at + GIVE_UP_AFTER
            while time.time() < deadline and not item.held:
                try:
                    answer = self.call("search API (watch)", port, lambda: fetch(port, "GET", path, cookies))
                    if any(hit["title"] == item.title for hit in json.loads(answer.text)["results"]):
                        item.found_at = time.time()
                        return
                except LoadError:
                    pass
                time.sleep(0.2)

        watcher = threading.Thread(target=poll, name=f"watch-{item.token}", daemon=True)
        with self.recorder.lock:
            self.recorder.items.append(item)
            self.recorder.watchers.append(watcher)
        watcher.start()


class Member(SignedIn):
    """A member posting in their community: a thread on one instance, read back on the other, then a reply to it
    there; between posts, their signed-in pages on each instance in turn. One post per `post_every` seconds, within
    the portal's posting limit (COMMUNITY_POSTS_PER_MINUTE, 6)."""

    kind = "member"

    def __init__(self, *args, community, post_every, think, **kwargs):
        super().__init__(*args, **kwargs)
        self.community, self.post_every, self.think = community, post_every, think
        self.next_post = time.monotonic() + self.rng.uniform(0, post_every)
        self.thread_url, self.thread_title, self.turn = None, None, self.rng.randrange(2)

    @property
    def discussions(self):
        return f"/communities/{self.community}/discussions/"

    def step(self):
        port = self.ports[self.turn % 2]
        self.turn += 1
        if time.monotonic() < self.next_post:
            path = self.rng.choice(["/", f"/communities/{self.community}/", self.discussions, self.thread_url])
            self.page("signed-in page", port, path or "/")
            self.stop.wait(self.think)
            return
        self.next_post += self.post_every
        if self.thread_url:
            self.reply(port)
        else:
            self.new_thread(port)

    def new_thread(self, port):
        token = f"zq{secrets.token_hex(4)}"
        title = f"Scale-out check {token}: who has run a lessons-learned session across two sites?"
        form = form_with(self.page("discussions (form)", port, self.discussions), self.discussions, "title", "body")
        cached = self.warm(self.discussions)
        answer = self.post("new thread (POST)", port, form, {"title": title, "body": f"Asking for {token}."})
        item = Item("thread", token, title, port, self.discussions, time.time(), self.browser, cached_before=cached)
        self.watch(item)
        self.read_back(item, answer.location)
        self.thread_url, self.thread_title = (None, None) if item.held else (answer.location, title)

    def reply(self, port):
        token = f"zq{secrets.token_hex(4)}"
        form = form_with(self.page("thread (form)", port, self.thread_url), self.thread_url, "body", without=["title"])
        answer = self.post("reply (POST)", port, form, {"body": f"We did, reply {token}: one retro per site first."})
        item = Item("reply", token, self.thread_title, port, self.thread_url, time.time(), self.browser)
        self.watch(item)
        self.read_back(item, answer.location)
        self.thread_url = None  # the next post starts a new thread

    def read_back(self, item: Item, location):
        """The post, read right away on the other instance: its message (carried by the messages cookie) says
        whether it is published or waits for a facilitator."""
        answer = self.page("post read back", self.other(item.port), location)
        if item.token not in answer.text and item.title not in html.unescape(answer.text):
            raise LoadError(f"{item.kind} {item.token} not shown on the other instance right after it was written")
        item.held = "will approve your" in answer.text  # then its watcher stops: only published posts are found
        if item.kind == "thread" and not item.held:
            self.shown(item)


class Editor(SignedIn):
    """The editor: a reference article created and published through Wagtail's admin form, on each instance in turn,
    one per `publish_every` seconds; the admin's page listing in between."""

    kind = "editor"

    def __init__(self, *args, library_id, publish_every, **kwargs):
        super().__init__(*args, **kwargs)
        self.library_id, self.publish_every = library_id, publish_every
        self.next_publish, self.turn = time.monotonic() + 2.0, 0

    def admin(self, label, port, path) -> Answer:
        answer = self.call(label, port, lambda: self.browser.request(port, "GET", path), expect=(200, 302))
        self.check_signed_in(port, answer, answer.status == 200 and ADMIN_SIGNED_IN_MARK in answer.text)
        return answer

    def step(self):
        port = self.ports[self.turn % 2]
        self.turn += 1
        if time.monotonic() < self.next_publish:
            self.admin("admin page", port, f"/admin/pages/{self.library_id}/")
            self.stop.wait(1.0)
            return
        self.next_publish += self.publish_every
        token = f"zq{secrets.token_hex(4)}"
        title = f"Scale-out article {token}"
        path = f"/admin/pages/add/home/referencearticlepage/{self.library_id}/"
        form = form_with(self.admin("admin add form", port, path), path, "title", "slug", "csrfmiddlewaretoken")
        cached = self.warm("/library/")
        # What Wagtail's scripts add to the form in a browser: the StreamField's inputs (one paragraph) and the
        # comments' management form.
        overrides = {
            "title": title,
            "slug": f"scale-out-article-{token}",
            "summary": f"Written by the scale-out bench ({token}).",
            "body-count": "1",
            "body-0-type": "paragraph",
            "body-0-value": draftail(f"How two instances share one index: {token}."),
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": str(uuid.uuid4()),
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
            "action-publish": "action-publish",
        }
        answer = self.call("publish (POST)", port, lambda: self.browser.submit(port, form, overrides), (302,))
        self.check_signed_in(port, answer, not answer.location.startswith(("/admin/login/", "/accounts/login/")))
        item = Item("article", token, title, port, "/library/", time.time(), cached_before=cached)
        self.watch(item)
        self.shown(item)


# -- services ------------------------------------------------------------------------------------------------------
def create_database(server_url, name):
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        if connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            raise BenchError(f"The database {name} exists already: drop it, or choose another with --database.")
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(server_url, name):
    try:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    except psycopg.Error as error:
        print(f"Could not drop the database {name}: {error}", file=sys.stderr)


def empty_redis(url) -> redis.Redis:
    client = redis.Redis.from_url(url)
    keys = client.dbsize()
    if keys:
        raise BenchError(
            f"{url} holds {keys} keys: give the bench an empty Redis database (--redis-url), which it "
            "empties again at the end."
        )
    return client


def start_worker(environment, name, log: Path) -> subprocess.Popen:
    with log.open("a") as output:
        return subprocess.Popen(
            [str(PYTHON), str(ROOT / "manage.py"), "search_worker", "--name", name],
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            start_new_session=True,
        )


def outbox(database_url, since=None) -> dict:
    """Pending rows, and rows each worker settled (since a moment)."""
    with psycopg.connect(database_url) as connection:
        pending = connection.execute("SELECT count(*) FROM search_indexoutbox WHERE done_at IS NULL").fetchone()[0]
        rows = connection.execute(
            "SELECT split_part(claimed_by, '/', 1), count(*), count(DISTINCT key), max(attempts) "
            "FROM search_indexoutbox WHERE done_at IS NOT NULL AND queued_at >= %s GROUP BY 1 ORDER BY 1",
            [since or datetime(1970, 1, 1, tzinfo=UTC)],
        ).fetchall()
    return {"pending": pending, "workers": {name: (count, keys, attempts) for name, count, keys, attempts in rows}}


def wait_for_outbox(database_url, timeout) -> int:
    deadline = time.monotonic() + timeout
    while (pending := outbox(database_url)["pending"]) and time.monotonic() < deadline:
        time.sleep(0.5)
    return pending


def library_id(port) -> int:
    answer = fetch(port, "GET", "/api/v2/pages/?type=home.LibraryIndexPage")
    items = json.loads(answer.text)["items"] if answer.status == 200 else []
    if not items:
        raise BenchError(f"The page API found no library ({answer.status}).")
    return items[0]["id"]


# -- after the load: the database's account --------------------------------------------------------------------------
def commit_times(database_url, items):
    """Each item's write as the database has it: its timestamp (set as the row is saved, so no later than the
    commit), or None when the write is not there (lost)."""
    by_token = {item.token: item for item in items}
    with psycopg.connect(database_url) as connection:
        articles = connection.execute(
            "SELECT title, extract(epoch FROM last_published_at) FROM wagtailcore_page WHERE live AND title = ANY(%s)",
            [[item.title for item in items if item.kind == "article"]],
        ).fetchall()
        threads = connection.execute(
            "SELECT title, extract(epoch FROM created_at), status FROM communities_thread WHERE title = ANY(%s)",
            [[item.title for item in items if item.kind == "thread"]],
        ).fetchall()
        replies = connection.execute(
            "SELECT body, extract(epoch FROM created_at), status FROM communities_reply WHERE body LIKE ANY(%s)",
            [[f"%reply {item.token}:%" for item in items if item.kind == "reply"]],
        ).fetchall()
    for title, epoch in articles:
        by_token[title.split()[-1]].committed_at = float(epoch)
    for title, epoch, status in threads:
        item = by_token[title.split()[2].rstrip(":")]
        item.committed_at, item.held = float(epoch), status != "published"
    for body, epoch, status in replies:
        item = by_token[re.search(r"reply (zq[0-9a-f]+):", body).group(1)]
        item.committed_at, item.held = float(epoch), status != "published"


# -- the report ----------------------------------------------------------------------------------------------------
def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))] if ordered else float("nan")


def print_requests(recorder: Recorder):
    ports = recorder.ports
    print(f"{'actor':7} {'request':30} {'on A':>6} {'on B':>6} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7}")
    groups = {}
    for actor, label, port, seconds, error in recorder.requests:
        groups.setdefault((actor, label), []).append((port, seconds, error))
    for (actor, label), rows in sorted(groups.items()):
        times = [seconds * 1000 for _, seconds, error in rows if not error and seconds]
        on_a = sum(port == ports[0] for port, _, _ in rows)
        errors = sum(1 for *_, error in rows if error)
        p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
        print(f"{actor:7} {label:30} {on_a:>6} {len(rows) - on_a:>6} {errors:>6} {p50:>7.0f} {p95:>7.0f}")


def checks(recorder: Recorder, unexpected_exits, sessions_in_redis) -> list[tuple[str, str, bool]]:
    """The five checks: (name, figures, passed)."""
    requests = [entry for entry in recorder.requests if entry[3]]  # real requests, not the failed checks' notes
    errors = recorder.errors()
    items = recorder.items
    lost = [item for item in items if item.committed_at is None]
    published = [item for item in items if not item.held and item.committed_at is not None]
    lags = [item.found_at - item.committed_at for item in published if item.found_at]
    late = [item for item in published if not item.found_at or item.found_at - item.committed_at > FINDABLE_WITHIN]
    cross_ok, cross_all = recorder.sessions["cross"]
    same_ok, same_all = recorder.sessions["same"]
    listed = [item for item in published if item.shown_after]
    shown = [item for item in listed if all(item.shown_after.values())]
    kept = [item for item in listed if all(item.cached_before.values())]
    kinds = {kind: sum(item.kind == kind for item in items) for kind in ("article", "thread", "reply")}
    held = sum(item.held for item in items)
    error_notes = sorted({error for *_, error in errors})[:3]
    return [
        (
            "errors (5xx, connection, unexpected)",
            f"{len(errors)} in {len(requests)} requests"
            + (f" ({'; '.join(error_notes)})" if errors else "")
            + (f"; {unexpected_exits}" if unexpected_exits else ""),
            not errors and not unexpected_exits,
        ),
        (
            "lost writes",
            f"{len(lost)} of {len(items)} ({kinds['article']} articles published, {kinds['thread']} threads, "
            f"{kinds['reply']} replies; {held} held for a facilitator)",
            not lost and len(items) > 0,
        ),
        (
            f"findable within {FINDABLE_WITHIN:.0f} s (other instance)",
            f"{len(published) - len(late)} of {len(published)}; lag p50 {percentile(lags, 0.5):.2f} s, "
            f"p95 {percentile(lags, 0.95):.2f} s, max {max(lags, default=float('nan')):.2f} s",
            not late and len(published) > 0,
        ),
        (
            "sessions valid on either instance",
            f"{cross_ok} of {cross_all} requests on B signed in ({same_ok} of {same_all} on A, where they logged in); "
            f"{sessions_in_redis} sessions in Redis",
            cross_ok == cross_all > 0 and same_ok == same_all,
        ),
        (
            "cache invalidated on both",
            f"{len(shown)} of {len(listed)} writes on their listing on A and B at once "
            f"(listing a cache hit on both before: {len(kept)} of {len(listed)})",
            len(shown) == len(listed) > 0 and len(kept) == len(listed),
        ),
    ]


def print_lags(items):
    """Time to be findable, per kind of item, from two moments: the write's timestamp in the database (set as its
    row is saved, so at or before the commit: the check's figure, if anything too long) and the write's answer
    (after the commit: too short by the time the answer took to come back)."""
    print(f"{'findable after (s)':18} {'items':>5}  {'from the database timestamp':>27}  {'from the answer':>21}")
    print(f"{'':18} {'':5}  {'p50':>7} {'p95':>9} {'max':>9}  {'p50':>5} {'p95':>7} {'max':>7}")
    for kind in ("article", "thread", "reply", "all"):
        found = [item for item in items if item.found_at and item.committed_at and kind in (item.kind, "all")]
        if not found:
            continue
        commit = [item.found_at - item.committed_at for item in found]
        answer = [item.found_at - item.returned_at for item in found]
        print(
            f"{kind:18} {len(found):>5}  {percentile(commit, 0.5):>7.2f} {percentile(commit, 0.95):>9.2f} "
            f"{max(commit):>9.2f}  {percentile(answer, 0.5):>5.2f} {percentile(answer, 0.95):>7.2f} "
            f"{max(answer):>7.2f}"
        )


def print_checks(results):
    print(f"{'check':42} {'result':6}  figures")
    for name, figures, passed in results:
        print(f"{name:42} {'ok' if passed else 'FAILED':6}  {figures}")


# -- the run -------------------------------------------------------------------------------------------------------
def run_load(args, ports, cookies, library, recorder: Recorder):
    stop = threading.Event()
    seeds = random.Random(args.seed)

    def common():  # what every actor shares, and a random source of its own (--seed fixes their choices)
        return recorder, ports, stop, random.Random(seeds.random())

    actors = [Reader(*common(), think=args.think) for _ in range(args.readers)]
    for username, (name, community) in list(MEMBERS.items())[: args.members]:
        member = {"username": username, "name": name, "cookie": cookies[username], "community": community}
        actors.append(Member(*common(), **member, post_every=args.post_every, think=args.member_think))
    editor = {"username": EDITOR, "name": "", "cookie": cookies[EDITOR], "library_id": library}
    actors.append(Editor(*common(), **editor, publish_every=args.publish_every))
    threads = [threading.Thread(target=actor.run, name=actor.kind, daemon=True) for actor in actors]
    for thread in threads:
        thread.start()
    try:
        stop.wait(args.duration)
    finally:
        stop.set()
    for thread in threads:
        thread.join(60)
    for watcher in list(recorder.watchers):
        watcher.join(GIVE_UP_AFTER + 5)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--readers", type=int, default=4, help="anonymous reader threads")
    parser.add_argument("--think", type=float, default=0.2, help="seconds a reader waits between requests")
    parser.add_argument("--members", type=int, default=len(MEMBERS), help=f"posting members (at most {len(MEMBERS)})")
    parser.add_argument("--member-think", type=float, default=1.0, help="seconds a member waits between pages")
    parser.add_argument("--post-every", type=float, default=12.0, help="seconds between a member's posts")
    parser.add_argument("--publish-every", type=float, default=5.0, help="seconds between the editor's publishes")
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432", help="PostgreSQL server URL")
    parser.add_argument("--database", default="scaleout_bench", help="throwaway database, created and dropped")
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/0", help="an empty Redis database")
    parser.add_argument("--seed", type=int, default=18)
    args = parser.parse_args()
    args.members = min(args.members, len(MEMBERS))

    folder = Path(tempfile.mkdtemp(prefix="portal-scaleout-"))
    log = folder / "bench.log"
    database_url = f"{args.postgres}/{args.database}"
    index_prefix = f"bench_scaleout_{os.getpid()}_"
    environment = portal_environment(folder / "unused.sqlite3", index_prefix)
    environment.update(
        {
            "DATABASE_URL": database_url,  # instead of http_bench's SQLite file
            "CACHE_URL": args.redis_url,  # page cache and sessions (SESSION_BACKEND follows: cached_db)
            "SEARCH_DRAIN_ON_COMMIT": "false",  # the workers drain, as in production; said here, not inherited
        }
    )
    processes, created, indexed, es_started_here, redis_client = {}, False, False, False, None
    results = []
    try:
        with ending_cleanly():
            redis_client = empty_redis(args.redis_url)
            es_started_here = not elasticsearch_running(environment)
            manage(environment, "elasticsearch", "start", log=log)
            create_database(args.postgres, args.database)
            created = True
            print(f"Building {database_url} (log: {log})", flush=True)
            manage(environment, "migrate", "--noinput", log=log)
            manage(environment, "load_demo_content", log=log, DEMO_CONTENT_ALLOWED="true")
            indexed = True
            manage(environment, "update_index", log=log)
            manage(environment, "rebuild_search_index", log=log)
            manage(environment, "collectstatic", "--noinput", log=log)
            for name in ("w1", "w2"):
                processes[f"search worker {name}"] = start_worker(environment, name, folder / f"worker-{name}.log")
            if pending := wait_for_outbox(database_url, 120):
                raise BenchError(f"The workers left {pending} outbox rows of the demo after 120 s.")
            ports = (free_port(), free_port())
            while ports[1] == ports[0]:
                ports = (ports[0], free_port())
            for label, port in zip("AB", ports, strict=True):
                processes[f"instance {label}"] = start_gunicorn(environment, port, 2, folder / f"gunicorn-{label}.log")
            print(f"Instances A on 127.0.0.1:{ports[0]}, B on 127.0.0.1:{ports[1]}; workers w1, w2", flush=True)
            cookies = {username: log_in(ports[0], username, DEMO_PASSWORD) for username in [*MEMBERS, EDITOR]}
            library = library_id(ports[0])
            sessions_in_redis = sum(1 for _ in redis_client.scan_iter("*django.contrib.sessions.cache*"))
            recorder = Recorder(ports)
            started = time.time()
            print(
                f"Load: {args.duration} s, {args.readers} readers, {args.members} members, 1 editor on both instances",
                flush=True,
            )
            run_load(args, ports, cookies, library, recorder)
            left = wait_for_outbox(database_url, 30)
            drained = outbox(database_url, since=datetime.fromtimestamp(started, UTC))
            commit_times(database_url, recorder.items)
            exits = [f"{name} exited ({process.returncode})" for name, process in processes.items() if process.poll()]
            print()
            print_requests(recorder)
            print()
            workers = ", ".join(
                f"{name} {count} rows ({keys} keys)" for name, (count, keys, _) in drained["workers"].items()
            )
            print(f"Outbox during the load: settled by {workers or 'nobody'}; {left} pending after it.")
            print_lags(recorder.items)
            print()
            results = checks(recorder, "; ".join(exits), sessions_in_redis)
            print_checks(results)
    finally:
        for process in processes.values():
            stop_group(process)
        release_search(environment, index_prefix, indexed, es_started_here, log)
        if redis_client is not None and created:
            redis_client.flushdb()
        if created:
            drop_database(args.postgres, args.database)
        shutil.rmtree(folder, ignore_errors=True)
    if not all(passed for *_, passed in results):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
