from django.urls import path, reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learning.records import LearningRecordsView


@hooks.register("register_admin_urls")
def register_learning_records_urls():
    return [
        path("reports/learning-records/", LearningRecordsView.as_view(), name="learning_records"),
        path(
            "reports/learning-records/results/",
            LearningRecordsView.as_view(results_only=True),
            name="learning_records_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_learning_records_menu_item():
    return MenuItem("Learning records", reverse("learning_records"), icon_name="tasks", order=60)
