"""Give the "Council staff" group the permissions of the table of indexed words too.

Same rule as 0002 (every Sharaka model, nothing on accounts), run again now
that the table exists. Its admin page lets staff look at it, never edit it.
"""

from importlib import import_module

from django.db import migrations

group_migration = import_module("portal.migrations.0002_council_staff_group")


class Migration(migrations.Migration):
    dependencies = [("portal", "0007_search_forms_and_more_kinds")]

    operations = [
        migrations.RunPython(
            group_migration.create_council_staff_group, migrations.RunPython.noop
        ),
    ]
