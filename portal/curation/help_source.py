"""What curation tells the value network (portal.network.value): a credited contribution helped the curator who
built the page from it (or, once the curator's account is gone, the page's owner). It counts from when the page
first went live (or was curated, if it went live without the signal), only while it is live, and only for
viewers who may open both the page and its source; a source deleted since counts if it was public when curated,
as its credit does on the page."""

from django.db.models import F
from django.db.models.functions import Coalesce

from portal.curation.models import Contribution, Provenance
from portal.network.value import CONTRIBUTION, HelpSource, register_help_source


def contributions():
    return Contribution.objects.filter(provenance__page__live=True).annotate(
        helper_id=F("user_id"),
        helped_id=Coalesce("provenance__curated_by_id", "provenance__page__owner_id"),
        occurred_at=Coalesce("provenance__credited_at", "provenance__curated_at"),
        gate_page=F("provenance__page_id"),
        gate_key=F("provenance__source_key"),
    )


def public_when_curated(keys) -> set[str]:
    return set(
        Provenance.objects.filter(source_key__in=keys, source_was_public=True).values_list("source_key", flat=True)
    )


def register():
    register_help_source(HelpSource("curation.contributions", CONTRIBUTION, contributions, public_when_curated))
