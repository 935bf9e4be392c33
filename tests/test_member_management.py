"""Member management by facilitators: changing roles, removing members, inviting people, and invitees accepting or
declining. Each change is one transaction (membership row, Wagtail groups, audit entry) and lands in the community
page's history; a community always keeps a facilitator or leader; and no one else, nor a crafted request, changes
anything (every route is probed with other communities' ids, rows that do not exist, numbers beyond the database,
missing fields and values outside the choices)."""

import datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core import mail
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import PageLogEntry

from communities import membership as actions
from communities.models import CommunityPage, Follow, Invitation, Membership, Notification
from tests.factories import make_community, make_user
from tests.helpers import client_for, elements, ensure_site, examples

pytestmark = pytest.mark.django_db

HUGE = "18446744073709551616"
BAD_IDS = ["999999", HUGE, "9223372036854775808", "-1", "0", "abc", "1.5", "", "\x00"]
BAD_ROLES = ["owner", "admin", "", "MEMBER", "facilitator\x00", "x" * 500]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Three communities and their people, built once for the module inside a transaction rolled back at its
    end (each test runs in a savepoint within it): their ids."""
    with django_db_blocker.unblock(), transaction.atomic():
        ensure_site()
        people = {
            name: make_user(name, first_name=name.capitalize(), last_name=last)
            for name, last in [
                ("fay", "Facilitator"),
                ("leo", "Leader"),
                ("mo", "Member"),
                ("nia", "Newcomer"),
                ("olu", "Other"),
                ("bo", "Bystander"),
            ]
        }
        people["root"] = make_user("root", is_superuser=True, is_staff=True)
        champions = make_community("Search champions", facilitators=[people["fay"]], members=[people["mo"]])
        Membership.objects.create(community=champions, user=people["leo"], role=Membership.Role.LEADER)
        circle = make_community(
            "Leadership circle",
            members_only=True,
            policy="moderated",
            facilitators=[people["fay"]],
            members=[people["mo"]],
        )
        other = make_community("Other community", facilitators=[people["olu"]], members=[people["bo"]])
        yield {
            "users": {name: user.pk for name, user in people.items()},
            "communities": {"champions": champions.pk, "circle": circle.pk, "other": other.pk},
        }
        transaction.set_rollback(True)


@pytest.fixture
def site(db, world):
    """The world's people and communities, read afresh for this test (objects cache permissions and fields)."""
    users = {name: get_user_model().objects.get(pk=pk) for name, pk in world["users"].items()}
    return users | {name: CommunityPage.objects.get(pk=pk) for name, pk in world["communities"].items()}


def url(community, route):
    return community.url + {"members": "members/", "role": "members/role/", "remove": "members/remove/"}.get(
        route, f"members/{route}/"
    )


def member(site, name, community="champions"):
    return Membership.objects.get(community=site[community], user=site[name])


def said(response) -> list[str]:
    """The messages this response added for the next page (not earlier ones nobody has read yet)."""
    return [str(message) for message in get_messages(response.wsgi_request)._queued_messages]


def state():
    """Everything member management may change: memberships, group members, invitations, notifications, follows
    of communities and the audit log. A refused request must leave it exactly as it was."""
    return (
        sorted(Membership.objects.values_list("community_id", "user_id", "role", "status")),
        sorted(Group.user_set.through.objects.values_list("group_id", "user_id")),
        sorted(Invitation.objects.values_list("community_id", "user_id", "status", "expires_at")),
        Notification.objects.count(),
        sorted(Follow.objects.filter(community__isnull=False).values_list("community_id", "user_id")),
        PageLogEntry.objects.filter(action__startswith="communities.").count(),
    )


def logged(community, action):
    return list(PageLogEntry.objects.filter(page=community, action=action).order_by("pk"))


def fresh(user):
    """The user read again (a user object caches its permissions)."""
    return get_user_model().objects.get(pk=user.pk)


def in_group(user, group) -> bool:
    return user.groups.filter(pk=group.pk).exists()


