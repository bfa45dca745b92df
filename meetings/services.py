"""Workflows of meetings that touch several rows: the next edition of a forum,
attendance recorded for many associations at once."""

import datetime

from django.db import transaction

from portal import languages
from portal.slugs import slug_from, unique_slug

from .models import AssociationAttendance, Meeting, Session, Workshop

#: What the next edition of a forum keeps of the last one: its frame, not its people.
EDITION_FIELDS = ("kind", "commune_id", "series_id", "start_time")
EDITION_TEXTS = ("title", "slogan", "venue")


def next_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


@transaction.atomic
def next_edition(meeting: Meeting) -> Meeting:
    """A planned, unpublished copy of ``meeting``'s frame for the next year.

    It keeps the series (edition + 1), the kind, the commune, the title,
    slogan and venue, the organisers and partners, and the sessions and
    workshops by their titles and themes, without chairs, facilitators,
    summaries or outcomes; nothing that happened (speeches, attendance,
    certificates, recommendations, photos) is copied.
    """
    edition = Meeting(
        edition=(meeting.edition or 0) + 1 if meeting.series_id else None,
        start_date=next_year(meeting.start_date),
        status=Meeting.Status.PLANNED,
        published=False,
        illustrative=meeting.illustrative,
    )
    for name in EDITION_FIELDS:
        setattr(edition, name, getattr(meeting, name))
    for column in languages.columns(*EDITION_TEXTS):
        setattr(edition, column, getattr(meeting, column))
    base = slug_from(meeting.slug, *(getattr(meeting, c) for c in languages.columns("title")))
    suffix = f"-{meeting.edition}" if meeting.edition else f"-{meeting.start_date.year}"
    base = base.removesuffix(suffix)
    number = edition.edition or edition.start_date.year
    edition.slug = unique_slug(
        Meeting, f"{base}-{number}", max_length=Meeting._meta.get_field("slug").max_length
    )
    edition.save()
    edition.organisers.set(meeting.organisers.all())
    edition.partners.set(meeting.partners.all())
    for session in meeting.sessions.order_by("order"):
        copy = Session(meeting=edition, order=session.order)
        for column in languages.columns("title"):
            setattr(copy, column, getattr(session, column))
        copy.save()
    for workshop in meeting.workshops.order_by("order", "pk"):
        copy = Workshop(meeting=edition, order=workshop.order)
        for column in languages.columns("theme"):
            setattr(copy, column, getattr(workshop, column))
        copy.save()
    return edition


def add_attending_associations(meeting: Meeting, associations) -> int:
    """Record each association as attending ``meeting`` once; returns how many were new."""
    present = set(meeting.association_attendance.values_list("association_id", flat=True))
    new = [
        AssociationAttendance(meeting=meeting, association=association)
        for association in associations
        if association.pk not in present
    ]
    for attendance in new:
        attendance.save()
    return len(new)
