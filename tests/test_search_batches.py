"""A rebuild reads its items a batch at a time, sharing the related rows of the batch (one community instance for
all its threads, search.indexing.share_related). Every document built in a batch must be the one its item gets
when built alone: no item's readers, topics or community may end up in another's document."""

import json

import pytest
from elasticsearch.helpers import BulkIndexError

from wagtail.models import PageViewRestriction

from communities.models import Membership, Reply, Thread
from portal.people.models import Profile
from portal.searchable import PUBLIC, search_key
from search import indexing
from tests.factories import make_audience, make_community, make_topic, make_user
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site():
    ensure_site()


@pytest.fixture
def shared_related_spy(monkeypatch):
    """Records each call of share_related, so a test knows the batch took the shared path."""
    calls = []
    share_related = indexing.share_related

    def spy(objects, names):
        calls.append(len(objects))
        return share_related(objects, names)

    monkeypatch.setattr(indexing, "share_related", spy)
    return calls


def classify(community, topic, audience, stage):
    community.topics = [topic]
    community.audiences = [audience]
    community.stage = stage
    community.save_revision().publish()
    return community


def built_alone(keys):
    return [action for key in keys for action in indexing.actions_for([key])]


def test_threads_of_a_batch_keep_their_own_community_readers_and_topics(shared_related_spy):
    secret_topic, open_topic, staff_topic = make_topic("Secret plans"), make_topic("Open days"), make_topic("Staff")
    public = classify(make_community("Open forum"), open_topic, make_audience("Everyone"), "pilot")
    secret = classify(
        make_community("Secret circle", members_only=True), secret_topic, make_audience("Insiders"), "rollout"
    )
    staff = classify(make_community("Staff room"), staff_topic, make_audience("Staff"), "investigation")
    PageViewRestriction.objects.create(page=staff, restriction_type=PageViewRestriction.LOGIN)
    gone = make_community("Closed down")
    gone.unpublish()
    communities = [public, secret, staff, gone]
    authors = [make_user(first_name=f"Author{n}", last_name="Lee") for n in range(5)]
    threads = []
    for n in range(4 * indexing.SHARED_RELATED_FROM // 3):  # interleaved: neighbours never share a community
        thread = Thread.objects.create(
            community=communities[n % 4], author=authors[n % 5], title=f"Thread {n}", body=f"Opening {n}"
        )
        Reply.objects.create(thread=thread, author=authors[(n + 1) % 5], body=f"Answer to {n}")
        if n % 3 == 0:
            Reply.objects.create(thread=thread, author=authors[0], body=f"Hidden {n}", status=Reply.Status.HIDDEN)
        threads.append(thread)
    keys = [search_key(thread) for thread in threads]

    batch = list(indexing.actions_for(keys))

    assert shared_related_spy == [len(keys)]
    assert batch == built_alone(keys)
    for thread, action in zip(threads, batch, strict=True):
        if thread.community_id == gone.pk:
            assert action["_op_type"] == "delete"
            continue
        document = action["_source"]
        community = Thread.objects.get(pk=thread.pk).community
        assert document["community"] == community.title
        assert document["direct_topics"] == [str(topic.pk) for topic in community.topics.all()]
        assert document["owner"] == thread.author.get_full_name()
        assert f"Answer to {thread.title.split()[1]}" in document["body"] and "Hidden" not in document["body"]
        if community.pk == public.pk:
            assert document["readers"] == [PUBLIC]
        elif community.pk == staff.pk:
            assert document["readers"] == ["login"]
        else:
            assert document["readers"] and all(token.startswith("group:") for token in document["readers"])


def test_profiles_of_a_batch_keep_their_own_user_and_communities(shared_related_spy):
    secret = make_community("Secret circle", members_only=True)
    users = [
        make_user(first_name=f"Person{n}", last_name="Park", is_active=n % 9 != 4)
        for n in range(indexing.SHARED_RELATED_FROM + 10)
    ]
    for n, user in enumerate(users):
        Profile.objects.filter(user=user).update(department=f"Department {n % 4}", display_name=f"Person {n}")
        if n % 3 == 0:
            Membership.objects.create(community=secret, user=user)
    keys = [search_key(profile) for profile in Profile.objects.filter(user__in=users).order_by("user__pk")]

    batch = list(indexing.actions_for(keys))

    assert shared_related_spy == [len(keys)]
    assert batch == built_alone(keys)
    for n, action in enumerate(batch):
        if not users[n].is_active:
            assert action["_op_type"] == "delete"
        else:
            assert action["_source"]["title"] == f"Person {n}"
            assert action["_source"]["department"] == f"Department {n % 4}"


class RecordingClient:
    """Stands in for Elasticsearch in `write`: records each bulk request's actions, answers with `statuses`."""

    def __init__(self, statuses=()):
        self.requests, self.statuses = [], list(statuses)
        self.transport = type("Transport", (), {"serializer": type("Serializer", (), {"dumps": json.dumps})})

    def bulk(self, body, filter_path, **options):
        lines = [json.loads(line) for line in body.splitlines()]
        self.requests.append([line for line in lines if "index" in line or "delete" in line])
        items = [{"index": {"status": self.statuses.pop(0) if self.statuses else 201}} for _ in self.requests[-1]]
        return {"errors": any(item["index"]["status"] >= 300 for item in items), "items": items}


def test_a_bulk_write_is_cut_by_count_and_by_bytes(monkeypatch):
    actions = [{"_index": "portal_content", "_id": str(n), "_source": {"body": "x" * 1000}} for n in range(25)]
    es = RecordingClient()
    indexing.write(actions, es, size=10)
    assert [len(request) for request in es.requests] == [10, 10, 5]
    assert [line["index"]["_id"] for request in es.requests for line in request] == [str(n) for n in range(25)]
    monkeypatch.setattr(indexing, "BULK_BYTES", 3500)  # three documents of about 1,070 bytes fit, not four
    es = RecordingClient()
    indexing.write(actions, es, size=10)
    assert [len(request) for request in es.requests] == [3] * 8 + [1]


def test_a_bulk_write_fails_only_for_failures_that_matter():
    delete = {"_op_type": "delete", "_index": "portal_content", "_id": "gone", "version": 5, "version_type": "external"}
    indexing.write([delete, delete], RecordingClient(statuses=[404, 409]))  # never indexed; a newer write won
    with pytest.raises(BulkIndexError, match="1 of 2"):
        indexing.write([delete, delete], RecordingClient(statuses=[200, 400]))


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)  # the rebuild runs in other processes: they read only what is committed
def test_a_rebuild_built_in_processes_indexes_what_this_process_builds(search_index):
    """`rebuild_search_index` with its documents built in forked processes, each with its own database connection,
    in batches of four: the index it fills must hold exactly the documents this process builds for the same items,
    readers, topics, community and author of each one its own."""
    from elasticsearch.helpers import scan

    from search.documents import alias
    from tests.conftest import elasticsearch_client, refresh_search_index
    from tests.helpers import manage

    public = make_community("Open forum")
    secret = make_community("Secret circle", members_only=True)
    authors = [make_user(first_name=f"Author{n}", last_name="Lee") for n in range(3)]
    for n in range(25):
        thread = Thread.objects.create(
            community=(public, secret)[n % 2], author=authors[n % 3], title=f"Thread {n}", body=f"Opening {n}"
        )
        Reply.objects.create(thread=thread, author=authors[(n + 1) % 3], body=f"Answer to {n}")

    command = manage("rebuild_search_index", "--no-progress", SEARCH_REBUILD_PROCESSES="2", SEARCH_REBUILD_BATCH="4")
    out, err = command.communicate(timeout=300)
    assert command.returncode == 0, err
    refresh_search_index()

    indexed = {hit["_id"]: hit["_source"] for hit in scan(elasticsearch_client(), index=alias("content"))}
    keys = list(indexing.all_keys("content"))
    assert len(keys) > 8  # more than two batches of four
    expected = {
        action["_id"]: json.loads(indexing.SERIALIZER.dumps(action["_source"]))
        for action in indexing.actions_for(keys)
        if action.get("_op_type") != "delete"
    }
    assert f"{len(indexed)} in content" in out
    assert indexed == expected
    threads = {key: source for key, source in indexed.items() if key.startswith("communities.thread:")}
    secret_threads = {key for key, source in threads.items() if source["community"] == "Secret circle"}
    assert len(threads) == 25 and len(secret_threads) == 12
    assert all(indexed[key]["readers"] != [PUBLIC] for key in secret_threads)


def test_builders_are_forked_only_where_they_can_see_the_data(settings):
    """Inside a transaction (this test's), other processes would not see the uncommitted rows: built here."""
    settings.SEARCH_REBUILD_PROCESSES = 2
    with indexing.builders(batches=5) as pool:
        assert pool is None
    settings.SEARCH_REBUILD_PROCESSES = 0
    with indexing.builders(batches=5) as pool:
        assert pool is None
