"""Platform views: the health check that load balancers and people ask."""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from portal.embedded_elasticsearch import http_get_json


@never_cache
def healthz(request):
    """Database and Elasticsearch status; 200 when the database answers (search can fall back), else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception as error:  # any driver error means the database is down for us
        database = f"error: {error.__class__.__name__}"
    cluster = http_get_json(f"{settings.ELASTICSEARCH_URL}/_cluster/health", timeout=2)
    elasticsearch = cluster.get("status", "unknown") if isinstance(cluster, dict) else "unreachable"
    return JsonResponse(
        {"database": database, "elasticsearch": elasticsearch},
        status=200 if database == "ok" else 503,
    )
