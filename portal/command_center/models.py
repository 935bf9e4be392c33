"""Where the command center's summary appears: the community editors pick (the Knowledge Strategy Forum in the
demo), to its members only."""

from django.db import models

from wagtail.admin.panels import PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="view")
class CommandCenterSettings(BaseSiteSetting):
    """Which community shows its members a summary of the command center's figures on its page."""

    summary_community = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Its members (only they) see the command center's headline figures on the community's page: "
        "pick a members-only community of the people who run the KM programme.",
    )

    panels = [PageChooserPanel("summary_community", "communities.CommunityPage")]

    class Meta:
        verbose_name = "command center"
