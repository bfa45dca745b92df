"""The back office speaks Arabic right-to-left by default, within the content security policy."""

import json
import re

from django.contrib import admin
from django.contrib.staticfiles import finders
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape


def test_admin_is_arabic_and_right_to_left_without_a_language_cookie(staff_client):
    response = staff_client.get(reverse("admin:index"))

    assert response.status_code == 200
    assert '<html lang="ar" dir="rtl">' in response.content.decode()


def test_admin_follows_the_language_cookie(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"

    response = staff_client.get(reverse("admin:index"))

    assert '<html lang="fr" dir="ltr">' in response.content.decode()


def test_admin_pages_load_the_sharaka_admin_stylesheet(staff_client):
    response = staff_client.get(reverse("admin:meetings_meeting_add"))

    assert re.search(
        r'<link rel="stylesheet" href="/static/css/admin\.css"', response.content.decode()
    )
    assert finders.find("css/admin.css")


def test_admin_carries_the_sharaka_branding(staff_client):
    page = staff_client.get(reverse("admin:index")).content.decode()

    with translation.override("ar"):
        assert escape(str(admin.site.site_header)) in page
        assert f"| {escape(str(admin.site.site_title))}</title>" in page


def test_admin_offers_a_language_switch_that_works_without_script(staff_client):
    page = staff_client.get(reverse("admin:index")).content.decode()

    assert f'action="{reverse("set_language")}"' in page
    for code in ("ar", "fr", "en"):
        assert f'name="language" value="{code}"' in page


def test_admin_stylesheet_uses_logical_properties_only():
    with open(finders.find("css/admin.css"), encoding="utf-8") as stylesheet:
        css = re.sub(r"/\*.*?\*/", "", stylesheet.read(), flags=re.DOTALL)

    assert not re.search(r"\b(left|right)\b", css)
    assert "line-height" in css
    assert "font-family" in css


def test_admin_page_has_no_inline_script_or_style(staff_client):
    page = staff_client.get(reverse("admin:meetings_meeting_add")).content.decode()

    assert "<style" not in page
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", page)
    assert "Content-Security-Policy" in staff_client.get(reverse("admin:index")).headers


def test_meeting_page_text_boxes_are_short(staff_client):
    page = staff_client.get(reverse("admin:meetings_meeting_add")).content.decode()

    speech_summary = re.search(r'<textarea[^>]*name="speeches-__prefix__-summary_ar"[^>]*>', page)
    assert speech_summary and 'rows="3"' in speech_summary.group(0)


def test_date_widget_note_is_in_arabic(staff_client):
    script = staff_client.get(reverse("admin:jsi18n")).content.decode()

    # The catalog is written as JSON, its non-ASCII letters escaped.
    assert json.dumps("أدخل الأوقات بتوقيت")[1:-1] in script


def test_blank_choice_of_a_select_is_in_arabic(staff_client):
    page = staff_client.get(reverse("admin:meetings_meeting_add")).content.decode()

    assert "- Select an option -" not in page
    assert "- اختر -" in page
