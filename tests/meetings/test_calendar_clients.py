"""Every calendar the demo serves means the same instants in every client.

Morocco's clock (Africa/Casablanca) is UTC+1 most of the year and UTC+0
during Ramadan, on dates that move each year. The .ics files are read back
with two independent parsers, the ``icalendar`` library and ical.js (under
Node, as web calendars use it), and each event's start is compared with
Python's zoneinfo: for the demo's meetings as they are, for a timed meeting
in a Ramadan week, and for each timed meeting moved to every day from 2019
to 2037 it could fall on.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from icalendar import Calendar

from meetings.calendars import calendar_file, meeting_uid
from meetings.models import Meeting
from portal.models import Commune
from tests import factories
from tests.helpers import set_demo_passwords

pytestmark = pytest.mark.django_db

CASABLANCA = ZoneInfo("Africa/Casablanca")
ROOT = Path(settings.BASE_DIR)
ICALJS_SCRIPT = Path(__file__).with_name("icaljs_events.cjs")
FIRST_DAY = datetime.date(2019, 1, 1)
LAST_DAY = datetime.date(2037, 12, 31)
# Early, mid-morning and late: a meeting near midnight lands on the other
# UTC day in one offset and not in the other.
TIMES = (datetime.time(0, 30), datetime.time(10, 0), datetime.time(23, 30))


def every_day():
    day = FIRST_DAY
    while day <= LAST_DAY:
        yield day
        day += datetime.timedelta(days=1)


def ramadan_days() -> list[datetime.date]:
    """The days Morocco's clock is at UTC+0, by the time-zone database."""
    return [
        day
        for day in every_day()
        if datetime.datetime.combine(day, datetime.time(12), CASABLANCA).utcoffset()
        == datetime.timedelta(0)
    ]


def expected_start(meeting: Meeting):
    if meeting.start_time is None:
        return meeting.start_date
    return datetime.datetime.combine(meeting.start_date, meeting.start_time, CASABLANCA)


