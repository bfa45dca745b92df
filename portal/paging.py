"""Paging and per-status counts, shared by every list page.

A list's figures (how many rows match, how many in each status) are
aggregates over every matching row. At national size they are cached under
a key made of the query itself and the stored data versions of the records
it reads (``portal.models.DataVersion``): an unchanged list costs one
primary-key read, and any write to those records makes the key new.
"""

import hashlib
from dataclasses import dataclass
from functools import cached_property

from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Page, Paginator
from django.db.models import Count

from .models import version_stamps

PAGE_SIZE = 20
#: However a write is made, a cached figure is recomputed after this long.
CACHE_SECONDS = 3600


def query_key(queryset) -> str:
    """A short digest of the SQL and parameters of ``queryset``."""
    sql, params = queryset.query.sql_with_params()
    return hashlib.sha256(f"{sql}|{params!r}".encode()).hexdigest()[:32]


def cached(kind: str, queryset, compute, *, versions: tuple[str, ...] = ()):
    """``compute()``, a figure about ``queryset``, cached until its records change.

    ``versions`` default to the queryset's model's ``version_names``.
    """
    names = versions or getattr(queryset.model, "version_names", ())
    try:
        digest = query_key(queryset)
    except EmptyResultSet:  # .none(), or a filter that can match nothing
        digest = None
    if not names or digest is None:
        return compute()
    key = f"figure:{kind}:{digest}:{version_stamps(*names)}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, CACHE_SECONDS)
    return value


class CachedCountPaginator(Paginator):
    """A paginator whose row count is cached like every list figure (see ``cached``)."""

    @cached_property
    def count(self):
        queryset = self.object_list
        return cached("count", queryset, queryset.count)


def paginate(request, queryset, per_page: int = PAGE_SIZE, param: str = "page") -> Page:
    """The requested page; a missing or silly page number gives the nearest real one."""
    return CachedCountPaginator(queryset, per_page).get_page(request.GET.get(param))


@dataclass
class StatusCount:
    value: str
    label: str
    count: int
    step: int  # per cent of the total, rounded to the summary's step, for the stacked bar

    @property
    def share(self) -> int:
        """The per cent the table shows: the bar's own figure, so the two agree."""
        return self.step


def status_counts(queryset) -> dict[str, int]:
    """How many rows of ``queryset`` sit in each status: one grouped query, cached."""
    grouped = queryset.order_by().values_list("status").annotate(n=Count("pk"))
    return cached("status", grouped, lambda: dict(grouped))


def status_summary(queryset, choices, step: int = 5) -> dict:
    """How many rows of `queryset` sit in each status, in one query.

    The shares are rounded to `step` per cent and add up to 100.
    """
    counts = status_counts(queryset)
    total = sum(counts.values())
    rows = [(value, label, counts.get(value, 0)) for value, label in choices.choices]
    steps = shares_in_steps([count for _, _, count in rows], total, step=step)
    return {
        "items": [
            StatusCount(value, str(label), count, step)
            for (value, label, count), step in zip(rows, steps, strict=True)
        ],
        "total": total,
    }


def shares_in_steps(counts: list[int], total: int, step: int = 5) -> list[int]:
    """Shares of 100 rounded to `step` that still add up to 100 (largest remainder)."""
    if not total:
        return [0] * len(counts)
    units = 100 // step
    exact = [count * units / total for count in counts]
    floors = [int(x) for x in exact]
    spare = units - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in by_remainder[:spare]:
        floors[i] += 1
    return [f * step for f in floors]
