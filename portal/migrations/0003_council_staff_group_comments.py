"""Give the "Council staff" group the permissions of the comment-report model too.

Same rule as 0002 (every Sharaka model, nothing on accounts), run again now
that comment reports exist.
"""

from importlib import import_module

from django.db import migrations

group_migration = import_module("portal.migrations.0002_council_staff_group")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_council_staff_group"),
        ("associations", "0002_membership_language"),
        ("projects", "0002_comments"),
    ]

    operations = [
        migrations.RunPython(
            group_migration.create_council_staff_group, migrations.RunPython.noop
        ),
    ]
