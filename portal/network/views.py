"""Follow and stop following, for signed-in people: a person who is not active, or a topic that does not exist,
is a 404; a repeated request changes nothing; one cannot follow oneself. And /me/network/, the stream of what
one's follows brought."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from portal.network.models import PersonFollow, TopicFollow
from portal.network.stream import followed_community_ids, stream_for
from portal.people.models import Profile
from portal.taxonomy.models import Topic

STREAM_PAGE_SIZE = 20


def wants_to_follow(request) -> bool:
    return request.POST.get("follow") != "no"


@login_required
@require_POST
def follow_person(request, username):
    person = get_object_or_404(get_user_model(), username=username[:150], is_active=True)
    profile = Profile.for_user(person)
    if person == request.user:
        messages.error(request, "You cannot follow yourself.")
        return redirect(profile.get_absolute_url())
    following = wants_to_follow(request)
    PersonFollow.objects.set(request.user, following, person=person)
    messages.success(request, f"You follow {profile.name}." if following else f"You no longer follow {profile.name}.")
    return redirect(profile.get_absolute_url())


@login_required
@require_POST
def follow_topic(request, slug):
    topic = get_object_or_404(Topic, slug=slug[:100])
    following = wants_to_follow(request)
    TopicFollow.objects.set(request.user, following, topic=topic)
    messages.success(request, f"You follow {topic.name}." if following else f"You no longer follow {topic.name}.")
    return redirect(topic.get_absolute_url())


@login_required
def my_network(request):
    """/me/network/: what the people, topics and communities the reader follows did, newest first, a page at a
    time; only items the reader may open (portal.network.stream decides)."""
    page = Paginator(stream_for(request.user), STREAM_PAGE_SIZE).get_page(request.GET.get("page"))
    follows_anything = (
        PersonFollow.objects.filter(follower=request.user).exists()
        or TopicFollow.objects.filter(follower=request.user).exists()
        or bool(followed_community_ids(request.user))
    )
    return TemplateResponse(
        request,
        "network/my_network.html",
        {"page_obj": page, "activities": page.object_list, "follows_anything": follows_anything},
    )
