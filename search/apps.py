from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Faceted search on Elasticsearch: the indices, their sync through an outbox, search pages and API."""

    name = "search"

    def ready(self):
        from portal.command_center.figures import register_panel
        from search import promotions, signals
        from search.command_center import PANEL

        signals.connect()
        promotions.connect()
        register_panel(PANEL)
