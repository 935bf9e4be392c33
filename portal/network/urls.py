from django.urls import path

from portal.network import views

app_name = "network"
urlpatterns = [
    path("people/<str:username>/", views.follow_person, name="follow_person"),
    path("topics/<str:slug>/", views.follow_topic, name="follow_topic"),
]
