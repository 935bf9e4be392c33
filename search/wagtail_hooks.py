"""Admin wiring for search analytics: the search-gaps report (searches that found nothing). Top queries are
Wagtail's own "Search terms" report, and editors pin results for a query with Wagtail's search promotions."""

import django_filters

from django.urls import reverse

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.admin_reports import report_urls
from portal.command_center.access import EVERYTHING, command_center_scope
from search.models import ZeroResultQuery


class SearchGapsFilterSet(WagtailFilterSet):
    query_string = django_filters.CharFilter(label="Search contains", lookup_expr="icontains")

    class Meta:
        model = ZeroResultQuery
        fields = ["query_string"]


class SearchGapsView(ReportView):
    """What readers searched for and did not find, most frequent first: content to write, synonyms to add."""

    page_title = "Searches with no results"
    header_icon = "search"
    results_template_name = "search/admin/search_gaps_results.html"
    index_url_name = "search_gaps_report"
    index_results_url_name = "search_gaps_report_results"
    filterset_class = SearchGapsFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = ["add", "change", "publish"]
    list_export = ["query_string", "hits", "first_seen", "last_seen"]
    export_headings = {"query_string": "Search", "hits": "Times", "first_seen": "First", "last_seen": "Last"}

    def user_has_any_permission(self, permissions):
        """Editors, and whoever sees the whole command center (Programme leads): its Search panel links here."""
        return super().user_has_any_permission(permissions) or command_center_scope(self.request.user) is EVERYTHING

    def get_queryset(self):
        return ZeroResultQuery.objects.all()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return report_urls("search-gaps", SearchGapsView, "search_gaps_report")


@hooks.register("register_reports_menu_item")
def register_search_gaps_menu_item():
    return MenuItem("Searches with no results", reverse("search_gaps_report"), icon_name="search", order=60)
