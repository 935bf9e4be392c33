"""Demo reader feedback: open "outdated" flags and suggestions on demo articles and lessons, earlier reports their
owners resolved, and helpful answers. Idempotent: a flag already there, or an answer already given, is left as it
is."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from wagtail.models import Page, Site

from portal.demo import demo_items
from portal.feedback.models import ContentFlag, HelpfulVote


def demo_page(home, path: str) -> Page:
    return Page.objects.get(url_path=f"{home.url_path}{path}/")


def ensure_resolved_flag(page, reader, spec, people, now):
    """An earlier report its owner already dealt with (made once; the reader is not told again)."""
    if ContentFlag.objects.filter(page=page, flagged_by=reader, kind=spec["kind"], resolved_at__isnull=False).exists():
        return
    ContentFlag.objects.create(
        page=page,
        flagged_by=reader,
        kind=spec["kind"],
        comment=spec["comment"],
        created_at=now - datetime.timedelta(days=spec["days_ago"]),
        resolved_at=now - datetime.timedelta(days=spec["resolved_days_ago"]),
        resolved_by=people[spec["resolved_by"]],
        resolution_note=spec["resolution"],
    )


def load(stdout=None):
    home = Site.objects.get(is_default_site=True).root_page
    people = {user.username: user for user in get_user_model().objects.all()}
    now = timezone.now()
    for spec in demo_items("portal.feedback", "flags"):
        page, reader = demo_page(home, spec["page"]), people[spec["by"]]
        if "resolved_days_ago" in spec:
            ensure_resolved_flag(page, reader, spec, people, now)
            continue
        flag, created = ContentFlag.report(page, reader, spec["kind"], spec["comment"])
        if created:
            flag.created_at = now - datetime.timedelta(days=spec["days_ago"])
            flag.save(update_fields=["created_at"])
    for spec in demo_items("portal.feedback", "helpful_votes"):
        page, user = demo_page(home, spec["page"]), people[spec["by"]]
        if not HelpfulVote.objects.filter(page=page, user=user, helpful=spec["helpful"]).exists():
            HelpfulVote.record(page, user, spec["helpful"])
