"""Membership workflow: a user asks to represent an association, staff decide, the user hears."""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

from associations.models import Association, Membership
from portal.links import site_url
from portal.mail import send_in_language


class AlreadyRequested(Exception):
    """The user already has a membership (in any state) for this association."""

    def __init__(self, membership: Membership):
        super().__init__(str(membership))
        self.membership = membership


def request_membership(
    user, association: Association, *, role: str, message: str, language: str
) -> Membership:
    """Record a pending request; refuse a second one for the same association."""
    existing = Membership.objects.filter(user=user, association=association).first()
    if existing is not None:
        raise AlreadyRequested(existing)
    try:
        with transaction.atomic():
            return Membership.objects.create(
                user=user,
                association=association,
                role=role,
                message=message,
                language=language,
            )
    except IntegrityError:
        # Two simultaneous submissions: the constraint kept only one.
        raise AlreadyRequested(Membership.objects.get(user=user, association=association)) from None


def decide(membership: Membership, status: str, *, by) -> bool:
    """Set the decision and e-mail the member; False when it was already so."""
    if membership.status == status:
        return False
    membership.decide(status, by)
    notify_decision(membership)
    return True


def notify_decision(membership: Membership) -> None:
    language = membership.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "membership": membership,
            "association_name": membership.association.name,
            "approved": membership.status == Membership.Status.APPROVED,
            "account_url": site_url(reverse("memberships:mine")),
        }
    send_in_language(
        language,
        [membership.user.email],
        "emails/membership_decision",
        context,
        commune=membership.association.commune,
    )
