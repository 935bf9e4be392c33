"""Admin wiring for reader feedback: the Reader reports list, resolving a page's open flags with a note, and the
page header button that leads there while a page has any."""

import django_filters

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_reports import report_urls
from portal.feedback.forms import ResolutionForm
from portal.feedback.models import ContentFlag
from portal.programme_leads import is_programme_lead
from portal.sanitise import local_url


class ReaderReportFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(choices=ContentFlag.Kind.choices)
    state = django_filters.ChoiceFilter(
        label="State",
        choices=[("open", "Open"), ("resolved", "Resolved")],
        empty_label="Open or resolved",
        method="filter_state",
    )

    class Meta:
        model = ContentFlag
        fields = ["kind", "state"]

    def filter_state(self, queryset, name, value):
        return queryset.open() if value == "open" else queryset.filter(resolved_at__isnull=False)


class ReaderReportsView(ReportView):
    """Every reader's "outdated" flag and suggested improvement, open ones by default, newest first, with the
    page, the reader's comment and how it was resolved: for the same people as the review report."""

    page_title = "Reader reports"
    header_icon = "flag"
    results_template_name = "feedback/reader_reports_results.html"
    index_url_name = "feedback_reader_reports"
    index_results_url_name = "feedback_reader_reports_results"
    filterset_class = ReaderReportFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    list_export = [
        "page.title",
        "get_kind_display",
        "comment_line",
        "flagged_by",
        "created_at",
        "resolved_at",
        "resolution_note",
    ]
    export_headings = {
        "page.title": "Page",
        "get_kind_display": "Kind",
        "comment_line": "Comment",
        "flagged_by": "Reader",
        "created_at": "Reported",
        "resolved_at": "Resolved",
        "resolution_note": "Resolution",
    }

    def user_has_any_permission(self, permissions):
        """Editors, and the Programme leads: the command center's Content health panel links here."""
        return super().user_has_any_permission(permissions) or is_programme_lead(self.request.user)

    def get_queryset(self):
        flags = ContentFlag.objects.select_related("page", "flagged_by")
        return flags.order_by("-created_at", "-pk")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if "state" not in self.request.GET:  # by default, what still waits for the owner
            queryset = queryset.open()
        return queryset


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
    return [
        *report_urls("reader-reports", ReaderReportsView, "feedback_reader_reports"),
        path("feedback/<id:page_id>/resolve/", resolve_flags, name="feedback_resolve"),
    ]


@hooks.register("register_reports_menu_item")
def register_reader_reports_menu_item():
    return MenuItem("Reader reports", reverse("feedback_reader_reports"), icon_name="flag", order=55)


@hooks.register("register_page_header_buttons")
def resolve_flags_button(page, user, view_name=None, next_url=None):
    if (
        getattr(page.specific_class, "accepts_reader_feedback", False)
        and ContentFlag.objects.open().filter(page=page).exists()
        and page.permissions_for_user(user).can_publish()
    ):
        url = reverse("feedback_resolve", args=[page.pk])
        yield Button("Resolve reader reports", url, icon_name="flag", priority=61)
