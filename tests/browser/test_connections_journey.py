"""Connections end to end in a real browser (issue 16): a member asks a question and invites a suggested expert,
the expert answers from the notification, the asker accepts; the expert's evidence on their profile and the value
network's figure from the expert's department to the asker's both go up by one, and a follower of the expert sees
the answer on /me/network/."""

import re

import pytest
from playwright.sync_api import expect

from communities.discussions import Reply, Thread
from communities.experts import ExpertInvitation
from portal.expertise.refresh import rebuild
from portal.network.models import PersonFollow
from tests.browser.conftest import log_in
from tests.factories import make_community, make_topic, make_user

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

TITLE = "How do we run a peer assist across two sites?"


def person(username, first, last, department, job=""):
    user = make_user(username, first_name=first, last_name=last)
    profile = user.profile
    profile.department, profile.job_title = department, job
    profile.save()
    return user


def value_network_cell(page, portal, helping, helped, column):
    """A figure of the value network's table (all time), as the signed-in reader sees it; 0 when no row."""
    page.goto(portal + "/network/?period=all")
    header = [text.strip() for text in page.locator("table.value-network-table thead th").all_inner_texts()]
    row = (
        page.locator("table.value-network-table tbody tr")
        .filter(has=page.locator("th", has_text=re.compile(f"^{helping}$")))
        .filter(has=page.locator("td", has_text=re.compile(f"^{helped}$")))
    )
    if row.count() == 0:
        return 0
    return int(row.locator("th, td").nth(header.index(column)).inner_text())


def accepted_answers_shown(page, portal, username):
    page.goto(f"{portal}/people/{username}/")
    summary = page.locator(".knows-about__topic", has_text="Peer assists").locator(".knows-about__summary")
    match = re.search(r"(\d+) accepted answers?", summary.inner_text())
    return int(match.group(1)) if match else 0


def test_ask_invite_answer_accept_and_the_connections_follow(page, live_site, screenshot):
    portal = live_site
    topic = make_topic("Peer assists")
    asker = person("ann", "Ann", "Asker", "Finance", "Controller")
    expert = person("eli", "Eli", "Expert", "Legal", "Counsel")
    follower = person("fay", "Fay", "Follower", "HR")
    bystander = person("bo", "Bo", "Bystander", "IT")
    community = make_community("Peer assist circle", members=[asker, expert, follower, bystander], trust_members=True)
    community.topics = [topic]
    community.save_revision().publish()
    # Eli's earlier accepted answers to Ann make Eli the expert the form suggests (and Ann an established member,
    # whose questions are published at once).
    for number in range(2):
        thread = Thread.objects.create(community=community, author=asker, title=f"Earlier {number}", body="?")
        thread.accepted_reply = Reply.objects.create(thread=thread, author=expert, body="Like this.")
        thread.save()
    PersonFollow.objects.set(follower, True, person=expert)
    rebuild()

    log_in(page, portal, "ann")
    before_evidence = accepted_answers_shown(page, portal, "eli")
    before_flow = value_network_cell(page, portal, "Legal", "Finance", "Accepted answers")
    assert before_evidence == 2

    # Ann asks, and the form suggests Eli with the evidence behind the suggestion.
    page.goto(portal + community.url + "discussions/")
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Body").fill("We have two plants and one expert. What works?")
    invite = page.locator("fieldset.invite-experts")
    expect(invite).to_contain_text("Eli Expert")
    expect(invite).to_contain_text("2 accepted answers")
    invite.get_by_label(re.compile("Eli Expert")).check()
    screenshot("connections-ask-and-invite")
    page.get_by_role("button", name="Post").click()
    thread = Thread.objects.get(title=TITLE)
    assert list(ExpertInvitation.objects.filter(thread=thread).values_list("invitee__username", flat=True)) == ["eli"]
    expect(page.locator(".thread-invited")).to_contain_text("Eli Expert")

    # Eli answers from the notification.
    log_in(page, portal, "eli")
    page.goto(portal + "/me/notifications/")
    page.get_by_role("link", name=re.compile(re.escape(TITLE))).first.click()
    expect(page.get_by_role("heading", name=TITLE)).to_be_visible()
    page.get_by_role("textbox", name="Your reply").fill("Run it on video with a **named host** at each site.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("named host")).to_be_visible()

    # Ann accepts it; the thread says when the first answer came.
    log_in(page, portal, "ann")
    page.goto(portal + thread.get_absolute_url())
    expect(page.locator(".thread-first-answer")).to_contain_text("First answer after")
    page.locator("article", has_text="named host").get_by_role("button", name="Accept this answer").click()
    expect(page.get_by_text("Accepted answer", exact=True)).to_be_visible()

    # Eli's evidence and the Legal -> Finance figure are each one higher.
    assert accepted_answers_shown(page, portal, "eli") == before_evidence + 1
    screenshot("connections-expert-profile")
    assert value_network_cell(page, portal, "Legal", "Finance", "Accepted answers") == before_flow + 1
    screenshot("connections-value-network")

    # Fay, who follows Eli, sees the answer in her network.
    log_in(page, portal, "fay")
    page.goto(portal + "/me/network/")
    stream = page.locator("main")
    expect(stream).to_contain_text("Eli Expert")
    expect(stream.get_by_role("link", name=TITLE).first).to_be_visible()
    expect(stream).to_contain_text(re.compile("gave the accepted answer to|answered"))
    screenshot("connections-my-network")
