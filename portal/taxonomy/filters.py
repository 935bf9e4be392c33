"""The reference library's query-string filters: parsed once, forgiving of bad input, explicit about what they
ignored."""

from portal.taxonomy.models import Audience, Stage, Topic

LIBRARY_PAGE_SIZE = 12  # cards per page in taxonomy-filtered listings
MAX_SHOWN_VALUE = 60
SORTS = {"newest": ("-first_published_at", "Newest first"), "az": ("title", "A to Z")}


class TaxonomyFilter:
    """Reads `topic`, `audience`, `stage` and `sort` from a query string (library, communities, learning).
    Unknown values are dropped with a note for the reader instead of an error page."""

    def __init__(self, params):
        self.notes = []
        self.topic = self._lookup(params, "topic", lambda slug: Topic.objects.filter(slug=slug).first())
        self.audience = self._lookup(params, "audience", lambda slug: Audience.objects.filter(slug=slug).first())
        self.stage = self._lookup(params, "stage", lambda value: value if value in Stage.values else None)
        sort = params.get("sort", "newest")
        if sort not in SORTS:
            self.notes.append(f"No such sort order “{sort[:MAX_SHOWN_VALUE]}”: showing newest first.")
            sort = "newest"
        self.sort = sort

    def _lookup(self, params, name, find):
        value = params.get(name, "").strip()
        if not value:
            return None
        found = find(value[:200])
        if found is None:
            self.notes.append(f"No such {name} filter “{value[:MAX_SHOWN_VALUE]}”: it was ignored.")
        return found

    def apply(self, articles):
        if self.topic:
            articles = articles.in_topic(self.topic)
        if self.audience:
            articles = articles.for_audience(self.audience)
        if self.stage:
            articles = articles.at_stage(self.stage)
        return articles.order_by(SORTS[self.sort][0], "pk")

    @property
    def is_active(self):
        return any((self.topic, self.audience, self.stage))

    def options(self):
        """Choices for the filter form."""
        return {
            "topics": Topic.objects.all(),
            "audiences": Audience.objects.all(),
            "stages": Stage.choices,
            "sorts": [(key, label) for key, (_, label) in SORTS.items()],
        }
