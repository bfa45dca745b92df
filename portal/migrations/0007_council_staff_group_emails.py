"""Give the "Council staff" group the permissions of the e-mail model too.

Same rule as 0002 (every Sharaka model, nothing on accounts), run again now
that stored e-mails exist: staff see what was sent and send failed ones again.
"""

from importlib import import_module

from django.db import migrations

group_migration = import_module("portal.migrations.0002_council_staff_group")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_outgoing_emails"),
    ]

    operations = [
        migrations.RunPython(
            group_migration.create_council_staff_group, migrations.RunPython.noop
        ),
    ]
