"""Which live content sits under which topic or tag, across every classified page type, in a fixed number of
queries however much content there is."""

from collections import defaultdict

from django.db.models import prefetch_related_objects

from wagtail.models import Page

from portal.pictures import card_images
from portal.taxonomy.models import Topic, classified_models


def readable_pages():
    """Live pages anyone may open (view-restricted pages are left out of public listings)."""
    return Page.objects.live().public()


def _topic_links():
    """(page id, topic path) for every live, public classified page."""
    models = classified_models()
    readable = set(readable_pages().type(*models).values_list("pk", flat=True)) if models else set()
    for model in classified_models():
        through = model.topics.through
        page_field = model.topics.field.m2m_field_name()
        for page_id, path in through.objects.values_list(f"{page_field}_id", "topic__path"):
            if page_id in readable:
                yield page_id, path


def topic_counts():
    """Topic id -> number of live, public pages under that topic or any topic below it."""
    pages_by_path = defaultdict(set)
    for page_id, path in _topic_links():
        for prefix in Topic.paths_down_to(path):
            pages_by_path[prefix].add(page_id)
    return {topic.pk: len(pages_by_path.get(topic.path, ())) for topic in Topic.objects.only("pk", "path")}


def pages_in_topic(topic):
    """Live, public pages filed under the topic or any topic below it."""
    ids = set()
    subtree = set(topic.subtree_ids())
    for model in classified_models():
        page_field = model.topics.field.m2m_field_name()
        ids.update(model.topics.through.objects.filter(topic_id__in=subtree).values_list(f"{page_field}_id", flat=True))
    return readable_pages().filter(pk__in=ids)


def pages_with_tag(tag):
    ids = set()
    for model in classified_models():
        through = model.tags.through
        ids.update(through.objects.filter(tag=tag).values_list("content_object_id", flat=True))
    return readable_pages().filter(pk__in=ids)


def prefetch_for_cards(items):
    """Fetch the pictures, topics and audiences that listing cards show, a query or two per relation and page type,
    for a list of specific pages of mixed types."""
    by_model = defaultdict(list)
    for item in items:
        by_model[type(item)].append(item)
    classified = tuple(classified_models())
    for model, group in by_model.items():
        relations = ["topics", "audiences"] if issubclass(model, classified) else []
        if hasattr(model, "image"):
            relations.append(card_images())
        if hasattr(model, "card_prefetches"):
            relations.extend(model.card_prefetches())
        if relations:
            prefetch_related_objects(group, *relations)
    return items
