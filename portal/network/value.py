"""The value network: who helps whom across departments (or organisations), counted in the database.

Feature apps register help sources so this platform module never imports them. A source's `rows()` is a queryset
annotated with:

    helper_id    the user who helped           helped_id   the user helped
    occurred_at  when                          gate_page   the page the viewer must be able to open
    gate_key     a search key the viewer must also be able to open ("" when the page is enough)

Counting for a viewer: the distinct gate pages and keys of the matching rows are checked once each with the one
visibility rule (`page_visible_to`, `search_visible_to`), then the rows are filtered by the ones that pass and
grouped by the helper's and the helped person's department in SQL, so the work grows with the number of
communities and curated sources, never with the number of answers. Helping oneself never counts; people without a
department count under "No department"."""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf

from portal.people.models import Profile
from portal.searchable import batch_cache, objects_for_keys, page_visible_to

ANSWER, ACCEPTED, CONTRIBUTION = "answer", "accepted", "contribution"
KIND_LABELS = {ANSWER: "Answers", ACCEPTED: "Accepted answers", CONTRIBUTION: "Curated contributions"}
# An accepted answer is also an answer, so "all help" adds answers and contributions, never accepted ones again.
TOTAL_KINDS = (ANSWER, CONTRIBUTION)
GROUPINGS = {"department": "No department", "organisation": "No organisation"}


@dataclass
class HelpSource:
    """One kind of help a feature app records. `open_when_gone(keys)` says which gate keys whose object no longer
    exists may still be counted (a curated source that was public when it was deleted)."""

    name: str
    kind: str
    rows: Callable
    open_when_gone: Callable | None = None


help_sources: dict[str, HelpSource] = {}


def register_help_source(source: HelpSource) -> None:
    """Called from an AppConfig.ready(); registering the same name again replaces it (ready() may run twice)."""
    help_sources[source.name] = source


def group_of(user_field: str, grouping: str):
    """The person's department (or organisation) as an SQL expression, with the "No department" label for blanks."""
    value = Subquery(Profile.objects.filter(user_id=OuterRef(user_field)).values(grouping)[:1])
    return Coalesce(NullIf(value, Value("")), Value(GROUPINGS[grouping]))


def open_rows(source: HelpSource, viewer, start=None, end=None, helper=None):
    """The source's rows this viewer may open, in the period, never helping oneself."""
    rows = source.rows().order_by().filter(helper_id__isnull=False, helped_id__isnull=False)
    rows = rows.exclude(helper_id=F("helped_id"))
    if start is not None:
        rows = rows.filter(occurred_at__gte=start)
    if end is not None:
        rows = rows.filter(occurred_at__lt=end)
    if helper is not None:
        rows = rows.filter(helper_id=helper.pk)
    pages = set(rows.values_list("gate_page", flat=True).distinct())
    keys = set(rows.exclude(gate_key="").values_list("gate_key", flat=True).distinct())
    return rows.filter(gate_page__in=open_pages(pages, viewer)).filter(
        Q(gate_key="") | Q(gate_key__in=open_keys(keys, viewer, source.open_when_gone))
    )


def open_pages(page_ids, viewer) -> set[int]:
    from wagtail.models import Page

    with batch_cache():
        return {page.pk for page in Page.objects.filter(pk__in=page_ids) if page_visible_to(page, viewer)}


def open_keys(keys, viewer, open_when_gone=None) -> set[str]:
    found = objects_for_keys(keys)
    with batch_cache():
        allowed = {key for key, obj in found.items() if obj.search_visible_to(viewer)}
    gone = set(keys) - set(found)
    if gone and open_when_gone is not None:
        allowed |= set(open_when_gone(gone))
    return allowed


@dataclass
class Flow:
    """Help from one group to another, by kind."""

    helper_group: str
    helped_group: str
    counts: Counter = field(default_factory=Counter)

    @property
    def total(self) -> int:
        return sum(self.counts[kind] for kind in TOTAL_KINDS)


@dataclass
class ValueNetwork:
    """The flows between groups for one viewer, period and choice of kinds."""

    grouping: str
    kinds: list[str]
    flows: list[Flow]

    @property
    def groups(self) -> list[str]:
        return sorted({flow.helper_group for flow in self.flows} | {flow.helped_group for flow in self.flows})

    @property
    def columns(self) -> list[tuple[str, str]]:
        """(kind, label) of each kind counted, in order (the table adds a total when there are several)."""
        return [(kind, KIND_LABELS[kind]) for kind in self.kinds]

    @property
    def shows_total(self) -> bool:
        return len(self.kinds) > 1

    def figure(self, flow: Flow) -> int:
        """The one number a chart shows for a flow: the total, or the single kind chosen."""
        return flow.total if self.shows_total else flow.counts[self.kinds[0]]

    def table(self) -> list[list]:
        """Rows of the table and the CSV: helper group, helped group, each kind's count (and the total)."""
        rows = []
        for flow in self.flows:
            row = [flow.helper_group, flow.helped_group, *(flow.counts[kind] for kind in self.kinds)]
            rows.append(row + [flow.total] if self.shows_total else row)
        return rows

    def header(self) -> list[str]:
        labels = [label for _, label in self.columns] + (["Total help"] if self.shows_total else [])
        return [f"Helping {self.grouping}", f"Helped {self.grouping}", *labels]

    def chart_data(self) -> dict:
        """Chart.js's stacked bars: one bar per helping group, one stack segment per helped group."""
        groups = self.groups
        helpers = sorted({flow.helper_group for flow in self.flows})
        figures = {(flow.helper_group, flow.helped_group): self.figure(flow) for flow in self.flows}
        datasets = [
            {"label": helped, "data": [figures.get((helper, helped), 0) for helper in helpers]}
            for helped in groups
            if any(figures.get((helper, helped)) for helper in helpers)
        ]
        return {"labels": helpers, "datasets": datasets, "grouping": self.grouping}


def value_network(viewer, kinds, grouping="department", start=None, end=None) -> ValueNetwork:
    """The help between groups that this viewer may open, counted in SQL per source and kind."""
    flows: dict[tuple[str, str], Flow] = {}
    for source in help_sources.values():
        if source.kind not in kinds:
            continue
        grouped = (
            open_rows(source, viewer, start, end)
            .annotate(helper_group=group_of("helper_id", grouping), helped_group=group_of("helped_id", grouping))
            .values("helper_group", "helped_group")
            .annotate(count=Count("*"))
        )
        for row in grouped:
            key = (row["helper_group"], row["helped_group"])
            flows.setdefault(key, Flow(*key)).counts[source.kind] += row["count"]
    ordered = sorted(flows.values(), key=lambda flow: (flow.helper_group.casefold(), flow.helped_group.casefold()))
    return ValueNetwork(grouping, list(kinds), ordered)


@dataclass
class HelpedSummary:
    people: int
    departments: int


def helped_summary(person, viewer, since: datetime.datetime) -> HelpedSummary:
    """How many people, in how many departments, `person` helped since then, in what the viewer may open."""
    helped = set()
    for source in help_sources.values():
        if source.kind not in TOTAL_KINDS:  # an accepted answer is an answer already
            continue
        rows = open_rows(source, viewer, start=since, helper=person)
        helped |= set(rows.annotate(group=group_of("helped_id", "department")).values_list("helped_id", "group"))
    departments = {group for _, group in helped} - {GROUPINGS["department"]}  # "No department" is not one
    return HelpedSummary(len({pk for pk, _ in helped}), len(departments))
