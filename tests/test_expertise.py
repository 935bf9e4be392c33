"""Evidenced expertise (portal.expertise): derived from what people did, kept per topic, refreshed after the commit
of what changes it, and counted for each reader only from items that reader may open."""

import re
import uuid

import pytest

from django.core.management import call_command
from django.utils import timezone

from communities.discussions import HelpfulMark, Reply, Thread
from portal.expertise import refresh
from portal.expertise.knowledge import knows_about, people_to_ask
from portal.expertise.models import Evidence, Kind
from portal.expertise.refresh import rebuild
from portal.searchable import page_visible_to
from search.query import PeopleSearch
from tests.conftest import sync_search_index
from tests.factories import make_article, make_community, make_library, make_topic, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


def on_topics(community, *topics):
    community.topics.set(topics)
    community.save_revision().publish()
    return community


def answered(community, asker, answerer, title, accept=True):
    thread = Thread.objects.create(community=community, author=asker, title=title, body="How?")
    reply = Reply.objects.create(thread=thread, author=answerer, body="Like this.")
    if accept:
        thread.accepted_reply = reply
        thread.save()
    return thread, reply


@pytest.fixture
def org():
    """Topic T (under a parent), a public and a members-only community on it, and people with different
    evidence: Ada answers (five accepted in public, one in the members-only one), Dev only declares T, Nia has
    nothing, Mo is a member of the members-only community, Out is not."""
    home = ensure_site()
    parent = make_topic("Knowledge sharing")
    topic = make_topic("Peer assists", parent)
    other = make_topic("Records management")
    ada = make_user("ada", first_name="Ada", last_name="Quist")
    dev = make_user("dev", first_name="Dev", last_name="Rao")
    nia = make_user("nia", first_name="Nia", last_name="Holt")
    mo = make_user("mo", first_name="Mo", last_name="Berg")
    out = make_user("out", first_name="Out", last_name="Sider")
    dev.profile.expertise.set([topic])
    dev.profile.save()
    public = on_topics(make_community("Assist circle", members=[ada, nia]), topic)
    secret = on_topics(make_community("Inner circle", members_only=True, members=[ada, mo]), topic)
    for number in range(5):
        answered(public, nia, ada, f"Public question {number}")
    answered(secret, mo, ada, "Secret question")
    answered(public, ada, nia, "Unaccepted", accept=False)
    library = make_library(home)
    make_article(library, "Running a peer assist", topics=[topic], owner=dev)
    make_article(library, "Retention schedules", topics=[other], owner=nia)
    rebuild()
    return {
        "topic": topic,
        "parent": parent,
        "other": other,
        "public": public,
        "secret": secret,
        **{user.username: user for user in (ada, dev, nia, mo, out)},
    }


def accepted_answers_visible_to(person, viewer) -> int:
    """The database truth: accepted answers by `person` in threads whose community `viewer` may open."""
    return sum(
        1
        for thread in Thread.objects.filter(accepted_reply__author=person).select_related("community")
        if page_visible_to(thread.community, viewer)
    )


def test_evidence_counts_equal_the_database_truth_for_each_reader(org, django_user_model):
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    for viewer, expected in ((None, 5), (org["out"], 5), (org["mo"], 6), (admin, 6)):
        from django.contrib.auth.models import AnonymousUser

        reader = viewer or AnonymousUser()
        [entry] = [entry for entry in knows_about(org["ada"], reader) if entry.topic == org["topic"]]
        assert entry.counts[Kind.ACCEPTED_ANSWER] == expected == accepted_answers_visible_to(org["ada"], reader)
        titles = {row.title for row in entry.items}
        assert ("Secret question" in titles) == (expected == 6)


def test_the_profile_shows_what_they_know_with_the_evidence_and_never_a_members_only_title(org):
    html = client_for(org["out"]).get("/people/ada/").content.decode()
    section = html.split('id="knows-about-heading"', 1)[1].split("</section>", 1)[0]
    assert "Peer assists" in section and "5 accepted answers" in section
    assert "Public question 0" in section and "Secret question" not in section
    member_view = client_for(org["mo"]).get("/people/ada/").content.decode()
    assert "6 accepted answers" in member_view and "Secret question" in member_view
    # Declared expertise stays apart; someone with no evidence has no "Knows about".
    dev = client_for(None).get("/people/dev/").content.decode()
    assert "Declared expertise" in dev and "1 reference article" in dev
    assert 'id="knows-about-heading"' not in client_for(None).get("/people/out/").content.decode()


