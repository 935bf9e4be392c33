"""The command center's headline figures for a community page (the Knowledge Strategy Forum): the organisation's
learning, content and search headlines, and community health over the communities the reader may open."""

import dataclasses

from django.core.cache import cache
from django.utils import timezone

from portal.command_center.figures import build_panels
from portal.command_center.filters import CommandCenterFilters
from portal.command_center.models import CommandCenterSettings

SUMMARY_SECONDS = 60  # a page view must not rebuild every panel; a minute old is live enough for a summary


def shows_summary(page, request) -> bool:
    """Whether `page` is the community the editors picked for the summary."""
    return CommandCenterSettings.for_request(request).summary_community_id == page.pk


def summary(readable_community_ids) -> dict:
    """Every panel's title and headlines (never its figures: no thread titles or search terms leave the command
    center) for the default period, community figures over `readable_community_ids` only; a minute old at most."""
    readable = frozenset(readable_community_ids)
    key = "command-center-summary:" + ",".join(str(pk) for pk in sorted(readable))
    found = cache.get(key)
    if found is None:
        form = CommandCenterFilters({}, allowed_communities=None)
        form.is_valid()
        scope = dataclasses.replace(form.scope(), community_ids=readable)
        found = {
            "updated_at": timezone.now(),
            "start": scope.start,
            "end": scope.end,
            "panels": [
                {"key": panel.key, "title": panel.title, "headlines": panel.as_json()["headlines"]}
                for panel in build_panels(scope)
            ],
        }
        cache.set(key, found, SUMMARY_SECONDS)
    return found
