from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Faceted search on Elasticsearch: the indices, their sync through an outbox, search pages and API."""

    name = "search"

    def ready(self):
        from search import signals

        signals.connect()