# -- roles ----------------------------------------------------------------------------------------------------------
def test_a_facilitator_appoints_and_removes_facilitators_and_leaders(site):
    champions, fay, mo = site["champions"], site["fay"], site["mo"]
    client = client_for(fay)
    response = client.post(url(champions, "role"), {"membership": member(site, "mo").pk, "role": "facilitator"})
    assert response.status_code == 302 and response["Location"] == url(champions, "members")
    assert said(response) == ["Mo Member is now a facilitator."]
    assert member(site, "mo").role == Membership.Role.FACILITATOR
    assert in_group(mo, champions.facilitator_group) and champions.permissions_for_user(fresh(mo)).can_publish()
    # ... and a leader, then back to a plain member: the facilitators' group follows each step.
    client.post(url(champions, "role"), {"membership": member(site, "mo").pk, "role": "leader"})
    assert member(site, "mo").role == Membership.Role.LEADER and in_group(mo, champions.facilitator_group)
    client.post(url(champions, "role"), {"membership": member(site, "mo").pk, "role": "member"})
    assert member(site, "mo").role == Membership.Role.MEMBER
    assert not in_group(mo, champions.facilitator_group) and in_group(mo, champions.member_group)
    assert not champions.permissions_for_user(fresh(mo)).can_publish()
    # Each change is in the community page's history: who did it, to whom, from what to what.
    entries = logged(champions, actions.ROLE_CHANGE)
    assert [(e.user_id, e.data["member"], e.data["from"], e.data["to"]) for e in entries] == [
        (fay.pk, "mo", "member", "facilitator"),
        (fay.pk, "mo", "facilitator", "leader"),
        (fay.pk, "mo", "leader", "member"),
    ]
    # A role someone already has changes nothing.
    before = state()
    response = client.post(url(champions, "role"), {"membership": member(site, "mo").pk, "role": "member"})
    assert said(response) == ["Mo Member is already a member."] and state() == before


def test_the_history_page_in_the_admin_words_each_change(site):
    champions = site["champions"]
    client_for(site["fay"]).post(url(champions, "role"), {"membership": member(site, "mo").pk, "role": "leader"})
    client_for(site["fay"]).post(url(champions, "remove"), {"membership": member(site, "leo").pk})
    client_for(site["fay"]).post(url(champions, "invite"), {"person": "nia"})
    html = client_for(site["root"]).get(f"/admin/pages/{champions.pk}/history/").content.decode()
    assert "Changed Mo Member&#x27;s role from member to leader" in html
    assert "Removed Leo Leader from the community" in html
    assert "Invited Nia Newcomer to join" in html


def test_a_facilitator_steps_down_while_a_leader_remains(site):
    champions, fay = site["champions"], site["fay"]
    response = client_for(fay).post(url(champions, "role"), {"membership": member(site, "fay").pk, "role": "member"})
    assert said(response) == ["Fay Facilitator is now a member."]
    assert response["Location"] == champions.url  # the members page is not hers any more
    assert not in_group(fay, champions.facilitator_group)
    # Now Leo is the only one; he cannot step down too, nor can anyone remove him.
    leo = member(site, "leo")
    before = state()
    response = client_for(site["leo"]).post(url(champions, "role"), {"membership": leo.pk, "role": "member"})
    assert said(response) == [
        "You are the last facilitator or leader of Search champions, and a community must keep one: "
        "appoint another facilitator or leader first."
    ]
    response = client_for(site["root"]).post(url(champions, "remove"), {"membership": leo.pk})
    assert said(response)[0].startswith("Leo Leader is the last facilitator or leader of Search champions")
    assert client_for(site["leo"]).post(champions.url + "leave/").status_code == 302
    assert state() == before
    # A leader may still become a facilitator: the community keeps its moderator.
    client_for(site["leo"]).post(url(champions, "role"), {"membership": leo.pk, "role": "facilitator"})
    assert member(site, "leo").role == Membership.Role.FACILITATOR


def test_the_last_facilitator_cannot_be_demoted_removed_or_leave(site):
    circle, fay = site["circle"], site["fay"]
    mine = member(site, "fay", "circle")
    before = state()
    client = client_for(fay)
    response = client.post(url(circle, "role"), {"membership": mine.pk, "role": "member"})
    assert "You are the last facilitator or leader of Leadership circle" in said(response)[0]
    response = client.post(url(circle, "remove"), {"membership": mine.pk})
    assert "You are the last facilitator or leader" in said(response)[0]
    response = client.get(url(circle, "remove"), {"membership": mine.pk})  # not even the confirmation page
    assert response.status_code == 302 and "last facilitator" in said(response)[0]
    response = client.post(circle.url + "leave/")
    assert response.status_code == 302 and "You are the last facilitator or leader" in said(response)[0]
    assert state() == before
    assert circle.is_facilitator(fay)
    # The members page offers no way to remove her, and says why.
    html = client.get(url(circle, "members")).content.decode()
    assert "The only facilitator or leader" in html
    assert f"?membership={mine.pk}" not in html


