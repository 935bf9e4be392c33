"""Where each department is in the KM programme: a row per department that editors keep current, and a site-wide
default stage for departments without a row. Read by learning.programme; nothing here imports a page class."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from portal.people.models import Profile
from portal.taxonomy.models import Stage


def known_departments() -> list[str]:
    """The departments people have on their profiles, by name: the values a department stage may name."""
    return list(
        Profile.objects.exclude(department="").order_by("department").values_list("department", flat=True).distinct()
    )


class DepartmentStageForm(WagtailAdminModelForm):
    """The department is chosen from the departments people have, so a typo cannot create a stage no one is in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = known_departments()
        current = self.instance.department if self.instance.pk else ""
        if current and current not in choices:
            choices.append(current)  # a department whose people all left stays editable
        self.known = set(choices)
        self.fields["department"].widget = forms.Select(choices=[("", "---------")] + [(d, d) for d in choices])

    def clean_department(self):
        department = self.cleaned_data["department"].strip()
        if department not in self.known:
            raise ValidationError(f"No one is in a department called “{department}”: choose one from the list.")
        return department


class DepartmentStage(models.Model):
    """The KM programme stage one department has reached (investigation, pilot, roll-out, sustain)."""

    department = models.CharField(max_length=120, unique=True, help_text="As people's profiles name it.")
    stage = models.CharField("KM stage", max_length=20, choices=Stage.choices)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )

    panels = ["department", "stage"]

    class Meta:
        ordering = ["department"]
        verbose_name = "department stage"

    def __str__(self):
        return f"{self.department}: {self.get_stage_display()}"


@register_setting(icon="list-ol")
class ProgrammeSettings(BaseSiteSetting):
    """The programme's stage for departments that have no stage of their own."""

    default_stage = models.CharField(
        "default KM stage", max_length=20, choices=Stage.choices, default=Stage.INVESTIGATION
    )

    panels = ["default_stage"]

    class Meta:
        verbose_name = "KM programme"


def stage_of_department(department: str, request=None) -> str:
    """The department's stage, else the programme's default stage for the request's site (one or two queries)."""
    if department:
        stage = DepartmentStage.objects.filter(department=department).values_list("stage", flat=True).first()
        if stage:
            return stage
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return Stage.INVESTIGATION
    return ProgrammeSettings.for_site(site).default_stage
