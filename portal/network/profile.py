"""The profile's line from the value network: "Helped N people in M departments this year"."""

import datetime

from django.utils import timezone

from portal.network.value import helped_summary


def start_of_year() -> datetime.datetime:
    today = timezone.localdate()
    return timezone.make_aware(datetime.datetime(today.year, 1, 1))


def helped_this_year(profile, viewer):
    """portal.people's profile section: hidden when the viewer may open none of this year's help."""
    summary = helped_summary(profile.user, viewer, since=start_of_year())
    return {"summary": summary, "year": timezone.localdate().year} if summary.people else None
