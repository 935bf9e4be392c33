"""Demo follows between demo people and of topics; idempotent."""

from django.contrib.auth import get_user_model

from portal.demo import demo_items
from portal.network.models import PersonFollow, TopicFollow
from portal.taxonomy.models import Topic


def load(stdout=None):
    people = {user.username: user for user in get_user_model().objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    for spec in demo_items("portal.network", "follows"):
        follower = people[spec["follower"]]
        for username in spec["people"]:
            PersonFollow.objects.set(follower, True, person=people[username])
        for slug in spec["topics"]:
            TopicFollow.objects.set(follower, True, topic=topics[slug])
