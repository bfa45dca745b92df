"""`make run` for a newcomer: the address served is the one printed and linked, and the
e-mails printed on the console can be read and their links followed."""

import io
import os
import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives

from portal.mail import ReadableConsoleBackend

LONG_LINK = "http://127.0.0.1:8620/accounts/confirm-email/" + "MQ:1tXyZa:" + "k" * 60 + "/"


def printed(*messages) -> str:
    stream = io.StringIO()
    ReadableConsoleBackend(stream=stream).send_messages(list(messages))
    return stream.getvalue()


def test_console_email_shows_arabic_subject_and_body_as_text_with_links_whole():
    message = EmailMessage(
        "[شراكة] أكد عنوان البريد الإلكتروني",
        f"مرحبا من موقع شراكة!\n\nلتأكيد حسابك افتح الرابط:\n{LONG_LINK}\n",
        "Sharaka <no-reply@localhost>",
        ["amina@example.org"],
    )
    text = printed(message)
    assert "Subject: [شراكة] أكد عنوان البريد الإلكتروني" in text
    assert "To: amina@example.org" in text
    assert "مرحبا من موقع شراكة!" in text
    assert LONG_LINK in text.splitlines()
    for encoded in ("base64", "quoted-printable", "=?utf-8?", "=\n"):
        assert encoded not in text


def test_console_email_names_its_html_version_and_attachments():
    message = EmailMultiAlternatives("Bonjour", "Texte à lire", to=["karim@example.org"])
    message.attach_alternative("<p>Texte à lire</p>", "text/html")
    message.attach("rapport.pdf", b"%PDF-1.4", "application/pdf")
    text = printed(message)
    assert "Texte à lire" in text
    assert "[Also sent as text/html]" in text
    assert "[Attachment: rapport.pdf]" in text
    assert "<p>" not in text


def test_development_settings_print_readable_emails():
    assert settings.MAILERS["default"]["BACKEND"] in (
        "portal.mail.ReadableConsoleBackend",
        "django.core.mail.backends.locmem.EmailBackend",  # pytest-django's outbox
    )


def make_site_url(*args, **env) -> str:
    """What `make demo` (run by `make run`) hands the loader as SITE_URL; nothing else runs."""
    if not shutil.which("make"):
        pytest.fail("GNU make is needed")
    environment = {k: v for k, v in os.environ.items() if k != "SITE_URL"} | env
    result = subprocess.run(
        ["make", "-s", "-o", "migrate", "demo", "MANAGE=printenv SITE_URL #", *args],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    return result.stdout.strip()


def test_make_run_sets_site_url_from_host_and_port():
    assert make_site_url() == "http://127.0.0.1:8000"
    assert make_site_url("PORT=8620") == "http://127.0.0.1:8620"
    assert make_site_url("HOST=localhost", "PORT=8621") == "http://localhost:8621"


def test_make_run_keeps_a_site_url_that_is_given():
    assert make_site_url("PORT=8620", SITE_URL="https://sharaka.example.ma") == (
        "https://sharaka.example.ma"
    )
