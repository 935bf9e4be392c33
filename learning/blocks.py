"""Lesson blocks: the shared body blocks plus screencasts and quizzes. Quiz answers are checked on the server;
templates render only prompts and option texts, never which options are correct."""

from django.core.exceptions import ValidationError

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

from portal.blocks import BodyBlock


class ScreencastBlock(blocks.StructBlock):
    """A screencast or video (a file URL or an uploaded document) with the transcript people rely on."""

    title = blocks.CharBlock(max_length=200)
    video_url = blocks.URLBlock(required=False, help_text="An .mp4 or .webm file, or a page on your video platform.")
    video_document = DocumentChooserBlock(required=False, help_text="Or a video uploaded to the library.")
    transcript = blocks.TextBlock(help_text="Required: people who cannot watch or hear the video read this.")

    class Meta:
        icon = "media"
        template = "learning/blocks/screencast_block.html"
        description = "A screencast with its transcript"

    def clean(self, value):
        value = super().clean(value)
        if not value.get("video_url") and not value.get("video_document"):
            raise ValidationError("Give the video's URL or choose an uploaded video.")
        return value


class OptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)
    correct = blocks.BooleanBlock(required=False)
    feedback = blocks.CharBlock(max_length=500, required=False, help_text="Shown after the learner submits.")


class QuestionBlock(blocks.StructBlock):
    prompt = blocks.CharBlock(max_length=500)
    multiple = blocks.BooleanBlock(required=False, help_text="Tick when more than one option is correct.")
    explanation = blocks.TextBlock(required=False, help_text="Shown after the learner submits.")
    options = blocks.ListBlock(OptionBlock(), min_num=2, max_num=8)

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for option in value["options"] if option["correct"])
        if correct == 0:
            raise ValidationError("Mark at least one option as correct.")
        if correct > 1 and not value["multiple"]:
            raise ValidationError("Single-choice questions have exactly one correct option: tick 'multiple'.")
        return value


class QuizBlock(blocks.StructBlock):
    """A quiz: the learner passes at `pass_mark` per cent; passing completes the lesson."""

    title = blocks.CharBlock(max_length=200, default="Check your understanding")
    pass_mark = blocks.IntegerBlock(min_value=1, max_value=100, default=70, help_text="Per cent needed to pass.")
    questions = blocks.ListBlock(QuestionBlock(), min_num=1, max_num=30)

    class Meta:
        icon = "tick-inverse"
        template = "learning/blocks/quiz_block.html"
        description = "A quiz checked on the server"


class LessonBlock(BodyBlock):
    screencast = ScreencastBlock()
    quiz = QuizBlock()
