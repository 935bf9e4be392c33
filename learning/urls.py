from django.urls import path

from learning import views

app_name = "learning"
urlpatterns = [path("me/learning/", views.my_learning, name="my_learning")]
