"""Paging and per-status counts, shared by every list page."""

from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """The requested page; a missing or silly page number gives the nearest real one."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


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


def status_summary(queryset, choices, step: int = 5) -> dict:
    """How many rows of `queryset` sit in each status, in one query.

    The shares are rounded to `step` per cent and add up to 100.
    """
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("pk")))
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
