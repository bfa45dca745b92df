"""Membership workflow: a user asks to represent an association, staff decide, the user hears."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Association, Membership

logger = logging.getLogger(__name__)


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


def approve(membership: Membership, *, by) -> bool:
    return decide(membership, Membership.Status.APPROVED, by=by)


def reject(membership: Membership, *, by) -> bool:
    return decide(membership, Membership.Status.REJECTED, by=by)


def decide_many(memberships, status: str, *, by) -> int:
    """Decide a selection in bulk; returns how many actually changed."""
    changed = 0
    for membership in memberships.select_related("user", "association"):
        changed += decide(membership, status, by=by)
    return changed


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def send_in_language(language: str, recipients: list[str], template: str, context: dict) -> None:
    """Render `<template>_subject.txt` and `<template>_body.txt` in the recipient's language.

    A mail outage must not undo or break the action that triggered the e-mail,
    so a failure is logged, not raised.
    """
    if not recipients:
        return
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    messages = [EmailMessage(subject, body, None, [address]) for address in recipients]
    try:
        mailers.default.send_messages(messages)
    except Exception:
        logger.exception("Could not send %s to %d recipient(s)", template, len(recipients))


def notify_decision(membership: Membership) -> None:
    language = membership.language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "membership": membership,
            "association_name": membership.association.name,
            "approved": membership.status == Membership.Status.APPROVED,
            "account_url": site_url(reverse("memberships:mine")),
        }
    send_in_language(language, [membership.user.email], "emails/membership_decision", context)
