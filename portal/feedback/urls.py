from django.urls import path

from portal.feedback import views

urlpatterns = [
    path("feedback/<id:page_id>/helpful/", views.vote_helpful, name="feedback_helpful"),
    path("feedback/<id:page_id>/flag/", views.flag_page, name="feedback_flag"),
]
