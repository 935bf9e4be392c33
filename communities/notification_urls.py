"""/me/notifications/ (included by portal.urls under that prefix)."""

from django.urls import path

from communities import notification_views as views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<id:notification_id>/", views.open_notification, name="open"),
    path("<id:notification_id>/read/", views.mark_read, name="read"),
    path("read-all/", views.mark_all_read, name="read_all"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
