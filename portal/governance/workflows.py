"""Names of the editorial groups and workflows the data migration installs, and how pages get a workflow."""

from portal.programme_leads import PROGRAMME_LEADS, is_programme_lead  # noqa: F401 (every group name is here)

AUTHORS = "Authors"
SUBJECT_EXPERTS = "Subject experts"
EDITORS = "Editors"
MODERATORS = "Moderators"

EDITOR_APPROVAL = "Editor approval"
REFERENCE_REVIEW = "Reference review"


def assign_workflow(page, workflow_name):
    """Put `page` (and so its subtree) under the named workflow, unless it already has one of its own."""
    from wagtail.models import Workflow, WorkflowPage

    workflow = Workflow.objects.filter(name=workflow_name, active=True).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})
