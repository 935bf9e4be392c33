"""People search with evidenced expertise at scale: the people search and the "People you can ask" box against
the people search as it was before evidence, over the same index in the same run.

Usage: .venv/bin/python bench/people_bench.py [--people 10000] [--evidence 200000] [--rounds 10] [--warm-up 20]

Builds a throwaway SQLite database with a topic tree of 40 topics, six communities (three members-only, whose
groups are the "group:<id>" readers of evidence from them), N people with profiles (job titles, departments,
declared expertise, bios from a skewed vocabulary) and M evidence rows (portal.expertise: a few people have a lot,
most a little). Indexes the people through the real pipeline (`search.indexing.rebuild`), then times, in-process
and server-side, a fixed mix of people searches through `PeopleSearch(...).run()` and through the baseline, and
`people_to_ask([topic], reader, limit=4)` for leaf and parent topics, for an anonymous reader and a member of two
members-only communities. Needs the embedded Elasticsearch running (`manage.py elasticsearch start`) or
ELASTICSEARCH_URL.
"""

import argparse
import datetime
import gc
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from search_bench import WORDS, percentile, settle  # noqa: E402

TREE = {
    "Knowledge strategy": {
        "Knowledge audits": ["Knowledge maps", "Critical knowledge"],
        "Governance": ["Roles and accountabilities", "Policies"],
        "Measurement": ["Metrics", "Value stories"],
    },
    "Facilitation": {
        "Workshops": ["Retrospectives", "Peer assists"],
        "Communities of practice": ["Community building", "Community health"],
        "Meetings": ["Agendas", "Virtual facilitation"],
    },
    "Knowledge capture": {
        "Lessons learned": ["After action reviews", "Lessons databases"],
        "Expert interviews": ["Knowledge elicitation", "Exit interviews"],
        "Storytelling": ["Story collection", "Narrative techniques"],
    },
    "Findability": {
        "Taxonomy": ["Tagging", "Controlled vocabularies"],
        "Enterprise search": ["Search tuning", "Search analytics"],
        "Content curation": ["Wikis", "Content lifecycle"],
    },
}
FIRST_NAMES = [
    "Priya",
    "Marcus",
    "Aiko",
    "Tomasz",
    "Fatima",
    "Lars",
    "Chen",
    "Amara",
    "Diego",
    "Ingrid",
    "Kwame",
    "Sofia",
    "Ravi",
    "Elena",
    "Jonas",
    "Mei",
    "Omar",
    "Hannah",
    "Nikolai",
    "Zainab",
    "Pedro",
    "Astrid",
    "Kofi",
    "Yuki",
    "Lucia",
    "Farid",
    "Greta",
    "Samuel",
    "Leila",
    "Mateo",
    "Ana",
    "Viktor",
    "Noor",
    "Emil",
    "Rosa",
    "Tariq",
]
LAST_NAMES = [
    "Raman",
    "Reid",
    "Tanaka",
    "Nowak",
    "Haddad",
    "Eriksen",
    "Wei",
    "Okafor",
    "Alvarez",
    "Berg",
    "Mensah",
    "Rossi",
    "Iyer",
    "Petrova",
    "Weber",
    "Lin",
    "Farouk",
    "Schmidt",
    "Volkov",
    "Bello",
    "Costa",
    "Lindqvist",
    "Asante",
    "Sato",
    "Moreno",
    "Karimi",
    "Holm",
    "Adeyemi",
    "Nasser",
    "Ruiz",
    "Silva",
    "Novak",
    "Rahman",
    "Jensen",
    "Ortega",
    "Qureshi",
    "Brandt",
    "Mwangi",
    "Duarte",
    "Fischer",
    "Ibrahim",
    "Kowalski",
    "Nakamura",
    "Osei",
    "Pereira",
    "Sorensen",
    "Yilmaz",
]
DEPARTMENTS = [
    "Operations",
    "Engineering",
    "Knowledge Management",
    "Human Resources",
    "Finance",
    "Legal",
    "Marketing",
    "Research",
    "Customer Service",
    "IT",
    "Procurement",
    "Strategy",
]
JOB_TITLES = [
    "Knowledge manager",
    "Project lead",
    "Engineer",
    "Analyst",
    "Facilitator",
    "Librarian",
    "Consultant",
    "Team lead",
    "Learning designer",
    "Researcher",
]
COMMUNITIES = [  # (title, members-only)
    ("Facilitators Network", False),
    ("Search Guild", False),
    ("Taxonomy Circle", False),
    ("KM Leads", True),
    ("Project Reviews", True),
    ("Knowledge Council", True),
]
KIND_SHARES = {  # how often each kind of evidence occurs
    "helpful_reply": 40,
    "accepted_answer": 20,
    "module": 12,
    "article": 8,
    "blog_post": 7,
    "review": 5,
    "curated": 4,
    "path": 3,
    "facilitation": 1,
}

