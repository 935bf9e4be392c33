"""Search's parts of other apps' pages: `{% load search_tags %}{% related_items page %}` in a content template shows
the "Related" aside, without the content app importing `search`."""

from django import template

from portal.pagecache.cache import depends_on, refuse
from portal.searchable import search_key
from search.related import paused as search_paused
from search.related import related_items as find_related

register = template.Library()


@register.inclusion_tag("search/_related.html", takes_context=True)
def related_items(context, item):
    """The "Related" aside of an article, lesson, thread or blog post: items like it, the same topic first, each
    with its kind and trust badge; nothing at all when none (or Elasticsearch is unavailable)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    related = find_related(item, user) if item is not None and getattr(item, "pk", None) else []
    # A kept page must go when an item it lists changes (retitled, restricted, unpublished): their keys are tags;
    # and when anything in the index changes, since related items are ranked by the whole index's word statistics
    # (an item published, or another edited, may enter or leave the list).
    depends_on(request, [search_key(suggestion.obj) for suggestion in related] + ["index:content"])
    if search_paused():  # Elasticsearch failed: an aside left empty by an outage must not be kept
        refuse(request)
    return {"related": related}
