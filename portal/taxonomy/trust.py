"""Trust status: the one rule that tells readers whether content is approved and current, due for review, or an
unreviewed community contribution. Every content type, the badge on its page and the search facet use it."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class TrustStatus:
    """What a reader is told about a piece of content, and the date the statement rests on."""

    code: str  # "current", "due", "community"
    label: str
    date: datetime.date | None = None

    CURRENT = "current"
    DUE = "due"
    COMMUNITY = "community"

    @property
    def text(self) -> str:
        if self.code == self.CURRENT and self.date:
            return f"{self.label}, reviewed {self.date:%-d %b %Y}"
        if self.code == self.DUE and self.date:
            return f"{self.label} since {self.date:%-d %b %Y}"
        return self.label


def trust_status_for(content, today: datetime.date) -> TrustStatus:
    """Approved content is current until its review date passes; community content that no editor approved says
    so. Content types opt into the community status with `is_community_contribution()`."""
    if getattr(content, "is_community_contribution", lambda: False)():
        return TrustStatus(TrustStatus.COMMUNITY, "Community contribution, not reviewed")
    review_by = getattr(content, "review_by", None)
    if review_by is not None and review_by < today:
        return TrustStatus(TrustStatus.DUE, "Due for review", review_by)
    reviewed = getattr(content, "last_reviewed_at", None) or _published_on(content)
    return TrustStatus(TrustStatus.CURRENT, "Approved", reviewed)


def _published_on(content):
    published = getattr(content, "last_published_at", None) or getattr(content, "first_published_at", None)
    return published.date() if published else None
