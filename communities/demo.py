"""Demo content for communities: people with profiles, communities with facilitators and members, blog posts and
discussions with replies and accepted answers. Idempotent: everything is looked up by its natural key first."""

import datetime
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from communities.activity import record_published
from communities.discussions import HelpfulMark
from communities.experts import ExpertInvitation
from communities.models import (
    BlogIndexPage,
    BlogPostPage,
    CommunityIndexPage,
    CommunityPage,
    Follow,
    Membership,
    Notification,
    Post,
    Reply,
    Thread,
    WikiPage,
)
from communities.notifications import describe, muted
from home.activity import record_article
from home.models import HomePage
from portal.curation.models import Provenance
from portal.demo import demo_items, ensure_admin, ensure_page, ensure_picture, ensure_role, ensure_user, picture_for
from portal.network.activity import Verb, record
from portal.searchable import batch_cache, search_key
from portal.taxonomy.models import Audience, Topic


def ensure_people():
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    users = {}
    for spec in demo_items("communities", "people"):
        user = ensure_user(spec["username"], spec["first_name"], spec["last_name"])
        profile = user.profile
        if not profile.job_title:
            profile.display_name = f"{spec['first_name']} {spec['last_name']}"
            profile.job_title, profile.department = spec["job_title"], spec["department"]
            profile.organisation, profile.bio = spec["organisation"], spec["bio"]
            profile.expertise.set([topics[slug] for slug in spec["expertise"] if slug in topics])
            profile.ask_me_about.set(spec["ask_me_about"])
            profile.save()
        ensure_role(user, spec["role"], spec["department"])
        users[user.username] = user
    return users


def ensure_community(index, spec, users, admin):
    community = index.get_children().filter(slug=spec["slug"]).first()
    if community is not None:
        return ensure_picture(community.specific, admin)
    community = CommunityPage(
        slug=spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        purpose=spec["purpose"],
        how_to_join=spec["how_to_join"],
        policy=spec["policy"],
        members_only=spec["private"],
        trust_members=spec["trust_members"],
        stage=spec["stage"],
        owner=admin,
        image=picture_for(CommunityPage, spec["title"]),
    )
    community.topics = list(Topic.objects.filter(slug__in=spec["topics"]))
    community.audiences = list(Audience.objects.filter(slug__in=spec["audiences"]))
    index.add_child(instance=community)
    community.save_revision(user=admin).publish(user=admin)
    community.refresh_from_db()
    roles = [(name, Membership.Role.FACILITATOR) for name in spec["facilitators"]]
    roles += [(name, Membership.Role.LEADER) for name in spec["leaders"]]
    roles += [(name, Membership.Role.MEMBER) for name in spec["members"]]
    for username, role in roles:
        Membership.objects.get_or_create(community=community, user=users[username], defaults={"role": role})
        Follow.objects.get_or_create(community=community, user=users[username])
    ensure_page(
        community,
        BlogIndexPage,
        admin,
        slug="blog",
        title="Blog",
        summary=f"What members of {spec['title']} have learned and want to share.",
    )
    return community


def ensure_blog_posts(communities, users):
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    today = timezone.localdate()
    for spec in demo_items("communities", "blog_posts"):
        blog = BlogIndexPage.objects.child_of(communities[spec["community"]]).first()
        if blog.get_children().filter(slug=spec["slug"]).exists():
            continue
        author = users[spec["author"]]
        post = BlogPostPage(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=spec["body"],
            author=author,
            owner=author,
            date=today - datetime.timedelta(days=spec["days_ago"]),
        )
        post.topics = [topics[slug] for slug in spec["topics"] if slug in topics]
        post.tags.set(spec["tags"])
        blog.add_child(instance=post)
        post.save_revision(user=author).publish(user=author, skip_permission_checks=True)


def ensure_threads(communities, users):
    """The demo discussions, spread over the past twelve weeks as they would have happened: each question asked in
    working hours `days_ago` days before the load, its replies coming in after waits of anything from half an hour
    to a few days (seeded by the title, so every load looks alike; `reply_hours` fixes them), never in the future.
    `first_answer_at` and `last_activity_at` follow from the published replies; posts marked `pending` wait for a
    facilitator."""
    now = timezone.now()
    for spec in demo_items("communities", "threads"):
        community = communities[spec["community"]]
        if Thread.objects.filter(community=community, title=spec["title"]).exists():
            continue
        seeded = random.Random(spec["title"])
        created = asked_at(spec["days_ago"], seeded)
        thread = Thread.objects.create(
            community=community,
            kind=spec["kind"],
            title=spec["title"],
            body=spec["body"],
            author=users[spec["author"]],
            status=spec.get("status", Post.Status.PUBLISHED),
            created_at=created,
            last_activity_at=created,
        )
        Follow.objects.get_or_create(thread=thread, user=thread.author)
        replies = []
        for reply_spec, at in zip(spec["replies"], reply_times(spec, created, now, seeded), strict=True):
            replies.append(
                # A published reply records the thread's first answer on `thread` itself (Reply.save).
                Reply.objects.create(
                    thread=thread,
                    author=users[reply_spec["author"]],
                    body=reply_spec["body"],
                    status=reply_spec.get("status", Post.Status.PUBLISHED),
                    created_at=at,
                )
            )
        published = [reply for reply in replies if reply.is_published]
        if published:
            thread.last_activity_at = published[-1].created_at
        if spec.get("accepted") is not None:
            thread.accepted_reply = replies[spec["accepted"]]
        thread.save()


