"""The command center's filters: a period, a department, a role and a community. A bad value gets a clear message
and the default in its place, so the figures still show."""

import datetime

from django import forms
from django.utils import timezone

from portal.command_center.figures import Scope, community_choice_providers
from portal.people.models import Profile
from portal.taxonomy.models import Audience

DEFAULT_DAYS = 12 * 7  # twelve weeks: a programme's pulse, not its history
LONGEST_PERIOD = datetime.timedelta(days=2 * 366)


def community_choices(allowed: frozenset[int] | None) -> list[tuple[int, str]]:
    if allowed is not None and not allowed:
        return []
    return [choice for provider in community_choice_providers for choice in provider(allowed)]


class CommandCenterFilters(forms.Form):
    start = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="From")
    end = forms.DateField(required=False, widget=forms.DateInput(attrs={"type": "date"}), label="To")
    department = forms.ChoiceField(required=False)
    role = forms.ModelChoiceField(queryset=Audience.objects.order_by("name"), required=False, empty_label="All roles")
    community = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)

    def __init__(self, data=None, *, allowed_communities: frozenset[int] | None):
        super().__init__(data)
        self.allowed_communities = allowed_communities
        departments = Profile.objects.exclude(department="").order_by("department").values_list("department", flat=True)
        self.fields["department"].choices = [("", "All departments")] + [
            (name, name) for name in departments.distinct()
        ]
        self.fields["community"].choices = [("", "All communities" if allowed_communities is None else "All yours")]
        self.fields["community"].choices += community_choices(allowed_communities)
        if allowed_communities is not None:  # a facilitator: the organisation's people filters do not apply
            del self.fields["department"], self.fields["role"]

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        start, end = cleaned.get("start"), cleaned.get("end")
        if "end" not in self.errors and end is None:
            cleaned["end"] = end = today
        if "start" not in self.errors and start is None and end is not None:
            cleaned["start"] = start = end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if start and end:
            if start > end:
                self.add_error("end", "The end of the period must not be before its start.")
            elif end - start > LONGEST_PERIOD:
                self.add_error("start", "Pick a period of at most two years.")
        return cleaned

    def scope(self) -> Scope:
        """The scope the figures are built for: what was asked where it was valid, the default elsewhere."""
        valid = self.cleaned_data if self.is_bound else {}
        valid = {name: value for name, value in valid.items() if name not in self.errors}
        end = valid.get("end") or timezone.localdate()
        start = valid.get("start") or end - datetime.timedelta(days=DEFAULT_DAYS - 1)
        if start > end:
            start, end = end - datetime.timedelta(days=DEFAULT_DAYS - 1), end
        role = valid.get("role")
        return Scope(
            start=start,
            end=end,
            department=valid.get("department") or "",
            role_id=role.pk if role else None,
            community_id=valid.get("community"),
            community_ids=self.allowed_communities,
            communities_only=self.allowed_communities is not None,
        )
