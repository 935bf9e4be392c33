"""Ask the experts (issue 16): a question suggests the people whose evidence covers its community's topics and who
may read the community; the asker invites up to three, who are told, follow the thread and may answer it; the
thread shows who was invited and how long the first answer took. /communities/ask/ starts a question from a
topic page or a search with no results."""

import re
import uuid

import pytest

from django.test import Client

from communities.experts import ExpertInvitation, InvitationError, suggested_experts
from communities.models import Follow, Notification, Post, Reply, Thread
from portal.expertise.refresh import rebuild
from tests.factories import make_community, make_topic, make_user
from tests.helpers import client_for, ensure_site

pytestmark = pytest.mark.django_db


def on_topics(community, *topics):
    community.topics.set(topics)
    community.save_revision().publish()
    return community


def answered(community, asker, answerer, title):
    thread = Thread.objects.create(community=community, author=asker, title=title, body="How?")
    thread.accepted_reply = Reply.objects.create(thread=thread, author=answerer, body="Like this.")
    thread.save()
    return thread


@pytest.fixture
def org(settings):
    """Topic T with a public and a members-only community on it. Ada has five accepted answers in public; Nia two
    (and is not in the members-only one); Dev only declares T; Mo is a member of the members-only one; Ash asks.
    Posts publish directly (nobody's first posts wait) unless a test says otherwise."""
    settings.COMMUNITY_HELD_POSTS = 0
    ensure_site()
    topic = make_topic("Peer assists")
    other = make_topic("Records management")
    ada = make_user("ada", first_name="Ada", last_name="Quist")
    dev = make_user("dev", first_name="Dev", last_name="Rao")
    nia = make_user("nia", first_name="Nia", last_name="Holt")
    mo = make_user("mo", first_name="Mo", last_name="Berg")
    ash = make_user("ash", first_name="Ash", last_name="Asker")
    ada.profile.job_title = "Knowledge manager"
    ada.profile.save()
    dev.profile.expertise.set([topic])
    dev.profile.save()
    public = on_topics(make_community("Assist circle", members=[ada, nia, ash]), topic)
    secret = on_topics(make_community("Inner circle", members_only=True, members=[ada, mo, ash]), topic)
    records = on_topics(make_community("Records room", members=[ash]), other)
    make_community("Elsewhere", members=[mo])
    for number in range(5):
        answered(public, mo, ada, f"Public question {number}")
    for number in range(2):
        answered(public, mo, nia, f"Another question {number}")
    answered(public, ash, mo, "Mo answered once")
    rebuild()
    return {
        "topic": topic,
        "other": other,
        "public": public,
        "secret": secret,
        "records": records,
        **{user.username: user for user in (ada, dev, nia, mo, ash)},
    }


def ask(client, community, title="How long should a peer assist take?", invite=(), kind="question", key=None):
    return client.post(
        community.url + "discussions/",
        {
            "kind": kind,
            "title": title,
            "body": "We have two hours.",
            "submission_key": str(key or uuid.uuid4()),
            "invite": [str(pk) for pk in invite],
        },
    )


def names(people) -> list[str]:
    return [person.profile.name for person in people]


def test_suggestions_rank_evidence_first_and_only_readers_never_the_asker(org):
    public = names(suggested_experts(org["public"], org["ash"]))
    assert public[:3] == ["Ada Quist", "Nia Holt", "Mo Berg"] and "Dev Rao" in public  # declared ranks last
    assert public.index("Dev Rao") > public.index("Nia Holt")
    assert "Ash Asker" not in public
    secret = names(suggested_experts(org["secret"], org["ash"]))
    assert "Ada Quist" in secret and "Mo Berg" in secret
    assert "Nia Holt" not in secret and "Dev Rao" not in secret  # not members: they may not read it
    assert "Ada Quist" not in names(suggested_experts(org["public"], org["ada"]))  # never the asker herself


