"""Who may open the command center, and what they see: Programme leads, Editors and superusers see everything; a
facilitator sees the panels about communities, for their own communities only; nobody else gets in."""

from portal.command_center.figures import facilitation_providers
from portal.governance.workflows import EDITORS, PROGRAMME_LEADS

EVERYTHING = None


def command_center_scope(user) -> frozenset[int] | None:
    """None: every figure. Otherwise the ids of the communities whose figures this person may see; empty for
    someone who may not open the command center at all."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    if user.is_superuser or user.groups.filter(name__in=[PROGRAMME_LEADS, EDITORS]).exists():
        return EVERYTHING
    facilitated = set()
    for provider in facilitation_providers:
        facilitated |= set(provider(user))
    return frozenset(facilitated)


def may_open_command_center(user) -> bool:
    return command_center_scope(user) != frozenset()
