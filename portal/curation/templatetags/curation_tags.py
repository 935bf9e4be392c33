from django import template

from portal.curation.credits import credits_for, curated_pages_of
from portal.curation.forms import NominationForm
from portal.curation.models import Candidate, Nomination
from portal.curation.sources import curates
from portal.searchable import search_key

register = template.Library()


@register.inclusion_tag("curation/source_actions.html", takes_context=True)
def curation_actions(context, source):
    """On a thread, blog post or wiki page: "Curated into" for everyone who may open the curated page; for
    signed-in readers, nominating it for the library; for its curators, the nomination count and "Curate"."""
    request = context["request"]
    user = request.user
    facts = {"request": request, "curated_into": curated_pages_of(source, user), "key": search_key(source)}
    if not user.is_authenticated:
        return facts
    candidate = Candidate.objects.filter(source_key=facts["key"]).first()
    community = source.curation_community()
    facts.update(
        signed_in=True,
        form=NominationForm(),
        nominated=candidate is not None and Nomination.objects.filter(candidate=candidate, user=user).exists(),
        is_curator=curates(user, community.pk if community else None),
        candidate=candidate,
    )
    return facts


@register.inclusion_tag("curation/provenance.html", takes_context=True)
def provenance(context, page):
    """On a curated page: "Based on community contributions by …" and a link to each source the reader may open."""
    return {"credits": credits_for(page, context["request"].user)}
