"""What a reader is told of a page's provenance and of a source's curated pages: only what they may open. A source
in a community they cannot read is "a contribution in a members-only community", with no title, names or link; a
curated page they may not open is not mentioned at all."""

from dataclasses import dataclass, field

from wagtail.models import Page

from portal.curation.models import Provenance
from portal.curation.sources import source_url
from portal.searchable import batch_cache, objects_for_keys, page_visible_to, search_key


@dataclass
class CreditedSource:
    title: str = ""
    url: str = ""
    kind: str = ""
    members_only: bool = False  # exists, but this reader may not open it
    removed: bool = False
    contributors: list = field(default_factory=list)  # Contribution rows, names shown


@dataclass
class PageCredits:
    sources: list[CreditedSource]

    @property
    def contributors(self) -> list:
        """Each credited person once, in order of first credit."""
        seen, people = set(), []
        for source in self.sources:
            for contribution in source.contributors:
                who = contribution.user_id or contribution.name
                if who not in seen:
                    seen.add(who)
                    people.append(contribution)
        return people

    @property
    def hidden_count(self) -> int:
        return sum(1 for source in self.sources if source.members_only)


def credits_for(page, user) -> PageCredits | None:
    """The page's sources as this reader may see them, or None when the page has no provenance."""
    rows = list(
        Provenance.objects.filter(page_id=page.pk)
        .order_by("curated_at", "pk")
        .prefetch_related("contributions__user__profile")
    )
    if not rows:
        return None
    live = objects_for_keys(row.source_key for row in rows)
    sources = []
    with batch_cache():
        for row in rows:
            source = live.get(row.source_key)
            contributions = list(row.contributions.all())
            if source is not None and source.search_visible_to(user):
                sources.append(
                    CreditedSource(source.title, source_url(source), row.source_kind, contributors=contributions)
                )
            elif source is not None or not row.source_was_public:
                sources.append(CreditedSource(kind=row.source_kind, members_only=True))
            else:  # deleted, and it was public: the snapshot still credits its authors
                sources.append(
                    CreditedSource(row.source_title, kind=row.source_kind, removed=True, contributors=contributions)
                )
    return PageCredits(sources)


def credit_hits(hits, user) -> None:
    """Give each search hit that is a curated page its credits for this reader: one query finds which are."""
    pages = {hit.obj.pk: hit for hit in hits if isinstance(hit.obj, Page)}
    if not pages:  # a search with no page hits: not even the query's construction (a third of a ms, bench/README.md)
        return
    curated = set(Provenance.objects.filter(page_id__in=pages).values_list("page_id", flat=True))
    for page_id in curated:
        pages[page_id].credits = credits_for(pages[page_id].obj, user)


def curated_pages_of(source, user) -> list:
    """Live pages curated from this source that this reader may open."""
    page_ids = Provenance.objects.filter(source_key=search_key(source)).values_list("page_id", flat=True)
    pages = Page.objects.filter(pk__in=page_ids, live=True).order_by("title")
    with batch_cache():
        return [page for page in pages if page_visible_to(page, user)]


def credited_pages(person, viewer) -> list:
    """Live pages that credit `person`, as `viewer` may know of it: the page must be open to the viewer, and so
    must the source (or, once it is deleted, it must have been public): a credit for a members-only answer is
    the members' to see. Evidence of expertise, on profiles and for ranking people."""
    rows = list(
        Provenance.objects.filter(contributions__user=person, page__live=True).select_related("page").distinct()
    )
    sources = objects_for_keys(row.source_key for row in rows)
    pages = {}
    with batch_cache():
        for row in rows:
            source = sources.get(row.source_key)
            source_open = source.search_visible_to(viewer) if source is not None else row.source_was_public
            if source_open and page_visible_to(row.page, viewer):
                pages[row.page.pk] = row.page
    return sorted(pages.values(), key=lambda page: page.title)


def profile_section(profile, viewer):
    """portal.people's profile section: the person's contributions curated into the library."""
    pages = credited_pages(profile.user, viewer)
    return {"pages": pages} if pages else None
