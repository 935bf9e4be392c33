"""The command center's JSON endpoint at 10x the demo, against a single indexed COUNT(*) in the same run.

Usage: .venv/bin/python bench/command_center_bench.py [--people 5000] [--completions 50000] [--posts 20000]
       [--articles 2000] [--rounds 6]

Builds a throwaway SQLite database with a generated organisation: N people (profiles with departments and roles,
the roles being the demo's taxonomy Audiences), 20 communities (six members-only) with memberships and blogs, 90
modules of lessons (a quiz in each module's last lesson) and 30 learning paths, with enrolments, lesson completions
and quiz attempts with answers; threads and replies (first answers, accepted answers, some waiting for a
facilitator); reference articles (review dates, owners, topics, some curated from discussions, some flagged
outdated) with reader feedback; and the search logs. Activity is spread over the past 12 weeks. Rows are
bulk-created, pages too (tree paths computed as treebeard's add_child would; `--add-child` makes the articles one by
one through it instead, to compare). Then times, server-side, the command center's JSON endpoint through Django's
test client for five filter mixes (none, a department, a role, a community, a facilitator's own communities),
against a single indexed COUNT(*) in the same run; then each panel's `build(scope)` over the same mixes, with its
queries and the slowest ones' plans. No Elasticsearch is needed: the panels read the database only.
"""

import argparse
import datetime
import gc
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from people_bench import DEPARTMENTS, FIRST_NAMES, JOB_TITLES, LAST_NAMES  # noqa: E402
from search_bench import WORDS, percentile  # noqa: E402

ENDPOINT = "/admin/command-center/data/"
TARGET_MS = 500  # issue 17: the endpoint answers within 500 ms p95
DAYS = 12 * 7  # the generated activity spreads over the command center's default period
COMMUNITIES = 20
MEMBERS_ONLY = {3, 7, 11, 14, 17, 19}  # which of the 20 communities are members-only (the forum, 3, among them)
MODULES = 90
PATHS = 30
LESSONS_PER_MODULE = (2, 6)
OWNERS = 150  # people who own reference articles
BLOG_POSTS = 130
LESSON_FLAGS = 40  # lessons readers flagged outdated
SEARCH_TERMS = 1500  # distinct queries in Wagtail's search terms report
ZERO_RESULT_TERMS = 400
BASELINE_REPEATS = 5  # baseline counts per endpoint call: it is cheap, and more samples steady its p95
QUERIES_SHOWN = 3  # the slowest queries shown per panel
SQL_SHOWN = 600  # characters of each
REPLAYS = 3


def spread(rng, now, days=DAYS):
    """A moment in the past `days` days, more of them recent (a programme that is growing)."""
    return now - datetime.timedelta(seconds=int(days * 86400 * rng.random() ** 1.3))


def weighted(items, rng, k, skew=1.0):
    """k picks from items with Zipf-like weights (the first most often)."""
    return rng.choices(items, [1 / (rank + 1) ** skew for rank in range(len(items))], k=k)


# -- the organisation ---------------------------------------------------------------------------------------------
def build_people(count, rng, now):
    """The superuser, `count` people with profiles (departments Zipf-like; roles come with the taxonomy, later)
    and the department stages; returns (admin, people) with people in pk order."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from learning.programme_stages import DepartmentStage
    from portal.people.models import Profile
    from portal.taxonomy.models import Stage

    User = get_user_model()
    admin = User.objects.create_superuser("bench-admin", "admin@example.org", "pw")
    password = make_password("pw")
    users = []
    for n in range(count):
        joined = now - datetime.timedelta(days=rng.randint(DAYS, 3 * 365))
        users.append(
            User(
                username=f"person{n}",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                email=f"person{n}@example.org",
                password=password,
                is_active=rng.random() > 0.02,
                date_joined=joined,
                last_login=spread(rng, now),
            )
        )
    User.objects.bulk_create(users, batch_size=2000)
    people = list(User.objects.filter(username__startswith="person").order_by("pk"))
    departments = weighted(DEPARTMENTS, rng, count)
    profiles = []
    for user, department in zip(people, departments, strict=True):
        profiles.append(
            Profile(
                user=user,
                display_name=f"{user.first_name} {user.last_name}",
                job_title=rng.choice(JOB_TITLES),
                department=department,
                organisation="Example Org",
            )
        )
    Profile.objects.bulk_create(profiles, batch_size=2000)
    stages = list(Stage.values)
    DepartmentStage.objects.bulk_create(
        DepartmentStage(department=department, stage=stages[n % len(stages)])
        for n, department in enumerate(DEPARTMENTS[:9])
    )
    return admin, people


def build_communities(people, rng, now):
    """20 communities (six members-only) with two facilitators each and Zipf-like memberships, the members in the
    communities' groups as Membership.save() puts them; returns (communities, facilitator, members by community)."""
    from django.contrib.auth import get_user_model

    from communities.models import Membership
    from tests.factories import make_community

    User = get_user_model()
    names = [
        "Facilitators Network",
        "Search Guild",
        "Taxonomy Circle",
        "Knowledge Strategy Forum",
        "Lessons Learned",
        "Project Reviews",
        "Onboarding Buddies",
        "Finance Practice",
        "Engineering Wiki Crew",
        "Storytellers",
        "Expert Interviews",
        "Legal Knowledge",
        "Customer Insights",
        "Research Notes",
        "Procurement Playbook",
        "IT Service Knowledge",
        "Marketing Content",
        "Strategy Room",
        "HR Practitioners",
        "Operations Excellence",
    ][:COMMUNITIES]
    communities = [
        make_community(
            name,
            members_only=index in MEMBERS_ONLY,
            policy="moderated" if index in MEMBERS_ONLY else "open",
            trust_members=index % 4 == 0,
        )
        for index, name in enumerate(names)
    ]
    # The facilitator whose scope the bench times: facilitates a members-only and an open community.
    facilitator = User.objects.create_user("bench-facilitator", "facilitator@example.org", "pw")
    for community in (communities[3], communities[4]):
        Membership.objects.create(community=community, user=facilitator, role=Membership.Role.FACILITATOR)

    members = {community.pk: set() for community in communities}
    rows = []
    for user in people:
        for community in set(weighted(communities, rng, rng.choice([0, 1, 1, 1, 2, 2, 3]), skew=0.7)):
            role = Membership.Role.MEMBER
            if len(members[community.pk]) < 2:
                role = Membership.Role.FACILITATOR
            pending = role == Membership.Role.MEMBER and community.members_only and rng.random() < 0.05
            members[community.pk].add(user.pk) if not pending else None
            rows.append(
                Membership(
                    community=community,
                    user=user,
                    role=role,
                    status=Membership.Status.PENDING if pending else Membership.Status.ACTIVE,
                    joined_at=now - datetime.timedelta(seconds=int(400 * 86400 * rng.random() ** 0.7)),
                )
            )
    Membership.objects.bulk_create(rows, batch_size=5000)
    Groups = User.groups.through
    in_groups = []
    for row in rows:
        if row.status != Membership.Status.ACTIVE:
            continue
        in_groups.append(Groups(user_id=row.user_id, group_id=row.community.member_group_id))
        if row.role != Membership.Role.MEMBER:
            in_groups.append(Groups(user_id=row.user_id, group_id=row.community.facilitator_group_id))
    Groups.objects.bulk_create(in_groups, batch_size=5000, ignore_conflicts=True)
    return communities, facilitator, members