def test_the_model_refuses_to_demote_the_last_facilitator_whoever_asks(site):
    """The rule holds below the views too (a management command, the shell, a race past the policy check)."""
    mine = member(site, "fay", "circle")
    before = state()
    with pytest.raises(actions.MembershipError):
        mine.change_role(Membership.Role.MEMBER, by=site["root"])
    with pytest.raises(actions.MembershipError):
        mine.remove(by=site["root"])
    with pytest.raises(actions.MembershipError):
        site["circle"].leave(site["fay"])
    assert state() == before


def test_leaving_is_allowed_while_another_facilitator_remains(site):
    champions, fay = site["champions"], site["fay"]
    response = client_for(fay).post(champions.url + "leave/")
    assert said(response) == ["You have left Search champions."]
    assert not Membership.objects.filter(community=champions, user=fay).exists()
    assert not in_group(fay, champions.facilitator_group) and not in_group(fay, champions.member_group)
    [entry] = logged(champions, actions.MEMBER_LEAVE)
    assert entry.user_id == fay.pk and entry.data["member"] == "fay" and entry.data["role"] == "facilitator"


def test_a_leader_removing_themself_from_the_members_page_has_left(site):
    champions, leo = site["champions"], site["leo"]
    response = client_for(leo).post(url(champions, "remove"), {"membership": member(site, "leo").pk})
    assert said(response) == ["Leo Leader is no longer a member of Search champions."]
    assert response["Location"] == champions.url
    assert not Membership.objects.filter(community=champions, user=leo).exists()
    assert [e.user for e in logged(champions, actions.MEMBER_LEAVE)] == [leo]
    assert logged(champions, actions.MEMBER_REMOVE) == []


# -- removing -------------------------------------------------------------------------------------------------------
def test_removing_a_member_asks_first_then_removes_them_and_their_access(site):
    circle, fay, mo = site["circle"], site["fay"], site["mo"]
    Follow.objects.create(community=circle, user=mo)
    target = member(site, "mo", "circle")
    client = client_for(fay)
    before = state()
    confirm = client.get(url(circle, "remove"), {"membership": target.pk})
    assert confirm.status_code == 200
    html = confirm.content.decode()
    assert "<h1>Remove Mo Member?</h1>" in html and "will no longer be able to read it" in html
    assert ("input", {"type": "hidden", "name": "membership", "value": str(target.pk)}) in elements(html)
    assert state() == before  # asking changes nothing
    response = client.post(url(circle, "remove"), {"membership": target.pk})
    assert said(response) == ["Mo Member is no longer a member of Leadership circle."]
    assert not Membership.objects.filter(pk=target.pk).exists()
    assert not in_group(mo, circle.member_group)
    assert not Follow.objects.filter(community=circle, user=mo).exists()
    assert client_for(mo).get(circle.url).status_code == 302  # a members-only community is closed to them now
    [entry] = logged(circle, actions.MEMBER_REMOVE)
    assert entry.user_id == fay.pk and entry.data == {
        "member": "mo",
        "member_id": mo.pk,
        "member_name": "Mo Member",
        "role": "member",
    }


def test_the_decline_button_cannot_remove_an_active_member(site):
    """Declining is for requests to join; an active member's id there is refused (it used to delete them)."""
    before = state()
    response = client_for(site["fay"]).post(
        url(site["champions"], "members"), {"membership": member(site, "leo").pk, "action": "decline"}
    )
    assert said(response) == ["That request no longer exists."]
    assert state() == before


