"""Browse by taxonomy: the topic tree with counts, a topic's content (its subtree included) and tag pages."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from taggit.models import Tag

from portal.taxonomy.browse import pages_in_topic, pages_with_tag, prefetch_for_cards, topic_counts
from portal.taxonomy.models import Topic

PAGE_SIZE = 20


def listing(pages, request):
    ordered = pages.specific().defer_streamfields().order_by("-first_published_at", "pk")
    page = Paginator(ordered, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = prefetch_for_cards(list(page.object_list))
    return page


def topic_index(request):
    counts = topic_counts()
    topics = list(Topic.objects.all())
    for topic in topics:
        topic.live_count = counts.get(topic.pk, 0)
    return render(request, "taxonomy/topic_index.html", {"topics": topics})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug[:100])
    counts = topic_counts()
    children = list(topic.get_children())
    for child in children:
        child.live_count = counts.get(child.pk, 0)
    return render(
        request,
        "taxonomy/topic_detail.html",
        {
            "topic": topic,
            "breadcrumbs": topic.get_ancestors(),
            "children": children,
            "live_count": counts.get(topic.pk, 0),
            "pages": listing(pages_in_topic(topic), request),
        },
    )


def tag_detail(request, slug):
    tag = get_object_or_404(Tag, slug=slug[:100])
    return render(request, "taxonomy/tag_detail.html", {"tag": tag, "pages": listing(pages_with_tag(tag), request)})