# People searches of the mix ("Okafor" is a surname of the name list; departments and slugs are the dataset's).
QUERIES = [
    {},
    {"q": "facilitation"},
    {"q": "knowledge strategy"},
    {"q": "who knows about lessons learned"},
    {"q": "Okafor"},
    {"topic": "facilitation"},
    {"topic": "retrospectives", "q": "workshop"},
    {"department": "Operations"},
    {"q": "taxonomy", "department": "Knowledge Management"},
    {"topic": "knowledge-capture", "department": "Engineering"},
]
# "People you can ask" topics: leaves, a middle topic and parents (whose subtrees are a quarter of the tree).
BOX_TOPICS = ["retrospectives", "tagging", "exit-interviews", "communities-of-practice", "facilitation", "findability"]


def build_topics():
    from django.utils.text import slugify

    from portal.taxonomy.models import Topic

    topics = []
    for root_name, children in TREE.items():
        root = Topic.add_root(name=root_name, slug=slugify(root_name))
        topics.append(root)
        for child_name, leaves in children.items():
            child = root.add_child(name=child_name, slug=slugify(child_name))
            topics.append(child)
            for leaf in leaves:
                topics.append(child.add_child(name=leaf, slug=slugify(leaf)))
    return topics


def build_dataset(people, evidence, rng):
    """The topics, communities, people and evidence; returns the member of two members-only communities."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from communities.models import Membership
    from home.demo import ensure_home, ensure_root
    from portal.expertise.models import Evidence
    from portal.expertise.refresh import score
    from portal.people.models import Profile
    from tests.factories import make_community

    User = get_user_model()
    admin = User.objects.create_superuser("bench-admin", "admin@example.org", "pw")
    ensure_home(ensure_root(), admin)
    topics = build_topics()
    member = User.objects.create_user("bench-member", "member@example.org", "pw")
    communities = [make_community(title, members_only=closed) for title, closed in COMMUNITIES]
    for community in communities[3:5]:  # the member reads two of the three members-only communities
        Membership.objects.create(community=community, user=member)

    now = timezone.now()
    password = make_password("pw")
    users = []
    for n in range(people):
        joined = now - datetime.timedelta(days=rng.randint(30, 2000))
        users.append(
            User(
                username=f"person{n}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                email=f"person{n}@example.org",
                password=password,
                is_active=rng.random() > 0.02,
                date_joined=joined,
                last_login=joined + datetime.timedelta(days=rng.randint(0, 29)),
            )
        )
    User.objects.bulk_create(users, batch_size=2000)
    users = list(User.objects.filter(username__startswith="person").order_by("pk"))

    vocabulary = WORDS + sorted({word.lower() for topic in topics for word in topic.name.split() if len(word) > 3})
    rng.shuffle(vocabulary)
    word_weights = [1 / (rank + 1) for rank in range(len(vocabulary))]  # Zipf-like
    department_weights = [1 / (rank + 1) for rank in range(len(DEPARTMENTS))]
    profiles = [
        Profile(
            user=user,
            display_name=f"{user.first_name} {user.last_name}",
            job_title=rng.choice(JOB_TITLES),
            department=rng.choices(DEPARTMENTS, department_weights)[0],
            organisation="Example Org",
            bio=" ".join(rng.choices(vocabulary, word_weights, k=rng.randint(10, 60))).capitalize(),
        )
        for user in users
    ]
    Profile.objects.bulk_create(profiles, batch_size=2000)
    profile_ids = dict(Profile.objects.filter(user__in=users).values_list("user_id", "pk"))
    Declared = Profile.expertise.through
    declared = [
        Declared(profile_id=profile_ids[user.pk], topic_id=topic.pk)
        for user in users
        for topic in rng.sample(topics, k=rng.randint(0, 3))
    ]
    Declared.objects.bulk_create(declared, batch_size=5000)
    public = [community for community in communities if not community.members_only]
    Membership.objects.bulk_create(
        [
            Membership(community=community, user=user)
            for user in users
            if rng.random() < 0.3
            for community in rng.sample(public, k=rng.randint(1, 2))
        ],
        batch_size=5000,
    )

    # Evidence: a few people have a lot (weight 1 / (rank + 10): the busiest has ~1.5 %), each mostly on their
    # own three topics; mostly public items, some for logged-in readers, 15 % from members-only communities.
    ranked = users[:]
    rng.shuffle(ranked)
    user_weights = [1 / (rank + 10) for rank in range(len(ranked))]
    home_topics = {user.pk: rng.sample(topics, k=3) for user in users}
    kinds, kind_weights = list(KIND_SHARES), list(KIND_SHARES.values())
    closed = [community for community in communities if community.members_only]
    closed_readers = {  # as portal.expertise.refresh writes them: sorted, space-separated and space-padded
        community.pk: " "
        + " ".join(sorted(f"group:{pk}" for pk in (community.member_group_id, community.facilitator_group_id)))
        + " "
        for community in closed
    }
    # Written person by person, as `manage.py rebuild_expertise` and each refresh write them (a person's rows lie
    # together in the table).
    chosen_users = sorted(rng.choices(ranked, user_weights, k=evidence), key=lambda user: user.pk)
    chosen_kinds = rng.choices(kinds, kind_weights, k=evidence)
    batch = []
    for n in range(evidence):
        user, kind = chosen_users[n], chosen_kinds[n]
        topic = rng.choice(home_topics[user.pk]) if rng.random() < 0.8 else rng.choice(topics)
        where = rng.random()
        if where < 0.80:
            readers, community = " public ", rng.choice(public)
        elif where < 0.85:
            readers, community = " login ", rng.choice(public)
        else:
            community = rng.choice(closed)
            readers = closed_readers[community.pk]
        occurred = now - datetime.timedelta(seconds=rng.randint(0, 3 * 365 * 86400))
        batch.append(
            Evidence(
                user_id=user.pk,
                topic_id=topic.pk,
                kind=kind,
                item_key=f"communities.reply:{n}",
                title=f"Evidence item {n}",
                url=f"/communities/{community.slug}/threads/{n}/",
                readers=readers,
                occurred_at=occurred,
                within_page_id=community.pk,
                score=score(kind, occurred, now),
            )
        )
        if len(batch) == 5000:
            Evidence.objects.bulk_create(batch)
            batch = []
    Evidence.objects.bulk_create(batch)
    return member


def build_standings():
    """The people's standings (portal.expertise.standing) from the evidence written above, as refresh() writes
    them with each person's evidence; returns the number of rows (absent before TopicStanding)."""
    try:
        from portal.expertise.standing import recompute
    except ImportError:  # the code before the standings table
        return 0
    from django.contrib.auth import get_user_model

    return recompute(get_user_model().objects.values_list("pk", flat=True))


