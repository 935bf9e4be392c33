"""Search pages and JSON: /search/, /search/people/, /search/autocomplete/, /search/similar/ and /api/search/.
Elasticsearch answers; when it cannot, the database does (with a notice), never a 500."""

import logging

from elasticsearch.exceptions import ElasticsearchException

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.cache import never_cache

from portal.curation.credits import credit_hits
from portal.expertise.refresh import EXPERTISE_TAG
from portal.pagecache.cache import cache_for_readers, count_each_serving, depends_on, may_use
from portal.pagecache.signals import SITE
from portal.searchable import batch_cache
from search.fallback import fallback_search
from search.models import count_search
from search.promotions import PROMOTIONS_TAG, promoted_hits
from search.query import (
    CONTENT_FACETS,
    PEOPLE_FACETS,
    SORTS,
    FacetedSearch,
    PeopleSearch,
    SearchRequest,
    SearchWithPeople,
    autocomplete,
)
from search.related import MAX_TITLE_LENGTH, similar_items

logger = logging.getLogger(__name__)


def run_search(request, engine=FacetedSearch, facets=CONTENT_FACETS, index="content"):
    with batch_cache():  # topics, view restrictions and the reader's groups are read once per search
        search_request = SearchRequest.from_query_dict(request.GET, facets)
        try:
            results = engine(search_request, request.user).run()
        except ElasticsearchException:
            logger.warning("Elasticsearch unavailable; answering %r from the database", search_request.text)
            results = fallback_search(search_request, request.user, index=index)
    return search_request, results


def search_count(search_request, results) -> dict | None:
    """What this search counts (`search.models.count_search`), or None: only the first page of results, for words
    or filters, is counted. Further pages of the same search are not counted again; nor is autocomplete, which asks
    at every pause in typing (a search would count once per prefix, and prefixes that find nothing are not gaps)."""
    if search_request.asked_page != 1 or not (search_request.text or search_request.selections):
        return None
    return {
        "text": search_request.text,
        "topics": list(search_request.selections.get("topic", [])),
        # The database fallback (Elasticsearch down) reads titles alone: its "nothing" is not counted as nothing.
        "found_nothing": results.total == 0 and not results.limited,
        "words_alone": bool(search_request.text) and not search_request.selections,
    }


def record(search_request, results) -> dict | None:
    count = search_count(search_request, results)
    if count is not None:
        count_search(count)
    return count


# What an anonymous search page shows from elsewhere: any item of either index (results, counts and the people
# strip: the outbox bumps its index's tag for every write), anyone's evidence, editors' picks, the taxonomy.
SEARCH_PAGE_TAGS = ("index:content", "index:people", EXPERTISE_TAG, PROMOTIONS_TAG, SITE)


def kept_for_anonymous_readers(request, results, count) -> bool:
    """Keep an anonymous reader's search for the next reader who asks the same: they see exactly the same (public
    items only), and each serving is counted as this one was. Not when the index could not answer it whole: the
    database's fallback, or hits the index still had that the database no longer shows (the index is about to
    change)."""
    if not may_use(request) or request.user.is_authenticated or results.limited or results.dropped:
        return False
    cache_for_readers(request, SEARCH_PAGE_TAGS)
    depends_on(request, [hit.key for hit in results.hits])
    if count is not None:
        count_each_serving(request, "search", count)
    return True


def search(request):
    # One batch for the whole page: the hits' cards (trust, reported-outdated flags) share what the search read.
    with batch_cache():
        search_request, results = run_search(request, SearchWithPeople)
        count = record(search_request, results)
        promoted = promoted_hits(search_request, request.user)
        promoted_keys = {hit.key for hit in promoted}
        results.hits = promoted + [hit for hit in results.hits if hit.key not in promoted_keys]
        credit_hits(results.hits, request.user)
        response = render(
            request,
            "search/search.html",
            {
                "search_query": search_request.text,
                "search": search_request,
                "results": results,
                "sorts": [(key, label, search_request.query_string(sort=key)) for key, label in SORTS.items()],
                "previous_url": search_request.query_string(page=search_request.page - 1),
                "next_url": search_request.query_string(page=search_request.page + 1),
                "suggestion_url": SearchRequest(text=results.suggestion).query_string() if results.suggestion else "",
            },
        )
    if not kept_for_anonymous_readers(request, results, count):
        add_never_cache_headers(response)  # a reader's own results: no browser or proxy keeps them
    return response


@never_cache
def people(request):
    search_request, results = run_search(request, PeopleSearch, PEOPLE_FACETS, index="people")
    return render(
        request,
        "search/people.html",
        {
            "search_query": search_request.text,
            "search": search_request,
            "results": results,
            "previous_url": search_request.query_string(page=search_request.page - 1),
            "next_url": search_request.query_string(page=search_request.page + 1),
        },
    )


@never_cache
def autocomplete_view(request):
    text = request.GET.get("q", "")[:100]
    try:
        suggestions = autocomplete(text, request.user)
    except ElasticsearchException:
        suggestions = []
    return JsonResponse({"query": text, "results": suggestions})


def similar_allowed(request) -> bool:
    """At most SIMILAR_QUESTIONS_PER_MINUTE look-ups per person (or address, signed out) per minute: the form asks
    once a pause in typing, so more is a script, not a person."""
    who = request.user.pk if request.user.is_authenticated else request.META.get("REMOTE_ADDR", "")
    key = f"similar-questions:{who}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=90)
    return cache.incr(key) <= settings.SIMILAR_QUESTIONS_PER_MINUTE


@never_cache
def similar_view(request):
    """Threads and articles that may already answer the question whose title is being typed (`q`), those of the
    community it is asked in (`community`, a page id) first among equals; only what the reader may open."""
    text = request.GET.get("q", "")[:MAX_TITLE_LENGTH]
    if not similar_allowed(request):
        return JsonResponse({"query": text, "results": [], "error": "Too many look-ups; wait a minute."}, status=429)
    found = similar_items(text, request.user, request.GET.get("community"))
    return JsonResponse({"query": text, "results": [item.as_json() for item in found]})


@never_cache
def api(request):
    """The search page as JSON: same query parameters, permissions and facets."""
    search_request, results = run_search(request)
    record(search_request, results)
    return JsonResponse(
        {
            "query": search_request.text,
            "total": results.total,
            "page": search_request.page,
            "pages": results.pages,
            "sort": search_request.sort,
            "limited": results.limited,
            "did_you_mean": results.suggestion or None,
            "filters": search_request.selections,
            "notes": search_request.notes,
            "results": [
                {
                    "title": hit.obj.title if hasattr(hit.obj, "title") else str(hit.obj),
                    "title_html": str(hit.title_html),
                    "snippet": hit.snippet,
                    "snippet_html": str(hit.snippet_html),
                    "url": request.build_absolute_uri(hit.url),
                    "type": hit.kind,
                    "community": hit.community or None,
                    "date": hit.date.isoformat() if hit.date else None,
                }
                for hit in results.hits
            ],
            "facets": {
                facet.name: [
                    {"value": v.value, "label": v.label, "count": v.count, "selected": v.selected}
                    for v in FacetedSearch.flatten(facet.values)
                ]
                for facet in results.facets
            },
        }
    )
