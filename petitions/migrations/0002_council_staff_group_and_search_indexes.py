"""Give the "Council staff" group the petitions' permissions, and index their search text.

Same rule as portal's 0002 and 0009 (every Sharaka model, nothing on
accounts or staff scopes), run again now that petitions exist; running it
again leaves the group with exactly these permissions.

On PostgreSQL petitions get the ``pg_trgm`` GIN indexes every searchable kind
has (see portal's 0013); the columns are frozen here and
``tests/portal/test_search_indexes.py`` checks that they match the model.
"""

from importlib import import_module

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

group_migration = import_module("portal.migrations.0002_council_staff_group")
scopes_migration = import_module("portal.migrations.0009_council_staff_group_without_scopes")

STAFF_APPS = ("petitions",)

# (app label, model, search_text index, search_title index,
#  columns of search_text, columns of search_title) — frozen.
KINDS = [
    (
        "petitions",
        "Petition",
        "petition_search_text_trgm",
        "petition_search_title_trgm",
        ["title", "objectives", "action_requested", "reasons"],
        ["title"],
    ),
]


def create_council_staff_group(apps, schema_editor):
    """The group as portal's 0009 leaves it, plus every permission of the petitions app."""
    scopes_migration.create_council_staff_group(apps, schema_editor)
    using = schema_editor.connection.alias
    for label in STAFF_APPS:
        create_permissions(global_apps.get_app_config(label), verbosity=0, using=using, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.using(using).get(name=group_migration.GROUP_NAME)
    group.permissions.add(
        *Permission.objects.using(using).filter(content_type__app_label__in=STAFF_APPS)
    )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for app_label, model_name, text_index, title_index, _text, _title in KINDS:
        table = quote(apps.get_model(app_label, model_name)._meta.db_table)
        for name, column in ((text_index, "search_text"), (title_index, "search_title")):
            schema_editor.execute(
                f"CREATE INDEX {quote(name)} ON {table} USING gin ({quote(column)} gin_trgm_ops)"
            )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _app, _model, text_index, title_index, _text, _title in KINDS:
        for name in (text_index, title_index):
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0001_initial"),
        ("portal", "0014_search_words_kept_by_the_search"),
    ]

    operations = [
        migrations.RunPython(create_council_staff_group, migrations.RunPython.noop),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
