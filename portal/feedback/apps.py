from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Reader feedback on formal content: "outdated" flags, suggested improvements and "was this helpful?"."""

    name = "portal.feedback"
    label = "feedback"
    verbose_name = "Reader feedback"

    def ready(self):
        from wagtail.signals import page_published

        from portal.feedback.models import ContentFlag, resolve_outdated_flags_on_publish
        from portal.searchable import register

        # An open "outdated" flag changes the page's trust status, so opening or resolving one re-indexes it.
        register(ContentFlag, indexed=False, keys_of=lambda flag: [f"page:{flag.page_id}"])
        page_published.connect(resolve_outdated_flags_on_publish, dispatch_uid="feedback-resolve-on-publish")
