"""Demo: the Knowledge Strategy Forum shows the command center's summary, and two of its members lead the
programme (the central knowledge team's lead and an HR lead); idempotent."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from wagtail.models import Page, Site

from portal.command_center.models import CommandCenterSettings
from portal.governance.workflows import PROGRAMME_LEADS

SUMMARY_COMMUNITY = "knowledge-strategy-forum"
DEMO_PROGRAMME_LEADS = ["priya.raman", "aisha.bello"]


def load(stdout=None):
    forum = Page.objects.filter(slug=SUMMARY_COMMUNITY).first()
    site = Site.objects.filter(is_default_site=True).first()
    if forum is not None and site is not None:
        settings = CommandCenterSettings.for_site(site)
        if settings.summary_community_id != forum.pk:
            settings.summary_community = forum
            settings.save()
    # The data migration makes the group; a test that flushed the database may have removed it since.
    leads, _ = Group.objects.get_or_create(name=PROGRAMME_LEADS)
    leads.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
    for user in get_user_model().objects.filter(username__in=DEMO_PROGRAMME_LEADS):
        user.groups.add(leads)
