from django.urls import path

from learning import records, views

app_name = "learning"
urlpatterns = [
    path("me/learning/", views.my_learning, name="my_learning"),
    path("api/learning/statements/", records.statements, name="statements"),
]
