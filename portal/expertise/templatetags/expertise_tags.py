from django import template
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from portal.expertise.knowledge import people_to_ask
from portal.expertise.refresh import EXPERTISE_TAG
from portal.pagecache.fragments import shared
from portal.searchable import reader_tokens, search_key

register = template.Library()

# The box shows what evidence says: kept until someone's evidence is recomputed, a listing changes (publishes,
# memberships), one of the people shown is re-indexed (renamed, deactivated) or PAGE_CACHE_SECONDS pass.
PEOPLE_TAGS = (EXPERTISE_TAG, "listings")


def people_tags(entries) -> set[str]:
    return {*PEOPLE_TAGS, *(key for _, _, key in entries)}


@register.simple_tag(takes_context=True)
def people_you_can_ask(context, topics, limit=4):
    """The "People you can ask" box for a topic, or an item's topics (a queryset or list of topics): the people
    whose evidence on them this reader may open rank first, declared expertise after. Everyone with the same reader
    tokens sees the same people, so each person's entry is rendered once for all of them (limit + 1 people, so that
    a reader among them can leave themself out)."""
    from portal.taxonomy.models import Topic

    if isinstance(topics, Topic):
        topics = [topics]
    topics = list(topics or [])
    if not topics:
        return ""
    request = context.get("request")
    viewer = getattr(request, "user", None)
    tokens = reader_tokens(viewer)

    def entries() -> list[tuple[int, str, str]]:
        people = people_to_ask(topics, viewer, limit=limit + 1, keep_viewer=True)
        return [
            (
                person.profile.user_id,
                render_to_string("expertise/_person_to_ask.html", {"person": person}),
                search_key(person.profile),  # bumped when their profile is indexed again
            )
            for person in people
        ]

    name = f"people-to-ask:{','.join(str(pk) for pk in sorted(topic.pk for topic in topics))}:{limit}:with-keys"
    rendered = shared(name, "all" if tokens is None else ",".join(tokens), people_tags, entries)
    own = viewer.pk if viewer is not None and viewer.is_authenticated else None
    people = [mark_safe(html) for user_id, html, _ in rendered if user_id != own][:limit]  # rendered by our template
    more = f"/search/people/?topic={topics[0].slug}" if len(topics) == 1 else ""
    return render_to_string("expertise/people_you_can_ask.html", {"people": people, "more_url": more})
