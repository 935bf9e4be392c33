from wagtail.admin.panels import Panel


class LearnerStatsPanel(Panel):
    """In the module editor: how many people enrolled and how many completed it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "learning/panels/learner_stats.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["stats"] = self.instance.learner_stats() if self.instance.pk else None
            return context
