"""The Programme leads group: KM leads, HR and learning staff who open the command center. It may use the admin and
nothing else (the command center checks the group by name)."""

from django.db import migrations

PROGRAMME_LEADS = "Programme leads"


def create_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailadmin", model="admin")
    access_admin, _ = Permission.objects.get_or_create(
        content_type=content_type, codename="access_admin", defaults={"name": "Can access Wagtail admin"}
    )
    group, _ = Group.objects.get_or_create(name=PROGRAMME_LEADS)
    group.permissions.add(access_admin)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=PROGRAMME_LEADS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("governance", "0002_initial"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
