"""Demo reader feedback: open "outdated" flags and suggestions on demo articles and lessons, and helpful answers.
Idempotent: a flag already open, or an answer already given, is left as it is."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Site

from portal.demo import demo_items
from portal.feedback.models import ContentFlag, HelpfulVote


def demo_page(home, path: str) -> Page:
    return Page.objects.get(url_path=f"{home.url_path}{path}/")


def load(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page
    people = {user.username: user for user in get_user_model().objects.all()}
    for spec in demo_items("portal.feedback", "flags"):
        flag, created = ContentFlag.report(
            demo_page(home, spec["page"]), people[spec["by"]], spec["kind"], spec["comment"]
        )
        if created:
            flag.created_at = timezone.now() - datetime.timedelta(days=spec["days_ago"])
            flag.save(update_fields=["created_at"])
    for spec in demo_items("portal.feedback", "helpful_votes"):
        page, user = demo_page(home, spec["page"]), people[spec["by"]]
        if not HelpfulVote.objects.filter(page=page, user=user, helpful=spec["helpful"]).exists():
            HelpfulVote.record(page, user, spec["helpful"])