def test_the_question_form_lists_the_suggested_people_with_their_evidence(org):
    html = client_for(org["ash"]).get(org["public"].url + "discussions/").content.decode()
    fieldset = re.search(r"<fieldset class=\"invite-experts\".*?</fieldset>", html, re.S).group()
    assert "<legend>Invite people who know (up to 3)</legend>" in fieldset
    assert f'name="invite" value="{org["ada"].pk}"' in fieldset
    ada = fieldset.split("<strong>Ada Quist</strong>", 1)[1].split("</li>", 1)[0]
    assert "Knowledge manager" in ada and "5 accepted answers" in ada
    assert "Ash Asker" not in fieldset
    secret = client_for(org["ash"]).get(org["secret"].url + "discussions/").content.decode()
    assert "Nia Holt" not in secret and "Ada Quist" in secret


def test_inviting_creates_invitations_notifies_and_makes_followers(org, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(client_for(org["ash"]), org["public"], invite=[org["ada"].pk, org["dev"].pk])
    thread = Thread.objects.get(title="How long should a peer assist take?")
    assert response.status_code == 302 and response["Location"] == thread.get_absolute_url()
    assert sorted(thread.expert_invitations.values_list("invitee__username", flat=True)) == ["ada", "dev"]
    for person in (org["ada"], org["dev"]):
        notice = Notification.objects.get(user=person)
        assert notice.subject == "Ash Asker asked you: How long should a peer assist take?"
        assert notice.url.endswith(thread.get_absolute_url())
        assert Follow.objects.filter(user=person, thread=thread).exists()
    assert not Notification.objects.filter(user=org["nia"], subject__contains="asked you").exists()
    page = client_for(org["ash"]).get(thread.get_absolute_url()).content.decode()
    assert re.search(r'Invited: <a href="/people/ada/">Ada Quist</a>, <a href="/people/dev/">Dev Rao</a>', page)
    # The invitee opens the thread from the notification: it is marked read.
    client_for(org["ada"]).get(thread.get_absolute_url())
    assert Notification.objects.get(user=org["ada"]).read_at is not None


def test_more_than_three_is_a_form_error_and_nothing_is_lost(org):
    four = [org[name].pk for name in ("ada", "nia", "mo", "dev")]
    response = ask(client_for(org["ash"]), org["public"], invite=four)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose at most 3 people to invite (you chose 4)." in html
    assert 'value="How long should a peer assist take?"' in html and "We have two hours." in html
    for pk in four:
        assert re.search(rf'name="invite" value="{pk}" id="id_invite_\d+" checked', html)
    assert not Thread.objects.filter(title="How long should a peer assist take?").exists()
    assert not ExpertInvitation.objects.exists()


@pytest.mark.parametrize("who", ["nia", "unknown", "junk", "huge", "ash"])
def test_inviting_someone_who_may_not_read_or_does_not_exist_is_a_form_error(org, who):
    invitee = {"unknown": 987654, "junk": "abc", "huge": 10**30}.get(who) or org[who].pk
    response = ask(client_for(org["ash"]), org["secret"], invite=[invitee])
    html = response.content.decode()
    assert response.status_code == 200
    refused = "You can invite only people who can read this community"
    assert ("You cannot invite yourself" if who == "ash" else refused) in html
    assert not Thread.objects.filter(title="How long should a peer assist take?").exists()


def test_a_closed_account_cannot_be_invited(org):
    org["ada"].is_active = False
    org["ada"].save()
    response = ask(client_for(org["ash"]), org["public"], invite=[org["ada"].pk])
    assert "You can invite only people who can read this community" in response.content.decode()


def test_only_a_question_invites(org):
    response = ask(client_for(org["ash"]), org["public"], invite=[org["ada"].pk], kind="tip")
    assert "Only a question invites people to answer" in response.content.decode()
    assert not Thread.objects.filter(title="How long should a peer assist take?").exists()


def test_a_double_submit_makes_one_set_of_invitations(org, django_capture_on_commit_callbacks):
    key = uuid.uuid4()
    client = client_for(org["ash"])
    with django_capture_on_commit_callbacks(execute=True):
        first = ask(client, org["public"], invite=[org["ada"].pk], key=key)
        second = ask(client, org["public"], invite=[org["ada"].pk], key=key)
    assert first["Location"] == second["Location"]
    assert Thread.objects.filter(title="How long should a peer assist take?").count() == 1
    assert ExpertInvitation.objects.count() == 1
    assert Notification.objects.filter(user=org["ada"], subject__contains="asked you").count() == 1


def test_the_model_keeps_three_at_most_and_each_person_once(org):
    thread = Thread.objects.create(community=org["public"], author=org["ash"], title="Q", body="?")
    ExpertInvitation.invite(thread, [org["ada"], org["ada"], org["nia"]], by=org["ash"])
    ExpertInvitation.invite(thread, [org["ada"]], by=org["ash"])  # again: nothing new
    assert thread.expert_invitations.count() == 2
    with pytest.raises(InvitationError):
        ExpertInvitation.invite(thread, [org["mo"], org["dev"]], by=org["ash"])
    assert thread.expert_invitations.count() == 2  # nothing saved of a refused round
    with pytest.raises(InvitationError):
        ExpertInvitation.invite(thread, [org["ash"]], by=org["ash"])


def test_a_held_question_tells_its_invitees_once_it_is_approved(org, settings, django_capture_on_commit_callbacks):
    settings.COMMUNITY_HELD_POSTS = 5
    facilitator = make_user("fay")
    org["public"].memberships.create(user=facilitator, role="facilitator")
    with django_capture_on_commit_callbacks(execute=True):
        ask(client_for(org["ash"]), org["public"], invite=[org["ada"].pk])
    thread = Thread.objects.get(title="How long should a peer assist take?")
    assert thread.status == Post.Status.PENDING and thread.expert_invitations.count() == 1
    assert not Notification.objects.filter(user=org["ada"]).exists()  # she could not open it yet
    with django_capture_on_commit_callbacks(execute=True):
        client_for(facilitator).post(thread.get_absolute_url() + "moderate/", {"action": "approve"})
    assert Notification.objects.filter(user=org["ada"], subject__contains="asked you").count() == 1


def test_an_invited_non_member_may_answer_that_thread_only(org):
    ask(client_for(org["ash"]), org["public"], invite=[org["dev"].pk])
    thread = Thread.objects.get(title="How long should a peer assist take?")
    other = Thread.objects.get(title="Mo answered once")
    dev = client_for(org["dev"])
    assert 'name="body"' in dev.get(thread.get_absolute_url()).content.decode()
    response = dev.post(thread.get_absolute_url(), {"body": "Ninety minutes.", "submission_key": str(uuid.uuid4())})
    assert response.status_code == 302
    reply = Reply.objects.get(thread=thread, author=org["dev"])
    assert reply.status == Post.Status.PUBLISHED  # the asker chose them: no facilitator's approval
    page = dev.get(other.get_absolute_url()).content.decode()
    assert 'name="body"' not in page and "join the community" in page
    refused = dev.post(other.get_absolute_url(), {"body": "Me too.", "submission_key": str(uuid.uuid4())})
    assert refused.status_code == 403


def test_first_answer_is_the_first_published_reply_by_someone_else(org, settings):
    settings.COMMUNITY_HELD_POSTS = 5
    facilitator = make_user("fay")
    org["public"].memberships.create(user=facilitator, role="facilitator")
    thread = Thread.objects.create(community=org["public"], author=org["ash"], title="Timed", body="?")
    Reply.objects.create(thread=thread, author=org["ash"], body="Anyone?")
    thread.refresh_from_db()
    assert thread.first_answer_at is None and thread.time_to_first_answer() is None
    # A newcomer's reply waits for a facilitator: not an answer yet.
    newcomer = make_user("new")
    org["public"].memberships.create(user=newcomer)
    client_for(newcomer).post(thread.get_absolute_url(), {"body": "Try this.", "submission_key": str(uuid.uuid4())})
    pending = Reply.objects.get(thread=thread, author=newcomer)
    assert pending.status == Post.Status.PENDING
    thread.refresh_from_db()
    assert thread.first_answer_at is None
    assert "First answer after" not in client_for(org["ash"]).get(thread.get_absolute_url()).content.decode()
    client_for(facilitator).post(thread.get_absolute_url() + "moderate/", {"action": "approve", "reply": pending.pk})
    thread.refresh_from_db()
    first = thread.first_answer_at
    assert first is not None and first >= pending.created_at
    assert thread.time_to_first_answer() == first - thread.created_at
    # Set once: a later answer does not move it.
    Reply.objects.create(thread=thread, author=org["ada"], body="And this.")
    thread.refresh_from_db()
    assert thread.first_answer_at == first
    assert "First answer after" in client_for(org["ash"]).get(thread.get_absolute_url()).content.decode()


def test_ask_page_needs_a_login(org):
    response = Client().get("/communities/ask/?q=peer+assists")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def choices(html: str) -> dict[str, bool]:
    """The communities offered: title -> preselected."""
    found = {}
    for tag, label in re.findall(r'(<input type="radio" name="community"[^>]*>) <label[^>]*>([^<]+)</label>', html):
        found[label] = "checked" in tag
    return found


def test_ask_page_offers_my_communities_preselected_by_topic_with_the_title_prefilled(org):
    client = client_for(org["ash"])
    html = client.get("/communities/ask/", {"topic": org["other"].slug, "q": "Retention of e-mail?"}).content.decode()
    assert choices(html) == {"Assist circle": False, "Inner circle": False, "Records room": True}
    assert 'value="Retention of e-mail?"' in html
    assert "Ask a question about Records management" in html
    html = client.get("/communities/ask/", {"topic": org["topic"].slug}).content.decode()
    assert choices(html) == {"Assist circle": True, "Inner circle": False, "Records room": False}
    # Going on: the community's question form, the title carried over.
    response = client.get("/communities/ask/", {"community": org["records"].pk, "title": "Retention of e-mail?"})
    assert response.status_code == 302
    assert response["Location"] == org["records"].url + "discussions/?title=Retention+of+e-mail%3F#new-thread-heading"
    form = client.get(response["Location"]).content.decode()
    assert 'value="Retention of e-mail?"' in form and '<option value="question" selected>' in form


@pytest.mark.parametrize("community", ["elsewhere", "junk", "huge", ""])
def test_ask_page_refuses_a_community_i_cannot_post_in(org, community):
    from communities.models import CommunityPage

    value = {"junk": "abc", "huge": str(10**30), "": ""}.get(community)
    if community == "elsewhere":
        value = CommunityPage.objects.get(title="Elsewhere").pk
    response = client_for(org["ash"]).get("/communities/ask/", {"community": value, "title": "Kept"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Choose" in html and 'role="alert"' in html and 'value="Kept"' in html
    assert "Elsewhere" not in choices(html)


def test_ask_page_for_someone_in_no_community_says_how_to_join(org):
    html = client_for(org["dev"]).get("/communities/ask/").content.decode()
    assert "you are not a member of one yet" in html and 'href="/communities/"' in html


def test_the_topic_page_links_to_asking(org, client):
    html = client.get(org["topic"].get_absolute_url()).content.decode()
    assert f'href="/communities/ask/?topic={org["topic"].slug}">Ask about this topic</a>' in html


def test_the_zero_result_search_page_offers_to_ask_the_portal(client, search_index):
    ensure_site()
    html = client.get("/search/", {"q": "quantum blockchain"}).content.decode()
    assert '<a href="/communities/ask/?q=quantum%20blockchain">Ask the portal</a>' in html


def test_posting_a_question_checks_csrf(org):
    client = Client(enforce_csrf_checks=True)
    client.force_login(org["ash"])
    response = ask(client, org["public"], invite=[org["ada"].pk])
    assert response.status_code == 403
    assert not Thread.objects.filter(title="How long should a peer assist take?").exists()
