"""Writers in several processes at once, as in a real deployment: publishing through Wagtail while a full
`rebuild_search_index` and the `search_worker` run against the same database (the embedded SQLite file, or
PostgreSQL). No publish may fail, and every published page is findable afterwards."""

import os
import re
import select
import subprocess
import threading
import time

import pytest

from django.db import connection
from django.test import Client

from communities.membership import Membership, MembershipError
from communities.models import Post, Thread
from search.models import IndexOutbox
from tests.conftest import refresh_search_index, sync_search_index
from tests.factories import make_article, make_community, make_library, make_user
from tests.helpers import ensure_site, manage

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PUBLISHES = 20


def wait_for_line(process: subprocess.Popen, start: str, timeout: float) -> bool:
    """Whether the first line `process` prints starts with `start`, within `timeout` seconds. Read byte by byte
    from the pipe itself: nothing printed after that line is taken from what `communicate()` reads later."""
    fd, line = process.stdout.fileno(), b""
    deadline = time.monotonic() + timeout
    while not line.endswith(b"\n") and time.monotonic() < deadline:
        if select.select([fd], [], [], 0.5)[0]:
            byte = os.read(fd, 1)
            if not byte:
                return False  # it ended
            line += byte
    return line.decode().startswith(start)


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
        assert wait_for_line(worker, "Watching the search index outbox", timeout=60), worker.stderr.read()
        time.sleep(1)  # the rebuild is up and reading or writing
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


def test_two_workers_drain_the_outbox_with_no_loss_no_duplicate_and_the_newest_reading_kept(search_index, settings):
    """Two `search_worker` processes drain one outbox while threads are retitled again and again: every row is
    applied by exactly one of them (no duplicate, none lost), both take part, and each thread's entry ends with its
    last title, whichever worker read it when (order per item)."""
    from search.documents import alias
    from tests.conftest import elasticsearch_client

    ensure_site()
    community = make_community("Two-worker forum")
    author = make_user("retitler")
    settings.SEARCH_DRAIN_ON_COMMIT = False  # from here on, only the two worker processes apply the index work
    threads = [
        Thread.objects.create(
            community=community, author=author, title=f"Item {n} draft", body="text", status=Post.Status.PUBLISHED
        )
        for n in range(10)
    ]
    first_row = IndexOutbox.objects.pending().order_by("pk").first().pk  # the work queued for the workers
    workers = [manage("search_worker", "--interval", "0.05", "--batch", "4", "--name", name) for name in ("w1", "w2")]
    try:
        for worker in workers:  # both are up and polling (a loaded machine may take seconds to start one)
            assert wait_for_line(worker, "Watching the search index outbox", timeout=60), worker.stderr.read()
        for version in range(1, 9):
            for thread in threads:
                thread.title = f"Item {thread.pk} version {version}"
                thread.save(update_fields=["title"])  # commits, and queues a row for the worker
        deadline = time.monotonic() + 60
        while IndexOutbox.objects.pending().exists() and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        outputs = []
        for worker in workers:
            worker.terminate()
            outputs.append(worker.communicate(timeout=30))

    rows = IndexOutbox.objects.filter(pk__gte=first_row)
    assert rows.count() >= len(threads) * 9
    assert not rows.filter(done_at__isnull=True).exists(), "work was lost"
    applied = [sum(int(n) for n in re.findall(r"Indexed (\d+) queued", output)) for output, _ in outputs]
    assert sum(applied) == rows.count(), (applied, rows.count(), [errors for _, errors in outputs])  # no duplicate
    assert all(applied), f"both workers should have drained some rows: {applied}"
    assert {claim.split("/")[0] for claim in rows.values_list("claimed_by", flat=True)} == {"w1", "w2"}
    es = elasticsearch_client()
    for thread in threads:
        entry = es.get(index=alias("content"), id=f"communities.thread:{thread.pk}")["_source"]
        assert entry["title"] == f"Item {thread.pk} version 8"


def test_a_slower_workers_older_reading_never_overwrites_a_newer_one(search_index):
    """The order per item, without timing luck: a write that read the database earlier (a lower version) arrives
    after one that read it later, and is dropped; a delete that read earlier cannot remove a newer entry."""
    from search.documents import alias, ensure_indices
    from search.indexing import actions_for, read_version, write
    from tests.conftest import elasticsearch_client

    ensure_site()
    thread = Thread.objects.create(
        community=make_community("Order forum"), author=make_user("orderer"), title="Old title", body="text"
    )
    key = f"communities.thread:{thread.pk}"
    ensure_indices()
    older = read_version()
    stale = list(actions_for([key], version=older))  # read now: "Old title"
    Thread.objects.filter(pk=thread.pk).update(title="New title")
    write(actions_for([key], version=read_version()))  # the later reading arrives first
    write(stale)  # the earlier one arrives late: refused by Elasticsearch, not an error
    es = elasticsearch_client()
    assert es.get(index=alias("content"), id=key)["_source"]["title"] == "New title"
    old_delete = {"_op_type": "delete", "_index": alias("content"), "_id": key}
    write([{**old_delete, "version": older, "version_type": "external_gte"}])  # nor can an old delete remove it
    assert es.get(index=alias("content"), id=key)["_source"]["title"] == "New title"


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
