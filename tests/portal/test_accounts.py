"""Account pages (django-allauth) in the site's layout, translated, right-to-left in Arabic."""

import re
from urllib.parse import urlsplit

import pytest
from allauth.account import app_settings as account_settings
from allauth.account.models import EmailAddress
from django.core import mail
from django.test import Client
from django.utils import translation

pytestmark = pytest.mark.django_db

PASSWORD = "Oued-Noun-2010!"

PAGES = [
    "/accounts/login/",
    "/accounts/signup/",
    "/accounts/password/reset/",
    "/accounts/confirm-email/",
]


@pytest.mark.parametrize("path", PAGES)
def test_account_pages_use_the_site_layout_right_to_left_in_arabic(path):
    response = Client().get(path, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    html = response.text
    assert '<html lang="ar" dir="rtl">' in html
    assert 'class="site-header"' in html
    assert "/static/css/sharaka.css" in html


@pytest.mark.parametrize(
    ("language", "direction", "sign_in"),
    [("ar", "rtl", "تسجيل الدخول"), ("fr", "ltr", "Connexion"), ("en", "ltr", "Sign In")],
)
def test_sign_in_page_is_translated(language, direction, sign_in):
    response = Client().get("/accounts/login/", HTTP_ACCEPT_LANGUAGE=language)
    assert f'<html lang="{language}" dir="{direction}">' in response.text
    assert sign_in in response.text


def test_arabic_is_the_default_without_a_language_preference():
    response = Client().get("/accounts/login/")
    assert '<html lang="ar" dir="rtl">' in response.text


def test_sign_up_requires_the_emailed_verification_before_sign_in():
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    response = client.post(
        "/accounts/signup/",
        {
            "email": "amina@example.org",
            "password1": "Oued-Noun-2010!",
            "password2": "Oued-Noun-2010!",
        },
    )
    assert response.status_code == 302
    assert not EmailAddress.objects.get(email="amina@example.org").verified
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert message.subject == "[Sharaka] Confirmez votre adresse e-mail"  # allauth's French
    link = re.search(r"http://\S+/accounts/confirm-email/\S+/", message.body).group(0)

    key_path = link.split("testserver", 1)[-1]
    confirm_page = client.get(key_path)
    assert confirm_page.status_code == 200
    assert '<html lang="fr" dir="ltr">' in confirm_page.text
    client.post(key_path)

    assert EmailAddress.objects.get(email="amina@example.org").verified


@pytest.mark.parametrize(
    ("language", "subject", "greeting", "registration", "closing"),
    [
        (
            "ar",
            "[شراكة] أكد عنوان البريد الإلكتروني",
            "مرحبا من موقع شراكة!",
            "لتسجيل حساب في sharaka.guelmim.ma.",
            "شكرا لاستخدامك شراكة!",
        ),
        (
            "fr",
            "[Sharaka] Confirmez votre adresse e-mail",
            "Bonjour, c'est Sharaka !",
            "sur sharaka.guelmim.ma.",
            "Merci d'utiliser Sharaka !",
        ),
    ],
)
def test_sign_up_email_names_the_site_and_its_public_host(
    settings, language, subject, greeting, registration, closing
):
    settings.SITE_URL = "https://sharaka.guelmim.ma"
    Client(HTTP_ACCEPT_LANGUAGE=language).post(
        "/accounts/signup/",
        {"email": "amina@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    (message,) = mail.outbox
    lines = message.body.splitlines()
    assert message.subject == subject
    assert lines[0] == greeting
    assert registration in message.body
    assert lines[-2:] == [closing, "sharaka.guelmim.ma"]
    assert "example.com" not in message.subject + message.body


def verified_user(email):
    from tests import factories

    user = factories.UserFactory(email=email)
    user.set_password("old-password-Guelmim-1")
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def test_password_reset_sends_an_email_in_the_visitors_language():
    verified_user("reset@example.org")
    Client(HTTP_ACCEPT_LANGUAGE="ar").post(
        "/accounts/password/reset/", {"email": "reset@example.org"}
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "[شراكة] رسالة إعادة ضبط كلمة المرور"


def test_password_reset_link_sets_a_new_password_that_signs_in():
    user = verified_user("reset@example.org")
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.post("/accounts/password/reset/", {"email": "reset@example.org"})
    (message,) = mail.outbox
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", message.body).group(0)
    key_path = urlsplit(link).path

    # allauth moves the key from the address into the session, then shows the form.
    response = client.get(key_path, follow=True)
    assert response.status_code == 200
    assert '<html lang="fr" dir="ltr">' in response.text
    form_path = response.redirect_chain[-1][0]
    assert form_path.endswith("-set-password/")  # the key is no longer in the address
    done = client.post(
        form_path, {"password1": "Nouveau-Oued-2025!", "password2": "Nouveau-Oued-2025!"}
    )
    assert done.status_code == 302

    user.refresh_from_db()
    assert user.check_password("Nouveau-Oued-2025!")
    fresh = Client(HTTP_ACCEPT_LANGUAGE="fr")
    fresh.post(
        "/accounts/login/", {"login": "reset@example.org", "password": "old-password-Guelmim-1"}
    )
    assert "_auth_user_id" not in fresh.session
    fresh.post("/accounts/login/", {"login": "reset@example.org", "password": "Nouveau-Oued-2025!"})
    assert fresh.session["_auth_user_id"] == str(user.pk)


def test_a_used_password_reset_link_does_not_work_twice():
    verified_user("reset@example.org")
    client = Client()
    client.post("/accounts/password/reset/", {"email": "reset@example.org"})
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", mail.outbox[0].body)
    key_path = urlsplit(link.group(0)).path
    form_path = client.get(key_path, follow=True).redirect_chain[-1][0]
    client.post(form_path, {"password1": "Nouveau-Oued-2025!", "password2": "Nouveau-Oued-2025!"})

    again = Client().get(key_path, follow=True)

    assert "password1" not in again.text
    assert again.context["token_fail"]


def test_allauth_rate_limits_are_on():
    assert account_settings.RATE_LIMITS  # not disabled by a setting
    assert account_settings.RATE_LIMITS.get("login_failed")


def test_repeated_failed_sign_ins_are_stopped():
    from tests import factories

    user = factories.UserFactory(email="target@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for _ in range(5):
        response = client.post(
            "/accounts/login/", {"login": "target@example.org", "password": "wrong"}
        )
        assert "Too many failed login attempts" not in response.text
    response = client.post(
        "/accounts/login/", {"login": "target@example.org", "password": "correct horse battery"}
    )
    assert "Too many failed login attempts" in response.text
    assert "_auth_user_id" not in client.session


def test_sign_ups_from_one_address_are_refused_after_allauths_limit():
    limit = int(account_settings.RATE_LIMITS["signup"].split("/")[0])  # "20/m/ip"
    client = Client(HTTP_ACCEPT_LANGUAGE="en")
    for n in range(limit):
        response = client.post(
            "/accounts/signup/",
            {"email": f"person{n}@example.org", "password1": PASSWORD, "password2": PASSWORD},
        )
        assert response.status_code == 302, n
        client.logout()

    refused = client.post(
        "/accounts/signup/",
        {"email": "one-too-many@example.org", "password1": PASSWORD, "password2": PASSWORD},
    )

    assert refused.status_code == 429
    # The site's own page, in the visitor's language.
    assert '<html lang="en" dir="ltr">' in refused.text
    assert "Too many attempts" in refused.text
    assert not EmailAddress.objects.filter(email="one-too-many@example.org").exists()
    assert len(mail.outbox) == limit


def test_refused_sign_up_page_is_in_the_visitors_language(settings):
    settings.ACCOUNT_RATE_LIMITS = {**account_settings.RATE_LIMITS, "signup": "1/m/ip"}
    client = Client(HTTP_ACCEPT_LANGUAGE="ar")
    form = {"password1": PASSWORD, "password2": PASSWORD}
    client.post("/accounts/signup/", {**form, "email": "first@example.org"})
    client.logout()

    refused = client.post("/accounts/signup/", {**form, "email": "second@example.org"})

    assert refused.status_code == 429
    assert '<html lang="ar" dir="rtl">' in refused.text
    with translation.override("ar"):
        heading = translation.gettext("Too many attempts")
    assert heading != "Too many attempts" and heading in refused.text
    assert not EmailAddress.objects.filter(email="second@example.org").exists()
