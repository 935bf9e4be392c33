"""A reference article's first publication goes into its author's followers' network streams (portal.network);
later corrections do not."""

from portal.network.activity import Verb, record, record_after_commit


def record_article(article, *, now=False) -> None:
    """The article's author published it: who created it (not the editor who approved it), else its content
    owner."""
    author = article.owner or article.content_owner
    if author is not None and article.live:
        save = record if now else record_after_commit
        save(author, Verb.ARTICLE_PUBLISHED, article, occurred_at=article.first_published_at)


def record_first_publication(sender, instance, revision=None, **kwargs):
    """page_published, for reference articles: the first publication only."""
    if instance.first_published_at == instance.last_published_at:
        record_article(instance)