def test_approving_and_declining_requests_are_logged(site):
    circle = site["circle"]
    ask = Membership.objects.create(community=circle, user=site["nia"], status=Membership.Status.PENDING)
    asks_too = Membership.objects.create(community=circle, user=site["bo"], status=Membership.Status.PENDING)
    client = client_for(site["fay"])
    client.post(url(circle, "members"), {"membership": ask.pk, "action": "approve"})
    client.post(url(circle, "members"), {"membership": asks_too.pk, "action": "decline"})
    assert member(site, "nia", "circle").is_active and not Membership.objects.filter(pk=asks_too.pk).exists()
    assert [e.data["member"] for e in logged(circle, actions.REQUEST_APPROVE)] == ["nia"]
    assert [e.data["member"] for e in logged(circle, actions.REQUEST_DECLINE)] == ["bo"]


# -- one transaction ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("change", ["promote", "remove", "accept"])
def test_a_failure_while_updating_groups_rolls_the_whole_change_back(site, monkeypatch, change):
    champions = site["champions"]
    invitation = champions.invite(site["nia"], by=site["fay"])
    before = state()

    def broken(self, removed=False):
        raise RuntimeError("group update failed")

    monkeypatch.setattr(Membership, "sync_groups", broken)
    with pytest.raises(RuntimeError):
        if change == "promote":
            member(site, "mo").change_role(Membership.Role.FACILITATOR, by=site["fay"])
        elif change == "remove":
            member(site, "mo").remove(by=site["fay"])
        else:
            invitation.accept()
    assert state() == before
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.PENDING


# -- who may --------------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("who", ["anonymous", "nia", "mo", "olu"])
@pytest.mark.parametrize("community_name", ["champions", "circle"])
def test_only_the_communitys_facilitators_manage_members(site, who, community_name):
    """Anonymous, a non-member, a plain member and another community's facilitator: every route refuses, and
    nothing changes (a plain member cannot promote themself either)."""
    community = site[community_name]
    client = client_for(None if who == "anonymous" else site[who])
    target = member(site, "mo", community_name)
    requests = [
        ("get", url(community, "members"), {}),
        ("post", url(community, "members"), {"membership": target.pk, "action": "decline"}),
        ("post", url(community, "role"), {"membership": target.pk, "role": "leader"}),
        ("post", url(community, "role"), {"membership": member(site, "fay", community_name).pk, "role": "member"}),
        ("get", url(community, "remove"), {"membership": target.pk}),
        ("post", url(community, "remove"), {"membership": member(site, "fay", community_name).pk}),
        ("post", url(community, "invite"), {"person": "bo"}),
    ]
    before = state()
    for method, address, data in requests:
        response = getattr(client, method)(address, data)
        if community.members_only and who == "anonymous":
            assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), address
        elif community.members_only and who in ("nia", "olu"):
            assert response.status_code == 302 and response["Location"] == community.join_url(), address
        else:
            assert response.status_code == 403, (address, data)
    assert state() == before
    # Those who may read the community see no management links on it (its facilitators do).
    page = client.get(community.url)
    if page.status_code == 200:
        assert 'href="' + url(community, "members") + '"' not in page.content.decode()
    assert 'href="' + url(community, "members") + '"' in client_for(site["fay"]).get(community.url).content.decode()


def test_a_superuser_manages_any_community(site):
    other = site["other"]
    response = client_for(site["root"]).post(
        url(other, "role"), {"membership": member(site, "bo", "other").pk, "role": "leader"}
    )
    assert said(response) == ["Bo Bystander is now a leader."]


def test_a_facilitator_cannot_reach_into_another_community(site):
    """Fay facilitates Search champions, not Other community; Olu the other way round. Ids of one community's
    members on the other's routes (and the other community's routes themselves) change nothing."""
    champions, other = site["champions"], site["other"]
    theirs, ours = member(site, "bo", "other"), member(site, "mo")
    before = state()
    fay, olu = client_for(site["fay"]), client_for(site["olu"])
    not_here = "That person is not a member of this community (any more): reload the page and try again."
    for client, route_of, target in ((fay, champions, theirs), (olu, other, ours)):
        response = client.post(url(route_of, "role"), {"membership": target.pk, "role": "facilitator"})
        assert said(response) == [not_here]
        response = client.post(url(route_of, "remove"), {"membership": target.pk})
        assert said(response) == [not_here]
        response = client.get(url(route_of, "remove"), {"membership": target.pk})
        assert response.status_code == 302 and said(response) == [not_here]
        response = client.post(url(route_of, "members"), {"membership": target.pk, "action": "approve"})
        assert said(response) == ["That request no longer exists."]
    for client, route_of, target in ((fay, other, theirs), (olu, champions, ours)):
        assert client.post(url(route_of, "role"), {"membership": target.pk, "role": "member"}).status_code == 403
        assert client.post(url(route_of, "remove"), {"membership": target.pk}).status_code == 403
        assert client.post(url(route_of, "invite"), {"person": "nia"}).status_code == 403
    assert state() == before


