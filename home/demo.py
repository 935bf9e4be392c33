"""Demo content for the home app: site, home page, a few plain pages and the admin account (dev only).

Built in code and idempotent: each object is looked up by its natural key first, so a second run changes nothing.
"""

import datetime

from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Collection, Locale, Page, Site

from home.activity import record_article
from home.models import HomePage, LibraryIndexPage, ReferenceArticlePage, StandardPage
from portal.demo import (
    ADMIN_USERNAME,
    demo_items,
    ensure_admin,
    ensure_page,
    ensure_picture,
    ensure_role,
    ensure_user,
    picture_for,
    stream_blocks,
)
from portal.governance.editorial_setup import install as install_editorial_setup
from portal.governance.workflows import AUTHORS, EDITORS, MODERATORS, SUBJECT_EXPERTS
from portal.taxonomy.models import Audience, Topic

HOME = {
    "title": "Find what your organisation knows",
    "summary": (
        "Join communities of practice, follow learning paths for your role and find approved reference material: "
        "one place to connect and learn."
    ),
    "intro": (
        "<p>Knowledge management works when people who do the same job can find each other, learn from each "
        "other and reuse what already works. This portal brings the communities, the courses and the curated "
        "library together, and keeps track of what is current.</p>"
    ),
}

PAGES = [
    {
        "slug": "about",
        "title": "About the portal",
        "summary": "What the portal is for, who looks after it and how content is approved.",
        "body": [
            ("heading", {"text": "Connections before collections", "level": "h2"}),
            (
                "paragraph",
                "<p>Most of what an organisation knows is in people's heads and in the conversations "
                "between them. The portal exists to make those conversations easy to start and easy to "
                "find again, and to turn the best of them into approved reference material.</p>",
            ),
            (
                "paragraph",
                "<p>Editors curate the library, facilitators run the communities of practice and "
                "subject experts review what is published. Every reference article has an owner and a "
                "review date, so you can see at a glance whether it is still current.</p>",
            ),
            (
                "callout",
                {
                    "kind": "tip",
                    "title": "New here?",
                    "text": "<p>Start with the onboarding path in Learning, then join the community for your role.</p>",
                },
            ),
        ],
    },
    {
        "slug": "how-to-contribute",
        "title": "How to contribute",
        "summary": "Ask a question, share a tip or propose a reference article: how contributions reach others.",
        "body": [
            ("heading", {"text": "Share what you know", "level": "h2"}),
            (
                "paragraph",
                "<p>Post questions and tips in your community's discussions, write on its blog, or "
                "improve its wiki. Facilitators approve a member's first posts; after that they "
                "appear straight away.</p>",
            ),
            ("heading", {"text": "From tip to reference material", "level": "h2"}),
            (
                "paragraph",
                "<p>Trainers watch the communities for answers that many people need. The best are "
                "rewritten as reference articles or lessons, reviewed by a subject expert and "
                "approved by an editor, with a link back to the conversation they came from.</p>",
            ),
        ],
    },
    {
        "slug": "what-is-knowledge-management",
        "title": "What is knowledge management?",
        "summary": "A short introduction for people new to KM: people, process and technology working together.",
        "body": [
            (
                "paragraph",
                "<p>Knowledge management is the deliberate way an organisation helps its people create, "
                "share and reuse what they know. It is less about documents than about habits: asking "
                "before starting from scratch, capturing lessons after a project, and keeping guidance "
                "up to date.</p>",
            ),
            (
                "quote",
                {
                    "quote": "Learning before, during and after: that is the rhythm of a team that does not "
                    "repeat its mistakes.",
                    "source": "A programme lead at the pilot review",
                },
            ),
            (
                "paragraph",
                "<p>A KM programme usually moves through stages: investigation, a pilot with a few "
                "communities, roll-out across the organisation, and then sustaining the habits.</p>",
            ),
        ],
    },
]


def ensure_root() -> Page:
    """The page tree root and the root collection; a flushed test database has neither, so make them as
    Wagtail's own migrations do."""
    Locale.objects.get_or_create(language_code="en")
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=Locale.objects.get(language_code="en")))
    return root


def ensure_home(root: Page, admin) -> HomePage:
    home = HomePage.objects.first()
    if home is None:
        # Wagtail's placeholder "Welcome" page holds the slug we want.
        for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
            placeholder.delete()
        home = HomePage(slug="home", **HOME)
        root.add_child(instance=home)
        home.save_revision(user=admin).publish(user=admin)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Knowledge & Learning Portal"
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Knowledge & Learning Portal"
        site.save()
    return home


