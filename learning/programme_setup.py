"""Editors may add, change and delete department stages. Written against an `apps` registry so the data
migration and the demo loader (which restores it after a test flush) run the same idempotent code."""

from portal.governance.editorial_setup import permission
from portal.governance.workflows import EDITORS

CODENAMES = ["add_departmentstage", "change_departmentstage", "delete_departmentstage", "view_departmentstage"]


def grant_editors(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.add(*[permission(apps, "learning", "departmentstage", codename) for codename in CODENAMES])
