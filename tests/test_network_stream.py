"""The network stream (/me/network/) and its part of the daily digest: what followed people, topics (with their
subtrees) and communities did, recorded by the apps' own hooks; never the reader's own doing, never a completed
path of someone who hides their learning, and never anything the reader may not open (a property over random
memberships, follows and activity)."""

import datetime
import re
import uuid

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.contrib.auth.models import Group
from django.core import mail
from django.utils import timezone

from wagtail.models import PageViewRestriction

from communities.models import Follow, Membership, Reply, Thread
from communities.notifications import NETWORK_DIGEST_LIMIT, send_digests
from portal.network.activity import Verb, record
from portal.network.models import Activity, PersonFollow, TopicFollow
from portal.network.stream import stream_for
from portal.searchable import search_key
from tests.factories import (
    make_article,
    make_blog_post,
    make_community,
    make_library,
    make_module,
    make_path,
    make_topic,
    make_user,
)
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    ensure_site()
    people = {
        name: make_user(name, first_name=name.capitalize(), last_name="Tester")
        for name in ("ann", "bo", "cy", "dee", "eve")
    }
    parent = make_topic("Knowledge sharing")
    child = make_topic("Peer assists", parent=parent)
    open_community = make_community("Open forum", members=[people["ann"], people["bo"], people["cy"]])
    private = make_community("Inner circle", members_only=True, members=[people["bo"], people["eve"]])
    return {**people, "parent": parent, "child": child, "open": open_community, "private": private}


def post_thread(client, community, title):
    return client.post(
        community.url + "discussions/",
        {"kind": "question", "title": title, "body": "What do you think?", "submission_key": str(uuid.uuid4())},
    )


def reply_to(client, thread, body="Here is how we did it."):
    return client.post(thread.get_absolute_url(), {"body": body, "submission_key": str(uuid.uuid4())})


def stream_text(user) -> str:
    response = client_for(user).get("/me/network/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_stream_brings_what_followed_people_topics_and_communities_did(
    site, settings, django_capture_on_commit_callbacks
):
    settings.COMMUNITY_HELD_POSTS = 0  # everyone's posts publish at once
    ann, bo, cy, dee = site["ann"], site["bo"], site["cy"], site["dee"]
    PersonFollow.objects.set(ann, True, person=bo)
    TopicFollow.objects.set(ann, True, topic=site["parent"])  # a parent topic: its subtree too
    Follow.objects.create(user=ann, community=site["open"])
    with django_capture_on_commit_callbacks(execute=True):
        post_thread(client_for(cy), site["open"], "Who runs a peer assist?")  # the community follow
        thread = Thread.objects.get(title="Who runs a peer assist?")
        reply_to(client_for(bo), thread)  # the person follow
        reply_to(client_for(bo), thread, "And one more thing.")  # answering twice is one entry
        reply = Reply.objects.filter(thread=thread).first()
        client_for(cy).post(thread.get_absolute_url() + f"accept/{reply.pk}/")
        make_article(make_library(), "Peer assist checklist", topics=[site["child"]], owner=dee)  # the topic follow
        post_thread(client_for(ann), site["open"], "My own question")  # never in one's own stream
        post_thread(client_for(bo), site["private"], "Inner circle secret plan")  # ann is no member
    verbs = sorted(Activity.objects.values_list("actor__username", "verb"))
    assert verbs == sorted(
        [
            ("cy", Verb.DISCUSSION_STARTED),
            ("bo", Verb.ANSWERED),
            ("bo", Verb.ACCEPTED_ANSWER),
            ("dee", Verb.ARTICLE_PUBLISHED),
            ("ann", Verb.DISCUSSION_STARTED),
            ("bo", Verb.DISCUSSION_STARTED),
        ]
    )
    html = stream_text(ann)
    assert "Cy Tester</a>\n                        started a discussion" in html
    assert "Bo Tester</a>\n                        answered" in html
    assert "gave the accepted answer to" in html
    assert "Peer assist checklist" in html
    assert "My own question" not in html
    assert "Inner circle secret plan" not in html
    assert len(stream_for(ann)) == 4
    # Clearing the accepted answer takes it out of the stream.
    with django_capture_on_commit_callbacks(execute=True):
        client_for(cy).post(thread.get_absolute_url() + f"accept/{reply.pk}/")
    assert not Activity.objects.filter(verb=Verb.ACCEPTED_ANSWER).exists()
    # Eve, a member of the inner circle following Bo, sees his post there; a hidden thread leaves every stream.
    PersonFollow.objects.set(site["eve"], True, person=bo)
    assert "Inner circle secret plan" in stream_text(site["eve"])
    Thread.objects.filter(title="Inner circle secret plan").update(status=Thread.Status.HIDDEN)
    assert "Inner circle secret plan" not in stream_text(site["eve"])