def test_people_you_can_ask_rank_evidence_above_declaration_and_count_what_the_reader_may_open(org):
    ranked = people_to_ask([org["topic"]], None)
    names = [person.profile.user.username for person in ranked]
    assert names[:2] == ["ada", "dev"] and "nia" not in names and "out" not in names
    assert ranked[0].summary == "5 accepted answers"
    assert people_to_ask([org["topic"]], org["mo"])[0].summary == "6 accepted answers"
    # A parent topic counts its subtree; the viewer is never suggested to themselves.
    assert [p.profile.user.username for p in people_to_ask([org["parent"]], org["ada"])][:1] == ["dev"]
    html = client_for(org["out"]).get(org["topic"].get_absolute_url()).content.decode()
    box = html.split('id="people-to-ask-heading"', 1)[1].split("</aside>", 1)[0]
    assert box.index("Ada Quist") < box.index("Dev Rao") and "5 accepted answers" in box


def test_the_box_shows_on_articles_and_community_pages(org):
    article = client_for(None).get("/library/running-a-peer-assist/").content.decode()
    assert "People you can ask" in article and "Ada Quist" in article
    community = client_for(org["mo"]).get(org["public"].url).content.decode()
    assert "People you can ask" in community and "6 accepted answers" in community


def test_evidence_follows_the_commit_of_what_changes_it(org, django_capture_on_commit_callbacks):
    thread, reply = answered(org["public"], org["ada"], org["nia"], "Fresh question", accept=False)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(org["ada"]).post(thread.get_absolute_url() + f"accept/{reply.pk}/")
    assert response.status_code in (200, 302)
    assert Evidence.objects.filter(user=org["nia"], kind=Kind.ACCEPTED_ANSWER, topic=org["topic"]).count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        HelpfulMark.objects.create(reply=reply, user=org["mo"])
    assert Evidence.objects.filter(user=org["nia"], kind=Kind.HELPFUL_REPLY).count() == 1
    # Hiding the answer takes the evidence away again.
    with django_capture_on_commit_callbacks(execute=True):
        reply.status = Reply.Status.HIDDEN
        reply.save()
    assert not Evidence.objects.filter(user=org["nia"], kind__in=[Kind.ACCEPTED_ANSWER, Kind.HELPFUL_REPLY]).exists()
    # A community turning members-only narrows who its answers count for.
    with django_capture_on_commit_callbacks(execute=True):
        public = org["public"]
        public.members_only = True
        public.save_revision().publish()
    from django.contrib.auth.models import AnonymousUser

    assert not [entry for entry in knows_about(org["ada"], AnonymousUser()) if entry.topic == org["topic"]]


def test_rebuild_command_shows_progress_and_is_idempotent(org, capsys):
    before = sorted(Evidence.objects.values_list("user_id", "topic_id", "kind", "item_key", "readers"))
    call_command("rebuild_expertise")
    captured = capsys.readouterr()
    assert "Evidence rebuilt" in captured.out and "people" in captured.err
    assert sorted(Evidence.objects.values_list("user_id", "topic_id", "kind", "item_key", "readers")) == before


def test_people_search_ranks_five_accepted_answers_above_a_declaration(org, search_index, client):
    for user in (org["ada"], org["dev"], org["nia"]):
        user.profile.save()
    sync_search_index()
    results = client.get("/search/people/", {"q": "peer assists"}).context["results"]
    names = [hit.obj.user.username for hit in results.hits]
    assert names[:2] == ["ada", "dev"], names
    assert "5 accepted answers" in results.hits[0].evidence
    # Picking the topic (no words): evidence first, the declaration after, nobody without either.
    results = client.get("/search/people/", {"topic": org["topic"].slug}).context["results"]
    assert [hit.obj.user.username for hit in results.hits] == ["ada", "dev"]
    facet = next(f for f in results.facets if f.name == "topic")
    counts = {value.value: value.count for value in PeopleSearch.flatten(facet.values)}
    assert counts[org["topic"].slug] == 2 and counts[org["parent"].slug] == 2  # each person once
    assert counts[org["other"].slug] == 1  # Nia owns an article on it
    # A member's members-only evidence never ranks anyone for an outsider: Ada's only evidence on the other
    # topic is invisible to them, so she is not found by it.
    html = client.get("/search/", {"q": "peer assists"}).content.decode()
    assert re.search(r"Shown by</span> 5 accepted answers", html)


def test_a_members_only_answer_ranks_only_for_members(org, search_index):
    secret_topic = make_topic("Board papers")
    on_topics(org["secret"], secret_topic)
    call_command("rebuild_expertise", "--no-progress")
    sync_search_index()
    anonymous = client_for(None).get("/search/people/", {"q": "board papers"}).context["results"]
    member = client_for(org["mo"]).get("/search/people/", {"q": "board papers"}).context["results"]
    assert "ada" not in [hit.obj.user.username for hit in anonymous.hits]
    assert "ada" in [hit.obj.user.username for hit in member.hits]


