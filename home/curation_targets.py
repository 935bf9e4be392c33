"""Curation's way into the library: a draft reference article, classified as its source, owned by its curator."""

from django.utils.text import slugify

from wagtail.coreutils import find_available_slug

from home.models import LibraryIndexPage, ReferenceArticlePage
from portal.curation.sources import CurationTarget


def libraries_for(user) -> list:
    return [page for page in LibraryIndexPage.objects.all() if page.permissions_for_user(user).can_add_subpage()]


def build_article(parent, draft, user):
    article = ReferenceArticlePage(
        title=draft.title,
        slug=find_available_slug(parent, slugify(draft.title)[:60] or "article"),
        summary=draft.summary,
        body=draft.body,
        stage=draft.stage,
        owner=user,
        content_owner=user,
        live=False,
    )
    parent.add_child(instance=article)
    article.topics.set(draft.topic_ids)
    article.audiences.set(draft.audience_ids)
    article.tags.set(draft.tags)
    article.save()
    article.save_revision(user=user, log_action=True)
    return article


ARTICLE = CurationTarget("article", "A reference article", libraries_for, build_article)
