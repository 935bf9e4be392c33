"""Reading and grading a quiz block. What is sent to the browser is `public_view`; the correct answers stay here."""

from dataclasses import dataclass, field

MAX_SUBMISSION_BYTES = 20_000


class QuizSubmissionError(Exception):
    """A submission that does not fit the quiz (tampered, incomplete or oversized): answered with HTTP 400."""


@dataclass
class Question:
    id: str
    prompt: str
    multiple: bool
    explanation: str
    options: list  # (option id, text)
    correct: set
    feedback: dict = field(default_factory=dict)


def questions_of(quiz_value) -> list[Question]:
    """The quiz's questions with stable ids (Wagtail's list-item ids)."""
    questions = []
    for question_item in quiz_value["questions"].bound_blocks:
        question = question_item.value
        options = [(option.id, option.value["text"]) for option in question["options"].bound_blocks]
        questions.append(
            Question(
                id=question_item.id,
                prompt=question["prompt"],
                multiple=bool(question["multiple"]),
                explanation=question["explanation"] or "",
                options=options,
                correct={option.id for option in question["options"].bound_blocks if option.value["correct"]},
                feedback={option.id: option.value["feedback"] for option in question["options"].bound_blocks},
            )
        )
    return questions


def stored_prompts(body) -> dict[tuple[str, str], str]:
    """(quiz block id, question id) -> prompt, for every quiz question of a lesson body, read from its stored form
    without building blocks (the command center reads many lessons at once). Questions saved without an id (an
    older list format) are left out: no attempt could name them."""
    prompts = {}
    for block in body.raw_data:
        if block.get("type") != "quiz":
            continue
        for question in (block.get("value") or {}).get("questions") or []:
            if isinstance(question, dict) and question.get("id") and isinstance(question.get("value"), dict):
                prompts[(block.get("id"), question["id"])] = question["value"].get("prompt", "")
    return prompts


def public_view(questions):
    """What the page shows before submission: prompts and option texts, nothing about correctness."""
    return [{"id": q.id, "prompt": q.prompt, "multiple": q.multiple, "options": q.options} for q in questions]


def parse_submission(data, questions) -> dict:
    """The learner's chosen option ids per question, or QuizSubmissionError saying what is wrong."""
    by_id = {q.id: q for q in questions}
    unknown = [key for key in data if key.startswith("q-") and key[2:] not in by_id]
    if unknown:
        raise QuizSubmissionError("The answers do not belong to this quiz.")
    answers = {}
    for question in questions:
        chosen = data.getlist(f"q-{question.id}")
        if not chosen:
            raise QuizSubmissionError(f"Answer every question: “{question.prompt}” has no answer.")
        valid = {option_id for option_id, _ in question.options}
        if any(option not in valid for option in chosen) or len(set(chosen)) != len(chosen):
            raise QuizSubmissionError("An answer names an option that is not part of its question.")
        if not question.multiple and len(chosen) != 1:
            raise QuizSubmissionError(f"“{question.prompt}” takes one answer.")
        answers[question.id] = chosen
    return answers


def grade(questions, answers) -> tuple[int, list[dict]]:
    """Per cent of questions answered exactly right, and per-question results with feedback to show."""
    results, right = [], 0
    for question in questions:
        chosen = set(answers.get(question.id, []))
        is_right = chosen == question.correct
        right += is_right
        results.append(
            {
                "id": question.id,
                "prompt": question.prompt,
                "right": is_right,
                "explanation": question.explanation,
                "options": [
                    {
                        "id": option_id,
                        "text": text,
                        "chosen": option_id in chosen,
                        "correct": option_id in question.correct,
                        "feedback": question.feedback.get(option_id, "") if option_id in chosen else "",
                    }
                    for option_id, text in question.options
                ],
            }
        )
    score = round(100 * right / len(questions)) if questions else 0
    return score, results
