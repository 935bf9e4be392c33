from django.urls import path

from learning import my_learning, programme_views, records

app_name = "learning"
urlpatterns = [
    path("me/learning/", my_learning.my_learning, name="my_learning"),
    path("programme/", programme_views.programme, name="programme"),
    path("programme/team/", programme_views.team, name="programme_team"),
    path("api/learning/statements/", records.statements, name="statements"),
]
