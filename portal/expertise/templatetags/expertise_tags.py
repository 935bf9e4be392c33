from django import template

from portal.expertise.knowledge import people_to_ask

register = template.Library()


@register.inclusion_tag("expertise/people_you_can_ask.html", takes_context=True)
def people_you_can_ask(context, topics, limit=4):
    """The "People you can ask" box for a topic, or an item's topics (a queryset or list of topics): the people
    whose evidence on them this reader may open rank first, declared expertise after."""
    from portal.taxonomy.models import Topic

    if isinstance(topics, Topic):
        topics = [topics]
    topics = list(topics or [])
    request = context.get("request")
    viewer = getattr(request, "user", None)
    people = people_to_ask(topics, viewer, limit=limit) if topics else []
    more = f"/search/people/?topic={topics[0].slug}" if len(topics) == 1 else ""
    return {"people": people, "more_url": more, "request": request}
