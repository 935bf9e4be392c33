"""Turning a source into a draft: the one way curation creates pages. The draft is never live; it goes through the
workflow of where it is placed (Reference review in the library), so curation never bypasses approval."""

from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import Page

from portal.curation.drafting import draft_from
from portal.curation.models import Candidate, Contribution, Provenance
from portal.people.models import Profile
from portal.searchable import search_key


def existing_pages(source) -> list:
    """Pages already curated from this source (drafts and live), newest first: curating again warns with these."""
    page_ids = Provenance.objects.filter(source_key=search_key(source)).values_list("page_id", flat=True)
    return list(Page.objects.filter(pk__in=page_ids).order_by("-pk").specific())


@transaction.atomic
def curate(source, user, target, parent, *, title, summary, picked_part_ids=(), submit_for_review=False):
    """Build the draft page from the source's picked parts, record its provenance and each contributor's credit,
    and mark the candidate in progress. With `submit_for_review` the draft starts its workflow at once."""
    described = source.curation_source()
    parts = described.picked_parts(picked_part_ids)
    page = target.build(parent, draft_from(described, parts, title, summary), user)
    provenance = Provenance.objects.create(
        page=page,
        source_type=ContentType.objects.get_for_model(source),
        source_id=source.pk,
        source_key=search_key(source),
        source_kind=described.kind,
        source_title=described.title[:255],
        source_url=described.url[:500],
        source_date=described.date,
        source_was_public=source.search_visible_to(AnonymousUser()),
        curated_by=user,
    )
    credited = set()
    for author, what in [(part.author, part.label) for part in parts] + list(described.contributors):
        if author is not None and author.pk not in credited:
            credited.add(author.pk)
            Contribution.objects.create(
                provenance=provenance, user=author, name=Profile.for_user(author).name, part=what[:60]
            )
    candidate = Candidate.for_source(source)
    candidate.status, candidate.draft = Candidate.Status.IN_PROGRESS, page
    candidate.save(update_fields=["status", "draft"])
    if submit_for_review:
        workflow = page.get_workflow()
        if workflow is not None:
            workflow.start(page, user)
    return page