def test_new_evidence_reaches_the_people_index(org, search_index, django_capture_on_commit_callbacks):
    sync_search_index()
    thread, reply = answered(org["public"], org["nia"], org["dev"], f"Late {uuid.uuid4().hex[:6]}", accept=False)
    with django_capture_on_commit_callbacks(execute=True):
        thread.accepted_reply = reply
        thread.save()
    sync_search_index()
    results = client_for(None).get("/search/people/", {"q": "peer assists"}).context["results"]
    dev = next(hit for hit in results.hits if hit.obj.user.username == "dev")
    assert "1 accepted answer" in dev.evidence


def test_completed_modules_count_unless_the_learner_hides_their_learning(org, django_capture_on_commit_callbacks):
    from learning.progress import Enrolment
    from tests.factories import make_module

    module = make_module("Peer assist basics", lessons=1, quiz_in_last=False)
    module.topics.set([org["topic"]])
    module.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for lesson in module.lessons():
            lesson.complete_for(org["out"])
    assert Enrolment.objects.filter(user=org["out"], module=module, completed_at__isnull=False).exists()
    assert Evidence.objects.filter(user=org["out"], kind=Kind.MODULE, topic=org["topic"]).count() == 1
    profile = org["out"].profile
    # Other edits to the profile leave the evidence alone (and cost no recomputation) ...
    profile.bio = "Runs peer assists."
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        profile.save()
    assert refresh.flush not in callbacks
    # ... hiding one's learning takes completed modules out of it.
    profile.show_learning_activity = False
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        profile.save()
    assert refresh.flush in callbacks
    assert not Evidence.objects.filter(user=org["out"], kind=Kind.MODULE).exists()
    profile = type(profile).objects.get(pk=profile.pk)  # as a form would load it
    profile.show_learning_activity = True
    with django_capture_on_commit_callbacks(execute=True):
        profile.save()
    assert Evidence.objects.filter(user=org["out"], kind=Kind.MODULE).count() == 1


def test_a_review_approved_as_subject_expert_is_evidence(org):
    from django.contrib.auth.models import Group
    from django.contrib.contenttypes.models import ContentType

    from wagtail.models import GroupApprovalTask, Page, Task, TaskState, Workflow, WorkflowState

    from portal.governance.workflows import SUBJECT_EXPERTS

    experts, _ = Group.objects.get_or_create(name=SUBJECT_EXPERTS)
    task = GroupApprovalTask.objects.create(name="Subject expert review (test)")
    task.groups.add(experts)
    workflow = Workflow.objects.create(name="Review (test)")
    article = Page.objects.get(slug="running-a-peer-assist")
    state = WorkflowState.objects.create(
        workflow=workflow,
        content_type=ContentType.objects.get_for_model(article.specific),
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=str(article.pk),
        requested_by=org["dev"],
        status=WorkflowState.STATUS_APPROVED,
    )
    TaskState.objects.create(
        workflow_state=state,
        task=Task.objects.get(pk=task.pk),
        status=TaskState.STATUS_APPROVED,
        finished_by=org["nia"],
        finished_at=timezone.now(),
        revision=article.latest_revision,
    )
    rebuild()
    assert Evidence.objects.filter(user=org["nia"], kind=Kind.REVIEW, topic=org["topic"]).count() == 1
    assert "1 reviewed article" in client_for(None).get("/people/nia/").content.decode()


def test_known_topics_hold_one_counting_term_per_topic_with_the_fewest_tokens():
    from search.indexing import known_topics

    facts = known_topics(
        ["1"],
        [
            {"topics": ["1", "2"], "readers": ["group:3"]},
            {"topics": ["2"], "readers": ["group:4"]},
            {"topics": ["5"], "readers": ["group:3", "login"]},
        ],
    )
    # Declared topics are public; "login" lets every group member in; groups alone stay as they are.
    assert facts["known_topic_audiences"] == ["1:public", "2:group:3,group:4", "5:login"]
    assert {"1", "1:public", "1:group:3", "2", "2:group:3", "2:group:4", "5:login"} <= set(facts["known_topics"])


