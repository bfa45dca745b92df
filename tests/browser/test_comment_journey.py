"""A representative's whole journey in a real browser, in Arabic, on the demo records.

Sign up, verify the e-mail, ask to represent a Guelmim association, get
approved by council staff in the back office, comment on a Guelmim worksite
and see the comment on the project page; then another user reports it.
"""

import re

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from associations.models import Association, Membership
from projects.models import Comment, CommentReport, Project
from tests import factories
from tests.browser.pages import GUELMIM_ASSOCIATION, GUELMIM_PROJECT

PASSWORD = "Oued-Noun-2010!"


def sign_in(page, base_url, email):
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()


def sign_in_as(page, live_server, username):
    """Sign `username` in by handing the browser a session cookie."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_representative_comments_in_arabic_and_another_user_reports(page, live_server, demo_data):
    association = Association.objects.get(slug=GUELMIM_ASSOCIATION)
    project = Project.objects.get(slug=GUELMIM_PROJECT)
    base = live_server.url
    # An Arabic-speaking visitor: the account pages have no language prefix.
    page.set_extra_http_headers({"Accept-Language": "ar-MA,ar;q=0.9"})

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
    # Confirming from the browser that signed up signs her in.
    assert page.locator("a.account-link").get_attribute("href") == "/accounts/logout/"

    # Ask to represent the association from its page.
    page.goto(f"{base}/ar/associations/{association.slug}/")
    page.click(f'a[href="/ar/account/join/{association.slug}/"]')
    page.select_option("select[name=role]", "secretary")
    page.fill("textarea[name=message]", "أنا الكاتب العام للجمعية")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    membership = Membership.objects.get(user__email="amina@example.org")
    assert membership.status == Membership.Status.PENDING
    assert membership.language == "ar"

    # Council staff approve it in the back office; the member is told by e-mail.
    member_cookies = page.context.cookies()
    page.context.clear_cookies()
    sign_in_as(page, live_server, "demo-staff")
    page.goto(f"{base}/admin/associations/membership/?status__exact=pending")
    page.check(f"input[name=_selected_action][value='{membership.pk}']")
    page.select_option("select[name=action]", "approve_selected")
    page.click("button[name=index]")
    page.wait_for_load_state()
    membership.refresh_from_db()
    assert membership.status == Membership.Status.APPROVED
    assert mail.outbox[-1].to == ["amina@example.org"]
    page.context.clear_cookies()
    page.context.add_cookies(member_cookies)

    # Comment in Arabic on the project page, on behalf of the association.
    text = "متى ستنتهي أشغال تأهيل دار الشباب؟ الساكنة تنتظر بفارغ الصبر."
    page.goto(f"{base}/ar/projects/{project.slug}/")
    assert page.get_attribute("html", "dir") == "rtl"
    page.select_option("#comment-new-association", str(association.pk))
    page.fill("#comment-new-body", text)
    page.click("form.comment-form--new button[type=submit]")
    page.wait_for_load_state()
    comment = Comment.objects.get(body=text)
    assert (comment.association, comment.project) == (association, project)
    page.goto(f"{base}/ar/projects/{project.slug}/")
    shown = page.locator(f"#comment-{comment.pk}")
    assert text in shown.inner_text()
    assert association.name_ar in shown.inner_text()

    # Another signed-in user reports it.
    reporter = factories.UserFactory(email="reporter@example.org")
    reporter.set_password(PASSWORD)
    reporter.save()
    EmailAddress.objects.create(user=reporter, email=reporter.email, verified=True, primary=True)
    page.context.clear_cookies()
    sign_in(page, base, "reporter@example.org")
    page.goto(f"{base}/ar/projects/{project.slug}/")
    reported = page.locator(f"#comment-{comment.pk}")
    reported.locator("details summary").click()
    reported.locator("select[name=reason]").select_option("off_topic")
    reported.locator("textarea[name=text]").fill("لا علاقة له بالمشروع")
    reported.locator("form button[type=submit]").click()
    page.wait_for_load_state()
    report = CommentReport.objects.get(comment=comment)
    assert (report.reporter, report.reason) == (reporter, "off_topic")
    comment.refresh_from_db()
    assert not comment.hidden  # one report is not enough to hide
