"""Shared fragments of signed-in pages (portal/pagecache/fragments.py, issue 18 part 2) against the real database
and Django's cache: the home page's shared blocks and the "People you can ask" box are rendered once for everyone
with the same access and kept until what they show changes.

- a property over random sequences of posts (public and members-only), accepted answers, joins, leaves, publishes
  and retitles: for every signed-in reader, every page with the fragments kept is the page a render without them
  gives at that moment (CSRF tokens aside), and nobody sees a members-only title they may not open;
- the fragments are really kept: a second reader with the same access runs fewer queries, and the people box
  leaves out the reader who is one of the people."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from communities.discussions import Reply, Thread
from communities.membership import Membership
from home.models import ReferenceArticlePage
from portal.expertise.refresh import rebuild
from tests.conftest import sync_search_index
from tests.factories import make_article, make_community, make_library, make_topic, make_user
from tests.helpers import client_for, ensure_site, examples

pytestmark = pytest.mark.django_db(transaction=True)  # bumps and evidence run after commit, as in a real request

ON = override_settings(PAGE_CACHE_SECONDS=300)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
# "Active 3 minutes ago" ages while kept, by design (at most PAGE_CACHE_SECONDS, like the anonymous page cache).
AGO = re.compile(r"Active [^<]* ago")
BOX = re.compile(r'<aside class="people-to-ask".*?</aside>', re.S)


def answered(community, asker, answerer, title):
    thread = Thread.objects.create(community=community, author=asker, title=title, body="How?", status="published")
    reply = Reply.objects.create(thread=thread, author=answerer, body="Like this.", status="published")
    thread.accepted_reply = reply
    thread.save()
    return thread


@pytest.fixture
def org(search_index):
    """Topic T on an article and a public community; Ada answers there, Dev a little; Mo belongs to the
    members-only Inner circle (also on T), Out does not."""
    home = ensure_site()
    topic = make_topic("Peer assists")
    ada = make_user("ada", first_name="Ada", last_name="Quist")
    dev = make_user("dev", first_name="Dev", last_name="Rao")
    mo = make_user("mo", first_name="Mo", last_name="Berg")
    out = make_user("out", first_name="Out", last_name="Sider")
    public = make_community("Assist circle", members=[ada, dev, mo])
    secret = make_community("Inner circle", members_only=True, members=[ada, mo])
    for community in (public, secret):
        community.topics.set([topic])
        community.save_revision().publish()
    for number in range(3):
        answered(public, mo, ada, f"Public question {number}")
    library = make_library(home)
    article = make_article(library, "Running a peer assist", topics=[topic], owner=dev)
    rebuild()
    cache.clear()
    return {
        "home": home,
        "topic": topic,
        "public": public,
        "secret": secret,
        "library": library,
        "article": article,
        **{user.username: user for user in (ada, dev, mo, out)},
    }


def urls(org) -> list[str]:
    return ["/", org["public"].url, ReferenceArticlePage.objects.get(pk=org["article"].pk).url]


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return AGO.sub("Active (a while) ago", CSRF.sub('name="csrfmiddlewaretoken" value=""', response.content.decode()))


def fresh(client, url) -> str:
    with override_settings(PAGE_CACHE_SECONDS=0):
        return page(client, url)


def secret_titles() -> set[str]:
    return set(Thread.objects.filter(community__members_only=True).values_list("title", flat=True))


OPERATIONS = st.lists(
    st.tuples(
        st.sampled_from(["secret tip", "public answer", "out joins", "out leaves", "publish", "retitle"]),
        st.sampled_from(["ada", "dev", "mo"]),  # who posts or answers
    ),
    min_size=1,
    max_size=5,
)


def leave(org):
    for membership in Membership.objects.filter(community=org["secret"], user=org["out"]):
        membership.delete()  # one by one, as the community's views do: the member group goes with the row


def apply(org, operation, who, step):
    person = org[who]
    if operation == "secret tip":
        Thread.objects.create(
            community=org["secret"],
            author=org["mo"],
            kind=Thread.Kind.TIP,
            title=f"Secret tip {step}",
            body="Only for us.",
            status="published",
        )
    elif operation == "public answer":
        answered(org["public"], org["out"], person, f"Answered question {step}")
    elif operation == "out joins":
        org["secret"].join(org["out"])
    elif operation == "out leaves":
        leave(org)
    elif operation == "publish":
        make_article(org["library"], f"New note {step}", topics=[org["topic"]], owner=person)
    elif operation == "retitle":
        article = ReferenceArticlePage.objects.get(pk=org["article"].pk)
        article.title = f"Running a peer assist, take {step}"
        article.save_revision().publish()


@ON
@settings(max_examples=examples(8), deadline=None)
@given(operations=OPERATIONS)
def test_signed_in_pages_with_shared_fragments_are_what_a_fresh_render_shows(org, operations):
    leave(org)
    cache.clear()
    readers = {name: client_for(org[name]) for name in ("ada", "mo", "out")}
    for client in readers.values():
        for url in urls(org):
            client.get(url)  # keep the fragments
    for step, (operation, who) in enumerate(operations):
        apply(org, operation, who, step)
        sync_search_index()  # the index as it will be a second later: the Related aside must not change mid-step
        for name, client in readers.items():
            is_member = Membership.objects.filter(community=org["secret"], user=org[name], status="active").exists()
            for url in urls(org):
                kept = page(client, url)
                assert kept == fresh(client, url), (operation, who, name, url)
                if not is_member:
                    leaked = [title for title in secret_titles() if title in kept]
                    assert not leaked, (operation, name, url, leaked)


@ON
def test_a_reader_with_the_same_access_gets_the_kept_fragments(org):
    first, second = make_user("first"), make_user("second")
    client_for(first).get("/")
    with CaptureQueriesContext(connection) as kept:
        client_for(second).get("/")
    with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as rendered:
        client_for(second).get("/")
    assert len(kept) < len(rendered) - 5  # the library, communities, paths and answers blocks were not queried


@ON
def test_the_people_box_leaves_out_the_reader_who_is_one_of_the_people(org):
    url = org["public"].url
    client_for(org["mo"]).get(url)  # kept, with Ada first
    shown_to_mo = page(client_for(org["mo"]), url)
    shown_to_ada = page(client_for(org["ada"]), url)
    assert "Ada Quist" in BOX.search(shown_to_mo).group()
    assert "Ada Quist" not in BOX.search(shown_to_ada).group()


@ON
def test_new_evidence_moves_the_kept_people_box(org):
    url = org["public"].url
    reader = client_for(org["out"])

    def names() -> list[str]:
        box = BOX.search(page(reader, url)).group()
        return re.findall(r'class="people-to-ask__name"[^>]*>([^<]+)<', box)

    before = names()
    assert before[0] == "Ada Quist", before  # three accepted answers; Dev owns an article
    for number in range(6):
        answered(org["public"], org["mo"], org["dev"], f"Dev answers {number}")
    after = names()
    assert after.index("Dev Rao") < after.index("Ada Quist"), after


@ON
def test_my_learning_is_kept_for_its_learner_until_their_learning_or_the_catalogue_changes(org):
    """Each change My learning shows, one after another; after each, the kept page is a fresh render's."""
    from learning.models import ModulePage
    from learning.programme_stages import DepartmentStage
    from learning.progress import Enrolment, LessonCompletion
    from portal.taxonomy.models import Audience
    from tests.factories import make_audience, make_module, make_path

    learner, other = org["mo"], org["out"]
    champions = make_audience("KM champions")
    module = make_module("Capture basics")
    Enrolment.objects.create(user=learner, module=module)
    clients = {learner: client_for(learner), other: client_for(other)}

    def same_as_fresh(step):
        for user, client in clients.items():
            client.get("/me/learning/")  # kept
            kept = page(client, "/me/learning/")
            assert kept == fresh(client, "/me/learning/"), (step, user.username)
        assert "Capture basics" not in page(clients[other], "/me/learning/")  # the other learner's is their own

    same_as_fresh("enrolled")
    lesson = module.get_children().first().specific
    LessonCompletion.objects.create(user=learner, lesson=lesson, module=module, lesson_title=lesson.title)
    same_as_fresh("completed a lesson")
    assert lesson.title in page(clients[learner], "/me/learning/")
    profile = learner.profile
    profile.role, profile.department = champions, "Finance"
    profile.save()
    same_as_fresh("chose a role and department")
    path = make_path("Champions path", [module])
    path.audience = champions
    path.save_revision().publish()
    same_as_fresh("a path for the role")
    DepartmentStage.objects.create(department="Finance", stage="pilot")
    same_as_fresh("the department's stage")
    Audience.objects.filter(pk=champions.pk).update(name="KM champions (renamed)")
    Audience.objects.get(pk=champions.pk).save()
    same_as_fresh("the role renamed")
    ModulePage.objects.get(pk=module.pk).unpublish()
    same_as_fresh("the module unpublished")
    shown = page(clients[learner], "/me/learning/")
    assert 'data-next-step="no_path"' in shown and ">Capture basics</a>" not in shown  # its lessons stay in the record


