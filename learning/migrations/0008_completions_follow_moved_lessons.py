"""Backfill: each lesson completion's module is its lesson's parent now (lessons moved to another module before
completions followed them kept the old one; the command center's path funnel reads it)."""

from django.db import migrations

STEP = 4  # treebeard's path step: a page's parent's path is its own without the last step


def point_completions_at_parents(apps, schema_editor):
    LessonCompletion = apps.get_model("learning", "LessonCompletion")
    LessonPage = apps.get_model("learning", "LessonPage")
    ModulePage = apps.get_model("learning", "ModulePage")
    module_at = dict(ModulePage.objects.values_list("path", "pk"))
    for lesson_id, path in LessonPage.objects.filter(completions__isnull=False).distinct().values_list("pk", "path"):
        parent = module_at.get(path[:-STEP])
        if parent is not None:
            LessonCompletion.objects.filter(lesson_id=lesson_id).exclude(module_id=parent).update(module_id=parent)


class Migration(migrations.Migration):
    dependencies = [("learning", "0007_record_failed_questions")]

    operations = [migrations.RunPython(point_completions_at_parents, migrations.RunPython.noop)]
