"""Workflows around meetings that touch several records."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import Max

from .models import Certificate


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
        commune_id=meeting.commune_id,
        recipient_association=association,
        recipient_person=person,
        recipient_name=name,
        citation=citation,
        awarded_on=awarded_on,
        signatory=signatory,
        illustrative=illustrative,
        **translated_citations,
    )
    certificate.full_clean(exclude=["code"])
    certificate.save()
    return assign_serial(certificate)
