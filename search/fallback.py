"""Search from the database when Elasticsearch is unreachable or slow: titles and summaries matched with the ORM,
every candidate checked with the same protocol method as normal hits. No facets beyond content type."""

from django.db.models import Q
from django.utils.html import escape

from portal.searchable import searchable_types
from search.query import PAGE_SIZE, FacetResult, FacetValue, Hit, SearchResults

CANDIDATES = 200


def fallback_search(request, user, index="content") -> SearchResults:
    from wagtail.models import Page

    words = request.text.split()[:8]
    candidates = []
    if index == "content":
        pages = Page.objects.live().order_by("-last_published_at")
        for word in words:
            pages = pages.filter(Q(title__icontains=word) | Q(search_description__icontains=word))
        candidates += list(pages.specific()[:CANDIDATES])
    for entry in searchable_types.values():
        if entry.indexed and entry.index == index and entry.queryset:
            objects = entry.queryset()
            for word in words:
                objects = objects.filter(**{f"{entry.title_field}__icontains": word})
            candidates += list(objects[:CANDIDATES])
    documents = []
    for obj in candidates:
        document = obj.search_document() if hasattr(obj, "search_document") else None
        if document is not None and obj.search_visible_to(user):
            documents.append((obj, document))
    kinds = request.selections.get("type", [])
    counts = {}
    for _, document in documents:
        counts[document.kind] = counts.get(document.kind, 0) + 1
    if kinds:
        documents = [(obj, document) for obj, document in documents if document.kind in kinds]
    documents.sort(key=lambda pair: pair[1].updated.timestamp() if pair[1].updated else 0, reverse=True)
    start = (request.page - 1) * PAGE_SIZE
    if start >= len(documents):
        request.page, start = 1, 0
    hits = [
        Hit(
            key=document.key,
            obj=obj,
            title_html=escape(document.title),
            snippet_html=escape(document.summary[:240]),
            url=document.url,
            kind=document.kind,
            community=document.community,
            date=document.published or document.updated,
        )
        for obj, document in documents[start : start + PAGE_SIZE]
    ]
    facet = FacetResult(
        "type",
        "Content type",
        [
            FacetValue(kind, kind, count, kind in kinds, request.query_string(toggle=("type", kind)))
            for kind, count in sorted(counts.items())
        ],
    )
    return SearchResults(request=request, hits=hits, total=len(documents), facets=[facet], chips=[], limited=True)
