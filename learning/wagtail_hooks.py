from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from learning.records import LearningRecordsView
from portal.admin_reports import report_urls


@hooks.register("register_admin_urls")
def register_learning_records_urls():
    return report_urls("learning-records", LearningRecordsView, "learning_records")


@hooks.register("register_reports_menu_item")
def register_learning_records_menu_item():
    return MenuItem("Learning records", reverse("learning_records"), icon_name="tasks", order=60)
