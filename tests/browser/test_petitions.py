"""Petitions in a real browser, in Arabic, on the demo records.

A citizen signs the Taroudant petition once their e-mail is confirmed; an
association's representative files a petition; Guelmim's staff declare one
inadmissible with its reasons, and the public page shows the decision and its
dates.
"""

import datetime
import re

from allauth.account.models import EmailAddress
from django.core import mail

from associations.models import Association, Membership
from petitions.models import Petition
from tests import factories
from tests.browser.pages import GUELMIM_ASSOCIATION, TAROUDANT_PETITION
from tests.browser.test_comment_journey import sign_in_as

ARABIC = {"Accept-Language": "ar-MA,ar;q=0.9"}


def test_a_citizen_signs_a_petition_after_confirming_their_email(page, live_server, demo_data):
    petition = Petition.objects.get(title=TAROUDANT_PETITION)
    before = petition.signature_count
    citizen = factories.UserFactory(username="hassan", email="hassan@example.org")
    address = EmailAddress.objects.create(
        user=citizen, email=citizen.email, verified=False, primary=True
    )
    base = live_server.url
    page.set_extra_http_headers(ARABIC)
    sign_in_as(page, live_server, "hassan")

    # Not confirmed yet: the page says why the form is not there.
    page.goto(f"{base}/ar/petitions/{petition.pk}/")
    assert page.get_attribute("html", "dir") == "rtl"
    assert "أكّد عنوان بريدك الإلكتروني أولا" in page.locator("#signing").inner_text()
    assert page.locator("form[action$='/sign/']").count() == 0

    # Confirm it with the link allauth e-mails.
    address.send_confirmation(None)
    key_path = re.search(r"/accounts/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(base + key_path)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    address.refresh_from_db()
    assert address.verified

    # Sign: name, tie with the commune, declaration.
    page.goto(f"{base}/ar/petitions/{petition.pk}/")
    page.fill("input[name=full_name]", "حسن أيت الطالب")
    page.check("input[name=tie][value=residence]")
    page.check("input[name=declaration]")
    page.click("form[action$='/sign/'] button[type=submit]")
    page.wait_for_load_state()

    assert "شكرا لك: احتُسب توقيعك." in page.content()
    assert "لقد وقّعت هذه العريضة." in page.locator("#signing").inner_text()
    petition.refresh_from_db()
    assert petition.signature_count == before + 1
    # The public sees the count, never the name.
    page.context.clear_cookies()
    page.goto(f"{base}/ar/petitions/{petition.pk}/")
    assert "حسن أيت الطالب" not in page.content()
    assert str(before + 1) in page.locator("#signing").inner_text()


def test_an_association_representative_files_a_petition(page, live_server, demo_data):
    association = Association.objects.get(slug=GUELMIM_ASSOCIATION)
    # The council staff have checked its receipt: it is eligible.
    Association.objects.filter(pk=association.pk).update(
        verified=True, receipt_date=datetime.date(2008, 4, 1)
    )
    user = factories.UserFactory(username="rachida", email="rachida@example.org")
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    Membership.objects.create(user=user, association=association, status=Membership.Status.APPROVED)
    base = live_server.url
    page.set_extra_http_headers(ARABIC)
    sign_in_as(page, live_server, "rachida")

    page.goto(f"{base}/ar/petitions/new/?commune=guelmim")
    assert page.get_attribute("html", "dir") == "rtl"
    eligibility = page.locator("#eligibility-title + *").locator("xpath=..").inner_text()
    assert "مؤسسة منذ أكثر من 3 سنوات" in eligibility
    page.check("input[name=filer_kind][value=association]")
    page.select_option("select[name=association]", str(association.pk))
    page.fill("input[name=agent_name]", "رشيدة بوزيد")
    page.fill("input[name=title]", "إحداث فضاء للجمعيات بحي الرحمة")
    page.fill("textarea[name=reasons]", "لا تتوفر الجمعيات على مقرات لأنشطتها.")
    page.fill("textarea[name=objectives]", "تمكين الجمعيات من فضاء مشترك.")
    page.fill("textarea[name=action_requested]", "إدراج إحداث الفضاء في جدول أعمال الدورة المقبلة.")
    page.click("main form[enctype] button[type=submit]")
    page.wait_for_load_state()

    petition = Petition.objects.get(title="إحداث فضاء للجمعيات بحي الرحمة")
    assert petition.status == Petition.Status.FILED
    assert page.url.endswith(f"/ar/petitions/{petition.pk}/")
    assert petition.receipt_number in page.content()
    assert "أُودعت عريضتك بوصل رقم" in page.content()
    assert mail.outbox[-1].to == ["rachida@example.org"]


def test_staff_declare_a_petition_inadmissible_and_it_shows_with_its_dates(
    page, live_server, demo_data
):
    petition = Petition.objects.filter(
        commune__slug="guelmim", status=Petition.Status.UNDER_REVIEW
    ).get()
    base = live_server.url
    page.set_extra_http_headers(ARABIC)
    sign_in_as(page, live_server, "demo-staff")

    page.set_viewport_size({"width": 1100, "height": 800})  # a laptop, side menu shown
    page.goto(f"{base}/admin/petitions/petition/{petition.pk}/procedure/")
    assert "لائحة التحقق من القبول" in page.content()
    # The right-to-left page fits its window: the text box overflowed it once.
    width = page.viewport_size["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.select_option("select[name=step]", "inadmissible")
    page.fill("input[name=date]", "2026-07-20")
    page.fill(
        "textarea[name=text]",
        "أشغال تصريف مياه الأمطار مبرمجة في مشروع الحماية من الفيضانات الجاري إنجازه.",
    )
    page.click("input[type=submit]")
    page.wait_for_load_state()
    petition.refresh_from_db()
    assert petition.status == Petition.Status.INADMISSIBLE
    assert petition.decided_on == datetime.date(2026, 7, 20)

    # The public page: the decision, its reasons and its dates.
    page.context.clear_cookies()
    page.goto(f"{base}/ar/petitions/{petition.pk}/")
    decision = page.locator("section[aria-labelledby=decision-title]").inner_text()
    assert "مبرمجة في مشروع الحماية من الفيضانات" in decision
    assert page.locator("time[datetime='2026-07-20']").count() >= 2  # decided on, timeline
    assert page.locator("time[datetime='2026-03-02']").count() >= 1  # filed on
    days = (datetime.date(2026, 7, 20) - datetime.date(2026, 3, 2)).days
    assert f"أُجيب عنها في {days} يوما" in page.content()