def asked_at(days_ago: int, seeded: random.Random) -> datetime.datetime:
    """A moment in working hours (08:00 to 17:30, local time) `days_ago` days before today."""
    day = timezone.localdate() - datetime.timedelta(days=days_ago)
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time(8)))
    return start + datetime.timedelta(minutes=seeded.randrange(0, 9 * 60 + 30))


# Hours before the first reply: mostly within the working day, sometimes the next day or after a weekend.
FIRST_REPLY_HOURS = [0.5, 1, 1.5, 2, 3, 4, 5, 7, 20, 26, 50, 70]


def reply_times(spec, created, now, seeded: random.Random) -> list[datetime.datetime]:
    """When each of the thread's replies came in: `reply_hours` after the question if the spec gives them, else
    a seeded first wait and then a few hours to a day between replies; the latest a few minutes before `now`."""
    count = len(spec["replies"])
    hours = spec.get("reply_hours")
    if hours is None:
        hours, at = [], seeded.choice(FIRST_REPLY_HOURS) + seeded.random() / 2
        for _ in range(count):
            hours.append(at)
            at += seeded.uniform(1, 28)
    times = []
    for number, after in enumerate(hours[:count]):
        latest = now - datetime.timedelta(minutes=5 * (count - number))
        times.append(min(created + datetime.timedelta(hours=after), latest))
    return times


def ensure_expert_invitations(users):
    """The people some demo questions invite to answer, each told once (a notification as if sent when the
    question was asked); invitees follow the thread."""
    for spec in demo_items("communities", "threads"):
        if not spec.get("invited"):
            continue
        thread = Thread.objects.get(community__slug=spec["community"], title=spec["title"])
        ExpertInvitation.invite(thread, [users[name] for name in spec["invited"]], by=thread.author)
        subject = f"{thread.author.profile.name} asked you: {thread.title}"
        for invitation in thread.expert_invitations.filter(notified_at__isnull=True).select_related("invitee"):
            Notification.objects.create(
                user=invitation.invitee,
                subject=subject,
                url=settings.WAGTAILADMIN_BASE_URL + thread.get_absolute_url(),
                target_key=search_key(thread),
                created_at=thread.created_at,
                sent_at=thread.created_at,
            )
            ExpertInvitation.objects.filter(pk=invitation.pk).update(
                created_at=thread.created_at, notified_at=thread.created_at
            )


def ensure_helpful_marks(users):
    """Readers' "this helped me" on a reply of each listed author (their first in the thread)."""
    for spec in demo_items("communities", "helpful"):
        reply = (
            Reply.objects.filter(thread__title=spec["thread"], author=users[spec["reply_author"]])
            .order_by("created_at")
            .first()
        )
        for username in spec["marked_by"]:
            HelpfulMark.objects.get_or_create(reply=reply, user=users[username])


def ensure_wiki_pages(communities, users):
    """Wiki pages with several published revisions each, so history and diffs have something to show."""
    for spec in demo_items("communities", "wiki_pages"):
        community = communities[spec["community"]]
        parent = community
        if spec.get("parent"):
            parent = WikiPage.objects.descendant_of(community).get(slug=spec["parent"])
        if parent.get_children().filter(slug=spec["slug"]).exists():
            continue
        first, *later = spec["revisions"]
        author = users[first["author"]]
        page = WikiPage(
            slug=spec["slug"],
            title=spec["title"],
            body=first["body"],
            change_note=first["change_note"],
            owner=author,
        )
        parent.add_child(instance=page)
        page.save_revision(user=author).publish(user=author, skip_permission_checks=True)
        for revision in later:
            page.save_edit(
                users[revision["author"]],
                spec["title"],
                revision["body"],
                revision["change_note"],
                publish=True,
            )


def ensure_invitations(communities, users):
    """Invitations still waiting for an answer, each sent once (never to someone already invited or in)."""
    for spec in demo_items("communities", "communities"):
        community = communities[spec["slug"]]
        for invited in spec.get("invited", []):
            user = users[invited["username"]]
            if community.invitations.filter(user=user).exists() or community.memberships.filter(user=user).exists():
                continue
            community.invite(user, by=users[invited["by"]])


# A knowledge worker who comes back to news: unread notifications about replies in threads they follow.
NOTIFIED_MEMBER = "marcus.reid"


