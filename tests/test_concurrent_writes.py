"""Writers in several processes at once, as in a real deployment: publishing through Wagtail while a full
`rebuild_search_index` and the `search_worker` run against the same database (the embedded SQLite file, or
PostgreSQL). No publish may fail, and every published page is findable afterwards."""

import os
import subprocess
import sys
import threading
import time

import pytest

from django.conf import settings
from django.db import connection
from django.test import Client

from communities.membership import Membership, MembershipError
from communities.models import Post, Thread
from search.models import IndexOutbox
from tests.conftest import refresh_search_index, sync_search_index
from tests.factories import make_article, make_community, make_library, make_user
from tests.helpers import ensure_site

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PUBLISHES = 20


def database_url() -> str:
    """The URL of the database this test run uses, for the worker and command processes."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def manage(*args) -> subprocess.Popen:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "DATABASE_URL": database_url(),
        "TEST_INDEX_PREFIX": settings.SEARCH_INDEX_PREFIX,
        "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_publishing_while_the_index_is_rebuilt_and_the_worker_runs(search_index, settings):
    home = ensure_site()
    library = make_library(home)
    # Enough items that each rebuild reads the database for a while.
    community = make_community("Busy forum")
    author = make_user("poster")
    Thread.objects.bulk_create(
        Thread(community=community, author=author, title=f"Busy thread {n}", body="text", status=Post.Status.PUBLISHED)
        for n in range(1500)
    )
    sync_search_index()
    settings.SEARCH_DRAIN_ON_COMMIT = False  # from here on, the worker process alone applies the index work

    worker = manage("search_worker", "--interval", "0.05")
    rebuilds = [manage("rebuild_search_index", "--no-progress")]
    failures, published, during_a_rebuild = [], [], 0
    try:
        time.sleep(2.5)  # both processes are up and reading or writing
        for number in range(PUBLISHES):
            if rebuilds[-1].poll() is not None:  # keep a rebuild running through every publish
                rebuilds.append(manage("rebuild_search_index", "--no-progress"))
            try:
                published.append(make_article(library, f"Concurrent note {number} kestrel{number}x").pk)
            except Exception as error:
                failures.append(repr(error))
            during_a_rebuild += rebuilds[-1].poll() is None
        for rebuild in rebuilds:
            _, errors = rebuild.communicate(timeout=120)
            assert rebuild.returncode == 0, errors
        deadline = time.monotonic() + 60
        while IndexOutbox.objects.pending().exists() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        worker.terminate()  # SIGTERM: the worker finishes its batch and exits cleanly
        output, errors = worker.communicate(timeout=30)
        for rebuild in rebuilds:
            if rebuild.poll() is None:
                rebuild.kill()

    assert failures == [], f"{len(failures)} of {PUBLISHES} publishes failed: {failures[:3]}"
    assert during_a_rebuild >= PUBLISHES // 2, "a rebuild should have run through the publishes"
    assert worker.returncode == 0 and "Indexed" in output, errors
    assert not IndexOutbox.objects.pending().exists(), "the worker left work queued"
    refresh_search_index()
    client = Client()
    for number in range(PUBLISHES):
        data = client.get("/api/search/", {"q": f"kestrel{number}x"}).json()
        assert [result["title"] for result in data["results"]] == [f"Concurrent note {number} kestrel{number}x"]


def test_two_facilitators_demoting_each_other_at_once_leave_the_community_one():
    """Each sees the other as a remaining facilitator; only one demotion may win, or the community would be left
    with none (the model rechecks under a lock on PostgreSQL; SQLite's IMMEDIATE transactions take turns)."""
    ensure_site()
    ana, ben = make_user("ana"), make_user("ben")
    community = make_community("Pair forum", facilitators=[ana, ben])
    start, outcomes = threading.Barrier(2), []

    def demote(target, by):
        membership = Membership.objects.get(community=community, user=target)
        start.wait()
        try:
            membership.change_role(Membership.Role.MEMBER, by=by)
            outcomes.append("demoted")
        except MembershipError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=demote, args=pair) for pair in ((ana, ben), (ben, ana))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["demoted", "refused"]
    assert community.memberships.active().facilitating().count() == 1
