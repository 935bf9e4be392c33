"""Admin wiring for curation: the queue (a report for editors, subject experts and, for their own communities,
facilitators), the curate, decline and reopen screens, and the menu item."""

import django_filters

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from portal.admin_reports import report_urls
from portal.curation import views
from portal.curation.models import Candidate
from portal.curation.sources import curation_scope
from portal.searchable import batch_cache, objects_for_keys
from portal.taxonomy.models import Topic


class CandidateFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(choices=Candidate.Status.choices, empty_label="Waiting (new or in progress)")
    community = django_filters.ModelChoiceFilter(
        queryset=Page.objects.filter(pk__in=Candidate.objects.values("community_id")).order_by("title")
    )
    topics = django_filters.ModelChoiceFilter(label="Topic", queryset=Topic.objects.all(), method="filter_topic")

    class Meta:
        model = Candidate
        fields = ["status", "community", "topics"]

    def filter_topic(self, queryset, name, topic):
        """A topic finds candidates on it or on any topic below it."""
        return queryset.filter(topics__path__startswith=topic.path).distinct()


class CurationQueueView(ReportView):
    """Nominated and answered contributions, the most promising first, waiting to become library content."""

    page_title = "Curation queue"
    header_icon = "pick"
    results_template_name = "curation/queue_results.html"
    index_url_name = "curation_queue"
    index_results_url_name = "curation_queue_results"
    filterset_class = CandidateFilterSet
    permission_policy = None
    list_export = [
        "title",
        "kind",
        "community_title",
        "status",
        "nomination_count",
        "accepted_answer",
        "helpful_count",
        "follow_count",
        "reply_count",
        "score",
        "full_url",
        "decline_reason",
    ]
    export_headings = {
        "title": "Title",
        "kind": "Kind",
        "community_title": "Community",
        "status": "Status",
        "nomination_count": "Nominations",
        "accepted_answer": "Accepted answer",
        "helpful_count": "Helpful marks",
        "follow_count": "Follows",
        "reply_count": "Replies",
        "score": "Score",
        "full_url": "URL",
        "decline_reason": "Reason declined",
    }

    def dispatch(self, request, *args, **kwargs):
        self.scope = curation_scope(request.user)
        if self.scope == set():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        candidates = Candidate.objects.in_scope(self.scope)
        readable = self.refresh_and_check(candidates)
        return candidates.filter(pk__in=readable).select_related("community").order_by("-score", "-created_at")

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        if not self.request.GET.get("status"):  # by default, what waits for a curator
            queryset = queryset.open()
        return queryset

    def refresh_and_check(self, candidates) -> list[int]:
        """The candidates whose source this curator may open (an editor outside a members-only community does not
        see its threads' titles here either). Signals change as people reply and follow, so the waiting ones are
        re-read from their sources; a source that is gone leaves its candidate as it was, listed."""
        candidates = list(candidates)
        sources = objects_for_keys(candidate.source_key for candidate in candidates)
        readable = []
        with batch_cache():
            for candidate in candidates:
                source = sources.get(candidate.source_key)
                if source is None:
                    readable.append(candidate.pk)
                elif source.search_visible_to(self.request.user):
                    readable.append(candidate.pk)
                    if candidate.status in (Candidate.Status.NEW, Candidate.Status.IN_PROGRESS):
                        candidate.refresh_from(source)
        return readable


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        *report_urls("curation", CurationQueueView, "curation_queue"),
        path("curation/<id:candidate_id>/", views.require_curator(views.curate_view), name="curation_curate"),
        path("curation/<id:candidate_id>/decline/", views.require_curator(views.decline_view), name="curation_decline"),
        path("curation/<id:candidate_id>/reopen/", views.require_curator(views.reopen_view), name="curation_reopen"),
        path("curation/source/<str:key>/", views.require_curator(views.curate_source), name="curation_source"),
    ]


class CurationMenuItem(MenuItem):
    def is_shown(self, request):
        return curation_scope(request.user) != set()


@hooks.register("register_reports_menu_item")
def register_curation_menu_item():
    return CurationMenuItem("Curation queue", reverse("curation_queue"), icon_name="pick", order=40)