def test_a_request_to_join_is_not_a_member_to_manage(site):
    ask = Membership.objects.create(community=site["champions"], user=site["nia"], status=Membership.Status.PENDING)
    before = state()
    client = client_for(site["fay"])
    response = client.post(url(site["champions"], "role"), {"membership": ask.pk, "role": "facilitator"})
    assert said(response)[0].startswith("That person is not a member of this community")
    response = client.post(url(site["champions"], "remove"), {"membership": ask.pk})
    assert said(response)[0].startswith("That person is not a member of this community")
    assert state() == before


@pytest.mark.parametrize("bad", BAD_IDS)
def test_crafted_member_ids_are_refused_with_a_message(site, bad):
    champions = site["champions"]
    client = client_for(site["fay"])
    before = state()
    for method, route, data in (
        ("post", "role", {"membership": bad, "role": "leader"}),
        ("post", "remove", {"membership": bad}),
        ("get", "remove", {"membership": bad}),
        ("post", "members", {"membership": bad, "action": "approve"}),
        ("post", "members", {"membership": bad, "action": "decline"}),
    ):
        response = getattr(client, method)(url(champions, route), data)
        assert response.status_code == 302 and response["Location"] == url(champions, "members"), (route, data)
        [message] = said(response)
        assert "reload the page" in message or message == "That request no longer exists.", message
    assert state() == before


@pytest.mark.parametrize("bad", BAD_ROLES)
def test_roles_outside_the_choices_are_refused(site, bad):
    before = state()
    response = client_for(site["fay"]).post(
        url(site["champions"], "role"), {"membership": member(site, "mo").pk, "role": bad}
    )
    assert response.status_code == 302
    assert said(response) == ["Choose one of the roles: member, facilitator or leader."]
    assert state() == before


@pytest.mark.parametrize(
    "route, data",
    [
        ("role", {}),
        ("role", {"membership": "1"}),
        ("role", {"role": "leader"}),
        ("remove", {}),
        ("invite", {}),
        ("invite", {"person": "   "}),
        ("members", {}),
        ("members", {"action": "approve"}),
    ],
)
def test_missing_fields_are_refused_with_a_message(site, route, data):
    before = state()
    response = client_for(site["fay"]).post(url(site["champions"], route), data)
    assert response.status_code == 302 and len(said(response)) == 1
    assert state() == before


def test_management_routes_take_only_the_methods_they_serve(site):
    client = client_for(site["fay"])
    for route in ("role", "invite"):
        assert client.get(url(site["champions"], route)).status_code == 405
    assert client.get(url(site["champions"], "remove") + f"{HUGE}/").status_code == 404


# -- invitations ----------------------------------------------------------------------------------------------------
def test_a_facilitator_invites_by_username_and_the_invitee_is_told(site, settings):
    settings.COMMUNITY_INVITATION_DAYS = 14
    circle = site["circle"]
    response = client_for(site["fay"]).post(url(circle, "invite"), {"person": " NIA "})
    [message] = said(response)
    assert message.startswith("Invitation sent to Nia Newcomer; they can accept it until ")
    invitation = Invitation.objects.get()
    assert (invitation.community, invitation.user, invitation.invited_by) == (circle, site["nia"], site["fay"])
    assert invitation.status == Invitation.Status.PENDING
    assert abs(invitation.expires_at - timezone.now() - datetime.timedelta(days=14)) < datetime.timedelta(minutes=1)
    [notification] = Notification.objects.all()
    assert notification.user == site["nia"] and notification.sent_at is None
    assert notification.subject == "Fay Facilitator invited you to join Leadership circle"
    assert notification.url == "http://testserver" + circle.join_url()
    assert mail.outbox == []  # the notification is all; e-mail goes out with the reader's digest, if any
    [entry] = logged(circle, actions.INVITATION_SEND)
    assert entry.user == site["fay"] and entry.data["member"] == "nia" and entry.data["invitation_id"] == invitation.pk
    # The facilitators see it waiting.
    html = client_for(site["fay"]).get(url(circle, "members")).content.decode()
    assert 'Nia Newcomer <span class="muted">invited by Fay Facilitator' in html


