"""The details a citizen notices: number ranges that read in order, the comma and the
percentage of each language, and the comment "Report" control in words of its own."""

import datetime

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from projects.comments.services import comment_context
from tests import factories
from tests.projects.comments.personas import make_personas

LRI, PDI = "\u2066", "\u2069"


def rendered(source: str, lang: str, **context) -> str:
    with translation.override(lang):
        return Template("{% load sharaka %}" + source).render(Context(context))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("المخطط التنموي 2010 – 2015، وتخللته", f"المخطط التنموي {LRI}2010 – 2015{PDI}، وتخللته"),
        ("PCD 2010–2015", f"PCD {LRI}2010–2015{PDI}"),
        ("الدورة 2/3", f"الدورة {LRI}2/3{PDI}"),
        ("سنة 2012 فقط", "سنة 2012 فقط"),
    ],
)
def test_number_ranges_are_isolated_so_they_read_in_order(text, expected):
    assert rendered("{{ text|isolate_numbers }}", "ar", text=text) == expected


def test_isolating_numbers_keeps_escaping_and_safe_html():
    assert rendered("{{ text|isolate_numbers }}", "ar", text="<b>2010-2015</b>") == (
        f"&lt;b&gt;{LRI}2010-2015{PDI}&lt;/b&gt;"
    )
    assert rendered("{{ text|linebreaks|isolate_numbers }}", "ar", text="2010-2015") == (
        f"<p>{LRI}2010-2015{PDI}</p>"
    )


@pytest.mark.parametrize(("lang", "comma"), [("ar", "، "), ("fr", ", "), ("en", ", ")])
def test_the_comma_of_each_language(lang, comma):
    assert rendered("a{% comma %}b", lang) == f"a{comma}b"


@pytest.mark.parametrize(
    ("lang", "shown"), [("ar", f"{LRI}90%{PDI}"), ("fr", "90\u202f%"), ("en", "90%")]
)
def test_one_percent_style_per_language(lang, shown):
    assert rendered("{{ value|percent }}", lang, value=90) == shown
    assert (
        rendered("{% include 'portal/includes/_progress.html' %}", lang, percent=90).count(shown)
        == 2
    )


@pytest.mark.django_db
def test_person_role_and_institution_are_joined_by_the_arabic_comma(client):
    meeting = factories.MeetingFactory()
    person = factories.PersonFactory(
        role_ar="رئيس الجهة", institution=factories.InstitutionFactory(name_ar="مجلس الجهة")
    )
    factories.SessionFactory(meeting=meeting, chair=person)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert "<bdi>رئيس الجهة</bdi>، <bdi>مجلس الجهة" in html
    assert "</bdi>, <bdi>" not in html


@pytest.mark.django_db
def test_meeting_time_follows_its_date_after_the_arabic_comma(client):
    meeting = factories.MeetingFactory(
        start_date=datetime.date(2011, 5, 19), start_time=datetime.time(9, 0)
    )
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert '</time>، <time datetime="09:00">' in html
    french = client.get(meeting.get_absolute_url().replace("/ar/", "/fr/")).content.decode()
    assert '</time>, <time datetime="09:00">' in french


@pytest.mark.django_db
def test_the_plan_years_read_in_order_in_arabic(client):
    plan = factories.DevelopmentPlanFactory(start_year=2010, end_year=2015)
    assert f"{LRI}2010–2015{PDI}" in str(plan)


@pytest.mark.django_db
@pytest.mark.parametrize(("lang", "word"), [("ar", "إبلاغ"), ("fr", "Signaler"), ("en", "Report")])
def test_the_comment_report_control_says_flag_not_meeting_report(lang, word):
    personas = make_personas()
    factories.CommentFactory(
        project=personas.project, author=personas.member, association=personas.association_a
    )
    request = RequestFactory().get(personas.project.get_absolute_url())
    request.user = personas.member_b
    with translation.override(lang):
        html = render_to_string(
            "projects/includes/_comments.html",
            comment_context(personas.member_b, personas.project),
            request=request,
        )
    assert f"<summary>{word}</summary>" in html
    assert "التقرير" not in html and "Compte rendu" not in html
