"""Wagtail pages are kept for anonymous readers, except those under a view restriction."""

from wagtail import hooks

from portal.pagecache.cache import cache_for_readers, may_use, refuse
from portal.pagecache.signals import SITE


@hooks.register("before_serve_page")
def keep_for_anonymous_readers(page, request, serve_args, serve_kwargs):
    if not may_use(request):
        return  # a signed-in reader's page is never kept: spare the query
    if page.get_view_restrictions().exists():
        refuse(request)
    else:
        cache_for_readers(request, {f"page:{page.pk}", SITE})
