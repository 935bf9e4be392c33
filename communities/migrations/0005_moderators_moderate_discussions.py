"""Moderators moderate discussions in the admin (facilitators use their community's own moderation page)."""

from django.db import migrations

CODENAMES = [("thread", "view"), ("thread", "change"), ("reply", "view"), ("reply", "change")]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators, _ = Group.objects.get_or_create(name="Moderators")
    for model, action in CODENAMES:
        content_type, _ = ContentType.objects.get_or_create(app_label="communities", model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_{model}", defaults={"name": f"Can {action} {model}"}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("communities", "0004_communitypage_collection"),
        ("governance", "0002_initial"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
