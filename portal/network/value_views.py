"""`/network/`: who helps whom across departments or organisations, as a chart, a table and a CSV of the same
figures, counting only what the reader may open (anonymous readers: public communities and pages)."""

import csv
from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from portal.network.value import value_network
from portal.network.value_filters import GROUPING_LABELS, KINDS, PERIODS, read_filters


def value_network_view(request):
    filters = read_filters(request.GET)
    start, end = filters.bounds()
    network = value_network(request.user, filters.kinds, filters.grouping, start, end)
    if request.GET.get("format") == "csv":
        return csv_response(network)
    return render(
        request,
        "network/value_network.html",
        {
            "filters": filters,
            "network": network,
            "header": network.header(),
            "rows": network.table(),
            "chart": network.chart_data(),
            "periods": [(key, label) for key, (label, _) in PERIODS.items()],
            "kinds": KINDS.items(),
            "groupings": GROUPING_LABELS.items(),
            "csv_url": "?" + urlencode(filters.query(format="csv")),
        },
    )


def csv_response(network) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="value-network-{timezone.localdate():%Y-%m-%d}.csv"'
    writer = csv.writer(response)
    writer.writerow(network.header())
    for row in network.table():
        # Department names are people's own words: keep a spreadsheet from reading one as a formula.
        writer.writerow([f"'{cell}" if isinstance(cell, str) and cell[:1] in "=+-@" else cell for cell in row])
    return response
