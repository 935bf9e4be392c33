"""The listings' filters by taxonomy (library, communities, learning catalogue), as django-filter FilterSets that
forgive bad input: an unknown value is ignored, and a note tells the reader so, instead of an error page. One form
include (templates/includes/taxonomy_filters.html) renders any of them."""

import django_filters
from django_filters.fields import ModelChoiceField

from portal.taxonomy.models import Audience, Stage, Topic

LIBRARY_PAGE_SIZE = 12  # cards per page in taxonomy-filtered listings
MAX_SHOWN_VALUE = 60
SORTS = {"newest": ("-first_published_at", "Newest first"), "az": ("title", "A to Z")}


class TopicField(ModelChoiceField):
    """Topics listed as an indented tree."""

    def label_from_instance(self, topic):
        return topic.indented_name


class TopicChoice(django_filters.ModelChoiceFilter):
    """A topic by slug; its whole subtree counts."""

    field_class = TopicField

    def __init__(self, **kwargs):
        kwargs.setdefault("method", "filter_topic")
        super().__init__(queryset=Topic.objects.all(), to_field_name="slug", empty_label="All topics", **kwargs)


class TaxonomyFilterSet(django_filters.FilterSet):
    """Topic (its subtree included) and audience over a ClassifiedPageQuerySet, newest first."""

    topic = TopicChoice(label="Topic")
    audience = django_filters.ModelChoiceFilter(
        queryset=Audience.objects.all(),
        to_field_name="slug",
        empty_label="Everyone",
        label="Audience",
        method="filter_audience",
    )

    def __init__(self, data=None, *args, **kwargs):
        # Values longer than anyone types are cut before they are looked up (and shown back in a note).
        data = {key: data.get(key, "").strip()[:200] for key in data} if data is not None else None
        super().__init__(data, *args, **kwargs)

    def filter_queryset(self, queryset):
        return super().filter_queryset(queryset).order_by(self.ordering(), "pk")

    def ordering(self) -> str:
        return SORTS["newest"][0]

    def filter_topic(self, queryset, name, topic):
        return queryset.in_topic(topic)

    def filter_audience(self, queryset, name, audience):
        return queryset.for_audience(audience)

    @property
    def notes(self) -> list[str]:
        """What was ignored, in words a reader understands."""
        self.is_valid()
        notes = []
        for name in self.form.errors:
            value = (self.data.get(name) or "")[:MAX_SHOWN_VALUE]
            notes.append(self.note_for(name, value))
        return notes

    def note_for(self, name, value) -> str:
        return f"No such {name} filter “{value}”: it was ignored."

    @property
    def is_active(self) -> bool:
        self.is_valid()
        return any(self.form.cleaned_data.get(name) for name in self.filters if name != "sort")


class StagedFilterSet(TaxonomyFilterSet):
    """Topic, audience and KM stage."""

    stage = django_filters.ChoiceFilter(
        choices=Stage.choices, empty_label="All stages", label="KM stage", method="filter_stage"
    )

    def filter_stage(self, queryset, name, stage):
        return queryset.at_stage(stage)


class LibraryFilterSet(StagedFilterSet):
    """The library's filters, with a sort order (newest first unless asked)."""

    sort = django_filters.ChoiceFilter(
        choices=[(key, label) for key, (_, label) in SORTS.items()], empty_label=None, label="Sort", method="sort_by"
    )

    def sort_by(self, queryset, name, value):
        return queryset  # ordering() applies it, with or without the field

    def ordering(self) -> str:
        return SORTS[self.form.cleaned_data.get("sort") or "newest"][0]

    def note_for(self, name, value):
        if name == "sort":
            return f"No such sort order “{value}”: showing newest first."
        return super().note_for(name, value)
