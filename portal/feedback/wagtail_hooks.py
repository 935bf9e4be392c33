"""Admin wiring for reader feedback: resolving a page's open flags with a note, and the page header button that
leads there while a page has any."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.models import Page

from portal.feedback.forms import ResolutionForm
from portal.feedback.models import ContentFlag
from portal.sanitise import local_url


def resolve_flags(request, page_id):
    """GET: the page's open reader reports and a note; POST: resolve them all (the readers are told). For those
    who may publish the page, as for marking it reviewed."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not getattr(page, "accepts_reader_feedback", False):
        raise Http404("This page type takes no reader feedback.")
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    next_url = local_url(request.POST.get("next") or request.GET.get("next"), request)
    next_url = next_url or reverse("wagtailadmin_pages:edit", args=[page.pk])
    form = ResolutionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        resolved = ContentFlag.resolve_open(page, request.user, form.cleaned_data["note"])
        messages.success(request, f"{resolved} reader report{'s' if resolved != 1 else ''} on “{page.title}” resolved.")
        return redirect(next_url)
    flags = ContentFlag.objects.open().filter(page=page).select_related("flagged_by")
    context = {"page": page, "flags": flags, "form": form, "next": next_url}
    return TemplateResponse(request, "feedback/resolve_flags.html", context)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("feedback/<id:page_id>/resolve/", resolve_flags, name="feedback_resolve")]


@hooks.register("register_page_header_buttons")
def resolve_flags_button(page, user, view_name=None, next_url=None):
    if (
        getattr(page.specific_class, "accepts_reader_feedback", False)
        and ContentFlag.objects.open().filter(page=page).exists()
        and page.permissions_for_user(user).can_publish()
    ):
        url = reverse("feedback_resolve", args=[page.pk])
        yield Button("Resolve reader reports", url, icon_name="flag", priority=61)
