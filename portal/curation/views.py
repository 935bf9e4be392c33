"""Curation's views: nominating on the site, and the queue, curate and decline screens in the admin. Every source
is found by its search key and must pass its own `search_visible_to` for this person, else 404 (as if it did not
exist); the admin screens also need the person to curate for the source's community."""

import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.http import require_POST

from portal.curation.curating import curate, existing_pages
from portal.curation.forms import CurateForm, DeclineForm, NominationForm
from portal.curation.models import NOMINATION_NOTE_LENGTH, Candidate, Nomination
from portal.curation.sources import curates, curation_scope, is_source, source_url
from portal.searchable import objects_for_keys

SOURCE_KEY = re.compile(r"^(?:page|[a-z_]{1,50}\.[a-z_]{1,50}):[0-9]{1,18}$")


def source_for(key: str, user):
    """The source behind a search key if this person may open it; 404 for anything else, missing or not."""
    source = objects_for_keys([key]).get(key) if SOURCE_KEY.match(key or "") else None
    if source is None or not is_source(source) or not source.search_visible_to(user):
        raise Http404("No such contribution.")
    return source


@login_required
@require_POST
def nominate(request, key):
    source = source_for(key, request.user)
    form = NominationForm(request.POST)
    if not form.is_valid():
        typed = form.data.get("note", "")[:NOMINATION_NOTE_LENGTH]
        for error in form.errors.get("note", []):
            messages.error(request, f"Your nomination was not recorded: {error} What you wrote: “{typed}”")
        return redirect(source_url(source))
    nomination, created = Nomination.nominate(source, request.user, form.cleaned_data["note"])
    candidate = nomination.candidate
    if candidate.status == Candidate.Status.DECLINED:
        messages.info(request, f"Noted. The curators decided not to add it to the library: {candidate.decline_reason}")
    elif candidate.status == Candidate.Status.CURATED:
        messages.info(request, "Noted. It is already in the library: see “Curated into” on this page.")
    elif created:
        messages.success(request, "Thank you: the curators will consider it for the library.")
    else:
        messages.success(request, "You had already nominated this; your note is updated.")
    return redirect(candidate.url)


# -- admin ----------------------------------------------------------------------------------------------------------
def candidate_for(request, candidate_id):
    """A candidate this curator may handle, with its live source (404 when it is gone or out of their reach)."""
    candidate = get_object_or_404(Candidate, pk=candidate_id)
    if not curates(request.user, candidate.community_id):
        raise Http404("No such candidate.")
    source = candidate.source()
    if source is None or not source.search_visible_to(request.user):
        raise Http404("The contribution is gone or you may not open it.")
    return candidate, source


def curate_source(request, key):
    """The "Curate" action on a source: its candidate (made now if nobody nominated it), then the curate form."""
    source = source_for(key, request.user)
    community = source.curation_community()
    if not curates(request.user, community.pk if community else None):
        raise Http404("No such contribution.")
    candidate = Candidate.for_source(source)
    return redirect("curation_curate", candidate.pk)


def curate_view(request, candidate_id):
    candidate, source = candidate_for(request, candidate_id)
    described = source.curation_source()
    earlier = existing_pages(source)
    form = CurateForm(request.POST or None, user=request.user, source=described, earlier=earlier)
    if request.method == "POST" and form.is_valid():
        target, parent = form.target_and_parent()
        page = curate(
            source,
            request.user,
            target,
            parent,
            title=form.cleaned_data["title"],
            summary=form.cleaned_data["summary"],
            picked_part_ids=form.cleaned_data["parts"],
            submit_for_review=form.cleaned_data["submit_for_review"],
        )
        if form.cleaned_data["submit_for_review"]:
            messages.success(request, f"Draft “{page.title}” created and submitted for review.")
        else:
            messages.success(request, f"Draft “{page.title}” created. Edit it, then submit it for review.")
        if page.permissions_for_user(request.user).can_edit():
            return redirect("wagtailadmin_pages:edit", page.pk)
        return redirect("curation_queue")
    return TemplateResponse(
        request,
        "curation/curate.html",
        {
            "candidate": candidate,
            "source": described,
            "form": form,
            "earlier": earlier,
            "nominations": candidate.nominations.select_related("user__profile").order_by("created_at"),
        },
    )


def decline_view(request, candidate_id):
    candidate, _ = candidate_for(request, candidate_id)
    form = DeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        candidate.decline(request.user, form.cleaned_data["reason"])
        count = candidate.nominations.count()
        messages.success(
            request, f"“{candidate.title}” declined; {count} nominator{'s were' if count != 1 else ' was'} told why."
        )
        return redirect("curation_queue")
    return TemplateResponse(request, "curation/decline.html", {"candidate": candidate, "form": form})


@require_POST
def reopen_view(request, candidate_id):
    """Back to the queue as new (a declined candidate worth another look)."""
    candidate, _ = candidate_for(request, candidate_id)
    if candidate.status == Candidate.Status.DECLINED:
        candidate.set_status(Candidate.Status.NEW, request.user)
        messages.success(request, f"“{candidate.title}” is back in the queue.")
    return redirect("curation_queue")


def require_curator(view):
    """Admin views for people who curate something; everyone else gets 403."""

    def wrapped(request, *args, **kwargs):
        if curation_scope(request.user) == set():
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return wrapped
