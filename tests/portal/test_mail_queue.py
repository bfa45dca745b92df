"""E-mails are stored with the action, sent by the task worker, retried, never dropped.

The queue tests use the database task backend and ``manage.py db_worker``,
with Django's SMTP backend talking to a small SMTP server run by the test,
which refuses service until it is told to accept.
"""

import socketserver
import threading
from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from associations.memberships import services as memberships
from associations.models import Membership
from portal import mail
from portal.models import OutgoingEmail
from tests import factories

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class SMTPHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greet (or refuse), take the message, quit."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        server = self.server
        if server.refusing:
            self.reply("421 4.3.2 Service not available, try again later")
            return
        self.reply("220 test.example ESMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(data)
                server.messages.append(b"".join(lines).decode())
                self.reply("250 2.0.0 Queued")
            elif verb == b"QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 test.example")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SMTPHandler)
        self.refusing = True
        self.messages: list[str] = []


@pytest.fixture
def smtp_server(settings):
    server = SMTPServer()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": server.server_address[1], "timeout": 5},
        }
    }
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def task_queue(settings):
    settings.TASKS = DATABASE_TASKS


def run_worker():
    """What `manage.py db_worker` does in production, until no task is due."""
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", verbosity=0)


def make_due() -> None:
    """The retry's time has come (instead of waiting a minute)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now())


# --- the queue, end to end ----------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_failing_smtp_server_leaves_the_notice_queued_and_sent_on_retry(task_queue, smtp_server):
    staff = factories.UserFactory(is_staff=True)
    membership = factories.MembershipFactory(language="fr")

    assert memberships.decide(membership, Membership.Status.APPROVED, by=staff)

    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED  # the decision stands
    email = OutgoingEmail.objects.get()
    assert (email.to, email.status, email.attempts) == (
        membership.user.email,
        OutgoingEmail.Status.QUEUED,
        0,
    )
    assert DBTaskResult.objects.filter(status="READY").count() == 1

    run_worker()  # the server refuses

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert "421" in email.last_error
    assert email.next_attempt_at - email.last_attempt_at == timedelta(seconds=60)
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.run_after == email.next_attempt_at
    assert smtp_server.messages == []

    run_worker()  # the retry is not due yet: nothing is tried
    email.refresh_from_db()
    assert email.attempts == 1

    smtp_server.refusing = False
    make_due()
    run_worker()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 2
    assert email.sent_at is not None
    assert len(smtp_server.messages) == 1
    assert f"To: {membership.user.email}" in smtp_server.messages[0]
    # Written in the member's language when staff decided, not when it was sent.
    assert email.subject.startswith("Vous représentez désormais")
    assert not DBTaskResult.objects.filter(status="READY").exists()


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_a_reply_notice_queued_by_a_request(task_queue, smtp_server):
    smtp_server.refusing = False
    project = factories.ProjectFactory()
    association = factories.AssociationFactory()
    member = factories.MembershipFactory(association=association, status="approved").user
    comment = factories.CommentFactory(project=project, author=member, association=association)
    staff = factories.UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)

    response = client.post(
        f"/en/projects/{project.slug}/comments/{comment.pk}/reply/", {"body": "In May."}
    )

    assert response.status_code == 302
    assert smtp_server.messages == []  # the request only queued it
    run_worker()
    assert len(smtp_server.messages) == 1
    assert OutgoingEmail.objects.get().status == OutgoingEmail.Status.SENT


# --- retries --------------------------------------------------------------------


@pytest.mark.django_db
def test_tries_back_off_then_the_email_is_left_failed_for_staff(task_queue, smtp_server):
    (email,) = mail.queue(outbox.EmailMessage("Subject", "Body", None, ["a@example.org"]), kind="x")
    waits = []

    for _ in range(len(mail.RETRY_DELAYS) + 1):
        assert mail.deliver.call(email.pk) in {"retrying", "failed"}
        email.refresh_from_db()
        if email.next_attempt_at:
            waits.append((email.next_attempt_at - email.last_attempt_at).total_seconds())

    assert waits == list(mail.RETRY_DELAYS)
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == len(mail.RETRY_DELAYS) + 1
    assert email.next_attempt_at is None
    # The first try was queued with the e-mail, each retry by the try before it.
    assert DBTaskResult.objects.count() == 1 + len(mail.RETRY_DELAYS)
    assert mail.deliver.call(email.pk) == "skipped"  # failed for good: only staff send it again


@pytest.mark.django_db
def test_a_sent_email_is_never_sent_twice(smtp_server):
    smtp_server.refusing = False
    (email,) = mail.queue(outbox.EmailMessage("Subject", "Body", None, ["a@example.org"]), kind="x")
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT

    assert mail.deliver.call(email.pk) == "skipped"
    assert len(smtp_server.messages) == 1


@pytest.mark.django_db
def test_each_recipient_gets_an_email_of_their_own():
    emails = mail.send_in_language(
        "en",
        ["a@example.org", "b@example.org"],
        "emails/membership_decision",
        {"association_name": "Amal", "approved": True, "account_url": "http://x/"},
    )

    assert [e.to for e in emails] == ["a@example.org", "b@example.org"]
    assert [m.to for m in outbox.outbox] == [["a@example.org"], ["b@example.org"]]
    assert all(e.status == OutgoingEmail.Status.SENT for e in OutgoingEmail.objects.all())


@pytest.mark.django_db
def test_an_action_rolled_back_queues_no_email(task_queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.queue(outbox.EmailMessage("S", "B", None, ["a@example.org"]), kind="x")
        raise RuntimeError("the action failed")

    assert not OutgoingEmail.objects.exists()
    assert not DBTaskResult.objects.exists()


# --- staff ------------------------------------------------------------------------


def failed_email(**kwargs) -> OutgoingEmail:
    """A membership decision that failed for good, about a commune the staff fixture works for."""
    kwargs.setdefault("commune", factories.CommuneFactory())
    return OutgoingEmail.objects.create(
        to="member@example.org",
        subject="Your request was approved",
        body="Welcome.",
        kind="emails/membership_decision",
        status=OutgoingEmail.Status.FAILED,
        attempts=8,
        last_error="SMTPConnectError: (421, 'Service not available')",
        **kwargs,
    )


@pytest.mark.django_db
def test_staff_see_failed_emails_and_send_them_again(staff_client, settings):
    settings.LANGUAGE_CODE = "en"
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    email = failed_email()
    changelist = reverse("admin:portal_outgoingemail_changelist")

    listed = staff_client.get(changelist, {"status": "failed"})
    assert "Your request was approved" in listed.content.decode()
    page = staff_client.get(reverse("admin:portal_outgoingemail_change", args=[email.pk]))
    assert "Service not available" in page.content.decode()

    response = staff_client.post(
        changelist, {"action": "send_again", "_selected_action": [email.pk]}, follow=True
    )

    assert "1 e-mail will be sent again." in response.content.decode()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert [m.to for m in outbox.outbox] == [["member@example.org"]]


@pytest.mark.django_db
def test_send_again_skips_sent_emails_and_those_being_sent(staff_client):
    sending = failed_email()
    OutgoingEmail.objects.filter(pk=sending.pk).update(
        status="sending", last_attempt_at=timezone.now()
    )
    sent = failed_email(sent_at=timezone.now())
    OutgoingEmail.objects.filter(pk=sent.pk).update(status="sent")

    staff_client.post(
        reverse("admin:portal_outgoingemail_changelist"),
        {"action": "send_again", "_selected_action": [sending.pk, sent.pk]},
    )

    assert outbox.outbox == []
    sending.refresh_from_db()
    assert sending.status == OutgoingEmail.Status.SENDING


@pytest.mark.django_db
def test_an_email_stuck_with_a_dead_worker_can_be_sent_again(staff_client):
    stuck = failed_email()
    OutgoingEmail.objects.filter(pk=stuck.pk).update(
        status="sending", last_attempt_at=timezone.now() - timedelta(hours=1)
    )

    staff_client.post(
        reverse("admin:portal_outgoingemail_changelist"),
        {"action": "send_again", "_selected_action": [stuck.pk]},
    )

    stuck.refresh_from_db()
    assert stuck.status == OutgoingEmail.Status.SENT


@pytest.mark.django_db
def test_emails_cannot_be_written_or_edited_in_the_back_office(staff_client):
    email = failed_email()

    assert staff_client.get(reverse("admin:portal_outgoingemail_add")).status_code == 403
    response = staff_client.post(
        reverse("admin:portal_outgoingemail_change", args=[email.pk]), {"to": "x@example.org"}
    )
    assert response.status_code == 403
    email.refresh_from_db()
    assert email.to == "member@example.org"


@pytest.mark.django_db
def test_a_visitor_without_permission_cannot_send_emails_again(client):
    email = failed_email()
    user = factories.UserFactory(is_staff=True)  # staff flag, no permission
    client.force_login(user)

    response = client.post(
        reverse("admin:portal_outgoingemail_changelist"),
        {"action": "send_again", "_selected_action": [email.pk]},
    )

    assert response.status_code == 403
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
