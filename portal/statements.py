"""Querysets compiled to SQL once per shape, then run again with other values.

Building and compiling a queryset costs about a millisecond of Python, more
than many indexed queries cost the database. A page that runs the same few
statements with new values each time (the site search: two to four per kind
of record, for fourteen kinds) builds each with placeholders from a
:class:`Bindings`, names its shape with a key, and :func:`run` compiles it
the first time only; later calls put the new values in the kept SQL's
parameters and run it through the connection's cursor (so the query
counters and wrappers still see it), converting the columns as the
queryset would.

The key must name everything the SQL depends on but the bound values: the
caller includes the conditions' ``str()`` (which shows their placeholders, in
order), the order, the limit, and what else it varies. The active language is added
here. A statement runs on the database its queryset was built for.
"""

import threading
from collections import OrderedDict

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.utils.translation import get_language

# Placeholders for text values: private-use characters no text holds.
_OPEN, _CLOSE = "\ue000", "\ue001"
# Placeholders for whole numbers: far below any key, date or count.
_NUMBER_BASE = -(10**15)

#: The most shapes a process keeps; the oldest used is dropped first.
MAX_STATEMENTS = 2048

_statements: OrderedDict = OrderedDict()
# Threads of one process share the statements.
_lock = threading.Lock()


class Bindings:
    """The values of one statement, each given to the queryset as a placeholder."""

    def __init__(self):
        self.values: list = []

    def text(self, value: str) -> str:
        """A placeholder for ``value``, a text (compared, or searched with ``LIKE``)."""
        self.values.append(value)
        return f"{_OPEN}{len(self.values) - 1}{_CLOSE}"

    def number(self, value: int) -> int:
        """A placeholder for ``value``, a whole number."""
        self.values.append(value)
        return _NUMBER_BASE - (len(self.values) - 1)


class _Statement:
    """One shape's SQL, where each parameter comes from: kept, or a bound value."""

    def __init__(self, queryset, columns):
        self.alias = queryset.db
        self.compiler = queryset.query.get_compiler(using=self.alias)
        try:
            self.sql, params = self.compiler.as_sql()
        except EmptyResultSet:  # a condition no row can meet
            self.sql = ""
            return
        self.params = list(params)
        self.slots = [(i, slot) for i, param in enumerate(self.params) if (slot := _slot(param))]
        selected = self.compiler.select[: self.compiler.col_count]
        fields = [column[0] for column in selected]
        self.col_count = self.compiler.col_count
        # The columns in the order asked for (the SQL may select the
        # annotations first, or the columns in another order).
        names = [column[2] for column in selected]
        self.order = None if list(columns) == names else [names.index(name) for name in columns]
        # {position: ([converter, ...], expression)}
        self.converters = self.compiler.get_converters(fields)

    def rows(self, bindings: Bindings) -> list[tuple]:
        if not self.sql:
            return []
        params = list(self.params)
        connection = connections[self.alias]
        for i, (index, template) in self.slots:
            value = bindings.values[index]
            if template is not None:  # a LIKE pattern around a text
                value = template.replace(
                    f"{_OPEN}{index}{_CLOSE}", connection.ops.prep_for_like_query(value)
                )
            params[i] = value
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            rows = cursor.fetchall()
        if len(rows) and len(rows[0]) > self.col_count:
            rows = [row[: self.col_count] for row in rows]
        if self.converters:
            rows = self._converted(rows, connection)
        if self.order is not None:
            return [tuple(row[i] for i in self.order) for row in rows]
        return [tuple(row) for row in rows]

    def _converted(self, rows, connection):
        # As the compiler would, with this thread's connection.
        converted = []
        for row in rows:
            row = list(row)
            for position, (converters, expression) in self.converters.items():
                value = row[position]
                for converter in converters:
                    value = converter(value, expression, connection)
                row[position] = value
            converted.append(tuple(row))
        return converted


def _slot(param):
    """(index of the bound value, the pattern around it or None), or None if ``param`` is kept."""
    if isinstance(param, bool):
        return None
    if isinstance(param, int) and param <= _NUMBER_BASE and param > _NUMBER_BASE - 10**6:
        return (_NUMBER_BASE - param, None)
    if isinstance(param, str) and _OPEN in param:
        start, end = param.index(_OPEN), param.index(_CLOSE)
        index = int(param[start + 1 : end])
        whole = start == 0 and end == len(param) - 1
        return (index, None if whole else param)
    return None


def run(key, build, bindings: Bindings, columns) -> list[tuple]:
    """The rows of ``build()``, a ``values_list`` queryset, with the values of ``bindings``.

    ``columns`` are the names ``build()`` gives ``values_list``, each once:
    each row holds them in that order. ``build`` is called (and its queryset
    compiled) only the first time a ``key`` is seen in this process.
    """
    key = (key, tuple(columns), get_language())
    with _lock:
        statement = _statements.get(key)
        if statement is not None:
            _statements.move_to_end(key)
    if statement is None:  # compiled outside the lock: two threads may both compile it
        statement = _Statement(build(), columns)
        with _lock:
            _statements[key] = statement
            while len(_statements) > MAX_STATEMENTS:
                _statements.popitem(last=False)
    return statement.rows(bindings)


def clear() -> None:
    """Forget every compiled statement (after a schema change, in tests)."""
    with _lock:
        _statements.clear()