def test_the_invitation_shows_on_the_invitees_notifications_page_only(site):
    circle = site["circle"]  # members-only: the invitee cannot open the community itself yet
    invitation = circle.invite(site["nia"], by=site["fay"])
    nia = client_for(site["nia"])
    html = nia.get("/me/notifications/").content.decode()
    assert "Fay Facilitator invited you to join Leadership circle" in html and "1 unread" in html
    [notification] = Notification.objects.all()
    opened = nia.get(f"/me/notifications/{notification.pk}/")
    assert opened.status_code == 302 and opened["Location"] == circle.join_url() == invitation.get_absolute_url()
    assert Notification.objects.get().read_at is not None
    # Nobody else can list or open it.
    for other in ("fay", "mo", "root"):
        client = client_for(site[other])
        assert "invited you to join" not in client.get("/me/notifications/").content.decode()
        assert client.get(f"/me/notifications/{notification.pk}/").status_code == 404


def test_inviting_by_email_address(site):
    site["nia"].email = "Nia.Newcomer@Example.org"
    site["nia"].save()
    response = client_for(site["fay"]).post(url(site["champions"], "invite"), {"person": "nia.newcomer@example.ORG"})
    assert said(response)[0].startswith("Invitation sent to Nia Newcomer")
    assert Invitation.objects.get().user == site["nia"]


def test_an_invitees_name_becomes_one_line_in_the_notification(site):
    site["fay"].profile.display_name = "Fay\r\nSubject: <b>spoof</b>"
    site["fay"].profile.save()
    site["champions"].invite(site["nia"], by=site["fay"])
    assert Notification.objects.get().subject == "Fay Subject: spoof invited you to join Search champions"


@pytest.mark.parametrize(
    "person, message",
    [
        (
            "nobody@example.org",
            "No one with the username or e-mail address “nobody@example.org” has an account on the portal; "
            "they need an account before they can be invited.",
        ),
        ("ghost", "No one with the username or e-mail address “ghost” has an account on the portal;"),
        ("mo", "Mo Member is already a member of Search champions."),
        ("fay", "Fay Facilitator is already a member of Search champions."),
        ("x" * 300, "Ensure this value has at most 254 characters (it has 300)."),
        ("nia\x00", "Null characters are not allowed."),
    ],
)
def test_invitations_that_cannot_be_made_say_why_and_make_nothing(site, person, message):
    before = state()
    response = client_for(site["fay"]).post(url(site["champions"], "invite"), {"person": person})
    assert response.status_code == 302
    assert said(response)[0].startswith(message)
    assert state() == before


def test_an_inactive_account_or_an_ambiguous_address_cannot_be_invited(site):
    site["nia"].is_active = False
    site["nia"].save()
    make_user("twin1", email="twins@example.org")
    make_user("twin2", email="twins@example.org")
    before = state()
    client = client_for(site["fay"])
    assert "has an account" in said(client.post(url(site["champions"], "invite"), {"person": "nia"}))[0]
    response = client.post(url(site["champions"], "invite"), {"person": "twins@example.org"})
    assert said(response) == ["More than one account uses twins@example.org: invite them by username instead."]
    assert state() == before


def test_inviting_someone_already_invited_or_asking_to_join_makes_nothing_new(site):
    champions, client = site["champions"], client_for(site["fay"])
    client.post(url(champions, "invite"), {"person": "nia"})
    before = state()
    response = client_for(site["leo"]).post(url(champions, "invite"), {"person": "nia"})
    assert said(response)[0].startswith("Nia Newcomer already has an invitation, open until ")
    Membership.objects.create(community=site["circle"], user=site["bo"], status=Membership.Status.PENDING)
    before = state()
    response = client.post(url(site["circle"], "invite"), {"person": "bo"})
    assert said(response) == ["Bo Bystander has already asked to join: approve their request below."]
    assert state() == before


