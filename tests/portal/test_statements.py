"""Querysets compiled once per shape and run again with other values (portal.statements).

Each run must give exactly what the queryset itself gives with those values:
the same rows, in the columns' order asked for, converted to the same types,
with a text searched by ``LIKE`` taken literally.
"""

import datetime

import pytest
from django.db import connection
from django.db.models import BooleanField, Case, Q, Value, When
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from meetings.models import Meeting
from portal import statements
from portal.models import Commune
from portal.statements import Bindings
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_statements():
    statements.clear()
    yield
    statements.clear()


class Builder:
    """A statement of meetings: name contains a text, from a key on, with a flag; counts builds."""

    columns = ["published_flag", "pk", "start_date"]

    def __init__(self):
        self.builds = 0

    def run(self, text, first_pk):
        bind = Bindings()
        condition = Q(title_ar__contains=bind.text(text)) & Q(pk__gte=bind.number(first_pk))
        flag = Case(When(published=True, then=Value(True)), default=Value(False))
        flag.output_field = BooleanField()

        def build():
            self.builds += 1
            queryset = Meeting.objects.filter(condition).annotate(published_flag=flag)
            return queryset.order_by("-pk").values_list(*self.columns)[:10]

        return statements.run(("meetings", str(condition)), build, bind, self.columns)

    @staticmethod
    def expected(text, first_pk):
        queryset = Meeting.objects.filter(title_ar__contains=text, pk__gte=first_pk)
        return [(m.published, m.pk, m.start_date) for m in queryset.order_by("-pk")[:10]]


def test_a_statement_is_built_once_and_run_with_each_new_value():
    day = datetime.date(2025, 3, 1)
    made = [
        factories.MeetingFactory(title_ar=f"لقاء {word}", start_date=day, published=i % 2 == 0)
        for i, word in enumerate(["الماء", "الطريق", "الماء", "الساحة", "الماء"])
    ]
    builder = Builder()
    for text, first in [("الماء", made[0].pk), ("الماء", made[2].pk), ("الطريق", 0)]:
        rows = builder.run(text, first)
        assert rows == Builder.expected(text, first)
        assert rows  # each case finds something
    assert builder.builds == 1
    # The columns in the order asked for, converted as the queryset converts them.
    flag, pk, start_date = builder.run("الماء", 0)[0]
    assert flag is True and pk == made[4].pk and start_date == day


def test_a_text_searched_with_like_is_taken_literally():
    factories.MeetingFactory(title_ar="نسبة 100% من الأشغال")
    factories.MeetingFactory(title_ar="نسبة 1000 من الأشغال")
    factories.MeetingFactory(title_ar="a_b")
    factories.MeetingFactory(title_ar="axb")
    builder = Builder()
    assert [row[1] for row in builder.run("100%", 0)] == [
        pk for _, pk, _ in Builder.expected("100%", 0)
    ]
    assert len(builder.run("100%", 0)) == 1
    assert len(builder.run("a_b", 0)) == 1
    assert len(builder.run("\\", 0)) == 0


def test_each_run_is_one_query_seen_by_the_query_counters(django_assert_num_queries):
    factories.MeetingFactory(title_ar="لقاء الماء")
    builder = Builder()
    builder.run("الماء", 0)
    with django_assert_num_queries(1):
        assert len(builder.run("الماء", 0)) == 1


def test_a_condition_no_row_can_meet_runs_no_query(django_assert_num_queries):
    factories.CommuneFactory()

    def build():
        return Commune.objects.filter(pk__in=[]).values_list("pk")

    with django_assert_num_queries(0):
        assert statements.run(("none",), build, Bindings(), ["pk"]) == []


def test_a_statement_is_kept_per_language():
    factories.MeetingFactory(title_ar="لقاء الماء")
    builder = Builder()
    with translation.override("fr"):
        builder.run("الماء", 0)
    with translation.override("ar"):
        builder.run("الماء", 0)
        builder.run("الماء", 0)
    assert builder.builds == 2


def test_the_oldest_statement_is_dropped_past_the_limit(monkeypatch):
    monkeypatch.setattr(statements, "MAX_STATEMENTS", 2)
    builds = []

    def run(name):
        def build():
            builds.append(name)
            return Commune.objects.values_list("pk")

        statements.run((name,), build, Bindings(), ["pk"])

    for name in ["a", "b", "a", "c", "a", "b"]:
        run(name)
    # "a" stays (used again before "c" came), "b" was dropped for "c".
    assert builds == ["a", "b", "c", "b"]


def test_the_queries_show_the_values_not_the_placeholders():
    factories.MeetingFactory(title_ar="لقاء الماء")
    builder = Builder()
    builder.run("الماء", 0)
    with CaptureQueriesContext(connection) as captured:
        builder.run("الماء", 0)
    assert "الماء" in captured[0]["sql"]
    assert "\ue000" not in captured[0]["sql"]
