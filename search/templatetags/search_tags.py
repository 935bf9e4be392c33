"""Search's parts of other apps' pages: `{% load search_tags %}{% related_items page %}` in a content template shows
the "Related" aside, without the content app importing `search`."""

from django import template

from search.related import related_items as find_related

register = template.Library()


@register.inclusion_tag("search/_related.html", takes_context=True)
def related_items(context, item):
    """The "Related" aside of an article, lesson, thread or blog post: items like it, the same topic first, each
    with its kind and trust badge; nothing at all when none (or Elasticsearch is unavailable)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    return {"related": find_related(item, user) if item is not None and getattr(item, "pk", None) else []}
