from django.urls import path

from communities import views
from communities.blog import SiteAtomFeed, SiteFeed

app_name = "communities"
urlpatterns = [
    path("feeds/", SiteFeed(), name="site_feed"),
    path("feeds/atom/", SiteAtomFeed(), name="site_atom_feed"),
    path("me/communities/", views.my_communities, name="my_communities"),
]
