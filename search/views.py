"""Site search. This first version asks Wagtail's Elasticsearch backend for live, public pages; the faceted
search over every content type replaces it (see the faceted-search issue)."""

import logging

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from wagtail.models import Page

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 500
PAGE_SIZE = 10


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    pages = Page.objects.live().public().specific()
    fallback = False
    results = []
    if query:
        try:
            results = list(pages.search(query)[:200])
        except Exception:  # Elasticsearch down or timing out: answer from the database instead of failing
            logger.warning("Search backend unavailable; answering %r from the database", query, exc_info=True)
            fallback = True
            results = list(pages.filter(Q(title__icontains=query)).order_by("-first_published_at")[:200])
    page_obj = Paginator(results, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page_obj, "fallback": fallback, "result_count": len(results)},
    )
