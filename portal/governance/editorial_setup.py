"""The editorial set-up: groups, their page and collection permissions, and the two workflows.

Written against an `apps` registry so the data migration (historical models) and the demo loader (which must
restore it after a test flush) run the same idempotent code.
"""

from portal.governance.workflows import AUTHORS, EDITOR_APPROVAL, EDITORS, MODERATORS, REFERENCE_REVIEW, SUBJECT_EXPERTS

# Page permissions on the tree root, so they hold for every page below it.
PAGE_PERMISSIONS = {
    AUTHORS: ["add_page", "change_page"],  # drafts and submitting; no publish
    SUBJECT_EXPERTS: ["change_page"],  # review and correct; approval comes from their workflow task
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page"],
    MODERATORS: ["change_page", "publish_page", "lock_page", "unlock_page"],
}
# Images and documents in the root collection: authors need to upload and choose them.
COLLECTION_PERMISSIONS = {
    AUTHORS: ["add_image", "choose_image", "add_document", "choose_document"],
    SUBJECT_EXPERTS: ["choose_image", "choose_document"],
    EDITORS: ["add_image", "change_image", "choose_image", "add_document", "change_document", "choose_document"],
    MODERATORS: ["choose_image", "choose_document"],
}
WORKFLOWS = {
    EDITOR_APPROVAL: [("Editor approval", [EDITORS])],
    REFERENCE_REVIEW: [("Subject expert review", [SUBJECT_EXPERTS]), ("Editor approval", [EDITORS])],
}


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    action, _, noun = codename.partition("_")
    found, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=codename, defaults={"name": f"Can {action} {noun}".replace("_", " ")}
    )
    return found


def install(apps, schema_editor=None):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        if root is not None:
            GroupPagePermission.objects.filter(group=group).delete()
            for codename in codenames:
                GroupPagePermission.objects.create(
                    group=group, page=root, permission=permission(apps, "wagtailcore", "page", codename)
                )
        if root_collection is not None:
            GroupCollectionPermission.objects.filter(group=group).delete()
            for codename in COLLECTION_PERMISSIONS[name]:
                model = "image" if codename.endswith("image") else "document"
                app = "wagtailimages" if model == "image" else "wagtaildocs"
                GroupCollectionPermission.objects.create(
                    group=group, collection=root_collection, permission=permission(apps, app, model, codename)
                )

    # Replace Wagtail's default "Moderators approval" with the portal's workflows.
    stale = Workflow.objects.exclude(name__in=WORKFLOWS)
    WorkflowPage.objects.filter(workflow__in=stale).delete()
    stale.update(active=False)
    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    for workflow_name, steps in WORKFLOWS.items():
        workflow, _ = Workflow.objects.get_or_create(name=workflow_name, defaults={"active": True})
        for order, (task_name, group_names) in enumerate(steps):
            task = GroupApprovalTask.objects.filter(name=task_name, active=True).first()
            if task is None:
                task = GroupApprovalTask.objects.create(name=task_name, content_type=task_type, active=True)
                task.groups.set([groups[g] for g in group_names])
            WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": order})
    if root is not None:
        WorkflowPage.objects.update_or_create(
            page=root, defaults={"workflow": Workflow.objects.get(name=EDITOR_APPROVAL)}
        )
