from django.urls import path

from portal.people import views

app_name = "people"
urlpatterns = [
    path("people/", views.directory, name="directory"),
    path("people/<str:username>/", views.profile, name="profile"),
    path("me/profile/", views.edit_my_profile, name="edit_profile"),
]
