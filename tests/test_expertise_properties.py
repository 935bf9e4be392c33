"""Evidenced expertise as a property over random memberships and answers: for every reader, what a profile's
"Knows about" counts, what "People you can ask" ranks by and what the people search finds and ranks by are exactly
the accepted answers that reader may open (members-only ones for members only), whoever gave them."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.contrib.auth.models import AnonymousUser

from communities.models import Membership, Reply, Thread
from portal.expertise.knowledge import knows_about, people_to_ask
from portal.expertise.models import Kind, TopicStanding
from portal.expertise.refresh import rebuild
from portal.expertise.standing import recompute
from tests.conftest import sync_search_index
from tests.factories import make_community, make_topic, make_user
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db

PEOPLE = range(4)


@pytest.fixture
def world():
    ensure_site()
    topic = make_topic("Peer assists")
    people = [make_user(f"p{n}", first_name=f"P{n}", last_name="Tester") for n in PEOPLE]
    asker = make_user("asker")
    communities = {}
    for name, members_only in (("open", False), ("private", True)):
        community = make_community(f"{name} circle", members_only=members_only, members=[asker])
        community.topics = [topic]
        community.save_revision().publish()
        communities[name] = community
    return {"topic": topic, "people": people, "asker": asker, **communities}


STATE = {
    "members": st.lists(st.booleans(), min_size=4, max_size=4),
    "answers": st.lists(
        st.tuples(st.sampled_from(PEOPLE), st.sampled_from(["open", "private"]), st.booleans()), max_size=8
    ),
}


def apply(world, members, answers):
    people, private = world["people"], world["private"]
    for membership in Membership.objects.filter(community=private, user__in=people):
        membership.delete()
    for person, member in zip(people, members, strict=True):
        if member:
            Membership.objects.create(community=private, user=person)
    Thread.objects.filter(community__in=[world["open"], private]).delete()
    for number, (answerer, where, accepted) in enumerate(answers):
        thread = Thread.objects.create(community=world[where], author=world["asker"], title=f"Q{number}", body="?")
        reply = Reply.objects.create(thread=thread, author=people[answerer], body="!")
        if accepted:
            thread.accepted_reply = reply
            thread.save()
    rebuild()


@settings(max_examples=examples(30))
@given(**STATE)
def test_evidence_counted_for_a_reader_is_what_that_reader_may_open(world, members, answers):
    apply(world, members, answers)
    people, topic = world["people"], world["topic"]
    readers = [(AnonymousUser(), False)] + [(person, members[n]) for n, person in enumerate(people)]
    for reader, is_member in readers:
        truth = {
            n: sum(1 for who, where, accepted in answers if who == n and accepted and (where == "open" or is_member))
            for n in PEOPLE
        }
        for n, person in enumerate(people):
            shown = [entry for entry in knows_about(person, reader) if entry.topic == topic]
            counted = shown[0].counts.get(Kind.ACCEPTED_ANSWER, 0) if shown else 0
            assert counted == truth[n], (n, reader)
        ranked = people_to_ask([topic], reader, limit=len(people))
        listed = {people.index(entry.profile.user): entry for entry in ranked}
        expected = {n for n in PEOPLE if truth[n] and people[n] != reader}
        assert set(listed) == expected
        for n, entry in listed.items():
            assert entry.evidence.counts.get(Kind.ACCEPTED_ANSWER, 0) == truth[n]
        scores = [entry.score for entry in ranked]
        assert scores == sorted(scores, reverse=True)
    # The standings the box read are what the evidence table gives from scratch.
    written = standings()
    recompute([person.pk for person in people])
    assert standings() == written


@settings(max_examples=examples(15))
@given(**STATE)
def test_the_people_search_finds_and_ranks_by_the_evidence_the_reader_may_open(world, members, answers, search_index):
    apply(world, members, answers)
    sync_search_index()
    people, topic = world["people"], world["topic"]
    if "admin" not in world:
        world["admin"] = make_user("root", is_superuser=True, is_staff=True)
    admin = world["admin"]
    readers = [(None, False), (admin, True)] + [(person, members[n]) for n, person in enumerate(people)]
    for reader, sees_private in readers:
        truth = {
            n: sum(1 for who, where, accepted in answers if who == n and accepted and (where == "open" or sees_private))
            for n in PEOPLE
        }
        for params in ({"topic": topic.slug}, {"q": "peer assist"}):
            hits = client_for(reader).get("/search/people/", params).context["results"].hits
            found = [people.index(hit.obj.user) for hit in hits]
            assert set(found) == {n for n in PEOPLE if truth[n]}, (params, reader)
            for position, n in enumerate(found):  # more answers the reader may open, higher up
                assert all(truth[n] >= truth[later] for later in found[position + 1 :]), (params, reader, found)


def standings():
    return sorted(
        (row.user_id, row.topic_id, row.readers, row.declared, round(row.score, 4), sorted(row.counts.items()))
        for row in TopicStanding.objects.all()
    )