def evidence_features():
    """How many "<topic>|<reader set>" and "<topic>|*" rank features the people index holds (search.indexing.
    evidence_features): one per standing, plus one per person and topic."""
    from django.db.models import Count

    from portal.expertise.models import TopicStanding

    standings = TopicStanding.objects.filter(declared=False, user__is_active=True)
    return standings.count() + standings.values("user_id", "topic_id").annotate(n=Count("id")).count()


def baseline_class():
    """The people search as it was before evidence: the plain text query and the old three facets, topics counted
    together with the others in one terms aggregation (search.documents.COUNTED_TOGETHER)."""
    from search.query import Facet, FacetedSearch, PeopleSearch, TopicFacet

    class BaselinePeopleSearch(FacetedSearch):
        index = "people"
        facets = [
            TopicFacet("topic", "Expertise", "topics", size=1000),
            Facet("community", "Community", "communities"),
            Facet("department", "Department", "department"),
        ]
        fields = PeopleSearch.fields
        highlight_fields = PeopleSearch.highlight_fields
        ignored_words = PeopleSearch.ignored_words
        # Documents before evidence had no evidence fields: their hits carried none of them.
        unread_fields = PeopleSearch.unread_fields

    return BaselinePeopleSearch


def timed_search(engine, facets, params, user, es):
    """Milliseconds of one people search as the view runs it (request parsed within one batch cache), after
    emptying Elasticsearch's request cache outside the timing: a real reader's query is usually new."""
    from urllib.parse import urlencode

    from django.http import QueryDict

    from portal.searchable import batch_cache
    from search.query import SearchRequest

    if es is not None:
        es.indices.clear_cache(index="bench_people_*", request=True)
    start = time.perf_counter()
    with batch_cache():
        request = SearchRequest.from_query_dict(QueryDict(urlencode(params)), facets)
        engine(request, user).run()
    return (time.perf_counter() - start) * 1000


def timed_box(topic, user):
    from portal.expertise.knowledge import people_to_ask

    start = time.perf_counter()
    people = people_to_ask([topic], user, limit=4)
    elapsed = (time.perf_counter() - start) * 1000
    assert people, topic
    return elapsed