@ON
def test_a_community_page_is_what_a_fresh_render_shows_after_each_change_to_its_shared_parts(org):
    """The header, purpose, wiki and facilitators every reader sees alike are kept per community
    (CommunityPage.shared_parts); each change to what they show is on the next page."""
    from communities.models import CommunityPage, Membership
    from communities.wiki import WikiPage
    from portal.taxonomy.models import Audience

    community = CommunityPage.objects.get(pk=org["public"].pk)
    url = community.url
    reader = client_for(org["out"])
    facilitator = make_user("fran", first_name="Fran", last_name="Lead")

    def rename_facilitator():
        profile = facilitator.profile
        profile.display_name = "Francesca Lead"
        profile.save()

    def publish_wiki():
        community.add_child(instance=WikiPage(title="Peer assist checklist", slug="checklist"))
        WikiPage.objects.get(slug="checklist").save_revision().publish()

    def retitle():
        page = CommunityPage.objects.get(pk=community.pk)
        page.summary = "Peer assists, with a new summary"
        page.save_revision().publish()

    def audience():
        page = CommunityPage.objects.get(pk=community.pk)
        page.audiences.add(Audience.objects.create(name="KM champions", slug="km-champions"))
        page.save_revision().publish()
        Audience.objects.filter(slug="km-champions").first().save()  # renamed in the taxonomy, as a snippet

    changes = {
        "a new facilitator": lambda: Membership.objects.create(
            community=community, user=facilitator, role=Membership.Role.FACILITATOR
        ),
        "a member joins": lambda: community.join(make_user("newcomer")),
        "the facilitator renamed": rename_facilitator,
        "a wiki page published": publish_wiki,
        "the summary edited": retitle,
        "an audience added": audience,
    }
    page(reader, url)  # kept
    for change, make_it in changes.items():
        make_it()
        sync_search_index()
        assert page(reader, url) == fresh(reader, url), change
    shown = page(client_for(org["dev"]), url)
    for expected in ("Francesca Lead", "Peer assist checklist", "new summary", "KM champions", "5 members"):
        assert expected in shown, expected