def test_a_learner_can_keep_completed_paths_out_of_their_followers_streams(site, django_capture_on_commit_callbacks):
    ann, bo = site["ann"], site["bo"]
    PersonFollow.objects.set(ann, True, person=bo)
    module = make_module("Facilitation basics", lessons=2)
    make_path("Facilitator path", [module])
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in module.lessons():
            lesson.complete_for(bo)
    assert Activity.objects.filter(actor=bo, verb=Verb.COMPLETED_PATH).count() == 1
    assert "completed the learning path" in stream_text(ann)
    form = client_for(bo).get("/me/profile/").content.decode()
    assert "Show my learning activity to people who follow me" in form
    bo.profile.show_learning_activity = False
    bo.profile.save()
    assert "completed the learning path" not in stream_text(ann)
    assert "Facilitator path" not in stream_text(ann)


def make_threads(community, author, count):
    now = timezone.now()
    for number in range(count):
        thread = Thread.objects.create(community=community, author=author, title=f"Thread number {number}", body="x")
        record(author, Verb.DISCUSSION_STARTED, thread, occurred_at=now - datetime.timedelta(minutes=number))


def test_the_stream_is_paginated_newest_first(site):
    ann, bo = site["ann"], site["bo"]
    PersonFollow.objects.set(ann, True, person=bo)
    make_threads(site["open"], bo, 25)
    client = client_for(ann)
    first = client.get("/me/network/").content.decode()
    titles = re.findall(r"Thread number (\d+)", first)
    assert titles == [str(number) for number in range(20)]
    assert "Page 1 of 2" in first
    second = client.get("/me/network/", {"page": 2}).content.decode()
    assert re.findall(r"Thread number (\d+)", second) == [str(number) for number in range(20, 25)]
    for bad in ("x", "0", "-1", "999", "9" * 40):
        response = client.get("/me/network/", {"page": bad})
        assert response.status_code == 200 and response.context["page_obj"].number in (1, 2)


def test_signed_in_only_with_an_empty_state_and_links_to_it(site):
    anonymous = client_for().get("/me/network/")
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous["Location"]
    html = stream_text(site["dee"])
    assert "Your network is empty for now" in html and 'href="/people/"' in html and 'href="/topics/"' in html
    assert 'href="/me/network/"' in client_for(site["dee"]).get("/me/notifications/").content.decode()
    assert 'href="/me/network/"' not in client_for().get("/").content.decode()


def test_the_digest_brings_the_network_since_the_last_one_and_only_what_the_reader_may_open(site):
    ann, bo = site["ann"], site["bo"]
    profile = ann.profile
    profile.email_notifications = "daily"
    profile.save()
    PersonFollow.objects.set(ann, True, person=bo)
    public = Thread.objects.create(community=site["open"], author=bo, title="Open news for the network", body="x")
    private = Thread.objects.create(community=site["private"], author=bo, title="Closed circle news", body="x")
    record(bo, Verb.DISCUSSION_STARTED, public)
    record(bo, Verb.DISCUSSION_STARTED, private, community=site["private"])
    assert send_digests() == 1
    digest = [m for m in mail.outbox if m.to == [ann.email]]
    assert len(digest) == 1
    body = digest[0].body
    assert "From your network" in body and "Open news for the network" in body and public.get_absolute_url() in body
    assert "Closed circle news" not in body
    assert send_digests() == 0  # nothing new since
    make_threads(site["open"], bo, NETWORK_DIGEST_LIMIT + 5)
    Activity.objects.filter(title__startswith="Thread number").update(occurred_at=timezone.now())
    assert send_digests() == 1
    assert mail.outbox[-1].body.count("Thread number") == NETWORK_DIGEST_LIMIT


# -- the property: nothing from where the reader may not go ---------------------------------------------------------
READERS = range(4)
ITEMS = range(4)  # a public thread, a members-only thread, a members-only blog post, a restricted article


