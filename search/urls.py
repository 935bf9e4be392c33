from django.urls import path

from search import views

urlpatterns = [
    path("search/", views.search, name="search"),
    path("search/people/", views.people, name="search_people"),
    path("search/autocomplete/", views.autocomplete_view, name="search_autocomplete"),
    path("search/similar/", views.similar_view, name="search_similar"),
    path("api/search/", views.api, name="search_api"),
]