def ensure_notifications(users):
    """A few unread notifications for one demo member, as if replies came in while they were away."""
    member = users[NOTIFIED_MEMBER]
    if Notification.objects.filter(user=member).exists():
        return
    communities = Membership.objects.active().filter(user=member).values("community_id")
    threads = (
        Thread.objects.published()
        .filter(community_id__in=communities, replies__status=Post.Status.PUBLISHED)
        .exclude(author=member)
        .distinct()
        .order_by("-last_activity_at")[:3]
    )
    for thread in threads:
        follow, _ = Follow.objects.get_or_create(thread=thread, user=member)
        latest = thread.replies.published().order_by("-created_at").first()
        subject, url = describe(latest)
        Notification.objects.create(
            user=member,
            subject=subject,
            url=url,
            target_key=search_key(thread),
            follow=follow,
            created_at=latest.created_at,
            sent_at=latest.created_at,
        )


CURATOR = "editor"  # home.demo's portal editor


def curation_source(spec, communities):
    model = {"thread": Thread, "wiki": WikiPage, "blog": BlogPostPage}[spec["kind"]]
    return model.objects.get(title=spec["title"])


def ensure_curation(communities, users):
    """Five contributions curated into live library articles (crediting their contributors), and nominations
    waiting in the queue; each made once."""
    from home.models import LibraryIndexPage
    from portal.curation.curating import curate, existing_pages
    from portal.curation.models import Nomination
    from portal.curation.sources import targets

    curator = get_user_model().objects.get(username=CURATOR)
    library = LibraryIndexPage.objects.first()
    specs = demo_items("communities", "curation", key="curated")
    for spec in specs:
        source = curation_source(spec, communities)
        if existing_pages(source):
            continue
        described = source.curation_source()
        optional = [part.id for part in described.parts if part.optional]
        picked = [optional[index - 1] for index in spec["replies"] if 0 < index <= len(optional)]
        article = curate(
            source,
            curator,
            targets["article"],
            library,
            title=spec["article"],
            summary=spec["summary"],
            picked_part_ids=picked,
        )
        article.image = picture_for(type(article), article.title)  # every demo article has its picture
        article.save_revision(user=curator).publish(user=curator, skip_permission_checks=True)
        # Curated some days after the contribution (never later than now), so the library grows over the weeks.
        contributed = described.date or timezone.now()
        curated_at = min(timezone.now(), contributed + datetime.timedelta(days=spec["days_after"]))
        type(article).objects.filter(pk=article.pk).update(first_published_at=curated_at, last_published_at=curated_at)
        Provenance.objects.filter(page=article).update(curated_at=curated_at, credited_at=curated_at)
    for spec in demo_items("communities", "curation", key="nominated"):
        source = curation_source(spec, communities)
        for username in spec["by"]:
            Nomination.nominate(source, users[username], spec["note"])


def load(stdout=None):

    admin = ensure_admin()
    home = HomePage.objects.get()
    index = ensure_page(
        home,
        CommunityIndexPage,
        admin,
        slug="communities",
        title="Communities of practice",
        summary="Groups across departments and organisations where people with the same role "
        "learn from each other, run by trained facilitators.",
    )
    users = ensure_people()
    communities = {
        spec["slug"]: ensure_community(index, spec, users, admin) for spec in demo_items("communities", "communities")
    }
    with muted():
        ensure_blog_posts(communities, users)
    ensure_wiki_pages(communities, users)
    ensure_threads(communities, users)
    ensure_expert_invitations(users)
    ensure_helpful_marks(users)
    ensure_invitations(communities, users)
    ensure_notifications(users)
    with muted():
        ensure_curation(communities, users)
    ensure_activity()


def ensure_activity():
    """The demo people's followers see what they did: every published discussion, answer, accepted answer and
    blog post, at the moment it happened (the posts above are made directly, not through the views)."""
    published = Post.Status.PUBLISHED
    with batch_cache():
        for thread in Thread.objects.published().select_related("community", "author", "accepted_reply__author"):
            record_published(thread, now=True)
            accepted = thread.accepted_reply
            if accepted is not None and accepted.status == published:
                record(
                    accepted.author,
                    Verb.ACCEPTED_ANSWER,
                    thread,
                    community=thread.community,
                    occurred_at=accepted.created_at,
                )
        replies = Reply.objects.published().filter(thread__status=published)
        for reply in replies.select_related("author", "thread__community", "thread__author"):
            record_published(reply, now=True)
        for post in BlogPostPage.objects.live().select_related("author"):
            record_published(post, now=True)
        # The curated articles (ensure_curation): published by their author, crediting the members they cite.
        for provenance in Provenance.objects.filter(page__live=True).prefetch_related("contributions__user"):
            article = provenance.page.specific
            record_article(article, now=True)
            for contribution in provenance.contributions.all():
                if contribution.user is not None:
                    record(contribution.user, Verb.CURATED, article, occurred_at=article.first_published_at)