def test_the_knows_about_facet_counts_a_person_once_whichever_groups_let_the_reader_in(org, search_index):
    """Ada answered on a topic in two members-only communities Mo belongs to: Mo counts her once, an outsider
    not at all, and the facet's selection finds her for Mo only."""
    board = make_topic("Board papers")
    on_topics(org["secret"], board)
    back_room = on_topics(make_community("Back room", members_only=True, members=[org["ada"], org["mo"]]), board)
    answered(org["secret"], org["mo"], org["ada"], "Board question")
    answered(back_room, org["mo"], org["ada"], "Another board question")
    call_command("rebuild_expertise", "--no-progress")
    sync_search_index()

    def board_count(user):
        results = client_for(user).get("/search/people/", {"topic": board.slug}).context["results"]
        facet = next((f for f in results.facets if f.name == "topic"), None)
        counts = {value.value: value.count for value in PeopleSearch.flatten(facet.values)} if facet else {}
        return counts.get(board.slug, 0), [hit.obj.user.username for hit in results.hits]

    assert board_count(org["mo"]) == (1, ["ada"])
    assert board_count(org["out"]) == (0, [])
    assert board_count(None) == (0, [])


@pytest.fixture
def board(org):
    """A topic on which Ada has one public accepted answer and two in a members-only community Mo belongs to, and
    Nia two public ones: Nia knows more as far as an outsider can tell, Ada for a member and a superuser."""
    topic = make_topic("Board papers")
    closed = on_topics(make_community("Board room", members_only=True, members=[org["ada"], org["mo"]]), topic)
    open_room = on_topics(make_community("Open board", members=[org["ada"], org["nia"]]), topic)
    answered(open_room, org["nia"], org["ada"], "Open board question")
    answered(closed, org["mo"], org["ada"], "Closed board question")
    answered(closed, org["mo"], org["ada"], "Another closed board question")
    answered(open_room, org["ada"], org["nia"], "Minutes question")
    answered(open_room, org["ada"], org["nia"], "Agenda question")
    call_command("rebuild_expertise", "--no-progress")
    return topic


def ranked_for(user, params) -> list[str]:
    results = client_for(user).get("/search/people/", params).context["results"]
    return [hit.obj.user.username for hit in results.hits]


def test_evidence_only_a_group_may_open_ranks_people_for_its_members_and_superusers_only(
    org, board, search_index, django_user_model
):
    sync_search_index()
    admin = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    for params in ({"topic": board.slug}, {"q": "board papers"}):
        assert ranked_for(None, params) == ["nia", "ada"], params
        assert ranked_for(org["out"], params) == ["nia", "ada"], params
        assert ranked_for(org["mo"], params) == ["ada", "nia"], params  # 1 + 2 members-only answers against 2
        assert ranked_for(admin, params) == ["ada", "nia"], params  # the total over every reader set


def test_the_people_index_keys_evidence_by_topic_and_reader_set(org, board, search_index):
    from portal.expertise.models import ReaderSet, TopicStanding
    from search.documents import alias, client

    sync_search_index()
    features = client().get(index=alias("people"), id=f"people.profile:{org['ada'].profile.pk}")["_source"]["evidence"]
    for topic in (board, org["topic"], org["parent"]):
        standings = TopicStanding.objects.filter(user=org["ada"], topic=topic, declared=False)
        assert len(standings) == 2  # public, and one members-only community's groups
        for standing in standings:
            reader_set = ReaderSet.objects.get(readers=standing.readers)
            assert features[f"{topic.pk}|{reader_set.pk}"] == pytest.approx(standing.score, abs=1e-4)
        assert features[f"{topic.pk}|*"] == pytest.approx(sum(s.score for s in standings), abs=1e-4)
    assert not any(key.startswith(f"{org['other'].pk}|") for key in features)  # nothing on a topic she never shows


def test_evidence_features_sum_every_reader_set_and_keep_decayed_evidence():
    from search.indexing import evidence_features

    features = evidence_features(
        [
            {"topic": 1, "readers": ["public"], "reader_set": 3, "score": 5.0},
            {"topic": 1, "readers": ["group:2", "group:4"], "reader_set": 4, "score": 2.5},
            {"topic": 2, "readers": ["public"], "reader_set": 3, "score": 0.0},  # evidence decayed to nothing
        ]
    )
    assert features == {"1|3": 5.0, "1|4": 2.5, "1|*": 7.5, "2|3": 0.0001, "2|*": 0.0001}


def test_the_words_name_topics_by_their_stems(org, search_index):
    """Ada's profile says nothing about peer assists: the words find her by her evidence on the topics they name,
    in any inflection, and a parent topic's name by her evidence below it."""
    for user in (org["ada"], org["dev"]):
        user.profile.save()
    sync_search_index()
    assert ranked_for(None, {"q": "assisting peers"})[:2] == ["ada", "dev"]
    assert ranked_for(None, {"q": "who knows about knowledge shared?"})[:1] == ["ada"]
    results = client_for(None).get("/search/people/", {"q": "assisting peers"}).context["results"]
    assert "5 accepted answers" in results.hits[0].evidence