@pytest.fixture
def world(site):
    people = [site[name] for name in ("ann", "bo", "cy", "dee")]
    private = site["private"]
    private.topics = [site["child"]]  # topic followers reach its threads' activity: visibility must stop them
    private.save_revision().publish()
    private.refresh_from_db()
    library = make_library()
    restricted = make_article(library, "Staff only stocktake", topics=[site["child"]])
    restriction = PageViewRestriction.objects.create(page=restricted, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.create(name="Auditors")])  # none of the readers
    items = [
        (Thread.objects.create(community=site["open"], author=people[1], title="Open zebra", body="x"), "open"),
        (Thread.objects.create(community=private, author=people[1], title="Secret zebra", body="x"), "private"),
        (make_blog_post(private, "Secret blog zebra", author=people[1]), "private"),
        (restricted, "restricted"),
    ]
    return {**site, "people": people, "items": items}


VERBS = [Verb.DISCUSSION_STARTED, Verb.ANSWERED, Verb.BLOG_POST]
STATE = {
    "members": st.lists(st.booleans(), min_size=4, max_size=4),
    "person_follows": st.sets(st.tuples(st.sampled_from(READERS), st.sampled_from(READERS))),
    "topic_follows": st.sets(st.tuples(st.sampled_from(READERS), st.sampled_from(["parent", "child"]))),
    "community_follows": st.sets(st.tuples(st.sampled_from(READERS), st.sampled_from(["open", "private"]))),
    "activities": st.sets(
        st.tuples(st.sampled_from(READERS), st.sampled_from(VERBS), st.sampled_from(ITEMS)), max_size=10
    ),
}


def apply(world, members, person_follows, topic_follows, community_follows, activities):
    people, private = world["people"], world["private"]
    for membership in Membership.objects.filter(community=private, user__in=people):
        membership.delete()  # the model's delete also takes the member out of the community's group
    for person, member in zip(people, members, strict=True):
        if member:
            Membership.objects.create(community=private, user=person)
    PersonFollow.objects.all().delete()
    TopicFollow.objects.all().delete()
    Follow.objects.filter(user__in=people, community__isnull=False).delete()
    Activity.objects.all().delete()
    for follower, person in person_follows:
        if follower != person:
            PersonFollow.objects.create(follower=people[follower], person=people[person])
    for follower, topic in topic_follows:
        TopicFollow.objects.create(follower=people[follower], topic=world[topic])
    for follower, community in community_follows:
        Follow.objects.create(user=people[follower], community=world[community])
    for actor, verb, number in activities:
        item, where = world["items"][number]
        record(people[actor], verb, item, community=world[where] if where in ("open", "private") else None)


def expected_stream(world, reader, members, person_follows, topic_follows, community_follows, activities):
    """The truth, from the drawn state alone: what the reader's follows reach and the reader may open."""
    topics = set()
    for follower, topic in topic_follows:
        if follower == reader:
            topics |= {"parent", "child"} if topic == "parent" else {"child"}
    item_topics = [set(), {"child"}, set(), {"child"}]  # the private community and the article are under "child"
    expected = set()
    for actor, verb, number in activities:
        where = world["items"][number][1]
        reached = (
            (reader, actor) in person_follows
            or bool(item_topics[number] & topics)
            or (reader, where) in community_follows
        )
        may_open = where == "open" or (where == "private" and members[reader])
        if actor != reader and reached and may_open:
            expected.add((actor, verb, number))
    return expected


@settings(max_examples=examples(40))
@given(**STATE)
def test_no_stream_ever_holds_what_its_reader_may_not_open(
    world, members, person_follows, topic_follows, community_follows, activities
):
    state = (members, person_follows, topic_follows, community_follows, activities)
    apply(world, *state)
    people, keys = world["people"], [search_key(item) for item, _ in world["items"]]
    for reader in READERS:
        user = people[reader]
        stream = stream_for(user)
        for entry in stream:
            assert entry.item.search_visible_to(user)
            assert entry.community_id != world["private"].pk or members[reader]
        shown = {(people.index(entry.actor), entry.verb, keys.index(entry.item_key)) for entry in stream}
        assert shown == expected_stream(world, reader, *state)
        if not members[reader]:
            assert "Secret" not in stream_text(user)
