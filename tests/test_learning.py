"""Learning: enrolment, completion, quizzes checked on the server, progress, My learning and certificates."""

import threading

import pytest

from django.db import connection
from django.test import Client

from learning.models import Enrolment, LessonCompletion, LessonPage, QuizAttempt
from learning.quiz import questions_of
from tests.factories import make_audience, make_module, make_path, make_topic, make_user
from tests.helpers import ensure_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def course():
    ensure_site()
    first = make_module("Running AARs")
    second = make_module("Peer assists", lessons=2, quiz_in_last=False)
    path = make_path("KM champion: pilot stage", [first, second])
    learner = make_user("lena")
    client = Client()
    client.force_login(learner)
    return {"first": first, "second": second, "path": path, "learner": learner, "client": client}


def quiz_of(lesson):
    block = lesson.quizzes()[0]
    return block.id, questions_of(block.value)


def answer(questions, right=True):
    data = {}
    for question in questions:
        options = [o for o, _ in question.options if (o in question.correct) == right]
        if not right and not question.multiple:
            options = options[:1]
        data[f"q-{question.id}"] = options
    return data


def test_page_html_never_contains_which_options_are_correct(course):
    lesson = course["first"].lessons().last()
    _, questions = quiz_of(lesson)
    for client in (Client(), course["client"]):
        html = client.get(lesson.url).content.decode()
        for question in questions:
            for _, text in question.options:
                assert text in html if client is course["client"] else True
            for option_id in question.correct:
                # the option id appears as a value, but nothing marks it out from the wrong ones
                assert f'value="{option_id}" checked' not in html
        for marker in ("correct", "Yes: start from intent", "AARs are blame-free", "Intent first."):
            assert marker not in html
    # Nor the API: lesson bodies are not exposed there.
    assert "body" not in LessonPage.api_fields


def test_learner_fails_then_passes_a_quiz_and_progress_reaches_100(course):
    client, module, path = course["client"], course["first"], course["path"]
    client.post(path.url + "enrol/")
    assert Enrolment.objects.filter(user=course["learner"], path=path).exists()
    lessons = list(module.lessons())
    for lesson in lessons[:-1]:
        client.post(lesson.url + "complete/")
    quiz_lesson = lessons[-1]
    block_id, questions = quiz_of(quiz_lesson)
    failed = client.post(quiz_lesson.url + f"quiz/{block_id}/", answer(questions, right=False))
    assert failed.status_code == 200 and "not yet the 100% needed" in failed.content.decode()
    assert "AARs are blame-free" in failed.content.decode()  # feedback after submission
    assert not LessonCompletion.objects.filter(user=course["learner"], lesson=quiz_lesson).exists()
    passed = client.post(quiz_lesson.url + f"quiz/{block_id}/", answer(questions))
    assert "passed" in passed.content.decode()
    assert [a.passed for a in QuizAttempt.objects.filter(user=course["learner"]).order_by("submitted_at")] == [
        False,
        True,
    ]
    assert module.progress_for(course["learner"]).percent == 100
    assert Enrolment.objects.get(user=course["learner"], module=module).completed_at is not None
    assert client.get(path.url + "certificate/").status_code == 302  # the second module is not done yet
    for lesson in course["second"].lessons():
        client.post(lesson.url + "complete/")
    assert path.progress_for(course["learner"]).percent == 100
    certificate = client.get(path.url + "certificate/")
    assert certificate.status_code == 200 and "Certificate of completion" in certificate.content.decode()
    my_learning = client.get("/me/learning/").content.decode()
    assert 'data-progress="100"' in my_learning and "KM champion: pilot stage" in my_learning


@pytest.mark.parametrize("tamper", ["unknown_option", "other_quiz", "missing", "two_for_single", "unknown_question"])
def test_tampered_quiz_posts_get_400_and_store_nothing(course, tamper):
    lesson = course["first"].lessons().last()
    block_id, questions = quiz_of(lesson)
    data = answer(questions)
    if tamper == "unknown_option":
        data[f"q-{questions[0].id}"] = ["not-an-option"]
    elif tamper == "other_quiz":
        data = {f"q-{q.id}x": v for q, v in zip(questions, data.values(), strict=True)}
    elif tamper == "missing":
        data.pop(f"q-{questions[1].id}")
    elif tamper == "two_for_single":
        data[f"q-{questions[0].id}"] = [o for o, _ in questions[0].options]
    elif tamper == "unknown_question":
        data["q-00000000-0000-0000-0000-000000000000"] = ["x"]
    response = course["client"].post(lesson.url + f"quiz/{block_id}/", data)
    assert response.status_code == 400
    assert QuizAttempt.objects.count() == 0 and LessonCompletion.objects.count() == 0