def test_an_expired_invitation_is_renewed_when_the_person_is_invited_again(site):
    champions = site["champions"]
    invitation = champions.invite(site["nia"], by=site["fay"])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    client_for(site["leo"]).post(url(champions, "invite"), {"person": "nia"})
    [renewed] = Invitation.objects.all()
    assert renewed.pk == invitation.pk and renewed.is_open and renewed.invited_by == site["leo"]
    assert Notification.objects.count() == 2 and len(logged(champions, actions.INVITATION_SEND)) == 2


def test_the_invitee_accepts_and_is_in_whatever_the_joining_policy(site):
    circle, nia = site["circle"], site["nia"]  # members-only, moderated
    invitation = circle.invite(nia, by=site["fay"])
    client = client_for(nia)
    assert client.get(circle.url).status_code == 302  # not yet
    html = client.get(circle.join_url()).content.decode()
    assert "You are invited" in html and "Fay Facilitator invited you to join Leadership circle" in html
    assert ("form", {"method": "post", "action": invitation.answer_url()}) in elements(html)
    assert "Ask to join" not in html  # the invitation is their way in
    response = client.post(invitation.answer_url(), {"answer": "accept"})
    assert response.status_code == 302 and response["Location"] == circle.url
    assert said(response) == ["Welcome to Leadership circle. You will hear about new threads here."]
    joined = member(site, "nia", "circle")
    assert joined.is_active and joined.role == Membership.Role.MEMBER and joined.approved_by == site["fay"]
    assert in_group(nia, circle.member_group) and Follow.objects.filter(community=circle, user=nia).exists()
    assert client.get(circle.url).status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ACCEPTED and invitation.answered_at is not None
    [entry] = logged(circle, actions.INVITATION_ACCEPT)
    assert entry.user == nia and entry.data["member"] == "nia"
    # Answering twice changes nothing.
    before = state()
    response = client.post(invitation.answer_url(), {"answer": "decline"})
    assert said(response) == ["You have already answered this invitation."] and state() == before


def test_accepting_approves_a_request_to_join_made_meanwhile(site):
    circle, nia = site["circle"], site["nia"]
    invitation = circle.invite(nia, by=site["fay"])
    client_for(nia).post(circle.join_url())  # asked to join as well
    assert not member(site, "nia", "circle").is_active
    client_for(nia).post(invitation.answer_url(), {"answer": "accept"})
    assert member(site, "nia", "circle").is_active and in_group(nia, circle.member_group)


def test_the_invitee_declines(site):
    champions, nia = site["champions"], site["nia"]
    invitation = champions.invite(nia, by=site["fay"])
    response = client_for(nia).post(invitation.answer_url(), {"answer": "decline"})
    assert said(response) == ["You declined the invitation to Search champions."]
    assert response["Location"] == champions.join_url()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    assert not Membership.objects.filter(community=champions, user=nia).exists()
    assert [e.user for e in logged(champions, actions.INVITATION_DECLINE)] == [nia]
    assert "You are invited" not in client_for(nia).get(champions.join_url()).content.decode()
    # They can be invited again later.
    client_for(site["fay"]).post(url(champions, "invite"), {"person": "nia"})
    assert Invitation.objects.filter(user=nia, status=Invitation.Status.PENDING).count() == 1


def test_an_expired_invitation_cannot_be_accepted(site):
    circle, nia = site["circle"], site["nia"]
    invitation = circle.invite(nia, by=site["fay"])
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    client = client_for(nia)
    html = client.get(circle.join_url()).content.decode()
    assert "Your invitation has expired" in html and "Accept and join" not in html
    assert "Ask to join" in html
    before = state()
    response = client.post(invitation.answer_url(), {"answer": "accept"})
    [message] = said(response)
    assert message.startswith("This invitation expired on ") and "ask a facilitator" in message
    assert state() == before
    assert client.get(circle.url).status_code == 302


