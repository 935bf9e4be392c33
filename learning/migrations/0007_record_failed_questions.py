"""Backfill: the questions each kept quiz attempt got wrong, graded against its quiz's answers as they are now (the
only key there is for attempts made before failures were recorded at submission). Questions an attempt did not
answer, quizzes no longer in their lesson and list items without ids are left out."""

from django.db import migrations

BATCH = 1000


def correct_options(quiz_value) -> dict[str, set[str]]:
    """Question id -> the ids of its correct options, from a quiz block's stored (raw) value."""
    key = {}
    for question in quiz_value.get("questions") or []:
        if not isinstance(question, dict) or not question.get("id"):
            continue
        options = (question.get("value") or {}).get("options") or []
        key[question["id"]] = {
            option["id"]
            for option in options
            if isinstance(option, dict) and option.get("id") and (option.get("value") or {}).get("correct")
        }
    return key


def record_failed_questions(apps, schema_editor):
    QuizAttempt = apps.get_model("learning", "QuizAttempt")
    FailedQuestion = apps.get_model("learning", "FailedQuestion")
    LessonPage = apps.get_model("learning", "LessonPage")
    keys = {}
    for lesson in LessonPage.objects.filter(pk__in=QuizAttempt.objects.values("lesson_id")).only("pk", "body"):
        for block in lesson.body.raw_data:
            if block.get("type") == "quiz":
                keys[(lesson.pk, block.get("id"))] = correct_options(block.get("value") or {})
    batch = []
    attempts = QuizAttempt.objects.filter(lesson__isnull=False).values_list("pk", "lesson_id", "quiz_block_id", "answers")
    for attempt_id, lesson_id, block_id, answers in attempts.iterator():
        key = keys.get((lesson_id, block_id))
        if not key or not isinstance(answers, dict):
            continue
        for question_id, chosen in answers.items():
            if question_id in key and isinstance(chosen, list) and set(chosen) != key[question_id]:
                batch.append(FailedQuestion(attempt_id=attempt_id, question_id=question_id))
        if len(batch) >= BATCH:
            FailedQuestion.objects.bulk_create(batch)
            batch = []
    FailedQuestion.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("learning", "0006_command_center_indexes_and_failed_questions")]

    operations = [migrations.RunPython(record_failed_questions, migrations.RunPython.noop)]