def icalendar_starts(content: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(content)
    return {str(event["uid"]): event.decoded("dtstart") for event in calendar.walk("VEVENT")}


def icaljs_starts(contents: list[bytes], tmp_path: Path) -> list[dict[str, object]]:
    """Each file's events as ical.js reads them: uid → an aware UTC datetime or a date."""
    node = shutil.which("node")
    if not node or not (ROOT / "node_modules" / "ical.js").is_dir():
        pytest.fail("ical.js needs Node.js and `npm ci` (make install-dev)")
    paths = []
    for index, content in enumerate(contents):
        path = tmp_path / f"calendar-{index}.ics"
        path.write_bytes(content)
        paths.append(str(path))
    result = subprocess.run(
        [node, str(ICALJS_SCRIPT), *paths],
        cwd=ROOT,
        capture_output=True,
        check=True,
        timeout=120,
    )
    files = []
    for parsed in json.loads(result.stdout):
        starts = {}
        for event in parsed["events"]:
            if event["allDay"]:
                starts[event["uid"]] = datetime.date.fromisoformat(event["start"])
            else:
                starts[event["uid"]] = datetime.datetime.fromisoformat(event["start"])
        files.append({"name": parsed["name"], "starts": starts})
    return files


def assert_same_instant(found, meeting: Meeting, client_name: str):
    expected = expected_start(meeting)
    if isinstance(expected, datetime.datetime):
        assert isinstance(found, datetime.datetime), f"{client_name}: {meeting} is not timed"
        assert found.tzinfo is not None, f"{client_name}: {meeting} starts at a floating time"
        assert found == expected, (
            f"{client_name}: {meeting.start_date} {meeting.start_time} read as "
            f"{found.astimezone(CASABLANCA)} instead of {expected}"
        )
    else:
        assert not isinstance(found, datetime.datetime)
        assert found == expected


@pytest.fixture
def demo_with_ramadan_meeting(monkeypatch):
    set_demo_passwords(monkeypatch)
    from django.core.management import call_command

    call_command("load_demo", verbosity=0)
    guelmim = Commune.objects.get(slug="guelmim")
    # A consultative meeting at 10:00 in the middle of Ramadan 2027, when
    # Morocco's clock is at UTC+0.
    ramadan_2027 = [day for day in ramadan_days() if day.year == 2027]
    factories.MeetingFactory(
        commune=guelmim,
        title_ar="لقاء تشاوري في رمضان",
        start_date=ramadan_2027[len(ramadan_2027) // 2],
        start_time=datetime.time(10, 0),
    )
    return guelmim


def served_calendars(client) -> list[tuple[str, bytes]]:
    """Every .ics file the site serves, in every language."""
    files = []
    for lang, _name in settings.LANGUAGES:
        with translation.override(lang):
            paths = [
                reverse("feeds:meeting_ics", kwargs={"slug": slug})
                for slug in Meeting.objects.published().values_list("slug", flat=True)
            ] + [
                reverse("feeds:commune_ics", kwargs={"slug": slug})
                for slug in Commune.objects.values_list("slug", flat=True)
            ]
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            files.append((path, response.content))
    return files


def test_ramadan_days_are_known_to_the_time_zone_database():
    days = ramadan_days()
    # Morocco has kept UTC+1 since late 2018, except about a month each Ramadan
    # (twice in 2030, when Ramadan starts in January and again in December).
    assert {day.year for day in days} == set(range(2019, 2038))
    assert 25 * 19 < len(days) < 45 * 19


def test_every_served_calendar_gives_the_same_instants_in_icalendar_and_icaljs(
    client, demo_with_ramadan_meeting, tmp_path
):
    files = served_calendars(client)
    meetings = {meeting_uid(m): m for m in Meeting.objects.published()}
    assert any(m.start_time for m in meetings.values()), "no timed meeting served"
    parsed_by_icaljs = icaljs_starts([content for _path, content in files], tmp_path)
    seen = set()
    for (path, content), icaljs in zip(files, parsed_by_icaljs, strict=True):
        assert b"VTIMEZONE" not in content, path
        by_icalendar = icalendar_starts(content)
        assert by_icalendar.keys() == icaljs["starts"].keys(), path
        for uid, start in by_icalendar.items():
            assert_same_instant(start, meetings[uid], "icalendar")
            assert_same_instant(icaljs["starts"][uid], meetings[uid], "ical.js")
            seen.add(uid)
    # The commune calendars and the meeting files between them cover every meeting.
    assert seen == set(meetings)


def test_a_timed_meeting_on_any_day_from_2019_to_2037_keeps_its_instant(
    client, demo_with_ramadan_meeting, tmp_path
):
    served = [m for m in Meeting.objects.published() if m.start_time] + [
        Meeting.objects.published().filter(start_time__isnull=True).first()
    ]
    contents = []
    moved: dict[str, Meeting] = {}
    for meeting in served:
        times = TIMES if meeting.start_time else (None,)
        for time in times:
            # One file per year: ical.js takes quadratic time over one file's events.
            for year in range(FIRST_DAY.year, LAST_DAY.year + 1):
                copies = []
                for day in every_day():
                    if day.year != year:
                        continue
                    copy = Meeting(
                        pk=len(moved) + 1,
                        commune=meeting.commune,
                        title=meeting.title,
                        slug=meeting.slug,
                        start_date=day,
                        start_time=time,
                        status=meeting.status,
                        updated_at=meeting.updated_at,
                    )
                    moved[meeting_uid(copy)] = copy
                    copies.append(copy)
                contents.append(calendar_file(meeting.title, copies))
    ramadan = set(ramadan_days())
    assert any(m.start_date in ramadan and m.start_time for m in moved.values())

    for content, icaljs in zip(contents, icaljs_starts(contents, tmp_path), strict=True):
        by_icalendar = icalendar_starts(content)
        assert by_icalendar.keys() == icaljs["starts"].keys()
        for uid, start in by_icalendar.items():
            assert_same_instant(start, moved[uid], "icalendar")
            assert_same_instant(icaljs["starts"][uid], moved[uid], "ical.js")
