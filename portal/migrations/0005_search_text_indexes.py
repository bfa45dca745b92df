"""Fill the stored ``search_text`` and index it with trigrams on PostgreSQL.

``search_text`` (added by each app's ``search_text`` migration) holds every
language column of a model's searchable fields, joined with spaces and folded
by ``portal.search.normalized_document`` — the same normalisation the query
goes through (pure text, so importing it here is safe). The column lists are
frozen here; ``tests/portal/test_search_indexes.py`` checks that they still
match ``portal.search.SEARCH_FIELDS``.

On PostgreSQL the expression indexes of ``0004_search_trigram_indexes`` (on
text folded in SQL at query time) give way to one ``pg_trgm`` GIN index on
``search_text`` per model, which answers ``search_text LIKE '%word%'``.
SQLite only gets the backfill.
"""

import importlib

from django.db import migrations

from portal.search import normalized_document

LANGS = ("ar", "fr", "en")
BATCH_SIZE = 1000


def _translated(*fields):
    return [f"{field}_{lang}" for field in fields for lang in LANGS]


# (app label, model, index name, columns of search_text) — frozen.
INDEXES = [
    (
        "associations",
        "Association",
        "association_search_text_trgm",
        [*_translated("name"), "acronym", *_translated("description")],
    ),
    (
        "meetings",
        "Meeting",
        "meeting_search_text_trgm",
        _translated("title", "slogan", "venue", "summary"),
    ),
    (
        "meetings",
        "Presentation",
        "presentation_search_text_trgm",
        _translated("title", "summary"),
    ),
    (
        "projects",
        "Project",
        "project_search_text_trgm",
        _translated("title", "summary", "description", "location_name"),
    ),
    (
        "recommendations",
        "Recommendation",
        "recommendation_search_text_trgm",
        _translated("title", "text"),
    ),
]


def backfill_search_text(apps, schema_editor):
    for app_label, model_name, _name, columns in INDEXES:
        model = apps.get_model(app_label, model_name)
        manager = model._base_manager.using(schema_editor.connection.alias)
        batch = []
        for obj in manager.order_by("pk").only("pk", *columns).iterator(chunk_size=BATCH_SIZE):
            obj.search_text = normalized_document(getattr(obj, column) for column in columns)
            batch.append(obj)
            if len(batch) >= BATCH_SIZE:
                manager.bulk_update(batch, ["search_text"])
                batch = []
        if batch:
            manager.bulk_update(batch, ["search_text"])


def _old_migration():
    return importlib.import_module("portal.migrations.0004_search_trigram_indexes")


def replace_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    _old_migration().drop_indexes(apps, schema_editor)
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for app_label, model_name, name, _columns in INDEXES:
        model = apps.get_model(app_label, model_name)
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(model._meta.db_table)} "
            f"USING gin ({quote('search_text')} gin_trgm_ops)"
        )


def restore_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _app_label, _model_name, name, _columns in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")
    _old_migration().create_indexes(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_search_trigram_indexes"),
        ("associations", "0003_search_text"),
        ("meetings", "0002_search_text"),
        ("projects", "0003_search_text"),
        ("recommendations", "0002_search_text"),
    ]

    operations = [
        migrations.RunPython(backfill_search_text, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(replace_indexes, restore_indexes, elidable=False),
    ]
