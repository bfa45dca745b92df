"""Arabic-aware text search that gives the same answers on SQLite and PostgreSQL.

Design
------
The spellings of a word are folded to one by :mod:`portal.text`, in Python,
on both sides: the query and the stored text.

Each searchable model (a :class:`portal.models.Searchable`, which declares
its ``search_fields``) has a stored column ``search_text``: every language
column of its searchable fields joined with spaces and folded
(:func:`document_text`). The model refreshes it in ``save()``; the management
command ``rebuild_search_index`` recomputes it after writes that bypass
``save()`` (``bulk_create``, ``QuerySet.update``, raw SQL loads).

Every query word must be found in ``search_text`` (``search_text LIKE
'%word%'``, Django's ``contains``), and every word must match (AND). Finding a
word *inside* the text is what makes the definite article harmless: the query
word loses its article (see :func:`portal.text.strip_article`), so "التنمية"
looks for "تنميه", found in both "تنمية" and "التنمية".

Why this design:

* The same answers on both databases: the folding happens in Python on both
  sides, and the database only does a plain substring test on already folded
  text. The tests pin the exact same result set on SQLite and PostgreSQL.
* Fast: nothing is recomputed per row at query time. On PostgreSQL the
  migration ``portal/0005_search_text_indexes`` builds a ``pg_trgm`` GIN index
  on ``search_text`` for each searchable model, which answers ``LIKE
  '%word%'``; on SQLite it is a scan of one stored column (see
  ``bench/search.py`` for numbers).
* The price is a derived column to keep in sync: ``save()`` covers forms, the
  admin and the demo loader; bulk writes run ``rebuild_search_index``.

Limits, on purpose:

* No stemming beyond the article: "مشاريع" does not find "مشروع".
* A search restricted to fewer fields than a model's ``search_fields`` (see
  :func:`filter_queryset_by_text`) narrows with ``search_text`` first, then
  checks the chosen columns with a folding SQL expression and a regular
  expression (``search_expression`` / ``term_pattern``), which is slower.
"""

from django.apps import apps
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Lower, Replace
from modeltranslation.translator import NotRegistered, translator

from . import languages
from .text import REMOVALS, normalize, query_terms, term_pattern

#: Longest query accepted, in characters.
MAX_QUERY_LENGTH = 200

#: Rows per ``bulk_update`` when ``search_text`` is recomputed in bulk.
REBUILD_BATCH_SIZE = 1000


class JoinedText(Func):
    """``a || ' ' || b || …``: plain SQL concatenation, immutable on PostgreSQL.

    (Django's ``Concat`` uses ``CONCAT()`` on PostgreSQL, which is only
    ``STABLE`` and so cannot be indexed.)
    """

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()


def search_columns(model, fields) -> list[str]:
    """Database columns to search for ``fields`` of ``model``.

    A field registered with django-modeltranslation expands to its column in
    every language (``title`` → ``title_ar``, ``title_fr``, ``title_en``); any
    other name is used as given.
    """
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    columns = []
    for field in fields:
        if field in translated:
            columns += languages.columns(field)
        else:
            columns.append(field)
    return columns


def search_expression(columns):
    """The folded text of ``columns``, as an SQL expression.

    Only for searches over fewer fields than the stored ``search_text`` holds
    (see :func:`filter_queryset_by_text`): ``LOWER`` of the columns joined with
    spaces, each ``COALESCE``-d to ``''``, inside one ``REPLACE`` per removal.
    """
    parts = [Coalesce(F(column), Value(""), output_field=TextField()) for column in columns]
    text = TextField()
    expression = Lower(JoinedText(*parts) if len(parts) > 1 else parts[0], output_field=text)
    for old, new in REMOVALS:
        expression = Replace(expression, Value(old), Value(new), output_field=text)
    return expression


# --- The stored search text ---------------------------------------------------


def searchable_models() -> list:
    """Every model that declares ``search_fields``, in the order of INSTALLED_APPS."""
    return [model for model in apps.get_models() if getattr(model, "search_fields", ())]


def search_text_columns(model) -> list[str]:
    """The columns ``search_text`` is made of, for a searchable ``model``."""
    return search_columns(model, model.search_fields)


def normalized_document(values) -> str:
    """``values`` (strings or ``None``) joined with spaces and normalised."""
    return normalize(" ".join(value or "" for value in values))


def document_text(instance) -> str:
    """The ``search_text`` of ``instance``: its searchable columns, normalised."""
    return normalized_document(
        getattr(instance, column) for column in search_text_columns(type(instance))
    )


def rebuild_search_text(model, batch_size: int = REBUILD_BATCH_SIZE) -> int:
    """Recompute ``search_text`` for every row of ``model``; return how many changed.

    Reads the rows in chunks and writes only the rows whose text changed, with
    ``bulk_update`` in batches of ``batch_size``.
    """
    columns = search_text_columns(model)
    rows = model._base_manager.order_by("pk").only("pk", "search_text", *columns)
    changed, total = [], 0
    for obj in rows.iterator(chunk_size=batch_size):
        text = document_text(obj)
        if text != obj.search_text:
            obj.search_text = text
            changed.append(obj)
        if len(changed) >= batch_size:
            model._base_manager.bulk_update(changed, ["search_text"], batch_size=batch_size)
            total += len(changed)
            changed = []
    if changed:
        model._base_manager.bulk_update(changed, ["search_text"], batch_size=batch_size)
        total += len(changed)
    return total


def filter_by_terms(queryset, terms):
    """Rows of ``queryset`` (a searchable model) whose ``search_text`` has every term."""
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def filter_queryset_by_text(queryset, fields: list[str], q: str):
    """Rows of ``queryset`` that match the search ``q`` in ``fields``.

    ``fields`` are field names of the queryset's model; translated fields are
    searched in every language. A query with no words (empty, or only spaces
    and punctuation) leaves the queryset as it is. The caller checks the length
    of ``q`` (see ``MAX_QUERY_LENGTH``).

    When ``fields`` are the model's ``search_fields`` (as for every list page),
    the stored ``search_text`` answers alone. Fewer fields: ``search_text``
    narrows the rows, then the chosen columns are folded in SQL and matched.
    Other fields, or a model without ``search_text``: the SQL folding alone.
    """
    terms = query_terms(q)
    if not terms:
        return queryset
    model = queryset.model
    columns = search_columns(model, fields)
    indexed = set(search_text_columns(model)) if getattr(model, "search_fields", ()) else set()
    if set(columns) <= indexed:
        queryset = filter_by_terms(queryset, terms)
        if set(columns) == indexed:
            return queryset
    queryset = queryset.alias(search_document=search_expression(columns))
    for term in terms:
        queryset = queryset.filter(search_document__regex=term_pattern(term))
    return queryset
