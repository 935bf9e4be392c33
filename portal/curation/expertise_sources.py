"""A contribution credited on a live curated page is evidence of its contributor's expertise on the page's topics,
for readers who may open both the page and its source (a members-only answer counts for members only)."""

from wagtail.models import Page

from portal.curation.models import Contribution
from portal.expertise.models import Kind
from portal.expertise.sources import Fact, both_readers, for_users
from portal.searchable import PUBLIC, objects_for_keys, page_readers


def source_readers(provenance, sources) -> tuple[str, ...]:
    source = sources.get(provenance.source_key)
    if source is None:  # deleted: only a source anyone could read still counts (as its credit still shows)
        return (PUBLIC,) if provenance.source_was_public else ()
    document = source.search_document()
    return tuple(document.readers) if document is not None else ()


def facts(user_ids):
    contributions = list(
        Contribution.objects.filter(for_users("user_id", user_ids), user__isnull=False)
        .filter(provenance__credited_at__isnull=False)
        .select_related("provenance")
    )
    pages = {
        page.pk: page
        for page in Page.objects.live().filter(pk__in={c.provenance.page_id for c in contributions}).specific()
    }
    sources = objects_for_keys({c.provenance.source_key for c in contributions})
    for contribution in contributions:
        provenance = contribution.provenance
        page = pages.get(provenance.page_id)
        topics = getattr(page, "topics", None) if page is not None else None
        page_side = page_readers(page) if page is not None else None
        if topics is None or not page_side:
            continue
        readers = both_readers(page_side, source_readers(provenance, sources))
        if readers:
            topic_ids = tuple(topic.pk for topic in topics.all())
            yield Fact.about_page(contribution.user_id, Kind.CURATED, page, topic_ids, readers, provenance.credited_at)


def people_of_page(page) -> set[int]:
    return set(
        Contribution.objects.filter(provenance__page_id=page.pk, user__isnull=False).values_list("user_id", flat=True)
    )
