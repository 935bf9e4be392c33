from django.apps import AppConfig


class PageCacheConfig(AppConfig):
    name = "portal.pagecache"
    label = "pagecache"
    verbose_name = "Anonymous page cache"

    def ready(self):
        from portal.pagecache import signals  # connects Wagtail's page events on import

        signals.connect_settings()
