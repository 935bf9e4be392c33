from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Faceted search on Elasticsearch: the indices, their sync through an outbox, search pages and API."""

    name = "search"

    def ready(self):
        from portal.command_center.figures import register_panel
        from portal.pagecache.cache import register_hit_counter
        from search import promotions, signals
        from search.command_center import PANEL
        from search.models import count_search

        signals.connect()
        promotions.connect()
        register_panel(PANEL)
        register_hit_counter("search", count_search)  # a kept search page counts each reader it serves
