from django.urls import path

from learning import my_learning, records

app_name = "learning"
urlpatterns = [
    path("me/learning/", my_learning.my_learning, name="my_learning"),
    path("api/learning/statements/", records.statements, name="statements"),
]
