from django.urls import path

from portal.curation import views

app_name = "curation"
urlpatterns = [path("nominate/<str:key>/", views.nominate, name="nominate")]