def test_no_one_else_answers_an_invitation(site):
    """Another person (even a facilitator), anonymous, another community's slug, ids that do not exist or do not
    fit the database: 404 or the login page, and nothing changes."""
    champions, other = site["champions"], site["other"]
    invitation = champions.invite(site["nia"], by=site["fay"])
    elsewhere = other.invite(site["mo"], by=site["olu"])
    index = champions.get_parent().url
    before = state()
    for who in ("fay", "mo", "root"):
        assert client_for(site[who]).post(invitation.answer_url(), {"answer": "accept"}).status_code == 404
    anonymous = client_for(None).post(invitation.answer_url(), {"answer": "accept"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/accounts/login/")
    nia, mo = client_for(site["nia"]), client_for(site["mo"])
    # Mo's invitation to Other community, answered on Search champions' address.
    assert mo.post(f"{index}join/{champions.slug}/invitations/{elsewhere.pk}/", {"answer": "accept"}).status_code == 404
    assert nia.post(f"{index}join/{other.slug}/invitations/{invitation.pk}/", {"answer": "accept"}).status_code == 404
    assert (
        nia.post(f"{index}join/no-such-community/invitations/{invitation.pk}/", {"answer": "accept"}).status_code == 404
    )
    for bad in ("999999", HUGE, "9" * 30, "-1", "abc"):
        assert nia.post(f"{index}join/{champions.slug}/invitations/{bad}/", {"answer": "accept"}).status_code == 404
    assert nia.get(invitation.answer_url()).status_code == 405
    for data in ({}, {"answer": "maybe"}, {"answer": ""}, {"answer": "accept\x00"}):
        response = nia.post(invitation.answer_url(), data)
        assert response.status_code == 302 and said(response) == ["Accept or decline the invitation."], data
    assert state() == before


# -- the members page -----------------------------------------------------------------------------------------------
def test_the_members_page_lists_members_with_labelled_controls(site):
    champions = site["champions"]
    champions.invite(site["nia"], by=site["fay"])
    response = client_for(site["fay"]).get(url(champions, "members"))
    html = response.content.decode()
    found = elements(html)
    for name in ("fay", "leo", "mo"):
        mine = member(site, name)
        full_name = mine.name
        assert ("label", {"for": f"role-{mine.pk}", "class": "visually-hidden"}) in found
        assert f"Role of {full_name}</label>" in html
        assert ("select", {"id": f"role-{mine.pk}", "name": "role"}) in found
        assert f'href="{url(champions, "remove")}?membership={mine.pk}"' in html
    assert ("form", {"method": "post", "action": url(champions, "invite"), "class": "form narrow"}) in found
    assert '<label for="id_person">Username or e-mail address:</label>' in html
    assert 'aria-describedby="id_person_helptext"' in html and 'id="id_person_helptext"' in html
    assert "Nia Newcomer" in html and "open until" in html
    # Leaders first, then facilitators, then members.
    table = html[html.index("<table") :]
    assert table.index("Leo Leader") < table.index("Fay Facilitator") < table.index("Mo Member")


def test_the_members_page_takes_the_same_number_of_queries_however_many_members(site):
    champions, client = site["champions"], client_for(site["fay"])

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(champions, "members")).status_code == 200
        return len(captured)

    queries()  # the site's root paths and other per-process caches
    few = queries()
    for number in range(5):
        person = make_user(f"extra{number}")
        Membership.objects.create(community=champions, user=person)
        champions.invite(make_user(f"guest{number}"), by=site["fay"])
    assert queries() == few


# -- no input is a server error -------------------------------------------------------------------------------------
NASTY = st.one_of(
    st.sampled_from(BAD_IDS + BAD_ROLES + ["accept", "decline", "approve", "member", "leader", "nia", "💥" * 40]),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.text(max_size=30),
)


@settings(max_examples=examples(60))
@given(data=st.data())
def test_no_member_management_input_answers_a_server_error(site, data):
    invitation = Invitation.objects.filter(user=site["nia"]).first() or site["champions"].invite(
        site["nia"], by=site["fay"]
    )
    routes = [
        (site["fay"], "post", url(site["champions"], "role"), ["membership", "role"]),
        (site["fay"], "post", url(site["champions"], "remove"), ["membership"]),
        (site["fay"], "get", url(site["champions"], "remove"), ["membership"]),
        (site["fay"], "post", url(site["champions"], "invite"), ["person"]),
        (site["mo"], "post", url(site["champions"], "role"), ["membership", "role"]),
        (site["nia"], "post", invitation.answer_url(), ["answer"]),
    ]
    user, method, address, fields = data.draw(st.sampled_from(routes), label="route")
    values = {name: data.draw(st.lists(NASTY, min_size=1, max_size=2), label=name) for name in fields}
    response = getattr(client_for(user), method)(address, values)
    assert response.status_code < 500, (address, values)
