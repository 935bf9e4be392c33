from django import template
from django.contrib.auth import get_user_model

from portal.network.models import PersonFollow, TopicFollow

register = template.Library()


@register.inclusion_tag("network/follow_person.html", takes_context=True)
def person_network(context, person):
    """On a profile: followers and whom they follow (active people only), and the viewer's follow button."""
    viewer = context["request"].user
    people = get_user_model().objects.filter(is_active=True).select_related("profile").order_by("profile__display_name")
    followers = list(people.filter(pk__in=PersonFollow.objects.filter(person=person).values("follower")))
    following = list(people.filter(pk__in=PersonFollow.objects.filter(follower=person).values("person")))
    return {
        "request": context["request"],
        "person": person,
        "followers": followers,
        "following": following,
        "can_follow": viewer.is_authenticated and viewer != person,
        "viewer_follows": any(follower.pk == viewer.pk for follower in followers),
    }


@register.inclusion_tag("network/follow_topic.html", takes_context=True)
def topic_follow(context, topic):
    viewer = context["request"].user
    return {
        "request": context["request"],
        "topic": topic,
        "signed_in": viewer.is_authenticated,
        "viewer_follows": viewer.is_authenticated and TopicFollow.objects.filter(follower=viewer, topic=topic).exists(),
        "follower_count": TopicFollow.objects.filter(topic=topic).count(),
    }
