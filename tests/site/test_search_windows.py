"""How the site search bounds its work per kind: windows of the newest rows.

Whatever path a kind's search takes (the first window, a larger one sized from
the rate of matches found there, or every row through the index), it returns
the ``limit`` newest matching rows: the paths differ in cost, never in result.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from associations.models import Association
from portal.search import plan_query
from portal.site import search
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def small_windows(monkeypatch):
    # A first window of 10 rows, larger ones up to 40.
    monkeypatch.setattr(search, "WINDOW", 10)
    monkeypatch.setattr(search, "WINDOW_PER_ROW", 1)
    monkeypatch.setattr(search, "MAX_WINDOW", 40)
    monkeypatch.setattr(search, "_window_starts", {})


def associations(count, matching_every, word="واحه"):
    """``count`` associations, oldest first; every ``matching_every``-th holds ``word``."""
    commune = factories.CommuneFactory()
    made = []
    for i in range(count):
        name = f"جمعية {word} {i}" if i % matching_every == 0 else f"جمعية النور {i}"
        made.append(factories.AssociationFactory(name_ar=name, name_fr="", commune=commune))
    return made


def kind():
    return next(k for k in search.search_kinds() if k.model is Association)


def newest_matching(rows, word, limit):
    matching = [a.pk for a in rows if word in a.name_ar]
    return sorted(matching, reverse=True)[:limit]


def window_queries(captured):
    return [q["sql"] for q in captured if '"associations_association"."id" >=' in q["sql"]]


def test_a_common_word_reads_a_larger_window_not_every_row(small_windows):
    # 1 row in 3 matches: the first window (10 rows) holds 3 or 4 of the 5
    # wanted; the rate found there sizes a second window that holds them.
    rows = associations(120, matching_every=3)
    with CaptureQueriesContext(connection) as captured:
        found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert len(window_queries(captured)) == 2
    # Never the query over every row (ordered so that no index gives it).
    assert not any('"id" + 0' in q["sql"] for q in captured)


def key_queries(captured):
    """The narrow path's first step: the keys of every matching row, unordered."""
    return [
        q["sql"]
        for q in captured
        if q["sql"].startswith('SELECT "associations_association"."id" AS "pk" FROM')
        and "ORDER BY" not in q["sql"]
    ]


def test_a_rare_word_is_looked_for_in_every_row(small_windows):
    # 3 matches among 120 rows, none of them in the newest 10: the keys of
    # every match first, then the visible rows among them.
    rows = associations(120, matching_every=50)
    with CaptureQueriesContext(connection) as captured:
        found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert len(found) == 3
    assert len(key_queries(captured)) == 1
    assert '"associations_association"."id" IN (' in captured[-1]["sql"]
    assert not any('"id" + 0' in q["sql"] for q in captured)


def test_a_rare_word_with_more_matches_than_expected_is_read_in_one_query(
    small_windows, monkeypatch
):
    # 12 matches, one in the newest 10 (too thin for the largest window), and
    # more keys than NARROW_CAP: the rows are read in one query ordered
    # without an index, with the same result.
    monkeypatch.setattr(search, "NARROW_CAP", 5)
    rows = associations(120, matching_every=10)
    with CaptureQueriesContext(connection) as captured:
        found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert len(key_queries(captured)) == 1
    assert '"id" + 0' in captured[-1]["sql"]


def test_a_rare_word_no_visible_row_holds_finds_nothing(small_windows):
    rows = associations(30, matching_every=50)
    Association.objects.filter(pk=rows[0].pk).update(published=False)
    found = kind().candidates(plan_query("الواحة"), 5)
    assert found == []


def test_a_word_too_thin_for_the_largest_window_is_looked_for_everywhere(small_windows):
    # 1 match in the first 10 rows: 5 wanted would need about 75 rows, more
    # than MAX_WINDOW (40).
    rows = associations(120, matching_every=10)
    with CaptureQueriesContext(connection) as captured:
        found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert len(window_queries(captured)) == 1
    assert len(key_queries(captured)) == 1


def test_a_small_table_is_read_whole_in_one_query(small_windows):
    rows = associations(8, matching_every=2)
    with CaptureQueriesContext(connection) as captured:
        found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    # The window's start (none: fewer rows than the window) and the rows.
    assert len(captured) == 2


def test_a_remembered_window_start_never_hides_newer_rows(small_windows):
    rows = associations(30, matching_every=1)
    kind().candidates(plan_query("الواحة"), 5)  # remembers where the window starts
    newer = associations(3, matching_every=1)
    found = kind().candidates(plan_query("الواحة"), 5)
    assert [c.pk for c in found] == newest_matching(rows + newer, "واحه", 5)


def test_larger_windows_come_in_few_sizes(small_windows):
    # Whatever the rate found, a larger window is a power of two (or the
    # largest): the starts a process remembers stay few.
    associations(120, matching_every=3)
    kind().candidates(plan_query("الواحة"), 5)
    sizes = {size for _label, size in search._window_starts}
    assert sizes == {10, 32}


def title_window_queries(captured):
    return [q for q in window_queries(captured) if "search_title" in q.split("WHERE", 1)[1]]


@pytest.mark.parametrize(
    "among",
    [None, (30, 3), (30, 1), (600, 0), (5, 0)],
    ids=["first window", "a window sized from a rate", "a thin rate", "none", "too few rows"],
)
def test_title_candidates_are_the_newest_titles_whatever_the_rows_already_read_say(
    small_windows, monkeypatch, among
):
    # What the candidates read says where to start looking: the titles found
    # are the same newest ones from any start.
    monkeypatch.setattr(search, "TITLE_WINDOW", 10)
    rows = associations(120, matching_every=7)
    found = kind().title_candidates(plan_query("الواحة"), 5, among)
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)


def test_no_title_among_enough_rows_read_looks_through_the_index_at_once(
    small_windows, monkeypatch
):
    monkeypatch.setattr(search, "TITLE_WINDOW", 10)
    rows = associations(120, matching_every=50)
    with CaptureQueriesContext(connection) as captured:
        found = kind().title_candidates(plan_query("الواحة"), 5, among=(20, 0))
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert title_window_queries(captured) == []
    assert len(key_queries(captured)) == 1


def test_titles_found_among_the_rows_read_size_the_first_window(small_windows, monkeypatch):
    # 4 titles among the 12 rows read, 5 wanted: a first window of 32 rows
    # (12 x 5 x 1.5 / 4 = 22.5, up to a power of two), which holds them.
    monkeypatch.setattr(search, "TITLE_WINDOW", 10)
    rows = associations(120, matching_every=3)
    with CaptureQueriesContext(connection) as captured:
        found = kind().title_candidates(plan_query("الواحة"), 5, among=(12, 4))
    assert [c.pk for c in found] == newest_matching(rows, "واحه", 5)
    assert len(title_window_queries(captured)) == 1
    assert key_queries(captured) == []
