"""Learning records for administrators: a report with CSV/XLSX export, and an xAPI-shaped statement feed that a
learning record store can import."""

import uuid

import django_filters

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.cache import never_cache

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from learning.models import Enrolment, LearningPathPage, LessonCompletion, ModulePage, QuizAttempt
from portal.taxonomy.models import Audience

STATEMENT_LIMIT = 500
XAPI = "http://adlnet.gov/expapi"
NAMESPACE = uuid.UUID("6f1d0c3e-2f5a-4c3b-9e55-1d8b7c6a5e42")


class LearningRecordFilterSet(WagtailFilterSet):
    module = django_filters.ModelChoiceFilter(queryset=ModulePage.objects.all().order_by("title"))
    path = django_filters.ModelChoiceFilter(queryset=LearningPathPage.objects.all().order_by("title"))
    audience = django_filters.ModelChoiceFilter(
        field_name="user__profile__role", label="Learner's role", queryset=Audience.objects.all()
    )
    enrolled_at = django_filters.DateFromToRangeFilter(label="Enrolled between", widget=DateRangePickerWidget)

    class Meta:
        model = Enrolment
        fields = ["module", "path", "audience", "enrolled_at"]


class LearningRecordsView(ReportView):
    """Enrolments and completions, filterable by module, path, role and date, exportable as CSV or XLSX."""

    page_title = "Learning records"
    header_icon = "tasks"
    results_template_name = "learning/learning_records_results.html"
    index_url_name = "learning_records"
    index_results_url_name = "learning_records_results"
    filterset_class = LearningRecordFilterSet
    permission_policy = ModelPermissionPolicy(Enrolment)
    any_permission_required = ["view"]
    list_export = ["user.username", "user.email", "user.profile.name", "item_title", "enrolled_at", "completed_at"]
    export_headings = {
        "user.username": "Username",
        "user.email": "Email",
        "user.profile.name": "Name",
        "item_title": "Module or path",
        "enrolled_at": "Enrolled",
        "completed_at": "Completed",
    }

    def get_queryset(self):
        return Enrolment.objects.select_related("user__profile", "module", "path").order_by("-enrolled_at")


def statement(actor, verb, obj_url, obj_name, activity_type, timestamp, key, result=None):
    body = {
        "id": str(uuid.uuid5(NAMESPACE, key)),
        "actor": {
            "objectType": "Agent",
            "name": actor.profile.name,
            "account": {"homePage": settings.WAGTAILADMIN_BASE_URL, "name": actor.get_username()},
        },
        "verb": {"id": f"{XAPI}/verbs/{verb}", "display": {"en-GB": verb}},
        "object": {
            "objectType": "Activity",
            "id": obj_url,
            "definition": {"name": {"en-GB": obj_name}, "type": f"{XAPI}/activities/{activity_type}"},
        },
        "timestamp": timestamp.isoformat(),
    }
    if result is not None:
        body["result"] = result
    return body


@never_cache
def statements(request):
    """GET /api/learning/statements/?since=<ISO time>: up to 500 statements after `since`, oldest first, with a
    `more` link to the next batch. Administrators only (the `view` permission on learning records)."""
    if not request.user.is_authenticated or not ModelPermissionPolicy(Enrolment).user_has_permission(
        request.user, "view"
    ):
        raise PermissionDenied
    since_text = request.GET.get("since", "")
    since = None
    if since_text:
        try:
            since = parse_datetime(since_text[:40])
        except ValueError:
            since = None
        if since is None:
            return JsonResponse({"error": "`since` must be an ISO 8601 time, e.g. 2026-11-01T00:00:00Z."}, status=400)
    base = settings.WAGTAILADMIN_BASE_URL
    items = []
    registrations = Enrolment.objects.select_related("user__profile", "module", "path")
    completions = LessonCompletion.objects.select_related("user__profile", "lesson")
    attempts = QuizAttempt.objects.select_related("user__profile", "lesson")
    if since is not None:
        registrations = registrations.filter(enrolled_at__gt=since)
        completions = completions.filter(completed_at__gt=since)
        attempts = attempts.filter(submitted_at__gt=since)
    for enrolment in registrations.order_by("enrolled_at")[:STATEMENT_LIMIT]:
        item = enrolment.module or enrolment.path
        if item is None:
            continue
        items.append(
            statement(
                enrolment.user,
                "registered",
                base + item.url,
                item.title,
                "course" if enrolment.module else "module",
                enrolment.enrolled_at,
                f"enrolment-{enrolment.pk}",
            )
        )
    for completion in completions.order_by("completed_at")[:STATEMENT_LIMIT]:
        url = base + completion.lesson.url if completion.lesson and completion.lesson.url else f"{base}/lessons/gone"
        items.append(
            statement(
                completion.user,
                "completed",
                url,
                completion.lesson_title,
                "lesson",
                completion.completed_at,
                f"completion-{completion.pk}",
                {"completion": True},
            )
        )
    for attempt in attempts.order_by("submitted_at")[:STATEMENT_LIMIT]:
        url = base + attempt.lesson.url if attempt.lesson and attempt.lesson.url else f"{base}/lessons/gone"
        items.append(
            statement(
                attempt.user,
                "passed" if attempt.passed else "failed",
                url,
                attempt.lesson_title,
                "assessment",
                attempt.submitted_at,
                f"attempt-{attempt.pk}",
                {
                    "score": {"scaled": attempt.score / 100, "raw": attempt.score, "min": 0, "max": 100},
                    "success": attempt.passed,
                },
            )
        )
    items.sort(key=lambda item: item["timestamp"])
    items = items[:STATEMENT_LIMIT]
    more = None
    if len(items) == STATEMENT_LIMIT:
        more = f"{request.path}?since={items[-1]['timestamp']}"
    return JsonResponse({"statements": items, "more": more})
