"""Editors' picks on the search page (Wagtail's search promotions): which pages are promoted for a query is kept
for every reader until a promotion changes, so a search with no picks (most of them) asks the database nothing
for them; whether this reader may open each pick is checked on every request."""

from django.db.models.signals import post_delete, post_save
from django.utils.html import escape

from portal.pagecache.cache import bump
from portal.pagecache.fragments import shared
from portal.searchable import batch_cache
from search.query import Hit

PROMOTIONS_TAG = "search-promotions"


def picks_for(query_string: str) -> list[tuple[int, str]]:
    """(page id, the editor's description) of each pick for a normalised query, in the editors' order."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    def read():
        picks = SearchPromotion.objects.filter(query__query_string=query_string, page__isnull=False)
        return list(picks.order_by("sort_order", "pk").values_list("page_id", "description"))

    return shared(f"search-promotions:{query_string}", "all", (PROMOTIONS_TAG,), read)


def promoted_hits(search_request, user) -> list[Hit]:
    """Editors' picks for this query, only those this reader may open."""
    from wagtail.models import Page
    from wagtail.search.utils import normalise_query_string

    if not search_request.text or search_request.page != 1:
        return []
    picks = picks_for(normalise_query_string(search_request.text[:255]))
    if not picks:
        return []
    pages = Page.objects.live().filter(pk__in=[page_id for page_id, _ in picks]).specific().in_bulk()
    hits = []
    with batch_cache():
        for page_id, description in picks:
            page = pages.get(page_id)
            if page is not None and hasattr(page, "search_visible_to") and page.search_visible_to(user):
                hits.append(
                    Hit(
                        key=f"page:{page.pk}",
                        obj=page,
                        title_html=escape(page.title),
                        snippet_html=escape(description or getattr(page, "summary", "")),
                        url=page.url,
                        kind=getattr(page, "search_kind", "") or "Page",
                        promoted=True,
                    )
                )
    return hits


def on_promotions_changed(sender, **kwargs):
    bump({PROMOTIONS_TAG})


def connect():
    """A pick added, edited, moved to another query or removed (deleting a query removes its picks one by one)."""
    from wagtail.contrib.search_promotions.models import SearchPromotion

    post_save.connect(on_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotions-saved")
    post_delete.connect(on_promotions_changed, sender=SearchPromotion, dispatch_uid="search-promotions-deleted")
