"""The "Council staff" group: every Sharaka model as before, except the staff scopes.

Which communes a staff account works for is an account power, like the
accounts themselves: only superusers set it (on the user's page). Running
it again leaves the group with exactly these permissions.
"""

from importlib import import_module

from django.db import migrations

group_migration = import_module("portal.migrations.0002_council_staff_group")

#: Models of the Sharaka apps whose rows only superusers change.
ACCOUNT_MODELS = (("portal", "staffscope"),)


def create_council_staff_group(apps, schema_editor):
    group_migration.create_council_staff_group(apps, schema_editor)
    Group = apps.get_model("auth", "Group")
    using = schema_editor.connection.alias
    group = Group.objects.using(using).get(name=group_migration.GROUP_NAME)
    for app_label, model in ACCOUNT_MODELS:
        group.permissions.remove(
            *group.permissions.filter(
                content_type__app_label=app_label, content_type__model=model
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0008_staff_scope"),
        ("portal", "0003_council_staff_group_comments"),
    ]

    operations = [
        migrations.RunPython(create_council_staff_group, migrations.RunPython.noop),
    ]
