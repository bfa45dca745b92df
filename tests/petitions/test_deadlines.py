"""The law's calendar: the answer's deadline in calendar months, and the next ordinary session."""

import datetime

import pytest

from petitions.deadlines import add_months, next_session, parse_months

D = datetime.date


@pytest.mark.parametrize(
    ("filed", "due"),
    [
        (D(2025, 11, 30), D(2026, 2, 28)),  # the last day of February
        (D(2027, 11, 30), D(2028, 2, 29)),  # … in a leap year
        (D(2023, 11, 29), D(2024, 2, 29)),
        (D(2025, 8, 31), D(2025, 11, 30)),  # 31 August: 30 November
        (D(2025, 1, 15), D(2025, 4, 15)),
        (D(2025, 10, 31), D(2026, 1, 31)),  # across the year
        (D(2025, 12, 31), D(2026, 3, 31)),
    ],
)
def test_the_answer_is_due_three_calendar_months_after_filing(filed, due):
    assert add_months(filed, 3) == due


def test_the_next_ordinary_session_is_the_next_month_of_the_list_to_open():
    months = (2, 5, 10)
    assert next_session(D(2026, 1, 10), months) == D(2026, 2, 1)
    assert next_session(D(2026, 2, 1), months) == D(2026, 5, 1)  # February's has opened
    assert next_session(D(2026, 6, 30), months) == D(2026, 10, 1)
    assert next_session(D(2026, 10, 19), months) == D(2027, 2, 1)
    assert next_session(D(2026, 10, 19), ()) is None


def test_session_months_are_read_and_checked():
    assert parse_months("10, 2,5") == (2, 5, 10)
    with pytest.raises(ValueError):
        parse_months("2, 13")
