"""Trust status: the one rule that tells readers whether content is approved and current, due for review, reported
outdated by a reader, or an unreviewed community contribution. Every content type, the badge on its page and the
search facet use it."""

import datetime
from dataclasses import dataclass


@dataclass(frozen=True)
class TrustStatus:
    """What a reader is told about a piece of content, and the date the statement rests on."""

    code: str  # "current", "due", "outdated", "community"
    label: str
    date: datetime.date | None = None

    CURRENT = "current"
    DUE = "due"
    OUTDATED = "outdated"
    COMMUNITY = "community"

    @property
    def text(self) -> str:
        if self.code == self.CURRENT and self.date:
            return f"{self.label}, reviewed {self.date:%-d %b %Y}"
        if self.code == self.DUE and self.date:
            return f"{self.label} since {self.date:%-d %b %Y}"
        if self.code in (self.COMMUNITY, self.OUTDATED) and self.date:
            return f"{self.label} on {self.date:%-d %b %Y}"
        return self.label


def trust_status_for(content, today: datetime.date) -> TrustStatus:
    """Approved content is current until its review date passes, or until a reader flags it as outdated (an open
    flag outranks the review date until it is resolved); community content that no editor approved says so.
    Content types opt into the community status with `is_community_contribution()`, may say when a facilitator
    approved what is live with `facilitator_approved_on()`, and when a reader reported it outdated with
    `reported_outdated_on()`."""
    if getattr(content, "is_community_contribution", lambda: False)():
        approved_on = getattr(content, "facilitator_approved_on", lambda: None)()
        if approved_on is not None:  # still community knowledge, not editor-reviewed, but a facilitator vouched
            return TrustStatus(TrustStatus.COMMUNITY, "Community contribution, approved by a facilitator", approved_on)
        return TrustStatus(TrustStatus.COMMUNITY, "Community contribution, not reviewed")
    reported_on = getattr(content, "reported_outdated_on", lambda: None)()
    if reported_on is not None:
        return TrustStatus(TrustStatus.OUTDATED, "Reported outdated", reported_on)
    review_by = getattr(content, "review_by", None)
    if review_by is not None and review_by < today:
        return TrustStatus(TrustStatus.DUE, "Due for review", review_by)
    reviewed = getattr(content, "last_reviewed_at", None) or _published_on(content)
    return TrustStatus(TrustStatus.CURRENT, "Approved", reviewed)


def _published_on(content):
    published = getattr(content, "last_published_at", None) or getattr(content, "first_published_at", None)
    return published.date() if published else None


def combined_trust(statuses: list[TrustStatus]) -> TrustStatus | None:
    """One status for something made of parts (a path of modules): the worst part's, reported outdated before due
    (since the earliest date), else approved as of its oldest review; None without parts."""
    if not statuses:
        return None
    for code in (TrustStatus.OUTDATED, TrustStatus.DUE):
        worst = [status for status in statuses if status.code == code]
        if worst:
            return min(worst, key=lambda status: status.date or datetime.date.max)
    current = [status for status in statuses if status.code == TrustStatus.CURRENT]
    if current:
        dated = [status.date for status in current if status.date]
        return TrustStatus(TrustStatus.CURRENT, "Approved", min(dated) if dated else None)
    return statuses[0]
