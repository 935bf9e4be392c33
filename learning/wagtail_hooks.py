from django.urls import reverse

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from learning.programme_stages import DepartmentStage, DepartmentStageForm
from learning.records import LearningRecordsView
from portal.admin_reports import report_urls


@hooks.register("register_admin_urls")
def register_learning_records_urls():
    return report_urls("learning-records", LearningRecordsView, "learning_records")


@hooks.register("register_reports_menu_item")
def register_learning_records_menu_item():
    return MenuItem("Learning records", reverse("learning_records"), icon_name="tasks", order=60)


class DepartmentStageViewSet(SnippetViewSet):
    """Editors record where each department is in the KM programme; /programme/ and the team view read it."""

    model = DepartmentStage
    icon = "list-ol"
    menu_label = "Department stages"
    add_to_admin_menu = True
    menu_order = 250
    list_display = ["department", "stage", "updated_at", "updated_by"]
    ordering = ["department"]
    edit_handler = ObjectList([FieldPanel("department"), FieldPanel("stage")], base_form_class=DepartmentStageForm)


register_snippet(DepartmentStageViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def record_who_set_the_stage(request, instance):
    if isinstance(instance, DepartmentStage):
        DepartmentStage.objects.filter(pk=instance.pk).update(updated_by=request.user)
