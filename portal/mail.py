"""E-mails to members, each in the language they chose."""

import logging

from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.utils import translation

logger = logging.getLogger(__name__)


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
