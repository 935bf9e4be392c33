"""The command center's protocol: what a panel is, the scope it is asked for, and the registry apps fill.

The platform imports no feature app, so learning, communities, the library and search each register their panels
in their AppConfig.ready() (`register_panel`). A panel is asked for its figures with a `Scope`: the period, the
department, role and community filters, and which communities the viewer may see figures of (a facilitator: only
their own). Every figure is a table first (labels down the side, one column per series); the chart is drawn from
the same numbers, and the CSV is the same table."""

import datetime
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.db.models import Case, IntegerField, Value, When
from django.utils import timezone


@dataclass(frozen=True)
class Scope:
    """What the viewer asked for and what they may see. Dates are inclusive days in the site's time zone."""

    start: datetime.date
    end: datetime.date
    department: str = ""
    role_id: int | None = None  # a taxonomy Audience: the person's role on their profile
    community_id: int | None = None  # the community filter, if one was picked
    # None: every community; otherwise the only communities whose figures this viewer may see (a facilitator's).
    community_ids: frozenset[int] | None = None
    # A facilitator sees only panels about their communities, never the organisation's learning or search.
    communities_only: bool = False

    @property
    def since(self) -> datetime.datetime:
        """The first moment of the period, for `>=` comparisons."""
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def until(self) -> datetime.datetime:
        """The first moment after the period, for `<` comparisons."""
        return timezone.make_aware(datetime.datetime.combine(self.end + datetime.timedelta(days=1), datetime.time.min))

    @property
    def filters_people(self) -> bool:
        return bool(self.department) or self.role_id is not None

    def people(self):
        """Profiles of the people the department and role filters select (callers use `.values("user_id")`)."""
        from portal.people.models import Profile

        profiles = Profile.objects.all()
        if self.department:
            profiles = profiles.filter(department=self.department)
        if self.role_id is not None:
            profiles = profiles.filter(role_id=self.role_id)
        return profiles

    def communities(self) -> frozenset[int] | None:
        """The community ids the figures cover: the picked one (if the viewer may see it), the viewer's own, or
        None for all of them."""
        if self.community_id is not None:
            if self.community_ids is not None and self.community_id not in self.community_ids:
                return frozenset()
            return frozenset({self.community_id})
        return self.community_ids

    def weeks(self) -> list[datetime.date]:
        """The Mondays of the weeks the period touches, oldest first (weekly series are labelled by them)."""
        monday = self.start - datetime.timedelta(days=self.start.weekday())
        weeks = []
        while monday <= self.end:
            weeks.append(monday)
            monday += datetime.timedelta(days=7)
        return weeks

    def week_number(self, field: str) -> Case:
        """Which of the period's weeks (0 for the first) a moment in the period falls in, by the site's time zone:
        a binary search over each Monday's first moment in plain comparisons, a few per row however long the
        period, and right across daylight-saving changes (a database's week functions cost far more per row, differ
        between databases, and SQLite truncates dates in Python, row by row)."""
        starts = [timezone.make_aware(datetime.datetime.combine(day, datetime.time.min)) for day in self.weeks()]

        def among(low, high):  # the week in starts[low:high]
            if high - low == 1:
                return Value(low)
            middle = (low + high) // 2
            earlier = When(**{f"{field}__lt": starts[middle]}, then=among(low, middle))
            return Case(earlier, default=among(middle, high), output_field=IntegerField())

        return among(0, len(starts))


@dataclass
class Series:
    name: str
    values: list[float | int | None]


@dataclass
class Figure:
    """One chart and its table. `labels` run down the table's first column (headed `label_heading`); each series
    is a column. `links` (optional, one per label) link a label to where its figures come from."""

    key: str
    title: str
    label_heading: str
    labels: list[str]
    series: list[Series]
    chart: str = "bar"  # bar, stacked, horizontal, line, doughnut
    unit: str = ""  # "%", "days", "hours": shown after values in the table
    note: str = ""
    links: list[str | None] = field(default_factory=list)
    empty_message: str = "Nothing in this period."

    def rows(self) -> list[list]:
        return [[label, *(series.values[i] for series in self.series)] for i, label in enumerate(self.labels)]

    def header(self) -> list[str]:
        return [self.label_heading, *(series.name for series in self.series)]

    def table(self) -> list[dict]:
        """The rows as the page's table shows them: the label, its link, and each value with its unit."""
        return [
            {
                "label": label,
                "link": self.links[i] if i < len(self.links) else None,
                "cells": [shown(series.values[i], self.unit) for series in self.series],
            }
            for i, label in enumerate(self.labels)
        ]

    def as_json(self) -> dict:
        data = asdict(self)
        data["header"] = self.header()
        data["table"] = self.table()
        return data


def shown(value, unit: str = "") -> str:
    """A value as a table cell: a dash for none, whole numbers without decimals, the unit after."""
    if value is None:
        return "\N{EN DASH}"
    if isinstance(value, float):
        value = int(value) if value.is_integer() else round(value, 1)
    if isinstance(value, int):
        value = f"{value:,}"
    return f"{value}{'%' if unit == '%' else (' ' + unit if unit else '')}"


@dataclass
class Headline:
    """A single number at the top of a panel and in the command-center summary (the Knowledge Strategy Forum)."""

    label: str
    value: float | int | str | None
    unit: str = ""
    help: str = ""


@dataclass
class PanelData:
    key: str
    title: str
    headlines: list[Headline]
    figures: list[Figure]
    links: list[tuple[str, str]] = field(default_factory=list)  # (label, url): the admin reports behind it

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "title": self.title,
            "headlines": [
                {**asdict(headline), "shown": shown(headline.value, headline.unit)} for headline in self.headlines
            ],
            "figures": [figure.as_json() for figure in self.figures],
            "links": self.links,
        }


@dataclass(frozen=True)
class Panel:
    """A section of the command center. `build(scope)` returns its PanelData; `about_communities` panels are the
    ones a facilitator sees (restricted to their communities)."""

    key: str
    title: str
    order: int
    build: Callable[[Scope], PanelData]
    about_communities: bool = False


panels: dict[str, Panel] = {}
# Callables `provider(user) -> iterable of community ids` the person facilitates (the communities app registers one).
facilitation_providers: list[Callable] = []
# Callables `provider(ids or None) -> list of (id, title)`: the communities a filter may offer.
community_choice_providers: list[Callable] = []


def register_panel(panel: Panel) -> None:
    panels[panel.key] = panel


def register_facilitation_provider(provider: Callable) -> None:
    if provider not in facilitation_providers:
        facilitation_providers.append(provider)


def register_community_choices(provider: Callable) -> None:
    if provider not in community_choice_providers:
        community_choice_providers.append(provider)


def panels_for(scope: Scope) -> list[Panel]:
    chosen = [panel for panel in panels.values() if panel.about_communities or not scope.communities_only]
    return sorted(chosen, key=lambda panel: panel.order)


def build_panels(scope: Scope) -> list[PanelData]:
    return [panel.build(scope) for panel in panels_for(scope)]