# Demo accounts, one per editorial group (passwords in the README; dev only).
EDITORIAL_USERS = [
    ("author", "Amira", "Haddad", "KM champion, Operations", AUTHORS),
    ("expert", "Tomás", "Berg", "Subject expert, Knowledge strategy", SUBJECT_EXPERTS),
    ("editor", "Grace", "Okafor", "Portal editor", EDITORS),
    ("moderator", "Lena", "Fischer", "Community moderator", MODERATORS),
]
# Each demo account's role in the KM programme (an audience slug) and department.
EDITORIAL_ROLES = {
    ADMIN_USERNAME: ("local-knowledge-manager", "Knowledge Management"),
    "author": ("km-champion", "Operations"),
    "expert": ("local-knowledge-manager", "Strategy"),
    "editor": ("local-knowledge-manager", "Knowledge Management"),
    "moderator": ("community-facilitator", "Knowledge Management"),
}


def ensure_topics(nodes, parent=None):
    for node in nodes:
        topic = Topic.objects.filter(slug=node["slug"]).first()
        if topic is None:
            topic = Topic(name=node["name"], slug=node["slug"], description=node.get("description", ""))
            topic = parent.add_child(instance=topic) if parent else Topic.add_root(instance=topic)
        ensure_topics(node.get("children", []), topic)


def ensure_audiences():
    for order, spec in enumerate(demo_items("home", "audiences")):
        Audience.objects.get_or_create(slug=spec["slug"], defaults={**spec, "sort_order": order})


def ensure_library(home, admin):
    library = home.get_children().type(LibraryIndexPage).first()
    if library is None:
        library = ensure_page(
            home,
            LibraryIndexPage,
            admin,
            slug="library",
            title="Reference library",
            summary="Approved, current reference material: how-tos, guides and checklists for every stage of a "
            "KM programme, each with an owner who keeps it up to date.",
        )
    users = {
        user.username: user for user in get_user_model().objects.filter(username__in=[u[0] for u in EDITORIAL_USERS])
    }
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    existing = {article.slug: article for article in ReferenceArticlePage.objects.child_of(library)}
    today = timezone.localdate()
    for spec in demo_items("home", "articles"):
        if spec["slug"] in existing:
            ensure_picture(existing[spec["slug"]], admin)
            continue
        author = users.get(spec["author"], admin)
        published = today - datetime.timedelta(days=30 * spec["months_ago"])
        updated = today - datetime.timedelta(days=30 * spec.get("updated_months_ago", spec["months_ago"]))
        review_by = published + datetime.timedelta(days=365)
        if "review_in_days" in spec:
            review_by = today + datetime.timedelta(days=spec["review_in_days"])
        article = ReferenceArticlePage(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=stream_blocks(spec["body"]),
            stage=spec["stage"],
            owner=author,
            content_owner=author,
            review_by=review_by,
            image=picture_for(ReferenceArticlePage, spec["title"]),
        )
        article.topics = [topics[slug] for slug in spec["topics"]]
        article.audiences = [audiences[slug] for slug in spec["audiences"]]
        article.tags.set(spec["tags"])
        library.add_child(instance=article)
        article.save_revision(user=author).publish(user=users["editor"])
        ReferenceArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=timezone.make_aware(datetime.datetime.combine(published, datetime.time(10))),
            last_published_at=timezone.make_aware(datetime.datetime.combine(updated, datetime.time(10))),
        )
    return library


def load(stdout=None):
    root = ensure_root()
    install_editorial_setup(django_apps)  # already there from the migration, unless a test flushed it
    admin = ensure_admin()
    for username, first, last, _title, group in EDITORIAL_USERS:
        ensure_user(username, first, last, group)
    home = ensure_home(root, admin)
    for spec in PAGES:
        ensure_page(home, StandardPage, admin, **spec)
    ensure_topics(demo_items("home", "topics"))
    ensure_audiences()
    for user in get_user_model().objects.filter(username__in=EDITORIAL_ROLES):
        ensure_role(user, *EDITORIAL_ROLES[user.username])
    library = ensure_library(home, admin)
    slugs = [spec["slug"] for spec in demo_items("home", "articles")]
    for article in ReferenceArticlePage.objects.child_of(library).live().filter(slug__in=slugs):
        record_article(article, now=True)  # dated as the demo dates it, for its author's followers
    return home
