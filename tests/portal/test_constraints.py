"""Every invariant is refused twice: by full_clean() for a friendly message, and by the database.

Each case builds one record that breaks one rule. The first test checks that
full_clean() names the right field (NON_FIELD_ERRORS for rules across
fields); the second saves it without validation and expects the database's
constraint to refuse it.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction

from tests import factories


def _project(**changes):
    project = factories.ProjectFactory()
    for name, value in changes.items():
        setattr(project, name, value)
    return project


def _commune(**changes):
    commune = factories.CommuneFactory()
    for name, value in changes.items():
        setattr(commune, name, value)
    return commune


def project_progress_above_100():
    return _project(progress=101), "progress"


def project_progress_below_0():
    return _project(progress=-1), "progress"


def project_latitude_out_of_range():
    return _project(latitude=Decimal("91")), "latitude"


def project_longitude_out_of_range():
    return _project(longitude=Decimal("-181")), "longitude"


def project_latitude_without_longitude():
    return _project(longitude=None), "longitude"


def project_longitude_without_latitude():
    return _project(latitude=None), "latitude"


def project_ends_before_it_starts():
    return (
        _project(start_date=datetime.date(2012, 1, 1), end_date=datetime.date(2011, 12, 31)),
        "end_date",
    )


def project_update_progress_above_100():
    update = factories.ProjectUpdateFactory()
    update.progress = 150
    return update, "progress"


def commune_latitude_out_of_range():
    return _commune(latitude=Decimal("-90.5")), "latitude"


def commune_longitude_out_of_range():
    return _commune(longitude=Decimal("180.5")), "longitude"


def commune_latitude_without_longitude():
    return _commune(longitude=None), "longitude"


def commune_longitude_without_latitude():
    return _commune(latitude=None), "latitude"


def meeting_ends_before_it_starts():
    meeting = factories.MeetingFactory(start_date=datetime.date(2009, 5, 2))
    meeting.end_date = datetime.date(2009, 5, 1)
    return meeting, "end_date"


def meeting_edition_without_series():
    meeting = factories.MeetingFactory()
    meeting.edition = 2
    return meeting, "series"


def two_meetings_with_one_edition_number_in_a_series():
    first = factories.MeetingFactory(series=factories.MeetingSeriesFactory(), edition=2)
    second = factories.MeetingFactory(commune=first.commune)
    second.series, second.edition = first.series, 2
    return second, NON_FIELD_ERRORS


def plan_ends_before_it_starts():
    plan = factories.DevelopmentPlanFactory()
    plan.start_year, plan.end_year = 2016, 2015
    return plan, "end_year"


def two_stops_with_one_order_in_a_visit():
    first = factories.SiteVisitStopFactory(order=3)
    second = factories.SiteVisitStopFactory(visit=factories.SiteVisitFactory(), order=3)
    second.visit = first.visit
    return second, NON_FIELD_ERRORS


def two_sessions_with_one_order_in_a_meeting():
    first = factories.SessionFactory(order=1)
    second = factories.SessionFactory(order=2)
    second.meeting, second.order = first.meeting, 1
    return second, NON_FIELD_ERRORS


def two_certificates_with_one_code():
    first = factories.CertificateFactory()
    second = factories.CertificateFactory(meeting=first.meeting)
    second.code = first.code
    return second, "code"


def certificate_without_recipient():
    certificate = factories.CertificateFactory()
    certificate.recipient_association = None
    return certificate, NON_FIELD_ERRORS


def certificate_with_two_recipients():
    certificate = factories.CertificateFactory()
    certificate.recipient_person = factories.PersonFactory()
    return certificate, NON_FIELD_ERRORS


def certificate_with_an_association_and_a_name():
    certificate = factories.CertificateFactory()
    certificate.recipient_name = "فلان"
    return certificate, NON_FIELD_ERRORS


def certificate_revoked_without_a_date():
    certificate = factories.CertificateFactory()
    certificate.revoked = True
    return certificate, "revoked_on"


def two_certificates_with_one_serial_in_a_commune_and_year():
    first = factories.CertificateFactory(serial_year=2024, serial_number=7)
    second = factories.CertificateFactory(meeting=first.meeting)
    second.serial_year, second.serial_number = 2024, 7
    return second, NON_FIELD_ERRORS


CASES = [
    project_progress_above_100,
    project_progress_below_0,
    project_latitude_out_of_range,
    project_longitude_out_of_range,
    project_latitude_without_longitude,
    project_longitude_without_latitude,
    project_ends_before_it_starts,
    project_update_progress_above_100,
    commune_latitude_out_of_range,
    commune_longitude_out_of_range,
    commune_latitude_without_longitude,
    commune_longitude_without_latitude,
    meeting_ends_before_it_starts,
    meeting_edition_without_series,
    two_meetings_with_one_edition_number_in_a_series,
    plan_ends_before_it_starts,
    two_stops_with_one_order_in_a_visit,
    two_sessions_with_one_order_in_a_meeting,
    two_certificates_with_one_code,
    certificate_without_recipient,
    certificate_with_two_recipients,
    certificate_with_an_association_and_a_name,
    certificate_revoked_without_a_date,
    two_certificates_with_one_serial_in_a_commune_and_year,
]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_full_clean_refuses_it_on_the_right_field(db, case):
    record, field = case()

    with pytest.raises(ValidationError) as refusal:
        record.full_clean()

    assert set(refusal.value.message_dict) == {field}, refusal.value.message_dict


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_the_database_refuses_it(db, case):
    record, _field = case()

    with pytest.raises(IntegrityError), transaction.atomic():
        record.save()


def test_a_valid_record_passes_both(db):
    project = factories.ProjectFactory(progress=100, latitude=None, longitude=None)

    project.full_clean()
    with transaction.atomic():
        project.save()