def time_mix(readers, topics, rounds, es, per_query=None):
    """Samples per (path, reader): each round runs every query through both searches (in alternating order, so
    neither always runs second) and every box topic."""
    from search.query import PEOPLE_FACETS, PeopleSearch

    Baseline = baseline_class()
    samples = {}
    for round_number in range(rounds):
        for name, user in readers.items():
            for index, params in enumerate(QUERIES):
                order = [("baseline", Baseline), ("evidence", PeopleSearch)]
                if (round_number + index) % 2:
                    order.reverse()
                for path, engine in order:
                    facets = Baseline.facets if path == "baseline" else PEOPLE_FACETS
                    elapsed = timed_search(engine, facets, params, user, es)
                    samples.setdefault((path, name), []).append(elapsed)
                    if per_query is not None and name == "anonymous":
                        per_query.setdefault((path, index), []).append(elapsed)
            for topic in topics:
                samples.setdefault(("box", name), []).append(timed_box(topic, user))
    return samples


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--evidence", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=10, help="passes over the query mix per reader")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--warm-up", type=float, default=20, help="seconds of untimed queries before the timings")
    parser.add_argument("--keep", action="store_true", help="keep the database and indices to explore afterwards")
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["TEST_INDEX_PREFIX"] = "bench_people_"
    os.environ["SEARCH_DRAIN_ON_COMMIT"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command

    settings.SEARCH_DRAIN_ON_COMMIT = False
    from portal.expertise.models import Evidence
    from portal.taxonomy.models import Topic
    from search import indexing
    from search.documents import client

    es = client(timeout=120)
    es.indices.delete(index="bench_people_*", ignore_unavailable=True)
    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    member = build_dataset(args.people, args.evidence, rng)
    print(
        f"Built {args.people:,} people and {Evidence.objects.count():,} evidence rows in the database in "
        f"{time.perf_counter() - started:.1f} s"
    )
    started = time.perf_counter()
    standings = build_standings()
    print(f"Summed {standings:,} topic standings in {time.perf_counter() - started:.1f} s")

    started = time.perf_counter()
    counts = indexing.rebuild()
    seconds = time.perf_counter() - started
    print(
        f"Indexed {counts['people']:,} people ({evidence_features():,} evidence features) and "
        f"{counts['content']:,} pages through search.indexing.rebuild in {seconds:.1f} s "
        f"({counts['people'] / seconds:,.0f} people/s)"
    )

    gc.collect()
    settle(es, index="bench_people_*")
    readers = {"anonymous": AnonymousUser(), "member": member}
    topics = list(Topic.objects.filter(slug__in=BOX_TOPICS))
    started = time.perf_counter()
    while time.perf_counter() - started < args.warm_up:
        time_mix(readers, topics, 1, es)
    per_query = {}
    samples = time_mix(readers, topics, args.rounds, es, per_query)

    print()
    print(f"{'query (anonymous reader)':48} {'baseline p50':>13} {'evidence p50':>13} {'ratio':>6}")
    for index, params in enumerate(QUERIES):
        base = statistics.median(per_query[("baseline", index)])
        new = statistics.median(per_query[("evidence", index)])
        print(f"{str(params)[:48]:48} {base:>13.1f} {new:>13.1f} {new / base:>6.2f}")

    labels = {
        "baseline": "baseline: people search before evidence",
        "evidence": "people search with evidence",
        "box": "People you can ask (people_to_ask)",
    }
    print()
    print(
        f"{len(QUERIES)} people searches and {len(BOX_TOPICS)} box topics, {args.rounds} rounds, server-side ms, "
        f"{args.people:,} people, {args.evidence:,} evidence rows"
    )
    print(f"{'path':52} {'calls':>6} {'p50':>7} {'p95':>7} {'p99':>7} {'p95 / base':>11}  within 1.5x")
    verdicts = []
    for name in readers:
        reference = percentile(samples[("baseline", name)], 0.95)
        for path in ("baseline", "evidence", "box"):
            values = samples[(path, name)]
            p95 = percentile(values, 0.95)
            ratio = p95 / reference
            within = "yes" if ratio <= 1.5 else "NO"
            if path != "baseline":
                verdicts.append(ratio <= 1.5)
            print(
                f"{labels[path] + ', ' + name:52} {len(values):>6} {statistics.median(values):>7.1f} {p95:>7.1f} "
                f"{percentile(values, 0.99):>7.1f} {ratio:>11.2f}  {'' if path == 'baseline' else within}"
            )
    print()
    print("Target met: every path's p95 within 1.5x of the baseline's." if all(verdicts) else "Target NOT met.")
    if args.keep:
        print(f"\nKept: DATABASE_URL=sqlite:///{database} TEST_INDEX_PREFIX=bench_people_")
    else:
        es.indices.delete(index="bench_people_*", ignore_unavailable=True)


if __name__ == "__main__":
    main()
