"""The petition workflows that touch several records: filing with its receipt and e-mail,
signing and withdrawing, the bureau's steps with their notices, and the deadline reminders.

Eligibility *checks* answer questions (``association_problems``,
``may_represent``); the views turn a "no" into a message or a 403. Each
function that changes data runs in one transaction: a refusal leaves
nothing half-saved.
"""

import datetime
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import F, Max, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from associations.models import Association, Membership
from portal import ratelimit, scope
from portal.links import site_url
from portal.mail import send_in_language
from portal.models import Commune

from .deadlines import add_months
from .models import (
    Petition,
    PetitionDocument,
    PetitionEvent,
    PetitionSettings,
    PetitionSignature,
    TransitionError,
)

#: Staff are reminded this long before an answer is due.
REMINDER_BEFORE = datetime.timedelta(days=14)


class Refused(Exception):
    """An action refused with a message for the visitor (in their language)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


# --- eligibility -------------------------------------------------------------


@dataclass
class Check:
    """One rule of eligibility and whether the data show it met (None: not checkable here)."""

    label: str
    met: bool | None


def representable_associations(user):
    """Associations the user may file for: their approved memberships."""
    if not user.is_authenticated:
        return Association.objects.none()
    return Association.objects.filter(
        memberships__user=user, memberships__status=Membership.Status.APPROVED
    ).order_by("name", "pk")


def may_represent(user, association: Association) -> bool:
    return representable_associations(user).filter(pk=association.pk).exists()


def association_checks(
    association: Association, commune: Commune, rules: PetitionSettings, today=None
) -> list[Check]:
    """The law's conditions on a petitioning association, as far as its record shows them."""
    today = today or timezone.localdate()
    years = rules.association_minimum_years
    old_enough = None
    if association.receipt_date:
        old_enough = add_months(association.receipt_date, 12 * years) < today
    return [
        Check(
            _("Constituted for more than %(years)d years (date of its filing receipt)")
            % {"years": years},
            old_enough,
        ),
        Check(
            _("In good standing: its details checked by the council staff"), association.verified
        ),
        Check(
            _("Its seat or a branch in the commune of %(commune)s") % {"commune": commune.name},
            association.commune_id == commune.pk,
        ),
        Check(_("Its activity relates to the subject of the petition"), None),
    ]


def association_problems(
    association: Association, commune: Commune, rules: PetitionSettings, today=None
) -> list[str]:
    """Why the association may not petition this commune's council: clear sentences."""
    problems = []
    today = today or timezone.localdate()
    years = rules.association_minimum_years
    if not association.receipt_date:
        problems.append(
            _(
                "The date of %(association)s's filing receipt is not recorded: ask the "
                "council staff to record it, since the law requires an association "
                "constituted for more than %(years)d years."
            )
            % {"association": association.name, "years": years}
        )
    elif add_months(association.receipt_date, 12 * years) >= today:
        problems.append(
            _(
                "%(association)s was constituted on %(date)s: the law requires more than "
                "%(years)d years before it can petition the council."
            )
            % {
                "association": association.name,
                "date": date_format(association.receipt_date),
                "years": years,
            }
        )
    if not association.verified:
        problems.append(
            _(
                "%(association)s is not yet in good standing on Sharaka: the council staff "
                "have not checked its filing receipt and details."
            )
            % {"association": association.name}
        )
    if association.commune_id != commune.pk:
        problems.append(
            _(
                "%(association)s has its seat in another commune: an association petitions "
                "the council of the commune where it has its seat or a branch."
            )
            % {"association": association.name}
        )
    return problems


