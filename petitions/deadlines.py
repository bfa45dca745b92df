"""Calendar arithmetic of the procedure: the answer's deadline and the next ordinary session.

Pure functions of dates (no database), so the rules are tested on their own.
"""

import calendar
import datetime


def add_months(day: datetime.date, months: int) -> datetime.date:
    """``day`` plus ``months`` calendar months, clamped to the end of a shorter month.

    30 November + 3 months is the last day of February (28 or 29); 31 August +
    3 months is 30 November.
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    month += 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_session(after: datetime.date, months: tuple[int, ...]) -> datetime.date | None:
    """The first day of the first ordinary-session month that starts after ``after``.

    The council's ordinary sessions open in the first week of their months
    (February, May and October by default): a petition found admissible is
    put on the agenda of the next one to open.
    """
    if not months:
        return None
    for offset in range(1, 13 * 2):
        index = after.year * 12 + (after.month - 1) + offset
        year, month = divmod(index, 12)
        if month + 1 in months:
            return datetime.date(year, month + 1, 1)
    return None


def parse_months(text: str) -> tuple[int, ...]:
    """ "2, 5, 10" → (2, 5, 10); raises ValueError on anything but months 1–12."""
    months = sorted({int(part) for part in text.replace(" ", "").split(",") if part})
    if any(not 1 <= month <= 12 for month in months):
        raise ValueError(text)
    return tuple(months)
