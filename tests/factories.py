"""Factories for the portal's models; tests build exactly the data they assert on."""

import datetime
import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from home.models import HomePage, LibraryIndexPage, ReferenceArticlePage
from portal.taxonomy.models import Audience, Topic

_sequence = itertools.count(1)


def make_user(username=None, group=None, **fields):
    username = username or f"user{next(_sequence)}"
    user = get_user_model().objects.create_user(
        username=username, password="pw", email=fields.pop("email", f"{username}@example.org"), **fields
    )
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_topic(name, parent=None):
    slug = name.lower().replace(" ", "-")
    topic = Topic(name=name, slug=slug)
    return parent.add_child(instance=topic) if parent else Topic.add_root(instance=topic)


def make_audience(name):
    return Audience.objects.create(name=name, slug=name.lower().replace(" ", "-"))


def make_library(home=None):
    home = home or HomePage.objects.get()
    library = LibraryIndexPage(title="Reference library", slug="library")
    home.add_child(instance=library)
    library.save_revision().publish()
    return library


def make_article(
    library,
    title,
    *,
    topics=(),
    audiences=(),
    stage="",
    tags=(),
    owner=None,
    review_by=None,
    live=True,
    published=None,
    summary=None,
):
    article = ReferenceArticlePage(
        title=title,
        summary=f"About {title}" if summary is None else summary,
        stage=stage,
        content_owner=owner,
        review_by=review_by,
    )
    article.topics = list(topics)
    article.audiences = list(audiences)
    article.tags.set(list(tags))
    library.add_child(instance=article)
    revision = article.save_revision()
    if live:
        revision.publish()
        if published:
            moment = timezone.make_aware(datetime.datetime.combine(published, datetime.time(9)))
            ReferenceArticlePage.objects.filter(pk=article.pk).update(
                first_published_at=moment, last_published_at=moment
            )
    else:
        article.unpublish()
    article.refresh_from_db()
    return article


def make_community(
    title, *, index=None, policy="open", members_only=False, facilitators=(), members=(), trust_members=False
):
    from communities.models import CommunityIndexPage, CommunityPage, Membership

    if index is None:
        index = CommunityIndexPage.objects.first()
        if index is None:
            index = CommunityIndexPage(title="Communities", slug="communities")
            HomePage.objects.get().add_child(instance=index)
            index.save_revision().publish()
    community = CommunityPage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"About {title}",
        policy=policy,
        members_only=members_only,
        trust_members=trust_members,
    )
    index.add_child(instance=community)
    community.save_revision().publish()
    community.refresh_from_db()
    for user in facilitators:
        Membership.objects.create(community=community, user=user, role=Membership.Role.FACILITATOR)
    for user in members:
        Membership.objects.create(community=community, user=user)
    return community


def make_blog_post(community, title, author=None, **fields):
    import datetime

    from communities.models import BlogIndexPage, BlogPostPage

    blog = BlogIndexPage.objects.child_of(community).first()
    if blog is None:
        blog = BlogIndexPage(title="Blog", slug="blog")
        community.add_child(instance=blog)
        blog.save_revision().publish()
    post = BlogPostPage(
        title=title,
        author=author,
        date=fields.pop("date", datetime.date(2026, 11, 1)),
        body=fields.pop("body", "<p>What we learned.</p>"),
        summary=fields.pop("summary", f"About {title}"),
        **fields,
    )
    blog.add_child(instance=post)
    post.save_revision().publish()
    return post


def make_wiki_page(parent, title, body, author=None):
    from communities.models import WikiPage

    page = WikiPage(title=title, slug=title.lower().replace(" ", "-"), body=body, change_note="First version")
    parent.add_child(instance=page)
    page.save_revision(user=author).publish(user=author)
    return page


QUIZ = (
    "quiz",
    {
        "title": "Check",
        "pass_mark": 100,
        "questions": [
            {
                "prompt": "What comes first in an after-action review?",
                "multiple": False,
                "explanation": "Intent first.",
                "options": [
                    {"text": "What was supposed to happen", "correct": True, "feedback": "Yes: start from intent."},
                    {"text": "Who is to blame", "correct": False, "feedback": "No: AARs are blame-free."},
                ],
            },
            {
                "prompt": "Which help a community grow?",
                "multiple": True,
                "explanation": "Both matter.",
                "options": [
                    {"text": "A clear purpose", "correct": True, "feedback": "Right."},
                    {"text": "A facilitator", "correct": True, "feedback": "Right."},
                    {"text": "Mandatory attendance", "correct": False, "feedback": "It backfires."},
                ],
            },
        ],
    },
)


def make_module(title, lessons=3, quiz_in_last=True, index=None):
    from learning.models import LearningIndexPage, LessonPage, ModulePage

    if index is None:
        index = LearningIndexPage.objects.first()
        if index is None:
            index = LearningIndexPage(title="Learning", slug="learning")
            HomePage.objects.get().add_child(instance=index)
            index.save_revision().publish()
    module = ModulePage(
        title=title,
        slug=title.lower().replace(" ", "-"),
        summary=f"About {title}",
        objectives="Know one thing\nDo another",
        estimated_minutes=30,
    )
    index.add_child(instance=module)
    module.save_revision().publish()
    for number in range(1, lessons + 1):
        body = [("paragraph", f"<p>Lesson {number} text.</p>")]
        if quiz_in_last and number == lessons:
            body.append(QUIZ)
        lesson = LessonPage(title=f"{title} lesson {number}", slug=f"lesson-{number}", body=body)
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
    return module


def make_path(title, modules):
    from learning.models import LearningIndexPage, LearningPathPage, PathModule

    path = LearningPathPage(
        title=title, slug=title.lower().replace(" ", "-").replace(":", ""), summary="A path", goal="Be ready"
    )
    path.path_modules = [PathModule(module=module) for module in modules]
    LearningIndexPage.objects.first().add_child(instance=path)
    path.save_revision().publish()
    return path
