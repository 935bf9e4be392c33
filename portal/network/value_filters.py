"""The value network's filters, read from the query string: period (a preset or dates), kind of help, and whether
to group by department or organisation. A bad value is named in a note and falls back to the default; nothing
else is lost."""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.dateparse import parse_date

from portal.network.value import ACCEPTED, ANSWER, CONTRIBUTION, GROUPINGS, KIND_LABELS

PERIODS = {
    "30d": ("Last 30 days", 30),
    "90d": ("Last 90 days", 90),
    "12m": ("Last 12 months", 365),
    "all": ("All time", None),
    "dates": ("Between dates", None),
}
DEFAULT_PERIOD = "12m"
KINDS = {"all": "All help", ANSWER: KIND_LABELS[ANSWER], ACCEPTED: KIND_LABELS[ACCEPTED]}
KINDS[CONTRIBUTION] = KIND_LABELS[CONTRIBUTION]
GROUPING_LABELS = {"department": "Departments", "organisation": "Organisations"}


@dataclass
class NetworkFilters:
    period: str = DEFAULT_PERIOD
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    kind: str = "all"
    grouping: str = "department"
    notes: list[str] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        return [ANSWER, ACCEPTED, CONTRIBUTION] if self.kind == "all" else [self.kind]

    def bounds(self) -> tuple[datetime.datetime | None, datetime.datetime | None]:
        """[start, end) as aware datetimes; `date_to` is included whole."""
        if self.period == "dates":
            start = midnight(self.date_from) if self.date_from else None
            end = None
            if self.date_to and self.date_to < datetime.date.max:
                end = midnight(self.date_to + datetime.timedelta(days=1))
            return start, end
        days = PERIODS[self.period][1]
        return (timezone.now() - datetime.timedelta(days=days) if days else None), None

    def describe(self) -> str:
        if self.period != "dates":
            return PERIODS[self.period][0]
        if self.date_from and self.date_to:
            return f"{self.date_from:%-d %b %Y} to {self.date_to:%-d %b %Y}"
        return f"From {self.date_from:%-d %b %Y}" if self.date_from else f"Up to {self.date_to:%-d %b %Y}"

    def query(self, **changes) -> dict:
        """The query string that shows these figures (for the CSV link)."""
        params = {"period": self.period, "kind": self.kind, "by": self.grouping}
        if self.period == "dates":
            params.update({"from": self.date_from or "", "to": self.date_to or ""})
        params.update(changes)
        return {key: value for key, value in params.items() if value != ""}


def midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def read_filters(params) -> NetworkFilters:
    filters = NetworkFilters()
    kind = params.get("kind", "all").strip()[:20] or "all"
    if kind in KINDS:
        filters.kind = kind
    else:
        filters.notes.append(f"No such kind of help “{kind[:20]}”: showing all help.")
    grouping = params.get("by", "department").strip()[:20] or "department"
    if grouping in GROUPINGS:
        filters.grouping = grouping
    else:
        filters.notes.append(f"Figures can be grouped by department or organisation, not “{grouping[:20]}”.")
    read_period(params, filters)
    return filters


def read_period(params, filters: NetworkFilters) -> None:
    period = params.get("period", "").strip()[:20]
    raw_from, raw_to = params.get("from", "").strip()[:30], params.get("to", "").strip()[:30]
    if not period and (raw_from or raw_to):
        period = "dates"  # dates given without choosing "between dates" still mean those dates
    period = period or DEFAULT_PERIOD
    if period not in PERIODS:
        filters.notes.append(f"No such period “{period[:20]}”: showing the {PERIODS[DEFAULT_PERIOD][0].lower()}.")
        return
    if period != "dates":
        filters.period = period
        return
    dates = {}
    for name, raw in (("from", raw_from), ("to", raw_to)):
        try:
            dates[name] = parse_date(raw) if raw else None
            if raw and dates[name] is None:
                raise ValueError
        except ValueError:
            filters.notes.append(f"“{raw[:30]}” is not a date (use YYYY-MM-DD), so the “{name}” date was ignored.")
            dates[name] = None
    if dates["from"] and dates["to"] and dates["from"] > dates["to"]:
        filters.notes.append("The start date is after the end date: showing the last 12 months instead.")
        return
    if not dates["from"] and not dates["to"]:
        filters.notes.append("Choose a start or an end date (or both): showing the last 12 months instead.")
        return
    filters.period, filters.date_from, filters.date_to = "dates", dates["from"], dates["to"]