def test_huge_quiz_payloads_and_unknown_quizzes_are_refused(course):
    lesson = course["first"].lessons().last()
    block_id, questions = quiz_of(lesson)
    huge = answer(questions)
    huge["padding"] = "x" * 50_000
    assert course["client"].post(lesson.url + f"quiz/{block_id}/", huge).status_code == 400
    assert course["client"].post(lesson.url + "quiz/no-such-quiz/", answer(questions)).status_code == 400
    assert QuizAttempt.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_same_lesson_completed_twice_at_once_leaves_one_record():
    ensure_site()
    module = make_module("Concurrency", lessons=1, quiz_in_last=False)
    learner = make_user("twin")
    lesson = module.lessons().first()
    barrier = threading.Barrier(2)
    results = []

    def complete():
        try:
            barrier.wait()
            results.append(LessonPage.objects.get(pk=lesson.pk).complete_for(learner))
        except Exception as error:  # SQLite's in-memory test database locks whole tables instead
            results.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=complete) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert LessonCompletion.objects.filter(user=learner, lesson=lesson).count() == 1
    if connection.vendor == "postgresql":  # both requests ran; the database refused the second record
        assert sorted(results, key=str) == [False, True]
    else:  # SQLite's shared in-memory test database may lock a table instead of letting both run
        assert all(isinstance(result, bool) or "locked" in str(result) for result in results)
    assert module.progress_for(learner).percent == 100


def test_unpublishing_or_deleting_a_lesson_keeps_records_and_recalculates(course):
    client, module = course["client"], course["second"]
    lessons = list(module.lessons())
    client.post(lessons[0].url + "complete/")
    assert module.progress_for(course["learner"]).percent == 50
    lessons[1].unpublish()
    assert module.progress_for(course["learner"]).percent == 100  # one live lesson, done
    lessons[0].delete()
    record = LessonCompletion.objects.get(user=course["learner"])
    assert record.lesson is None and record.lesson_title == "Peer assists lesson 1"
    assert module.progress_for(course["learner"]).percent == 0 and module.progress_for(course["learner"]).total == 0


def test_enrolling_needs_a_login_and_a_published_module(course):
    assert Client().post(course["first"].url + "enrol/").status_code == 302
    course["second"].unpublish()
    assert course["client"].post(course["second"].url + "enrol/").status_code == 404
    assert not Enrolment.objects.filter(module=course["second"]).exists()
    assert course["client"].get(course["first"].url + "enrol/").status_code == 405


def test_anonymous_readers_see_lessons_and_a_prompt_to_log_in(course):
    lesson = course["first"].lessons().first()
    html = Client().get(lesson.url).content.decode()
    assert "Lesson 1 text." in html and "to track your progress" in html


def test_my_learning_runs_a_constant_number_of_queries(course, django_assert_max_num_queries):
    client = course["client"]
    client.post(course["path"].url + "enrol/")
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()  # the log is a bounded deque: a full one would capture nothing
    with CaptureQueriesContext(connection) as few:
        client.get("/me/learning/")
    baseline = len(few.captured_queries)  # a view over the log: read it before the log is cleared again
    assert baseline <= 25
    for number in range(4):
        module = make_module(f"Extra {number}", lessons=2, quiz_in_last=False)
        client.post(module.url + "enrol/")
    connection.queries_log.clear()
    with django_assert_max_num_queries(baseline):
        client.get("/me/learning/")