def has_verified_email(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


# --- creating and filing -------------------------------------------------------


def next_receipt_sequence(commune: Commune, year: int) -> int:
    last = Petition.objects.filter(commune=commune, receipt_year=year).aggregate(
        last=Max("receipt_sequence")
    )["last"]
    return (last or 0) + 1


def _file(petition: Petition, by, date: datetime.date) -> PetitionEvent:
    """File with a receipt number unique in the commune and year (retried on a race)."""
    rules = PetitionSettings.for_commune(petition.commune)
    for _attempt in range(5):
        sequence = next_receipt_sequence(petition.commune, date.year)
        try:
            with transaction.atomic():
                return petition.file(by, date, sequence=sequence, rules=rules)
        except IntegrityError:
            # Another filing took the number meanwhile: take the next one.
            petition.refresh_from_db()
    raise Refused(_("The petition could not be numbered; please try again."), status=503)


def send_receipt(petition: Petition) -> None:
    if petition.agent is None or not petition.agent.email:
        return
    send_in_language(
        petition.language,
        [petition.agent.email],
        "emails/petition_receipt",
        {"petition": petition, "url": site_url(petition.get_absolute_url())},
        commune=petition.commune,
    )


def _add_documents(petition: Petition, documents) -> None:
    for title, upload in documents:
        PetitionDocument.objects.create(petition=petition, title=title, file=upload)


@transaction.atomic
def create_petition(
    *,
    user,
    commune: Commune,
    filer_kind: str,
    association: Association | None,
    agent_name: str,
    texts: dict,
    documents=(),
    related: dict | None = None,
    today: datetime.date | None = None,
) -> Petition:
    """An association's petition is filed at once; a citizens' one opens for signatures.

    Refuses (nothing saved) an association the user does not represent or
    that does not meet the law's conditions.
    """
    today = today or timezone.localdate()
    rules = PetitionSettings.for_commune(commune)
    if filer_kind == Petition.FilerKind.ASSOCIATION:
        if association is None or not may_represent(user, association):
            raise Refused(
                _("You can only file a petition for an association you represent."), status=403
            )
        problems = association_problems(association, commune, rules, today)
        if problems:
            raise Refused(" ".join(problems))
    else:
        association = None
    petition = Petition.objects.create(
        commune=commune,
        filer_kind=filer_kind,
        association=association,
        agent=user,
        agent_name=agent_name,
        language=translation.get_language() or settings.LANGUAGE_CODE,
        required_signatures=0 if association else rules.required_signatures,
        **texts,
    )
    for name, values in (related or {}).items():
        getattr(petition, name).set(values)
    _add_documents(petition, documents)
    PetitionEvent.objects.create(petition=petition, status=petition.status, date=today, by=user)
    if association is not None:
        _file(petition, user, today)
        send_receipt(petition)
    else:
        petition.open_for_signatures(user, today)
    return petition


@transaction.atomic
def file_petition(petition: Petition, by, date: datetime.date) -> PetitionEvent:
    """File ``petition``: its receipt number, its deadline, the e-mail of the receipt.

    Raises ``TransitionError`` when it cannot be filed (already filed, too few signatures).
    """
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    event = _file(petition, by, date)
    send_receipt(petition)
    return event


def file_citizens_petition(petition: Petition, user, today=None) -> PetitionEvent:
    """The agent files a citizens' petition once it has its signatures."""
    if petition.agent_id != user.pk:
        raise Refused(_("Only the petition's agent can file it."), status=403)
    try:
        return file_petition(petition, user, today or timezone.localdate())
    except TransitionError as error:
        raise Refused(error.messages[0]) from None


# --- signing -------------------------------------------------------------------


def consume_signing_allowance(user) -> bool:
    """One signature or withdrawal against the user's allowance (``PETITION_SIGNING_RATE_LIMIT``).

    While the shared cache is down, each process grants the same allowance
    from its own count: signing is not worth a 500, and a flood stays bounded.
    """
    return ratelimit.consume(
        "petition-signing",
        str(user.pk),
        settings.PETITION_SIGNING_RATE_LIMIT,
        during_outage=settings.PETITION_SIGNING_RATE_LIMIT,
    )


def signing_refusal(petition: Petition, user) -> str:
    """Why ``user`` may not sign ``petition`` now; empty when they may."""
    if not petition.is_by_citizens:
        return _("An association's petition is not signed online.")
    if petition.status not in Petition.OPEN_FOR_SIGNATURES:
        return _("This petition has been filed; it no longer takes signatures.")
    if not has_verified_email(user):
        return _("Confirm your e-mail address first: only a verified account can sign.")
    return ""


@transaction.atomic
def sign(petition: Petition, user, *, full_name: str, tie: str) -> PetitionSignature:
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    refusal = signing_refusal(petition, user)
    if refusal:
        raise Refused(refusal, status=403)
    try:
        with transaction.atomic():
            signature = PetitionSignature.objects.create(
                petition=petition, user=user, full_name=full_name.strip(), tie=tie
            )
    except IntegrityError:
        raise Refused(_("You have already signed this petition."), status=409) from None
    Petition.objects.filter(pk=petition.pk).update(signature_count=F("signature_count") + 1)
    return signature


@transaction.atomic
def withdraw(petition: Petition, user) -> None:
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if petition.status not in Petition.OPEN_FOR_SIGNATURES:
        raise Refused(
            _("This petition has been filed: a signature can no longer be withdrawn."),
            status=403,
        )
    deleted, _by_model = PetitionSignature.objects.filter(petition=petition, user=user).delete()
    if not deleted:
        raise Refused(_("You have not signed this petition."), status=400)
    Petition.objects.filter(pk=petition.pk).update(signature_count=F("signature_count") - 1)


# --- the bureau's steps (back office) --------------------------------------------


@transaction.atomic
def apply_step(petition: Petition, step: str, by, date: datetime.date, **data) -> PetitionEvent:
    """Run one step of the procedure and notify the agent of a decision."""
    petition = Petition.objects.select_for_update().get(pk=petition.pk)
    if step == "start_review":
        event = petition.start_review(by, date)
    elif step == "admissible":
        event = petition.declare_admissible(by, date, data.get("text", ""))
    elif step == "inadmissible":
        event = petition.declare_inadmissible(by, date, data.get("text", ""))
    elif step == "schedule":
        event = petition.schedule(
            by, date, session=data.get("session"), committee=data.get("committee", "")
        )
    elif step == "discussed":
        event = petition.record_discussion(by, date, data.get("text", ""))
    elif step == "close":
        event = petition.close(by, date, data.get("text", ""))
    else:
        raise TransitionError(_("Unknown step."))
    if step in ("admissible", "inadmissible", "schedule", "discussed") and petition.agent:
        send_in_language(
            petition.language,
            [petition.agent.email] if petition.agent.email else [],
            "emails/petition_decision",
            {"petition": petition, "event": event, "url": site_url(petition.get_absolute_url())},
            commune=petition.commune,
        )
    return event


# --- reminders -------------------------------------------------------------------


def staff_addresses(commune: Commune) -> list[str]:
    """E-mail addresses of the active staff who work for ``commune`` (superusers excluded)."""
    staff = get_user_model().objects.filter(is_active=True, is_staff=True, is_superuser=False)
    return sorted(
        {user.email for user in staff.filter(~Q(email="")) if scope.covers(user, commune.pk)}
    )


def send_reminders(today: datetime.date | None = None) -> int:
    """Remind staff of each petition whose answer is due within two weeks; once each.

    The petition remembers its reminder (``reminder_sent_at``), so running
    this again, or twice the same day, sends nothing new.
    """
    today = today or timezone.localdate()
    due = (
        Petition.objects.awaiting_answer()
        .filter(reminder_sent_at__isnull=True, due_on__lte=today + REMINDER_BEFORE)
        .select_related("commune")
        .order_by("due_on", "pk")
    )
    sent = 0
    for petition in due.iterator(chunk_size=200):
        with transaction.atomic():
            claimed = Petition.objects.filter(pk=petition.pk, reminder_sent_at__isnull=True).update(
                reminder_sent_at=timezone.now()
            )
            if not claimed:
                continue
            send_in_language(
                settings.LANGUAGE_CODE,
                staff_addresses(petition.commune),
                "emails/petition_reminder",
                {
                    "petition": petition,
                    "admin_url": site_url(
                        reverse("admin:petitions_petition_change", args=[petition.pk])
                    ),
                    "url": site_url(petition.get_absolute_url()),
                },
                commune=petition.commune,
            )
            sent += 1
    return sent
