"""E-mails, each in its recipient's language, stored first and sent by the task worker.

An e-mail is rendered when the action happens (the recipient's language, the
links of that moment) and saved as an :class:`~portal.models.OutgoingEmail`
in the action's own transaction; a task (``django.tasks``, queued in the
database by ``django_tasks_db``) sends it. An SMTP outage therefore neither
breaks the action nor loses the message: each failed try is recorded and
tried again after a growing delay (``RETRY_DELAYS``); after the last one the
e-mail is left failed, and staff see it in the back office and can send it
again. Run the worker with ``manage.py db_worker`` (``make run`` starts it).
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage, EmailMultiAlternatives, mailers
from django.core.mail.backends import console
from django.db import transaction
from django.tasks import default_task_backend, task
from django.template.loader import render_to_string
from django.utils import translation

from .models import OutgoingEmail

logger = logging.getLogger(__name__)

#: Seconds to wait after each failed try before the next: 8 tries over about
#: a day, enough for a mail server's maintenance or a night's outage.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 3600, 6 * 3600, 12 * 3600)


def send_in_language(
    language: str, recipients: list[str], template: str, context: dict, *, commune=None
) -> list[OutgoingEmail]:
    """Render `<template>_subject.txt` and `<template>_body.txt` in ``language`` and queue them.

    One e-mail per recipient, so that one refused address does not hold back
    the others. ``commune`` is the commune whose record the e-mail is about:
    its staff see the e-mail in the back office.
    """
    if not recipients:
        return []
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    return queue(
        EmailMessage(subject, body, None, recipients),
        kind=template,
        language=language,
        commune=commune,
    )


def queue(
    message: EmailMessage, *, kind: str, language: str = "", commune=None
) -> list[OutgoingEmail]:
    """Store ``message`` once per recipient and have the worker send each."""
    html = ""
    if isinstance(message, EmailMultiAlternatives):
        html = next(
            (content for content, mimetype in message.alternatives if mimetype == "text/html"), ""
        )
    with transaction.atomic():
        emails = [
            OutgoingEmail.objects.create(
                to=address,
                subject=message.subject,
                body=message.body,
                html_body=html,
                kind=kind,
                language=language or translation.get_language() or "",
                commune=commune,
            )
            for address in message.to
        ]
        for email in emails:
            schedule(email)
    return emails


def schedule(email: OutgoingEmail, delay: timedelta | None = None) -> None:
    """Enqueue a try of ``email``, now or after ``delay``.

    A backend that cannot defer (the immediate one the tests use) is not given
    the later tries: the e-mail stays waiting, visible to staff.
    """
    if delay is None:
        deliver.enqueue(email.pk)
    elif default_task_backend.supports_defer:
        deliver.using(run_after=email.next_attempt_at).enqueue(email.pk)


def message_of(email: OutgoingEmail) -> EmailMessage:
    message = EmailMultiAlternatives(email.subject, email.body, None, [email.to])
    if email.html_body:
        message.attach_alternative(email.html_body, "text/html")
    return message


def retry_delay(attempts: int) -> timedelta | None:
    """How long to wait after the ``attempts``-th failed try; None once they are spent."""
    if attempts > len(RETRY_DELAYS):
        return None
    return timedelta(seconds=RETRY_DELAYS[attempts - 1])


@task()
def deliver(email_id: int) -> str:
    """Send one stored e-mail; on failure record it and schedule the next try."""
    email = OutgoingEmail.objects.filter(pk=email_id).first()
    if email is None or not email.claim():
        return "skipped"  # sent meanwhile, sent again by staff, or deleted
    try:
        mailers.default.send_messages([message_of(email)])
    except Exception as exc:  # SMTP, DNS, TLS, a refused recipient: all are worth a retry.
        delay = retry_delay(email.attempts)
        email.mark_failed(f"{type(exc).__name__}: {exc}", delay)
        if delay is None:
            logger.error(
                "E-mail %s to %s failed after %d tries", email.pk, email.to, email.attempts
            )
            return "failed"
        logger.warning(
            "E-mail %s to %s failed (try %d), next try in %s: %s",
            email.pk,
            email.to,
            email.attempts,
            delay,
            exc,
        )
        schedule(email, delay)
        return "retrying"
    email.mark_sent()
    return "sent"


class ReadableConsoleBackend(console.EmailBackend):
    """Development e-mails printed as a person reads them.

    Django's console backend prints the encoded message: an Arabic or French
    e-mail comes out in base64 or quoted-printable, with a confirmation link
    cut by soft line breaks. This one prints the headers and the plain-text
    body as they are, each link whole on its line.
    """

    def write_message(self, message):
        headers = [
            ("From", message.from_email),
            ("To", ", ".join(message.to)),
            ("Cc", ", ".join(message.cc)),
            ("Reply-To", ", ".join(message.reply_to)),
            ("Subject", message.subject),
        ]
        lines = [f"{name}: {value}" for name, value in headers if value]
        lines += ["", message.body.rstrip("\n"), ""]
        for _content, mimetype in getattr(message, "alternatives", []):
            lines.append(f"[Also sent as {mimetype}]")
        for attachment in message.attachments:
            name = getattr(attachment, "filename", None) or attachment[0]
            lines.append(f"[Attachment: {name}]")
        self.stream.write("\n".join(lines) + "\n" + "-" * 79 + "\n")