def test_catalogue_filters_list_exactly_the_matching_modules(course, client):
    from learning.models import DURATIONS, ModulePage

    topic, audience = make_topic("Storytelling"), make_audience("Managers")
    facts = {"Running AARs": (20, "pilot", [topic], [audience]), "Peer assists": (45, "rollout", [], [])}
    make_module("Knowledge audits", lessons=1, quiz_in_last=False)
    facts["Knowledge audits"] = (120, "investigation", [topic], [])
    for module in ModulePage.objects.all():
        minutes, stage, topics, audiences = facts[module.title]
        module.estimated_minutes, module.stage, module.topics, module.audiences = minutes, stage, topics, audiences
        module.save_revision().publish()

    def listed(**params):
        response = client.get("/learning/", params)
        assert response.status_code == 200
        return sorted(module.title for module in response.context["modules"])

    for key, (low, high, _) in DURATIONS.items():
        assert listed(duration=key) == sorted(t for t, fact in facts.items() if low <= fact[0] <= high), key
    assert listed(stage="pilot") == ["Running AARs"]
    assert listed(topic=topic.slug) == ["Knowledge audits", "Running AARs"]
    assert listed(audience=audience.slug) == ["Running AARs"]
    assert listed(topic=topic.slug, duration="long") == ["Knowledge audits"]
    assert listed() == sorted(facts)
    # Unknown values are ignored with a note, and the listing stays whole.
    response = client.get("/learning/", {"duration": "forever", "stage": "zzz", "page": "-2"})
    assert "No such duration" in response.content.decode() and "No such stage" in response.content.decode()
    assert sorted(module.title for module in response.context["modules"]) == sorted(facts)


def test_quiz_answers_are_stored_as_json(course):
    lesson = course["first"].lessons().last()
    block_id, questions = quiz_of(lesson)
    course["client"].post(lesson.url + f"quiz/{block_id}/", {**answer(questions), "started_at": "2026-11-25T10:00:00"})
    attempt = QuizAttempt.objects.get()
    assert {key: sorted(value) for key, value in attempt.answers.items()} == {
        q.id: sorted(q.correct) for q in questions
    }
    assert attempt.score == 100 and attempt.passed and attempt.started_at is not None


def test_catalogue_runs_a_constant_number_of_queries(course, client, django_assert_max_num_queries):
    from django.test.utils import CaptureQueriesContext

    connection.queries_log.clear()
    with CaptureQueriesContext(connection) as first:
        client.get("/learning/")
    baseline = len(first.captured_queries)
    for number in range(5):
        make_module(f"More {number}", lessons=1, quiz_in_last=False)
    connection.queries_log.clear()
    with django_assert_max_num_queries(baseline):
        client.get("/learning/")


def test_lessons_show_screencasts_with_transcripts_and_documents(course, client):
    from django.core.files.base import ContentFile

    from wagtail.documents import get_document_model

    document = get_document_model().objects.create(
        title="AAR template", file=ContentFile(b"%PDF-1.4 template", "aar-template.pdf")
    )
    video = get_document_model().objects.create(title="Demo video", file=ContentFile(b"\x00\x00", "demo.mp4"))
    lesson = course["second"].lessons().first()
    transcript = "First, intent.\nThen facts."
    lesson.body = [
        ("screencast", {"title": "Running the review", "video_document": video, "transcript": transcript}),
        (
            "screencast",
            {"title": "From the platform", "video_url": "https://v.example.org/w/42", "transcript": "Hi"},
        ),
        ("document", {"document": document, "title": ""}),
    ]
    lesson.save_revision().publish()
    html = client.get(lesson.url).content.decode()
    assert f'<video controls preload="metadata" src="{video.url}"></video>' in html
    assert '<a href="https://v.example.org/w/42">Watch “From the platform”</a>' in html  # not a video file
    assert "<summary>Transcript</summary><p>First, intent.<br>Then facts.</p>" in html
    assert f'href="{document.url}"' in html and "AAR template" in html
    assert client.get(document.url).status_code == 200  # the public library's documents download
    # The transcript is searchable text; the lesson page is what a search finds.
    assert "First, intent." in lesson.search_body()


def test_a_completed_module_keeps_its_completion_date_when_a_lesson_is_added(course):
    from learning.models import LessonPage

    module, learner, client = course["second"], course["learner"], course["client"]
    for lesson in module.lessons():
        client.post(lesson.url + "complete/")
    enrolment = Enrolment.objects.get(user=learner, module=module)
    completed_at = enrolment.completed_at
    assert completed_at is not None and module.progress_for(learner).percent == 100
    extra = LessonPage(title="A new lesson", slug="new-lesson", body=[("paragraph", "<p>New.</p>")])
    module.add_child(instance=extra)
    extra.save_revision().publish()
    progress = module.progress_for(learner)
    assert (progress.done, progress.total, progress.percent) == (2, 3, 67)  # the rule counts live lessons now
    enrolment.refresh_from_db()
    assert enrolment.completed_at == completed_at and progress.completed_at == completed_at  # kept, as promised
    client.post(extra.url + "complete/")
    enrolment.refresh_from_db()
    assert enrolment.completed_at == completed_at  # completing again does not move the date
