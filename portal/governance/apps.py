from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    """Editorial groups, permissions, workflows and content review (freshness)."""

    name = "portal.governance"
    label = "governance"
    verbose_name = "Governance"

    def ready(self):
        from wagtail.signals import page_published

        from portal.governance.review import give_published_page_a_review_date

        page_published.connect(give_published_page_a_review_date, dispatch_uid="governance-review-date")
        from django.db.models.signals import post_save

        from wagtail.models import TaskState

        from portal.expertise.sources import register
        from portal.governance import expertise_sources

        register(expertise_sources.facts)
        post_save.connect(expertise_sources.on_task_state, sender=TaskState, dispatch_uid="expertise-review-done")
