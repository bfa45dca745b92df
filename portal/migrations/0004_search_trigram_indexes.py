"""Trigram indexes for the site search, on PostgreSQL only.

Each index is built on exactly the expression ``portal.search`` filters on
(``search_expression`` over the same columns, in the same order), so
``LIKE '%word%'`` on that expression can use it. The column lists are frozen
here; ``tests/portal/test_search_indexes.py`` checks that they still match the
search and that PostgreSQL's planner uses the indexes. SQLite skips all of it.
"""

from django.db import migrations
from django.db.models.sql import Query

from portal.search import search_expression

# (app label, model, index name, columns) — the search's columns, frozen.
LANGS = ("ar", "fr", "en")


def _translated(*fields):
    return [f"{field}_{lang}" for field in fields for lang in LANGS]


INDEXES = [
    (
        "associations",
        "Association",
        "association_search_trgm",
        [*_translated("name"), "acronym", *_translated("description")],
    ),
    (
        "meetings",
        "Meeting",
        "meeting_search_trgm",
        _translated("title", "slogan", "venue", "summary"),
    ),
    ("meetings", "Presentation", "presentation_search_trgm", _translated("title", "summary")),
    (
        "projects",
        "Project",
        "project_search_trgm",
        _translated("title", "summary", "description", "location_name"),
    ),
    (
        "recommendations",
        "Recommendation",
        "recommendation_search_trgm",
        _translated("title", "text"),
    ),
]


def _expression_sql(model, columns, schema_editor):
    """The search expression over ``columns`` as literal SQL, as an index needs it."""
    query = Query(model, alias_cols=False)
    compiler = query.get_compiler(connection=schema_editor.connection)
    sql, params = compiler.compile(search_expression(columns).resolve_expression(query))
    return sql % tuple(schema_editor.quote_value(param) for param in params)


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for app_label, model_name, name, columns in INDEXES:
        model = apps.get_model(app_label, model_name)
        expression = _expression_sql(model, columns, schema_editor)
        schema_editor.execute(
            f"CREATE INDEX {quote(name)} ON {quote(model._meta.db_table)} "
            f"USING gin (({expression}) gin_trgm_ops)"
        )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _app_label, _model_name, name, _columns in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_council_staff_group_comments"),
        ("associations", "0002_membership_language"),
        ("meetings", "0001_initial"),
        ("projects", "0002_comments"),
        ("recommendations", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_indexes, drop_indexes, elidable=False)]
