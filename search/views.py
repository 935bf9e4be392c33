"""Search pages and JSON: /search/, /search/people/, /search/autocomplete/, /search/similar/ and /api/search/.
Elasticsearch answers; when it cannot, the database does (with a notice), never a 500."""

import logging

from elasticsearch.exceptions import ElasticsearchException

from django.conf import settings
from django.core.cache import cache
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from portal.curation.credits import credit_hits
from portal.searchable import batch_cache
from search.fallback import fallback_search
from search.models import SearchDay, ZeroResultQuery, count_search_term
from search.promotions import promoted_hits
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


def record(search_request, results):
    """Count a search people ran (the first page of results, for words or filters): the daily rollup of the command
    center's Search panel; for words alone also Wagtail's search terms report and, when nothing was found, the
    search-gaps report. Further pages of the same search are not counted again; nor is autocomplete, which asks at
    every pause in typing (a search would count once per prefix, and prefixes that find nothing are not gaps)."""
    if search_request.asked_page != 1 or not (search_request.text or search_request.selections):
        return
    # The database fallback (Elasticsearch down) reads titles alone: its "nothing" is not counted as nothing.
    found_nothing = results.total == 0 and not results.limited
    SearchDay.record(search_request.text, search_request.selections.get("topic", []), found_nothing)
    if not search_request.text or search_request.selections:
        return
    count_search_term(search_request.text[:255])
    if found_nothing:
        ZeroResultQuery.record(search_request.text)


@never_cache
def search(request):
    search_request, results = run_search(request, SearchWithPeople)
    record(search_request, results)
    promoted = promoted_hits(search_request, request.user)
    promoted_keys = {hit.key for hit in promoted}
    results.hits = promoted + [hit for hit in results.hits if hit.key not in promoted_keys]
    credit_hits(results.hits, request.user)
    return render(
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
