"""Certificates: numbering, awarding (one or every attending association), look-up allowance."""

import datetime

import reversion
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import translation
from django.utils.translation import gettext

from meetings.models import AssociationAttendance, Certificate
from portal import languages, ratelimit


def assign_serial(certificate: Certificate) -> Certificate:
    """Give a saved certificate the next serial number of its commune and year.

    Two staff awarding at once may pick the same number; the unique
    constraint refuses the second, which then takes the next one.
    """
    if certificate.serial_number is not None:
        return certificate
    year = certificate.awarded_on.year
    for _attempt in range(5):
        last = Certificate.objects.filter(
            commune_id=certificate.commune_id, serial_year=year
        ).aggregate(last=Max("serial_number"))["last"]
        try:
            with transaction.atomic():
                Certificate.objects.filter(pk=certificate.pk).update(
                    serial_year=year, serial_number=(last or 0) + 1
                )
        except IntegrityError:
            continue
        certificate.serial_year, certificate.serial_number = year, (last or 0) + 1
        if reversion.is_active():
            # Saved in the back office: its version records the number it got.
            reversion.add_to_revision(certificate)
        return certificate
    raise IntegrityError("Could not allocate a certificate serial number")


@transaction.atomic
def award_certificate(
    *,
    meeting,
    citation: str,
    awarded_on: datetime.date,
    association=None,
    person=None,
    name: str = "",
    signatory=None,
    illustrative: bool = False,
    **translated_citations: str,
) -> Certificate:
    """Create a certificate for exactly one recipient and number it."""
    certificate = Certificate(
        meeting=meeting,
        recipient_association=association,
        recipient_person=person,
        recipient_name=name,
        citation=citation,
        awarded_on=awarded_on,
        signatory=signatory,
        illustrative=illustrative,
        **translated_citations,
    )
    certificate.full_clean(exclude=["code", "commune"])
    certificate.save()
    return assign_serial(certificate)


# --- bulk award, verification allowance --------------------------------------


def default_citations(meeting) -> dict[str, str]:
    """The shared citation for attending associations, in every language."""
    citations = {}
    for code in languages.codes():
        with translation.override(code):
            citations[f"citation_{code}"] = gettext(
                "In appreciation of the association's participation in “%(meeting)s” "
                "and of its contribution to participatory democracy in the commune."
            ) % {"meeting": meeting.title}
    return citations


def award_to_attending_associations(
    meeting, *, awarded_on: datetime.date | None = None, signatory=None, citations=None
) -> tuple[list[Certificate], int]:
    """Give one certificate to every association that attended the meeting.

    Safe to run twice: an association that already holds a certificate from
    this meeting that has not been revoked is skipped and counted. The date
    defaults to the meeting's last day; the signatory to whoever signed the
    commune's latest certificate.
    """
    awarded_on = awarded_on or meeting.end_date or meeting.start_date
    if signatory is None:
        latest = (
            Certificate.objects.filter(commune_id=meeting.commune_id, signatory__isnull=False)
            .select_related("signatory")
            .order_by("-awarded_on", "-pk")
            .first()
        )
        signatory = latest.signatory if latest else None
    citations = citations or default_citations(meeting)
    holders = set(
        Certificate.objects.valid()
        .filter(meeting=meeting, recipient_association__isnull=False)
        .values_list("recipient_association_id", flat=True)
    )
    attendance = (
        AssociationAttendance.objects.filter(meeting=meeting)
        .select_related("association")
        .order_by("pk")
    )
    # ``citation`` writes the active language's field: give it that language's text.
    current = citations.get(f"citation_{translation.get_language()}") or citations["citation_ar"]
    awarded, skipped = [], 0
    for row in attendance:
        if row.association_id in holders:
            skipped += 1
            continue
        awarded.append(
            award_certificate(
                meeting=meeting,
                citation=current,
                awarded_on=awarded_on,
                association=row.association,
                signatory=signatory,
                **citations,
            )
        )
        holders.add(row.association_id)
    return awarded, skipped


def consume_verify_allowance(client_ip: str) -> bool:
    """Count one certificate look-up against the client's allowance; False once spent.

    While the shared cache is down, each app server counts on its own with the
    same allowance: a citizen checking a certificate still gets an answer, and
    guessing codes stays bounded (the allowance times the number of processes,
    against codes that cannot be guessed in that many tries).
    """
    return ratelimit.consume(
        "certificates:verify",
        client_ip or "unknown",
        settings.CERTIFICATE_VERIFY_RATE_LIMIT,
        during_outage=settings.CERTIFICATE_VERIFY_RATE_LIMIT,
    )