# -- pages without revisions, live at once as a published page is ----------------------------------------------
def add_live_child(parent, page, published):
    """One page through treebeard's add_child (Wagtail's save: full_clean, URL path, reference index)."""
    page.live, page.has_unpublished_changes = True, False
    page.first_published_at = page.last_published_at = published
    return parent.add_child(instance=page)


def bulk_add_children(parent, pages, published):
    """Live pages under `parent` in two bulk inserts: the wagtailcore_page rows with the tree paths treebeard would
    give them (`MP_Node._get_path`, after the parent's last child), then the page type's own rows. Skips what a
    save does besides (full_clean, the reference index, signals): the rows are the same. All pages of one type."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import F

    from wagtail.models import Locale, Page

    if not pages:
        return pages
    model = type(pages[0])
    content_type = ContentType.objects.get_for_model(model)
    locale = Locale.get_default()
    last = parent.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
    rows = []
    for page, moment in zip(pages, published, strict=True):
        step += 1
        page.path = Page._get_path(parent.path, parent.depth + 1, step)
        page.depth, page.numchild = parent.depth + 1, 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.content_type, page.locale, page.draft_title = content_type, locale, page.title
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at = page.last_published_at = moment
        rows.append(Page(**{field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}))
    Page.objects.bulk_create(rows, batch_size=500)
    for page, row in zip(pages, rows, strict=True):
        page.id = page.page_ptr_id = row.pk
    fields = model._meta.local_concrete_fields
    for start in range(0, len(pages), 200):
        model._base_manager._insert(pages[start : start + 200], fields=fields)
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    parent.numchild += len(pages)
    return pages


def build_learning(rng, now, topics, roles):
    """The catalogue: 90 modules of 2-6 lessons (a quiz in each module's last lesson; 3 % of lessons unpublished
    since), 30 paths of 3-5 modules; returns (modules, lessons by module id, paths, quiz questions by lesson id)."""
    from home.models import HomePage
    from learning.models import LearningIndexPage, LearningPathPage, LessonPage, ModulePage, PathModule
    from learning.quiz import questions_of
    from portal.taxonomy.models import Stage
    from tests.factories import QUIZ

    home = HomePage.objects.get()
    index = add_live_child(home, LearningIndexPage(title="Learning", slug="learning"), now)
    leaves = [topic for topic in topics if topic.is_leaf()]
    stages = list(Stage.values)
    published = [now - datetime.timedelta(days=rng.randint(DAYS, 700)) for _ in range(MODULES)]
    modules = bulk_add_children(
        index,
        [
            ModulePage(
                title=f"Module {number}: {' '.join(rng.sample(WORDS, 3))}",
                slug=f"module-{number}",
                summary="A generated module",
                estimated_minutes=rng.choice([20, 30, 45, 60, 90]),
                stage=rng.choice(stages),
                review_by=(now + datetime.timedelta(days=rng.randint(-60, 300))).date(),
            )
            for number in range(MODULES)
        ],
        published,
    )
    ModulePage.topics.through.objects.bulk_create(
        ModulePage.topics.through(modulepage_id=module.pk, topic_id=topic.pk)
        for module in modules
        for topic in rng.sample(leaves, 2)
    )
    ModulePage.audiences.through.objects.bulk_create(
        ModulePage.audiences.through(modulepage_id=module.pk, audience_id=role.pk)
        for module in modules
        for role in rng.sample(roles, rng.randint(1, 2))
    )
    lessons = {}
    for number, (module, moment) in enumerate(zip(modules, published, strict=True)):
        count = rng.randint(*LESSONS_PER_MODULE)
        pages = []
        for lesson_number in range(1, count + 1):
            body = [("paragraph", f"<p>Lesson {lesson_number} of module {number}.</p>")]
            if lesson_number == count:
                body.append(QUIZ)
            pages.append(
                LessonPage(title=f"Module {number} lesson {lesson_number}", slug=f"lesson-{lesson_number}", body=body)
            )
        lessons[module.pk] = bulk_add_children(module, pages, [moment] * count)
    # The quiz's block and option ids as stored (read back: they are given out when the body is written).
    quizzes = {}
    for module_lessons in lessons.values():
        last = LessonPage.objects.get(pk=module_lessons[-1].pk)
        block = last.body[-1]
        quizzes[last.pk] = (block.id, questions_of(block.value))
    every_lesson = [lesson for group in lessons.values() for lesson in group]
    unpublished = rng.sample(every_lesson, k=len(every_lesson) * 3 // 100)
    LessonPage.objects.filter(pk__in=[lesson.pk for lesson in unpublished]).update(live=False)
    for lesson in unpublished:
        lesson.live = False
    paths = bulk_add_children(
        index,
        [
            LearningPathPage(
                title=f"Path {number}",
                slug=f"path-{number}",
                summary="A generated path",
                goal="Be ready",
                audience=roles[number % len(roles)],
                stage=stages[number % len(stages)],
            )
            for number in range(PATHS)
        ],
        [now - datetime.timedelta(days=rng.randint(DAYS, 500)) for _ in range(PATHS)],
    )
    PathModule.objects.bulk_create(
        PathModule(path=path, module=module, sort_order=order)
        for path in paths
        for order, module in enumerate(rng.sample(modules, rng.randint(3, 5)))
    )
    return modules, lessons, paths, quizzes


def build_progress(people, completions, rng, now, modules, lessons, paths, quizzes):
    """`completions` lesson completions by ~70 % of the people (a few learn a lot), module by module in lesson
    order, on their path's modules or on modules of their own choosing; the module and path enrolments they imply
    (completed when every live lesson is done), enrolments never started, quiz attempts with answers (retries
    after a fail) and the questions they got wrong, and 1 % of completions of lessons since deleted."""
    from learning.models import Enrolment, LessonCompletion, QuizAttempt
    from learning.quiz import grade

    learners = rng.sample(people, k=int(len(people) * 0.7))
    learner_weights = [1 / (rank + 20) for rank in range(len(learners))]
    path_modules = {path.pk: [link.module for link in path.path_modules.order_by("sort_order")] for path in paths}
    done, module_enrolments, path_enrolments, attempts, failed = [], {}, {}, [], []
    taken = set()
    while len(done) < completions:
        user = rng.choices(learners, learner_weights)[0]
        moment = spread(rng, now)
        if rng.random() < 0.4:
            path = rng.choice(paths)
            if (user.pk, path.pk) in path_enrolments:
                continue
            chosen = path_modules[path.pk][: rng.randint(1, len(path_modules[path.pk]))]
            path_enrolments[(user.pk, path.pk)] = [path, moment, chosen]
        else:
            chosen = [rng.choice(modules)]
        for module in chosen:
            if (user.pk, module.pk) in module_enrolments:
                continue
            enrolled = moment
            module_lessons = lessons[module.pk]
            finished = module_lessons[: rng.randint(1, len(module_lessons))] if rng.random() < 0.5 else module_lessons
            last = None
            for lesson in finished:
                if len(done) == completions:
                    break
                moment = min(now, moment + datetime.timedelta(hours=rng.randint(1, 72)))
                taken.add((user.pk, lesson.pk))
                done.append(
                    LessonCompletion(
                        user=user, lesson=lesson, module=module, lesson_title=lesson.title, completed_at=moment
                    )
                )
                last = moment
                if lesson.pk in quizzes:
                    block_id, questions = quizzes[lesson.pk]
                    for attempt in range(rng.choice([1, 1, 1, 2, 3])):
                        right = attempt > 0 or rng.random() < 0.6  # a first try fails 40 % of the time
                        answers = {
                            question.id: sorted(question.correct)
                            if right or rng.random() < 0.5
                            else [rng.choice([o for o, _ in question.options if o not in question.correct])]
                            for question in questions
                        }
                        score, results = grade(questions, answers)
                        failed.append([result["id"] for result in results if not result["right"]])
                        attempts.append(
                            QuizAttempt(
                                user=user,
                                lesson=lesson,
                                lesson_title=lesson.title,
                                quiz_block_id=block_id,
                                answers=answers,
                                score=score,
                                passed=score >= 100,
                                started_at=moment - datetime.timedelta(minutes=rng.randint(2, 20)),
                                submitted_at=moment,
                            )
                        )
                        moment = min(now, moment + datetime.timedelta(minutes=rng.randint(5, 600)))
                        if score >= 100:
                            break
            live = [lesson for lesson in module_lessons if lesson.live]
            complete = all((user.pk, lesson.pk) in taken for lesson in live)
            module_enrolments[(user.pk, module.pk)] = Enrolment(
                user=user, module=module, enrolled_at=enrolled, completed_at=last if complete else None
            )
    for n in range(len(done) // 100):  # lessons deleted since: the record keeps the title, the lesson is gone
        done[n].lesson, done[n].lesson_title = None, f"Removed lesson {n}"
    LessonCompletion.objects.bulk_create(done, batch_size=5000)
    QuizAttempt.objects.bulk_create(attempts, batch_size=5000)
    import learning.progress

    if hasattr(learning.progress, "FailedQuestion"):  # the questions each attempt got wrong, where they are kept
        from learning.progress import FailedQuestion

        FailedQuestion.objects.bulk_create(
            [
                FailedQuestion(attempt=attempt, question_id=question_id)
                for attempt, question_ids in zip(attempts, failed, strict=True)
                for question_id in question_ids
            ],
            batch_size=5000,
        )
    enrolments = list(module_enrolments.values())
    for user in rng.sample(people, k=len(people) // 5):  # enrolled, never started
        for module in rng.sample(modules, 2):
            if (user.pk, module.pk) not in module_enrolments:
                enrolments.append(Enrolment(user=user, module=module, enrolled_at=spread(rng, now)))
    for (user_id, _), (path, enrolled, chosen) in path_enrolments.items():
        finished_path = len(chosen) == len(path_modules[path.pk])
        completed_at = None
        if finished_path:
            ends = [module_enrolments[(user_id, module.pk)].completed_at for module in chosen]
            completed_at = max(ends) if all(ends) else None
        enrolments.append(Enrolment(user_id=user_id, path=path, enrolled_at=enrolled, completed_at=completed_at))
    Enrolment.objects.bulk_create(enrolments, batch_size=5000)
    return len(attempts)


def build_blogs(count, rng, now, communities, members):
    """A blog in every community and `count` posts by their members, Zipf-like by community (classified pages
    with review dates: the content health panel reads them with the articles)."""
    from communities.models import BlogIndexPage, BlogPostPage

    blogs = {}
    for community in communities:
        blogs[community.pk] = bulk_add_children(community, [BlogIndexPage(title="Blog", slug="blog")], [now])[0]
    by_blog = {}
    for n, community in enumerate(weighted(communities, rng, count, skew=0.8)):
        published = spread(rng, now, days=365)
        post = BlogPostPage(
            title=f"Post {n}: {' '.join(rng.sample(WORDS, 4))}",
            slug=f"post-{n}",
            summary=" ".join(rng.choices(WORDS, k=15)),
            author_id=rng.choice(sorted(members[community.pk]) or [None]),
            date=published.date(),
            body="<p>" + " ".join(rng.choices(WORDS, k=80)) + "</p>",
            review_by=(published + datetime.timedelta(days=rng.randint(90, 450))).date(),
        )
        by_blog.setdefault(community.pk, []).append((post, published))
    for community_id, posts in by_blog.items():
        bulk_add_children(blogs[community_id], [post for post, _ in posts], [moment for _, moment in posts])


def build_lesson_flags(rng, now, lessons, people):
    """Readers' "outdated" flags on lessons (the content health panel files them under their module)."""
    from portal.feedback.models import ContentFlag

    live = [lesson for group in lessons.values() for lesson in group if lesson.live]
    ContentFlag.objects.bulk_create(
        ContentFlag(
            page=lesson,
            flagged_by=reader,
            kind=ContentFlag.Kind.OUTDATED,
            comment="The screenshots are old",
            created_at=spread(rng, now),
        )
        for lesson in rng.sample(live, k=min(len(live), LESSON_FLAGS))
        for reader in rng.sample(people, k=rng.randint(1, 2))
    )


