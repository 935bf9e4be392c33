"""The command center in the admin: the page (every panel as chart and table), its JSON (which the page polls every
30 seconds) and each figure as CSV. Who sees what is `access.command_center_scope`; the views only ask."""

import csv
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from portal.command_center.access import command_center_scope
from portal.command_center.figures import build_panels
from portal.command_center.filters import CommandCenterFilters

REFRESH_SECONDS = 30


def read_filters(request) -> CommandCenterFilters:
    allowed = command_center_scope(request.user)
    if allowed == frozenset():
        raise PermissionDenied
    form = CommandCenterFilters(request.GET, allowed_communities=allowed)
    form.is_valid()
    # Show the period the figures cover in the date fields, defaults included (once validated, so a bad date is
    # still reported as the reader typed it).
    scope, shown = form.scope(), form.data.copy()
    for name, value in (("start", scope.start), ("end", scope.end)):
        if not shown.get(name):
            shown[name] = value.isoformat()
    form.data = shown
    return form


def query_string(form: CommandCenterFilters) -> str:
    """The filters as they apply (defaults filled in), for the JSON and CSV links."""
    scope = form.scope()
    params = {"start": scope.start.isoformat(), "end": scope.end.isoformat()}
    if scope.department:
        params["department"] = scope.department
    if scope.role_id is not None:
        params["role"] = scope.role_id
    if scope.community_id is not None:
        params["community"] = scope.community_id
    return urlencode(params)


def payload(form: CommandCenterFilters) -> dict:
    scope = form.scope()
    return {
        "updated_at": timezone.localtime().isoformat(timespec="seconds"),
        "start": scope.start.isoformat(),
        "end": scope.end.isoformat(),
        "panels": [panel.as_json() for panel in build_panels(scope)],
    }


@never_cache
def command_center(request):
    form = read_filters(request)
    data = payload(form)
    return render(
        request,
        "command_center/index.html",
        {
            "form": form,
            "data": data,
            "panels": data["panels"],
            "query": query_string(form),
            "refresh_seconds": REFRESH_SECONDS,
            "restricted": form.allowed_communities is not None,
            "filter_errors": [
                (form.fields[name].label or name.title() if name in form.fields else "Period", error)
                for name, errors in form.errors.items()
                for error in errors
            ],
        },
    )


@never_cache
def command_center_data(request):
    form = read_filters(request)
    if form.errors:
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse(payload(form))


@never_cache
def command_center_csv(request, key: str):
    form = read_filters(request)
    scope = form.scope()
    for panel in build_panels(scope):
        for figure in panel.figures:
            if figure.key == key:
                return csv_response(figure, scope)
    raise Http404("No such figure in the command center.")


def csv_response(figure, scope) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"{figure.key}-{scope.start:%Y-%m-%d}-{scope.end:%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    writer = csv.writer(response)
    writer.writerow(figure.header())
    for row in figure.rows():
        writer.writerow([safe_cell(cell) for cell in row])
    return response


def safe_cell(value):
    """Spreadsheets run a cell that starts with =, +, - or @ as a formula; labels come from people's input."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return "" if value is None else value
