"""A representative's whole journey in a real browser, in Arabic.

Sign up, verify the e-mail, ask to represent the association, get approved,
comment on a Guelmim worksite and see the comment on the project page; then
another user reports it.
"""

import os
import re
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from allauth.account.models import EmailAddress  # noqa: E402
from django.core import mail  # noqa: E402

from associations import services  # noqa: E402
from associations.models import Membership  # noqa: E402
from projects.models import Comment, CommentReport  # noqa: E402
from tests import factories  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "Oued-Noun-2010!"

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI and missing at {CHROMIUM}")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def guelmim(transactional_db):
    commune = factories.CommuneFactory(name_ar="كلميم", name_fr="Guelmim", slug="guelmim")
    association = factories.AssociationFactory(
        commune=commune,
        name_ar="جمعية واد نون للتنمية",
        name_fr="Association Oued Noun pour le développement",
        slug="oued-noun",
    )
    project = factories.ProjectFactory(
        commune=commune,
        title_ar="تأهيل شارع محمد الخامس",
        title_fr="Mise à niveau de l'avenue Mohammed V",
        slug="avenue-mohammed-v",
    )
    staff = factories.UserFactory(is_staff=True, email="staff@guelmim.example")
    return association, project, staff


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def test_representative_comments_in_arabic_and_another_user_reports(browser, live_server, guelmim):
    association, project, staff = guelmim
    base = live_server.url
    context = browser.new_context(locale="ar-MA")
    page = context.new_page()

    # Sign up; the account waits for its e-mail to be verified.
    page.goto(f"{base}/accounts/signup/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.fill("input[name=email]", "amina@example.org")
    page.fill("input[name=password1]", PASSWORD)
    page.fill("input[name=password2]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert not EmailAddress.objects.get(email="amina@example.org").verified

    # Verify with the link from the e-mail.
    key_path = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(base + key_path)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert EmailAddress.objects.get(email="amina@example.org").verified

    # Ask to represent the association from its page.
    sign_in(page, base, "amina@example.org")
    page.goto(f"{base}/ar/associations/{association.slug}/")
    page.click(f'a[href="/ar/account/join/{association.slug}/"]')
    page.select_option("select[name=role]", "secretary")
    page.fill("textarea[name=message]", "أنا الكاتب العام للجمعية")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    membership = Membership.objects.get(user__email="amina@example.org")
    assert membership.status == Membership.Status.PENDING
    assert membership.language == "ar"

    # Council staff approve; the member is told by e-mail.
    services.approve(membership, by=staff)
    assert mail.outbox[-1].to == ["amina@example.org"]

    # Comment in Arabic on the project page, on behalf of the association.
    text = "متى ستنتهي أشغال تأهيل الشارع؟ الساكنة تنتظر بفارغ الصبر."
    page.goto(f"{base}/ar/projects/{project.slug}/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.select_option("#comment-new-association", str(association.pk))
    page.fill("#comment-new-body", text)
    page.click("form.comment-form--new button[type=submit]")
    page.wait_for_load_state()
    comment = Comment.objects.get()
    assert comment.association == association
    shown = page.locator(f"#comment-{comment.pk}")
    assert text in shown.inner_text()
    assert association.name_ar in shown.inner_text()
    context.close()

    # Another signed-in user reports it.
    reporter = factories.UserFactory(email="reporter@example.org")
    reporter.set_password(PASSWORD)
    reporter.save()
    EmailAddress.objects.create(user=reporter, email=reporter.email, verified=True, primary=True)
    context = browser.new_context(locale="ar-MA")
    page = context.new_page()
    sign_in(page, base, "reporter@example.org")
    page.goto(f"{base}/ar/projects/{project.slug}/")
    reported = page.locator(f"#comment-{comment.pk}")
    reported.locator("details summary").click()
    reported.locator("select[name=reason]").select_option("off_topic")
    reported.locator("textarea[name=text]").fill("لا علاقة له بالمشروع")
    reported.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    report = CommentReport.objects.get()
    assert (report.comment, report.reporter, report.reason) == (comment, reporter, "off_topic")
    assert not Comment.objects.get().hidden  # one report is not enough to hide
    context.close()
