"""The PostgreSQL trigram indexes match the search expression exactly."""

import importlib

import pytest
from django.db import connection

from portal.search import filter_by_terms, query_terms, search_columns, search_kinds

migration = importlib.import_module("portal.migrations.0004_search_trigram_indexes")

pytestmark = pytest.mark.django_db


def test_migration_indexes_the_columns_the_search_uses():
    indexed = {model_name: columns for _app, model_name, _name, columns in migration.INDEXES}
    for kind in search_kinds():
        model = kind.queryset().model
        assert indexed[model.__name__] == search_columns(model, kind.fields), kind.key


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only")
@pytest.mark.parametrize("kind", search_kinds(), ids=lambda kind: kind.key)
def test_postgresql_planner_uses_the_trigram_index(kind):
    index_name = next(
        name for _a, model, name, _c in migration.INDEXES if model == kind.queryset().model.__name__
    )
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The base table alone and unordered: the plan is about the text filter.
    queryset = kind.queryset().model._base_manager.order_by()
    plan = filter_by_terms(
        queryset, search_columns(queryset.model, kind.fields), query_terms("التنمية école")
    ).explain()
    assert index_name in plan
