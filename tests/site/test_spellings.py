"""Spellings people type of the demo's names find their record, best first (see spellings.py).

The demo is loaded once for the module, inside a transaction rolled back at
the end; every spelling is one test, run against the database of the test
run, so the same set passes on SQLite and on PostgreSQL. A spelling that is
found but not first says so; the rates over the whole set must stay at or
above the targets of the search (90 % found, 80 % first).
"""

import pytest
from django.db import transaction
from django.test import Client

from portal.site.demo.load import load_all
from tests.helpers import set_demo_passwords

from .spellings import SPELLINGS, rates, try_spelling

# Spellings the search finds but does not put first, and why: kept here so a
# change that improves or worsens one shows up.
NOT_FIRST: dict[str, str] = {
    # The word as typed is in the names of records of Guelmim ("... بكلميم"):
    # they come before the commune, found by the word without its particle.
    "بكلميم": "records that hold the word as typed come first",
}
# Spellings the search does not find, and why.
NOT_FOUND: dict[str, str] = {}

pytestmark = pytest.mark.django_db

MIN_FOUND = 0.90
MIN_FIRST = 0.80


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), pytest.MonkeyPatch.context() as env:
        set_demo_passwords(env)
        with transaction.atomic():
            load_all()
            yield
            transaction.set_rollback(True)


@pytest.fixture
def demo_client(demo):
    return Client()


def test_the_set_has_at_least_120_spellings_across_every_cause():
    assert len(SPELLINGS) >= 120
    assert len({query for _cause, query, _targets in SPELLINGS}) == len(SPELLINGS)
    assert len({cause for cause, _query, _targets in SPELLINGS}) >= 10


@pytest.mark.parametrize(
    ("cause", "query", "targets"), SPELLINGS, ids=[query for _c, query, _t in SPELLINGS]
)
def test_spelling_finds_its_record(demo_client, cause, query, targets):
    outcome = try_spelling(demo_client, query, targets, cause)
    assert outcome.found == (query not in NOT_FOUND), outcome
    assert outcome.first == (query not in NOT_FOUND and query not in NOT_FIRST), outcome


def test_the_rates_over_the_whole_set_meet_the_targets(demo_client):
    outcomes = [
        try_spelling(demo_client, query, targets, cause) for cause, query, targets in SPELLINGS
    ]
    found, first = rates(outcomes)
    assert found >= MIN_FOUND, [o for o in outcomes if not o.found]
    assert first >= MIN_FIRST, [o for o in outcomes if not o.first]
