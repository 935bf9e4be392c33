"""The reader's feedback forms post here. Only signed-in readers give feedback, only on pages that take it and that
they may open: anything else is the same 404 as an id that does not exist."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.cache import cache
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from wagtail.models import Page

from portal.feedback.forms import FlagForm, HelpfulForm
from portal.feedback.models import ContentFlag, HelpfulVote
from portal.searchable import page_visible_to


def page_for_feedback(request, page_id):
    """The page, if it takes reader feedback and this reader may open it; else 404, whichever the reason."""
    page = Page.objects.filter(pk=page_id).specific().first()
    if page is None or not getattr(page, "accepts_reader_feedback", False) or not page_visible_to(page, request.user):
        raise Http404("No such page.")
    return page


def back_to(page):
    return redirect(page.url + "#feedback")


def flagging_allowed(request) -> bool:
    """At most READER_FEEDBACK_PER_MINUTE flags per person per minute (shared cache, so across workers)."""
    key = f"reader-feedback:{request.user.pk}:{timezone.now():%Y%m%d%H%M}"
    cache.add(key, 0, timeout=90)
    return cache.incr(key) <= settings.READER_FEEDBACK_PER_MINUTE


def vote_helpful(request, page_id):
    """POST: the reader's answer to "was this helpful?" (a second answer replaces the first). GET: the page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = page_for_feedback(request, page_id)
    if request.method != "POST":
        return back_to(page)
    form = HelpfulForm(request.POST)
    if form.is_valid():
        HelpfulVote.record(page, request.user, form.cleaned_data["helpful"])
        messages.success(request, "Thanks for your answer: it helps the owner keep this page useful.")
    else:
        messages.error(request, "Your answer was not recorded: choose Yes or No.")
    return back_to(page)


def flag_page(request, page_id):
    """POST: flag the page as outdated or suggest an improvement. A form with a problem comes back with the
    reader's text and what to fix; a double submit finds the flag it already made. GET: the page."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    page = page_for_feedback(request, page_id)
    if request.method != "POST":
        return back_to(page)
    form = FlagForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(request, "feedback/flag_form.html", {"page": page, "form": form}, status=400)
    kind, comment = form.cleaned_data["kind"], form.cleaned_data["comment"]
    already = ContentFlag.objects.open().filter(page=page, flagged_by=request.user, kind=kind).exists()
    if not already and not flagging_allowed(request):  # a double submit is not another report
        context = {"page": page, "form": form, "limit": settings.READER_FEEDBACK_PER_MINUTE}
        return TemplateResponse(request, "feedback/flag_form.html", context, status=429)
    _, created = ContentFlag.report(page, request.user, kind, comment)
    if kind == ContentFlag.Kind.OUTDATED:
        done = "Thanks: the page's owner will check it." if created else "You have already flagged this page."
    else:
        done = "Thanks for your suggestion: the page's owner will see it." if created else "Your suggestion is updated."
    messages.success(request, done)
    return back_to(page)
