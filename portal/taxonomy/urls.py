from django.urls import path

from portal.taxonomy import views

app_name = "taxonomy"
urlpatterns = [
    path("topics/", views.topic_index, name="topic_index"),
    path("topics/<str:slug>/", views.topic_detail, name="topic"),
    path("tags/<str:slug>/", views.tag_detail, name="tag"),
]
