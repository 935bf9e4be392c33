"""Admin wiring for content review: the report, the dashboard panel, "mark reviewed" and its log action."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_reports import report_urls
from portal.feedback.forms import ResolutionForm
from portal.feedback.models import ContentFlag
from portal.governance.review import pages_due_for_review, soon
from portal.programme_leads import is_programme_lead
from portal.sanitise import local_url
from portal.taxonomy.models import Classified

MARK_REVIEWED = "portal.mark_reviewed"


class ContentDueForReviewView(ReportView):
    """Live content whose review date has passed or falls within the 'soon' window, or that readers flagged as
    outdated or suggested improvements to, with its owner and the readers' comments."""

    page_title = "Content due for review"
    header_icon = "time"
    results_template_name = "governance/content_due_for_review_results.html"
    index_url_name = "governance_review_report"
    index_results_url_name = "governance_review_report_results"
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    list_export = ["title", "review_by", "review_state", "flag_summary", "owner_name", "owner_email", "full_url"]
    export_headings = {
        "title": "Title",
        "review_by": "Review by",
        "review_state": "State",
        "flag_summary": "Reader reports",
        "owner_name": "Owner",
        "owner_email": "Owner email",
        "full_url": "URL",
    }

    def user_has_any_permission(self, permissions):
        """Editors, and the Programme leads: the command center's Content health panel links here."""
        return super().user_has_any_permission(permissions) or is_programme_lead(self.request.user)

    def get_queryset(self):
        return pages_due_for_review()

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = timezone.localdate()
        return context


class ReviewPanel(Component):
    """Dashboard panel: how much content is overdue, due soon, or flagged by readers."""

    name = "content_review"
    order = 110
    template_name = "governance/review_panel.html"

    def get_context_data(self, parent_context):
        today = timezone.localdate()
        due = pages_due_for_review()
        overdue = sum(1 for item in due if item.overdue)
        flagged = sum(1 for item in due if item.flags)
        # A flagged page whose review date is months away is not due soon (the report calls it "Suggestions").
        due_soon = sum(1 for item in due if item.review_by is not None and today <= item.review_by <= soon(today))
        return {
            "overdue": overdue,
            "due_soon": due_soon,
            "flagged": flagged,
            "report_url": reverse("governance_review_report"),
        }


def mark_reviewed(request, page_id):
    """GET: confirm; POST: record today's review of a classified page (resets its review date, logged), and resolve
    readers' open flags on it with the reviewer's note (the readers who flagged it are told)."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, Classified):
        raise Http404("This page type has no review date.")
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    next_url = local_url(request.POST.get("next") or request.GET.get("next"), request)
    next_url = next_url or reverse("governance_review_report")
    form = ResolutionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        page.mark_reviewed(request.user)
        resolved = ContentFlag.resolve_open(page, request.user, form.cleaned_data["note"] or "the page was reviewed")
        done = f"“{page.title}” marked reviewed; next review by {page.review_by:%-d %b %Y}."
        if resolved:
            done += f" {resolved} reader report{'s' if resolved != 1 else ''} resolved."
        messages.success(request, done)
        return redirect(next_url)
    flags = ContentFlag.objects.open().filter(page=page).select_related("flagged_by")
    context = {"page": page, "next": next_url, "form": form, "flags": flags}
    return TemplateResponse(request, "governance/mark_reviewed_confirm.html", context)


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        *report_urls("content-due-for-review", ContentDueForReviewView, "governance_review_report"),
        path("reviews/<id:page_id>/mark-reviewed/", mark_reviewed, name="governance_mark_reviewed"),
    ]


@hooks.register("register_reports_menu_item")
def register_review_report_menu_item():
    return MenuItem("Content due for review", reverse("governance_review_report"), icon_name="time", order=50)


@hooks.register("construct_homepage_panels")
def add_review_panel(request, panels):
    if PagePermissionPolicy().user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.append(ReviewPanel())


@hooks.register("register_log_actions")
def register_review_log_action(actions):
    actions.register_action(MARK_REVIEWED, "Mark reviewed", "Marked as reviewed")


@hooks.register("register_page_header_buttons")
def mark_reviewed_button(page, user, view_name=None, next_url=None):
    if isinstance(page.specific_deferred, Classified) and page.permissions_for_user(user).can_publish():
        yield Button(
            "Mark reviewed", reverse("governance_mark_reviewed", args=[page.pk]), icon_name="check", priority=60
        )
