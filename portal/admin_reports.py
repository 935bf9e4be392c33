"""What every admin report of the portal shares (search gaps, learning records, content due for review)."""

from django.urls import path


def report_urls(slug: str, view, name: str) -> list:
    """A Wagtail ReportView's two URLs under /admin/reports/: the report, and its results alone (which Wagtail's
    filters fetch when they change), named `name` and `<name>_results`."""
    return [
        path(f"reports/{slug}/", view.as_view(), name=name),
        path(f"reports/{slug}/results/", view.as_view(results_only=True), name=f"{name}_results"),
    ]
