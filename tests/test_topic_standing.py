"""Topic standings (portal.expertise.standing): the per person, topic and reader set totals "People you can ask"
and the people search's summaries read. They must always equal a from-scratch computation from the sources, and
count an item once for a parent topic however many of its subtopics the item is filed under."""

import pytest

from django.contrib.auth.models import AnonymousUser

from communities.discussions import Reply, Thread
from portal.expertise.knowledge import evidence_by_person, people_to_ask
from portal.expertise.models import Kind, TopicStanding
from portal.expertise.refresh import rebuild
from portal.expertise.standing import DECLARED_SCORE, recompute
from tests.factories import make_community, make_topic, make_user
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db


def on_topics(community, *topics):
    community.topics.set(topics)
    community.save_revision().publish()
    return community


def answer(community, asker, answerer, title):
    thread = Thread.objects.create(community=community, author=asker, title=title, body="How?")
    reply = Reply.objects.create(thread=thread, author=answerer, body="Like this.")
    thread.accepted_reply = reply
    thread.save()
    return thread


def snapshot():
    return sorted(
        (
            row.user_id,
            row.topic_id,
            row.readers,
            row.declared,
            round(row.score, 4),
            sorted(row.counts.items()),
            [item[1:] for item in row.facilitates],
        )
        for row in TopicStanding.objects.all()
    )


@pytest.fixture
def tree():
    ensure_site()
    root = make_topic("Knowledge sharing")
    first = make_topic("Peer assists", root)
    second = make_topic("After action reviews", root)
    other = make_topic("Records management")
    return {"root": root, "first": first, "second": second, "other": other}


def test_an_item_under_two_subtopics_counts_once_for_their_parent(tree):
    ada, asker = make_user("ada", first_name="Ada"), make_user("asker")
    both = on_topics(make_community("Both circle", members=[ada]), tree["first"], tree["second"])
    answer(both, asker, ada, "One answer on two topics")
    rebuild()
    counts = {
        row.topic_id: row.counts[Kind.ACCEPTED_ANSWER]
        for row in TopicStanding.objects.filter(user=ada, declared=False)
        if Kind.ACCEPTED_ANSWER in row.counts
    }
    assert counts == {tree["root"].pk: 1, tree["first"].pk: 1, tree["second"].pk: 1}
    [person] = people_to_ask([tree["root"]], None)
    assert person.profile.user == ada and person.summary == "1 accepted answer"
    # The parent's score counts the item once, as each subtopic's does.
    root_score = TopicStanding.objects.get(user=ada, topic=tree["root"], declared=False).score
    assert root_score == TopicStanding.objects.get(user=ada, topic=tree["first"], declared=False).score
    # Asking about the parent and a child of it counts the item once too; a search by name (no topic) as well.
    assert people_to_ask([tree["root"], tree["first"]], None)[0].summary == "1 accepted answer"
    assert evidence_by_person([ada.pk], None, AnonymousUser())[ada.pk].summary == "1 accepted answer"


def test_standings_after_refreshes_equal_a_rebuild_from_scratch(tree, django_capture_on_commit_callbacks):
    ada, nia, mo = (make_user(name, first_name=name.title()) for name in ("ada", "nia", "mo"))
    open_circle = on_topics(make_community("Open circle", members=[ada, nia]), tree["first"])
    closed = on_topics(make_community("Closed circle", members_only=True, members=[ada, mo]), tree["second"])
    rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        answer(open_circle, nia, ada, "Public answer")
    with django_capture_on_commit_callbacks(execute=True):
        answer(closed, mo, ada, "Members-only answer")
    with django_capture_on_commit_callbacks(execute=True):
        answer(open_circle, ada, nia, "Nia answers")
    with django_capture_on_commit_callbacks(execute=True):  # declared expertise changes alone refresh too
        nia.profile.expertise.set([tree["other"], tree["second"]])
        nia.profile.save()
    with django_capture_on_commit_callbacks(execute=True):  # from the topic's side: no profile saved
        tree["other"].experts.remove(nia.profile)
    with django_capture_on_commit_callbacks(execute=True):
        on_topics(open_circle, tree["other"])  # the community moves topic: its answers follow
    incremental = snapshot()
    assert incremental, "the refreshes wrote standings"
    declared = {(row[1], row[4]) for row in incremental if row[0] == nia.pk and row[3]}
    assert declared == {(tree["second"].pk, DECLARED_SCORE), (tree["root"].pk, DECLARED_SCORE)}
    recompute([ada.pk, nia.pk, mo.pk])  # from the Evidence table
    assert snapshot() == incremental
    TopicStanding.objects.all().delete()
    rebuild()  # from the sources
    assert snapshot() == incremental


def test_a_members_only_standing_counts_only_for_members(tree):
    ada, mo, out = make_user("ada", first_name="Ada"), make_user("mo"), make_user("out")
    closed = on_topics(make_community("Closed circle", members_only=True, members=[ada, mo]), tree["first"])
    answer(closed, mo, ada, "Members-only answer")
    rebuild()
    assert people_to_ask([tree["root"]], out) == []
    assert people_to_ask([tree["root"]], None) == []
    [person] = people_to_ask([tree["root"]], mo)
    assert person.profile.user == ada and person.summary == "1 accepted answer"
    assert evidence_by_person([ada.pk], [tree["root"].pk], out) == {}


def test_moving_a_topic_moves_its_standings_and_search_documents(tree, django_capture_on_commit_callbacks):
    """A parent topic counts its subtree: after "Peer assists" moves under "Records management", Ada's answer
    counts there and no longer under "Knowledge sharing", in the standings and in the search index alike."""
    from search.models import IndexOutbox

    ada, asker = make_user("ada", first_name="Ada"), make_user("asker")
    circle = on_topics(make_community("Peer circle", members=[ada]), tree["first"])
    answer(circle, asker, ada, "How to run a peer assist")
    rebuild()
    assert [p.profile.user for p in people_to_ask([tree["root"]], None)] == [ada]
    last = IndexOutbox.objects.order_by("pk").values_list("pk", flat=True).last() or 0
    with django_capture_on_commit_callbacks(execute=True):
        tree["first"].move(tree["other"], "sorted-child")
    assert people_to_ask([tree["root"]], None) == []
    assert [p.profile.user for p in people_to_ask([tree["other"]], None)] == [ada]
    after_move = snapshot()
    rebuild()
    assert snapshot() == after_move  # as if computed from scratch
    queued = set(IndexOutbox.objects.filter(pk__gt=last).values_list("key", flat=True))
    assert f"page:{circle.pk}" in queued  # the community's document carries the new ancestors
    assert any(key.startswith("communities.thread:") for key in queued)  # and so do its discussions
