"""The "Council staff" group: everything on Sharaka's own records, nothing on accounts.

Staff add, change, delete and view every model of the five Sharaka apps
(memberships included). They get nothing from auth (users, groups,
permissions), sites or sessions: accounts stay with the superusers.
Running it again leaves the group with exactly these permissions.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP_NAME = "Council staff"
STAFF_APPS = ("portal", "associations", "meetings", "projects", "recommendations")


def create_council_staff_group(apps, schema_editor):
    using = schema_editor.connection.alias
    # Permissions are normally created after all migrations have run (by the
    # post_migrate signal); create the ones this group needs now.
    for label in STAFF_APPS:
        create_permissions(
            global_apps.get_app_config(label), verbosity=0, using=using, apps=apps
        )
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.using(using).get_or_create(name=GROUP_NAME)
    group.permissions.set(
        Permission.objects.using(using).filter(content_type__app_label__in=STAFF_APPS)
    )


def remove_council_staff_group(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.using(schema_editor.connection.alias).filter(name=GROUP_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("portal", "0001_initial"),
        ("associations", "0001_initial"),
        ("meetings", "0001_initial"),
        ("projects", "0001_initial"),
        ("recommendations", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_council_staff_group, remove_council_staff_group),
    ]
