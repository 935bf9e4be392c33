"""Reference articles are evidence of expertise for the people who wrote them (the page's Wagtail owner) and the
people accountable for them (content owner), once live, under the article's topics."""

from django.db.models import Q

from home.models import ReferenceArticlePage
from portal.expertise.models import Kind
from portal.expertise.sources import Fact
from portal.searchable import page_readers


def facts(user_ids):
    articles = ReferenceArticlePage.objects.live().prefetch_related("topics")
    if user_ids is not None:
        articles = articles.filter(Q(owner_id__in=user_ids) | Q(content_owner_id__in=user_ids))
    for article in articles:
        readers = page_readers(article)
        if not readers:
            continue
        topic_ids = [topic.pk for topic in article.topics.all()]
        published = article.first_published_at or article.last_published_at
        for user_id in {article.owner_id, article.content_owner_id} - {None}:
            if user_ids is None or user_id in user_ids:
                yield Fact.about_page(user_id, Kind.ARTICLE, article, topic_ids, readers, published)


def people_of_page(page) -> set[int]:
    page = page.specific
    if isinstance(page, ReferenceArticlePage):
        return {page.owner_id, page.content_owner_id} - {None}
    return set()