def build_discussions(posts, rng, now, communities, members, people):
    """`posts` threads and replies (35 % threads) in the communities, by their members, Zipf-like by community:
    30 % of questions unanswered, first answers hours to days later, half the answered questions with an accepted
    reply, 3-4 % of posts waiting for a facilitator and 1 % hidden; helpful marks, follows and open flags.
    Returns the published threads with an accepted answer (curation's sources)."""
    from communities.discussions import Flag as PostFlag
    from communities.discussions import Follow, HelpfulMark, Post, Reply, Thread

    people_by_pk = {user.pk: user for user in people}
    member_lists = {pk: sorted(ids) or [people[0].pk] for pk, ids in members.items()}
    kinds = [Thread.Kind.QUESTION] * 13 + [Thread.Kind.TIP] * 4 + [Thread.Kind.ANNOUNCEMENT] * 3
    thread_count = int(posts * 0.35)
    threads = []
    for n, community in enumerate(weighted(communities, rng, thread_count, skew=0.8)):
        status = Post.Status.PUBLISHED
        draw = rng.random()
        if draw < 0.03:
            status = Post.Status.PENDING
        elif draw < 0.04:
            status = Post.Status.HIDDEN
        created = spread(rng, now)
        threads.append(
            Thread(
                community=community,
                author_id=rng.choice(member_lists[community.pk]),
                kind=rng.choice(kinds),
                title=f"Thread {n}: {' '.join(rng.sample(WORDS, 5))}?",
                body=" ".join(rng.choices(WORDS, k=40)),
                status=status,
                created_at=created,
                last_activity_at=created,
            )
        )
    Thread.objects.bulk_create(threads, batch_size=2000)
    answerable = [
        thread
        for thread in threads
        if thread.status == Post.Status.PUBLISHED and (thread.kind != Thread.Kind.QUESTION or rng.random() < 0.7)
    ]
    replies = []
    for thread in rng.choices(answerable, k=posts - thread_count):
        own = rng.random() < 0.15  # the asker following up
        author_id = thread.author_id if own else rng.choice(member_lists[thread.community_id])
        status = Post.Status.PUBLISHED
        draw = rng.random()
        if draw < 0.04:
            status = Post.Status.PENDING
        elif draw < 0.05:
            status = Post.Status.HIDDEN
        created = min(now, thread.created_at + datetime.timedelta(minutes=int(rng.expovariate(1 / 1800)) + 5))
        replies.append(
            Reply(
                thread=thread,
                author_id=author_id,
                body=" ".join(rng.choices(WORDS, k=30)),
                status=status,
                created_at=created,
            )
        )
    Reply.objects.bulk_create(replies, batch_size=2000)
    by_thread = {}
    for reply in replies:
        by_thread.setdefault(reply.thread_id, []).append(reply)
    accepted = []
    for thread in threads:
        published = sorted(
            (reply for reply in by_thread.get(thread.pk, []) if reply.status == Post.Status.PUBLISHED),
            key=lambda reply: reply.created_at,
        )
        answers = [reply for reply in published if reply.author_id != thread.author_id]
        if answers:
            thread.first_answer_at = answers[0].created_at
            if thread.kind == Thread.Kind.QUESTION and rng.random() < 0.5:
                thread.accepted_reply = rng.choice(answers[:3])
                accepted.append(thread)
        if published:
            thread.last_activity_at = published[-1].created_at
    Thread.objects.bulk_update(threads, ["first_answer_at", "accepted_reply", "last_activity_at"], batch_size=1000)

    published_replies = [reply for reply in replies if reply.status == Post.Status.PUBLISHED]
    marks = [
        HelpfulMark(reply=reply, user_id=reader, created_at=min(now, reply.created_at + datetime.timedelta(hours=2)))
        for reply in rng.sample(published_replies, k=min(len(published_replies), posts // 8))
        for reader in [rng.choice(member_lists[reply.thread.community_id])]
        if reader != reply.author_id
    ]
    HelpfulMark.objects.bulk_create(marks, batch_size=5000)
    Follow.objects.bulk_create(
        [Follow(user_id=thread.author_id, thread=thread, created_at=thread.created_at) for thread in threads]
        + [
            Follow(user_id=user_id, community_id=pk, created_at=spread(rng, now))
            for pk, ids in members.items()
            for user_id in rng.sample(sorted(ids), k=len(ids) // 4)
        ],
        batch_size=5000,
    )
    flagged = rng.sample([t for t in threads if t.status == Post.Status.PUBLISHED], k=posts // 200)
    PostFlag.objects.bulk_create(
        PostFlag(thread=thread, flagged_by=people_by_pk[rng.choice(member_lists[thread.community_id])], reason="Check")
        for thread in flagged
    )
    return [thread for thread in accepted if thread.status == Post.Status.PUBLISHED]


def build_library(articles, rng, now, topics, roles, owners, admin, sources, one_by_one=False):
    """`articles` reference articles in bulk, or through `add_child` one by one (timed: returns the seconds),
    published over three years, 3 % unpublished since; review dates from overdue to 18 months ahead, an owner each
    (150 owners, Zipf-like), 1-3 topics, 0-2 audiences; 8 % curated from accepted answers (Provenance with
    contributions, their candidates curated), outdated flags on 6 % (three in four open), improvement flags and
    helpful votes."""
    from django.contrib.contenttypes.models import ContentType

    from communities.models import Thread
    from home.models import HomePage, LibraryIndexPage, ReferenceArticlePage
    from portal.curation.models import Candidate, Contribution, Provenance
    from portal.feedback.models import ContentFlag, HelpfulVote
    from portal.taxonomy.models import Stage

    home = HomePage.objects.get()
    library = add_live_child(home, LibraryIndexPage(title="Reference library", slug="library"), now)
    stages = [*Stage.values, ""]
    pages, published = [], []
    started = time.perf_counter()
    for n in range(articles):
        draw = rng.random()
        if draw < 0.15:
            review_by = now - datetime.timedelta(days=rng.randint(1, 180))  # overdue
        elif draw < 0.27:
            review_by = now + datetime.timedelta(days=rng.randint(0, 30))  # due soon
        elif draw < 0.97:
            review_by = now + datetime.timedelta(days=rng.randint(31, 540))
        else:
            review_by = None
        owner = weighted(owners, rng, 1, skew=0.6)[0] if rng.random() < 0.95 else None
        pages.append(
            ReferenceArticlePage(
                title=f"Article {n}: {' '.join(rng.sample(WORDS, 4))}",
                slug=f"article-{n}",
                summary=" ".join(rng.choices(WORDS, k=20)),
                stage=rng.choice(stages),
                content_owner=owner,
                review_by=review_by.date() if review_by else None,
            )
        )
        published.append(now - datetime.timedelta(seconds=int(3 * 365 * 86400 * rng.random() ** 1.5)))
    if one_by_one:
        pages = [add_live_child(library, page, moment) for page, moment in zip(pages, published, strict=True)]
    else:
        bulk_add_children(library, pages, published)
    seconds = time.perf_counter() - started
    Topics, Audiences = ReferenceArticlePage.topics.through, ReferenceArticlePage.audiences.through
    Topics.objects.bulk_create(
        [
            Topics(referencearticlepage_id=page.pk, topic_id=topic.pk)
            for page in pages
            for topic in set(weighted(topics, rng, rng.randint(1, 3), skew=0.3))
        ],
        batch_size=5000,
    )
    Audiences.objects.bulk_create(
        [
            Audiences(referencearticlepage_id=page.pk, audience_id=role.pk)
            for page in pages
            for role in rng.sample(roles, rng.randint(0, 2))
        ],
        batch_size=5000,
    )
    unpublished = rng.sample(pages, k=articles * 3 // 100)
    ReferenceArticlePage.objects.filter(pk__in=[page.pk for page in unpublished]).update(
        live=False, has_unpublished_changes=True
    )
    gone = {page.pk for page in unpublished}
    live = [page for page in pages if page.pk not in gone]

    thread_type = ContentType.objects.get_for_model(Thread)
    curated = list(zip(rng.sample(live, k=min(len(sources), articles * 8 // 100)), sources, strict=False))
    provenances = [
        Provenance(
            page=page,
            source_type=thread_type,
            source_id=thread.pk,
            source_key=f"communities.thread:{thread.pk}",
            source_kind="Question",
            source_title=thread.title,
            source_url=f"/communities/{thread.community.slug}/discussions/{thread.pk}/",
            source_date=thread.created_at,
            source_was_public=not thread.community.members_only,
            curated_by=admin,
            curated_at=page.first_published_at - datetime.timedelta(days=1),
            credited_at=page.first_published_at,
        )
        for page, thread in curated
    ]
    Provenance.objects.bulk_create(provenances)
    Contribution.objects.bulk_create(
        Contribution(provenance=provenance, user_id=thread.author_id, name="Asker", part="the question")
        for provenance, (_, thread) in zip(provenances, curated, strict=True)
    )
    Candidate.objects.bulk_create(
        [
            Candidate(
                source_key=f"communities.thread:{thread.pk}",
                kind="Question",
                title=thread.title,
                url=f"/communities/{thread.community.slug}/discussions/{thread.pk}/",
                community_id=thread.community_id,
                source_date=thread.created_at,
                status=Candidate.Status.CURATED if index < len(curated) else Candidate.Status.NEW,
                draft=curated[index][0] if index < len(curated) else None,
                accepted_answer=True,
                score=rng.random() * 10,
            )
            for index, thread in enumerate(sources[: len(curated) + 300])
        ],
        batch_size=2000,
    )

    flags, votes = [], {}
    people_ids = [owner.pk for owner in owners]
    for page in live:
        if rng.random() < 0.06:
            for flagger in rng.sample(people_ids, k=rng.randint(1, 3)):
                created = spread(rng, now)
                resolved = rng.random() < 0.25
                flags.append(
                    ContentFlag(
                        page=page,
                        flagged_by_id=flagger,
                        kind=ContentFlag.Kind.OUTDATED,
                        comment="Out of date",
                        created_at=created,
                        resolved_at=min(now, created + datetime.timedelta(days=rng.randint(1, 20)))
                        if resolved
                        else None,
                        resolved_by=admin if resolved else None,
                    )
                )
        if rng.random() < 0.03:
            flags.append(
                ContentFlag(
                    page=page,
                    flagged_by_id=rng.choice(people_ids),
                    kind=ContentFlag.Kind.IMPROVEMENT,
                    comment="Add an example",
                    created_at=spread(rng, now),
                )
            )
        for voter in rng.sample(people_ids, k=rng.choice([0, 0, 1, 2, 4])):
            votes[(page.pk, voter)] = HelpfulVote(page=page, user_id=voter, helpful=rng.random() < 0.8)
    ContentFlag.objects.bulk_create(flags, batch_size=5000)
    HelpfulVote.objects.bulk_create(votes.values(), batch_size=5000)
    return library, seconds


def build_search_logs(rng, now, topics):
    """Wagtail's search terms report (queries and their daily hits over the period, Zipf-like), the search-gaps
    report (searches that found nothing) and, where the search app has it, its daily rollup (searches per day,
    per topic and day, per zero-result query and day); terms include the topic names. Returns the rows written."""
    from django.utils import timezone

    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    import search.models
    from search.models import ZeroResultQuery

    names = [topic.name.lower() for topic in topics]
    terms = set(names)
    while len(terms) < SEARCH_TERMS:
        terms.add(" ".join(rng.sample(WORDS, rng.choice([1, 2, 2, 3]))))
    terms = sorted(terms)
    rng.shuffle(terms)
    Query.objects.bulk_create([Query(query_string=term) for term in terms], batch_size=2000)
    queries = list(Query.objects.all())
    rng.shuffle(queries)
    today = timezone.localdate(now)
    days = [today - datetime.timedelta(days=back) for back in range(DAYS)]
    daily = []
    for rank, query in enumerate(queries):
        for day in rng.sample(days, k=max(1, min(DAYS, int(DAYS * 3 / (rank + 3) ** 0.5)))):
            daily.append(QueryDailyHits(query=query, date=day, hits=rng.randint(1, 40 // (1 + rank // 50) + 1)))
    QueryDailyHits.objects.bulk_create(daily, batch_size=5000)

    zero, zero_days = [], []
    for n in range(ZERO_RESULT_TERMS):
        counts = {day: rng.randint(1, 5) for day in rng.sample(days, k=max(1, int(30 / (n + 1) ** 0.5)))}
        zero.append(
            ZeroResultQuery(
                query_string=f"{rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
                hits=sum(counts.values()),
                first_seen=timezone.make_aware(datetime.datetime.combine(min(counts), datetime.time(9))),
                last_seen=timezone.make_aware(datetime.datetime.combine(max(counts), datetime.time(17))),
            )
        )
        zero_days.append(counts)
    ZeroResultQuery.objects.bulk_create(zero, batch_size=2000)
    written = len(daily) + len(zero)
    if not hasattr(search.models, "SearchDay"):  # the code before the search app's daily rollup
        return written
    from search.models import SearchDay, TopicSearchDay, ZeroResultQueryDay

    rollup = [
        ZeroResultQueryDay(query=query, day=day, searches=count)
        for query, counts in zip(zero, zero_days, strict=True)
        for day, count in counts.items()
    ]
    ZeroResultQueryDay.objects.bulk_create(rollup, batch_size=5000)
    nothing = {}
    for row in rollup:
        nothing[row.day] = nothing.get(row.day, 0) + row.searches
    searched = []
    for day in days:
        busy = 600 if day.weekday() < 5 else 120
        searched.append(SearchDay(day=day, searches=busy + rng.randint(0, busy // 2) + nothing.get(day, 0)))
        searched[-1].zero_results = nothing.get(day, 0)
    SearchDay.objects.bulk_create(searched)
    about = [
        TopicSearchDay(topic=topic, day=day, searches=rng.randint(1, 12))
        for rank, topic in enumerate(rng.sample(topics, len(topics)))
        for day in rng.sample(days, k=max(1, int(DAYS / (1 + rank / 4))))
    ]
    TopicSearchDay.objects.bulk_create(about, batch_size=5000)
    return written + len(rollup) + len(searched) + len(about)


def build_dataset(args, rng):
    """Everything above, in order; returns what the timings need and prints what was built and how fast."""
    from django.utils import timezone

    from home.demo import ensure_audiences, ensure_home, ensure_root, ensure_topics
    from portal.demo import demo_items
    from portal.taxonomy.models import Audience, Topic

    now = timezone.now()
    clock = time.perf_counter()

    def phase(label):
        nonlocal clock
        elapsed, clock = time.perf_counter() - clock, time.perf_counter()
        print(f"  {label:70} {elapsed:6.1f} s")

    admin, people = build_people(args.people, rng, now)
    ensure_home(ensure_root(), admin)
    ensure_topics(demo_items("home", "topics"))
    ensure_audiences()
    topics, roles = list(Topic.objects.all()), list(Audience.objects.all())
    # The roles were not there when the people were made: give them out now (85 % have one).
    from portal.people.models import Profile

    profiles = list(Profile.objects.filter(user__in=people))
    for profile in profiles:
        profile.role = weighted(roles, rng, 1, skew=0.5)[0] if rng.random() < 0.85 else None
    Profile.objects.bulk_update(profiles, ["role"], batch_size=2000)
    phase(f"{len(people):,} people with profiles, {len(topics)} topics, {len(roles)} roles")
    communities, facilitator, members = build_communities(people, rng, now)
    phase(f"{len(communities)} communities, {sum(len(ids) for ids in members.values()):,} active memberships")
    modules, lessons, paths, quizzes = build_learning(rng, now, topics, roles)
    lesson_count = sum(len(group) for group in lessons.values())
    phase(f"{len(modules)} modules, {lesson_count} lessons, {len(paths)} paths (bulk inserts)")
    attempts = build_progress(people, args.completions, rng, now, modules, lessons, paths, quizzes)
    build_lesson_flags(rng, now, lessons, people)
    phase(f"{args.completions:,} lesson completions, {attempts:,} quiz attempts, enrolments, lesson flags")
    build_blogs(BLOG_POSTS, rng, now, communities, members)
    sources = build_discussions(args.posts, rng, now, communities, members, people)
    phase(f"{BLOG_POSTS} blog posts, {args.posts:,} posts (threads and replies), helpful marks, follows, flags")
    owners = rng.sample(people, k=OWNERS)
    _, seconds = build_library(args.articles, rng, now, topics, roles, owners, admin, sources, args.add_child)
    how = "add_child" if args.add_child else "bulk inserts"
    phase(f"{args.articles:,} articles ({args.articles / seconds:,.0f}/s through {how}), curation, feedback")
    rows = build_search_logs(rng, now, topics)
    phase(f"search logs: {SEARCH_TERMS:,} terms, {ZERO_RESULT_TERMS} zero-result queries ({rows:,} rows in all)")
    return admin, facilitator, roles, communities


def kept_dataset():
    """What build_dataset returns, read back from a kept database."""
    from django.contrib.auth import get_user_model

    from communities.models import CommunityPage
    from portal.taxonomy.models import Audience

    User = get_user_model()
    admin, facilitator = User.objects.get(username="bench-admin"), User.objects.get(username="bench-facilitator")
    return admin, facilitator, list(Audience.objects.all()), list(CommunityPage.objects.order_by("path"))


def table_counts():
    """Rows per model the panels read, for the record."""
    from django.apps import apps

    labels = [
        "auth.User",
        "people.Profile",
        "communities.Membership",
        "communities.Thread",
        "communities.Reply",
        "learning.LessonCompletion",
        "learning.Enrolment",
        "learning.QuizAttempt",
        "learning.FailedQuestion",
        "home.ReferenceArticlePage",
        "communities.BlogPostPage",
        "curation.Provenance",
        "feedback.ContentFlag",
        "wagtailsearchpromotions.QueryDailyHits",
        "search.ZeroResultQuery",
        "search.ZeroResultQueryDay",
        "search.TopicSearchDay",
    ]
    installed = {model._meta.label for model in apps.get_models()}
    return {label: apps.get_model(label).objects.count() for label in labels if label in installed}


# -- the timings ----------------------------------------------------------------------------------------------------
def endpoint_has_landed() -> bool:
    """Whether ENDPOINT is the command center's view (not Wagtail's catch-all page route)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(ENDPOINT)
    except Resolver404:
        return False
    view = getattr(match.func, "view_class", match.func)
    return view.__module__.startswith("portal.command_center")


def scope_for(user, params):
    """The Scope the endpoint builds from these parameters for this viewer (through the command center's filters
    form, as the view reads them)."""
    from urllib.parse import urlencode

    from django.http import QueryDict

    from portal.command_center.access import command_center_scope
    from portal.command_center.filters import CommandCenterFilters

    form = CommandCenterFilters(QueryDict(urlencode(params)), allowed_communities=command_center_scope(user))
    form.is_valid()
    return form.scope()


def command_center_data(client, user, params):
    """One answer of the command center's JSON endpoint: (status, body). GET through the test client once the view
    is there; until then the stand-in, the registered panels serialised as the view does."""
    if USE_ENDPOINT:
        response = client.get(ENDPOINT, params)
        return response.status_code, response.content
    from portal.command_center.figures import build_panels

    panels = [panel.as_json() for panel in build_panels(scope_for(user, params))]
    return 200, json.dumps({"panels": panels}, default=str).encode()


USE_ENDPOINT = False  # set in main() from endpoint_has_landed()


def baseline_query(since):
    """The baseline: one COUNT(*) over an indexed column (replies since a date, on Reply.created_at's index)."""
    from communities.models import Reply

    return Reply.objects.filter(created_at__gte=since)


def timed_ms(call):
    started = time.perf_counter()
    result = call()
    return (time.perf_counter() - started) * 1000, result


def query_plan(sql):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN QUERY PLAN " + sql)
        return [row[-1] for row in cursor.fetchall()]


def captured_sql(call) -> list[str]:
    """The SQL a call runs, with its parameters in place."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        call()
    return [query["sql"] for query in captured.captured_queries]


def replay_ms(sql) -> float:
    """The median of REPLAYS runs of one captured query, rows fetched: SQLite computes most rows while they are
    fetched, after the time Django's query log records, so a query is timed again whole."""
    from django.db import connection

    times = []
    with connection.cursor() as cursor:
        for _ in range(REPLAYS):
            started = time.perf_counter()
            cursor.execute(sql)
            cursor.fetchall()
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def time_panels(mixes, rounds):
    """Each panel's build(scope) per mix, `rounds` times: samples and query counts per panel; then the queries of
    one more build per panel and mix, each replayed whole: {(panel, position): [(ms, mix, sql), ...]} and the
    milliseconds in SQL per panel and mix."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.command_center.figures import panels_for

    samples, counts, queries, in_sql = {}, {}, {}, {}
    scopes = {label: scope_for(user, params) for label, (_, user, params) in mixes.items()}
    for _ in range(rounds):
        for label, scope in scopes.items():
            for panel in panels_for(scope):
                elapsed = timed_ms(lambda panel=panel, scope=scope: panel.build(scope))[0]
                samples.setdefault(panel.key, []).append(elapsed)
                samples.setdefault((panel.key, label), []).append(elapsed)
    for label, scope in scopes.items():
        for panel in panels_for(scope):
            with CaptureQueriesContext(connection) as captured:
                panel.build(scope)
            counts.setdefault(panel.key, []).append(len(captured.captured_queries))
            for position, query in enumerate(captured.captured_queries):
                elapsed = replay_ms(query["sql"])
                queries.setdefault((panel.key, position), []).append((elapsed, label, query["sql"]))
                in_sql.setdefault(panel.key, []).append(elapsed)
    return samples, counts, queries, in_sql


def time_endpoint(mixes, rounds, baseline):
    """Each round calls the endpoint once per mix (starting from a different mix each round) and the baseline
    BASELINE_REPEATS times after each call; returns samples per mix, "all" and "baseline", and response sizes."""
    samples, sizes = {"baseline": [], "all": []}, {}
    labels = list(mixes)
    for round_number in range(rounds):
        for label in labels[round_number % len(labels) :] + labels[: round_number % len(labels)]:
            client, user, params = mixes[label]
            elapsed, (status, body) = timed_ms(lambda: command_center_data(client, user, params))  # noqa: B023
            assert status == 200, (label, status, body[:300])
            samples.setdefault(label, []).append(elapsed)
            samples["all"].append(elapsed)
            sizes[label] = len(body)
            for _ in range(BASELINE_REPEATS):
                samples["baseline"].append(timed_ms(baseline.count)[0])
    return samples, sizes


def print_endpoint_table(samples, sizes, mixes, rounds):
    base50, base95 = statistics.median(samples["baseline"]), percentile(samples["baseline"], 0.95)
    print(f"{rounds} rounds of {len(mixes)} filter mixes, server-side ms")
    print(f"{'path':46} {'calls':>5} {'p50':>7} {'p95':>7} {'p99':>7} {'p50 / base':>10} {'p95 / base':>10} {'KB':>5}")
    rows = [("baseline: indexed COUNT(*) of replies", "baseline"), ("command center JSON, all mixes", "all")]
    rows += [(f"  {label}", label) for label in mixes]
    for name, key in rows:
        values = samples[key]
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        size = f"{sizes[key] / 1024:5.0f}" if key in sizes else ""
        print(
            f"{name[:46]:46} {len(values):>5} {p50:>7.1f} {p95:>7.1f} {percentile(values, 0.99):>7.1f} "
            f"{p50 / base50:>10.0f} {p95 / base95:>10.0f} {size:>5}"
        )
    p95 = percentile(samples["all"], 0.95)
    print()
    verdict = "within" if p95 <= TARGET_MS else "NOT within"
    print(f"Endpoint p95 {p95:.0f} ms: {verdict} {TARGET_MS} ms ({p95 / base95:.0f}x the indexed COUNT(*)'s p95).")


def print_panel_tables(samples, panel_counts, queries, in_sql, mixes):
    panel_samples = {key: values for key, values in samples.items() if isinstance(key, str)}
    budget = TARGET_MS / max(1, len(panel_samples))
    print(f"Per panel: build(scope) over the same mixes, ms (budget: {TARGET_MS} ms / {len(panel_samples)} panels)")
    heading = f"{'panel':16} {'calls':>5} {'queries':>7} {'p50':>8} {'p95':>8} {'p99':>8} {'in SQL':>8}"
    print(f"{heading}  within {budget:.0f} ms")
    ranked_panels = sorted(panel_samples, key=lambda key: -percentile(panel_samples[key], 0.95))
    for key in ranked_panels:
        values = panel_samples[key]
        within = "yes" if percentile(values, 0.95) <= budget else "NO"
        sql_per_build = sum(in_sql.get(key, [])) / len(panel_counts[key])  # the mean over the mixes
        print(
            f"{key:16} {len(values):>5} {statistics.median(panel_counts[key]):>7.0f} {statistics.median(values):>8.1f} "
            f"{percentile(values, 0.95):>8.1f} {percentile(values, 0.99):>8.1f} {sql_per_build:>8.1f}  {within}"
        )
    print("(in SQL: the panel's queries replayed whole, rows fetched, per build, the mean over the mixes)")
    print()
    print("p50 per filter mix, ms")
    print(f"{'panel':16} " + " ".join(f"{label.split('=')[0].split()[0][:11]:>11}" for label in mixes))
    for key in ranked_panels:
        cells = [samples.get((key, label)) for label in mixes]
        print(f"{key:16} " + " ".join(f"{statistics.median(cell):>11.1f}" if cell else f"{'-':>11}" for cell in cells))
    print()
    print(f"Slowest queries per panel (replayed whole, median of {REPLAYS}; the mix where each was slowest):")
    for key in ranked_panels:
        worst = sorted(
            (max(runs) for (panel, _), runs in queries.items() if panel == key),
            key=lambda run: run[0],
            reverse=True,
        )
        print(f"- {key}:")
        for elapsed, label, sql in worst[:QUERIES_SHOWN]:
            print(f"    {elapsed:7.1f} ms  [{label}]  {' '.join(sql.split())[:SQL_SHOWN]}")
            for step in query_plan(sql):
                print(f"               {step}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--completions", type=int, default=50_000)
    parser.add_argument("--posts", type=int, default=20_000)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--add-child", action="store_true", help="articles through add_child (slow), not bulk")
    parser.add_argument("--rounds", type=int, default=6, help="passes over the five filter mixes (6: 30 calls)")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", action="store_true", help="keep the database to explore afterwards")
    parser.add_argument("--reuse", metavar="PATH", help="time a database kept by --keep (built today) instead")
    args = parser.parse_args()
    database = Path(args.reuse) if args.reuse else Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["TEST_INDEX_PREFIX"] = "bench_cc_"
    os.environ["SEARCH_DRAIN_ON_COMMIT"] = "false"
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count
    from django.test import Client
    from django.utils import timezone

    from communities.models import Thread
    from portal.command_center.figures import panels

    settings.SEARCH_DRAIN_ON_COMMIT = False
    # No Elasticsearch: Wagtail's own index updates on save are off (the portal's go through its outbox, undrained).
    settings.WAGTAILSEARCH_BACKENDS["default"]["AUTO_UPDATE"] = False
    call_command("migrate", verbosity=0)
    global USE_ENDPOINT
    USE_ENDPOINT = endpoint_has_landed()

    if args.reuse:
        admin, facilitator, roles, communities = kept_dataset()
        print(f"Reusing {database}:")
    else:
        print(f"Building the organisation ({database}):", flush=True)
        started = time.perf_counter()
        admin, facilitator, roles, communities = build_dataset(args, random.Random(args.seed))
        print(f"Built in {time.perf_counter() - started:.1f} s:")
    for label, count in table_counts().items():
        print(f"  {label:40} {count:>8,}")
    connection.cursor().execute("ANALYZE")  # the query planner's statistics, as a live database has them

    end = timezone.localdate()
    period = {"start": (end - datetime.timedelta(days=DAYS - 1)).isoformat(), "end": end.isoformat()}
    busiest = Thread.objects.values("community").annotate(n=Count("pk")).order_by("-n").first()["community"]
    busiest = next(community for community in communities if community.pk == busiest)
    manager = next(role for role in roles if role.slug == "manager")
    clients = {}
    for user in (admin, facilitator):
        clients[user.pk] = Client()
        clients[user.pk].force_login(user)
    mixes = {
        "none": (clients[admin.pk], admin, period),
        "department=Operations": (clients[admin.pk], admin, {**period, "department": "Operations"}),
        f"role={manager.name}": (clients[admin.pk], admin, {**period, "role": str(manager.pk)}),
        f"community={busiest.title}": (clients[admin.pk], admin, {**period, "community": str(busiest.pk)}),
        "facilitator (own 2 communities)": (clients[facilitator.pk], facilitator, period),
    }
    since = timezone.now() - datetime.timedelta(days=28)
    baseline = baseline_query(since)
    plan = "; ".join(query_plan(captured_sql(baseline.count)[0]))
    print()
    print(f"Panels registered: {', '.join(sorted(panels)) or 'none yet'}")
    how = f"GET {ENDPOINT} through the test client" if USE_ENDPOINT else "the stand-in (build_panels + json.dumps)"
    print(f"Timing {how}")
    print(f"Baseline: {baseline.count():,} replies since {since:%Y-%m-%d}, COUNT(*) on Reply.created_at: {plan}")
    for label, (client, user, params) in list(mixes.items()):  # warm: imports, caches, SQLite's page cache
        status, body = command_center_data(client, user, params)
        if status != 200:  # e.g. a community filter before any app offers communities to pick
            print(f"Mix {label!r} left out: the endpoint answered {status} {body[:200]!r}")
            del mixes[label]
        baseline.count()
    gc.collect()
    samples, sizes = time_endpoint(mixes, args.rounds, baseline)
    print()
    print_endpoint_table(samples, sizes, mixes, args.rounds)
    print()
    print_panel_tables(*time_panels(mixes, args.rounds), mixes)
    if args.keep:
        print(f"\nKept: DATABASE_URL=sqlite:///{database}")
    elif not args.reuse:
        connection.close()
        shutil.rmtree(database.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
