from django.urls import path

from communities.blog import SiteAtomFeed, SiteFeed

app_name = "communities"
urlpatterns = [
    path("feeds/", SiteFeed(), name="site_feed"),
    path("feeds/atom/", SiteAtomFeed(), name="site_atom_feed"),
]
