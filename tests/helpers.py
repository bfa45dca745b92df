"""Helpers shared by the tests: uploads, query counts, rows with `n` of every related
kind a page shows, and the POST data of an admin page as a browser sends it."""

import io

from django import forms
from django.core.cache.backends.base import BaseCache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image
from pypdf import PdfWriter

from meetings.models import MeetingPhoto, SiteVisitStopPhoto
from portal.site.demo import accounts as demo_accounts
from projects.models import ProjectDocument, ProjectPhoto
from recommendations.models import Recommendation
from tests import factories

LANGUAGES = ("ar", "fr", "en")


def jpeg(width: int = 1000, height: int = 600, name: str = "photo.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (40, 120, 110)).save(buffer, "JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def pdf_bytes(prepare=None) -> bytes:
    """A real one-page PDF; ``prepare(writer)`` may add to it before it is written."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if prepare is not None:
        prepare(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf(name: str = "document.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def full_meeting(n: int, **kwargs):
    """A published meeting with `n` rows of everything its page lists."""
    commune = kwargs.pop("commune", None) or factories.CommuneFactory()
    series = factories.MeetingSeriesFactory(commune=commune)
    meeting = factories.MeetingFactory(
        series=series, edition=1, commune=commune, report_file=pdf("report.pdf"), **kwargs
    )
    for i in range(n):
        factories.MeetingFactory(series=series, edition=i + 2, commune=commune)
        meeting.organisers.add(factories.InstitutionFactory())
        meeting.partners.add(factories.InstitutionFactory())
        session = factories.SessionFactory(meeting=meeting, chair=factories.PersonFactory())
        association = factories.AssociationFactory(commune=commune)
        factories.SpeechFactory(
            meeting=meeting,
            session=session,
            kind="intervention",
            association=association,
            summary_ar="مداخلة",
        )
        presentation = factories.PresentationFactory(meeting=meeting, slides=pdf("slides.pdf"))
        presentation.presenters.add(factories.PersonFactory())
        presentation.related_projects.add(factories.ProjectFactory(commune=commune))
        workshop = factories.WorkshopFactory(meeting=meeting, outcomes_ar="نتائج")
        workshop.facilitators.add(factories.PersonFactory())
        visit = factories.SiteVisitFactory(meeting=meeting)
        for order in range(1, n + 1):
            stop = factories.SiteVisitStopFactory(
                visit=visit, order=order, project=factories.ProjectFactory(commune=commune)
            )
            SiteVisitStopPhoto.objects.create(stop=stop, image=jpeg())
        factories.AssociationAttendanceFactory(meeting=meeting, association=association)
        factories.InstitutionAttendanceFactory(meeting=meeting)
        factories.CertificateFactory(
            meeting=meeting, recipient_association=association, signatory=factories.PersonFactory()
        )
        factories.CertificateFactory(
            meeting=meeting, recipient_association=None, recipient_person=factories.PersonFactory()
        )
        factories.RecommendationFactory(meeting=meeting, workshop=workshop, session=session)
        MeetingPhoto.objects.create(meeting=meeting, image=jpeg(), caption_ar=f"صورة {i}")
    return meeting


def full_project(n: int, **kwargs):
    project = factories.ProjectFactory(
        plan=factories.DevelopmentPlanFactory(),
        contracting_institution=factories.InstitutionFactory(),
        **kwargs,
    )
    for i in range(n):
        project.funders.add(factories.InstitutionFactory())
        ProjectPhoto.objects.create(project=project, image=jpeg(), order=i)
        ProjectDocument.objects.create(project=project, title_ar=f"وثيقة {i}", file=pdf())
        factories.ProjectUpdateFactory(project=project, progress=10 * i, status="in_progress")
        meeting = factories.MeetingFactory(commune=project.commune)
        factories.PresentationFactory(meeting=meeting).related_projects.add(project)
        visit = factories.SiteVisitFactory(meeting=meeting)
        factories.SiteVisitStopFactory(visit=visit, order=i + 1, project=project)
        recommendation = factories.RecommendationFactory(meeting=meeting)
        recommendation.related_projects.add(project)
    return project


def full_association(n: int, **kwargs):
    association = factories.AssociationFactory(**kwargs)
    for _ in range(n):
        association.fields_of_activity.add(factories.FieldOfActivityFactory())
        meeting = factories.MeetingFactory(commune=association.commune)
        factories.AssociationAttendanceFactory(meeting=meeting, association=association)
        factories.CertificateFactory(meeting=meeting, recipient_association=association)
        recommendation = factories.RecommendationFactory(meeting=meeting)
        recommendation.related_associations.add(association)
    return association


def full_recommendation(n: int, **kwargs) -> Recommendation:
    meeting = kwargs.pop("meeting", None) or factories.MeetingFactory()
    recommendation = factories.RecommendationFactory(
        meeting=meeting,
        workshop=factories.WorkshopFactory(meeting=meeting),
        session=factories.SessionFactory(meeting=meeting, chair=factories.PersonFactory()),
        **kwargs,
    )
    for _ in range(n):
        factories.RecommendationUpdateFactory(
            recommendation=recommendation,
            evidence=pdf("evidence.pdf"),
            evidence_url="https://example.org/e",
        )
        recommendation.related_projects.add(factories.ProjectFactory())
        recommendation.related_associations.add(factories.AssociationFactory())
    return recommendation


def two_pages_of(client, path: str, query: str) -> set:
    """The primary keys listed on pages 1 and 2 of `path?query`, which holds 23 rows.

    Checks on the way: 20 rows then 3, no row on both pages, and paging links
    that keep the query.
    """
    first = client.get(f"{path}?{query}")
    second = client.get(f"{path}?{query}&page=2")
    on_first = {row.pk for row in first.context["page_obj"].object_list}
    on_second = {row.pk for row in second.context["page_obj"].object_list}
    assert (len(on_first), len(on_second)) == (20, 3)
    assert on_first.isdisjoint(on_second)
    assert f'href="?{query}&amp;page=2" rel="next"' in first.content.decode()
    assert f'href="?{query}&amp;page=1" rel="prev"' in second.content.decode()
    return on_first | on_second


# --- admin pages --------------------------------------------------------------


def form_fields_data(form) -> dict:
    """The values a browser would submit for the form as it was rendered."""
    data = {}
    for bound in form:
        field, name = bound.field, bound.html_name
        if isinstance(field, forms.FileField):
            continue
        value = bound.value()
        if isinstance(field, forms.BooleanField):
            if value:
                data[name] = "on"
            continue
        if isinstance(field, (forms.MultipleChoiceField, forms.ModelMultipleChoiceField)):
            data[name] = [str(item) for item in value or []]
        elif value is None:
            data[name] = ""
        elif hasattr(value, "isoformat"):
            data[name] = value.isoformat()
        else:
            data[name] = str(value)
    return data


def admin_form_data(response) -> dict:
    """Main form, management forms and existing inline rows of an admin change page."""
    data = form_fields_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ("TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS", "MAX_NUM_FORMS"):
            data[f"{formset.prefix}-{name}"] = str(management.initial.get(name, ""))
        data[f"{formset.prefix}-TOTAL_FORMS"] = str(formset.initial_form_count())
        for form in formset.initial_forms:
            data.update(form_fields_data(form))
    return data


def add_inline_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """Append new rows to the inline formset ``prefix``, as "Add another" would."""
    total_key = f"{prefix}-TOTAL_FORMS"
    assert total_key in data, f"no inline formset with prefix {prefix!r} on this page"
    start = int(data[total_key])
    for offset, row in enumerate(rows):
        for key, value in row.items():
            if isinstance(value, (list, tuple)):
                value = [str(item) for item in value]
            elif not hasattr(value, "read"):
                value = str(value)
            data[f"{prefix}-{start + offset}-{key}"] = value
    data[total_key] = str(start + len(rows))
    return data


def page_errors(response) -> dict:
    """Every error of the main form and the inline formsets, to explain a failed save."""
    if response.context is None or "adminform" not in response.context:
        return {"status": response.status_code}
    errors = {"form": response.context["adminform"].form.errors}
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        if formset.non_form_errors() or any(formset.errors):
            errors[formset.prefix] = [formset.non_form_errors(), formset.errors]
    return errors


class BrokenCache(BaseCache):
    """A cache backend whose every call fails, as Redis does while it is down."""

    calls = 0

    def __init__(self, location, params):
        super().__init__(params)

    def __getattribute__(self, name):
        if name in {
            "get", "get_many", "has_key", "add", "set", "set_many", "touch",
            "delete", "delete_many", "incr", "decr", "clear", "get_or_set",
        }:  # fmt: skip
            type(self).calls += 1
            raise ConnectionError("cache server unreachable")
        return super().__getattribute__(name)


def broken_cache_settings() -> dict:
    """CACHES for a shared cache that is down, wrapped as production wraps Redis."""
    return {
        "default": {
            "BACKEND": "portal.cache.FailSafeCache",
            "LOCATION": "broken",
            "OPTIONS": {"BACKEND": "tests.helpers.BrokenCache"},
        }
    }


# --- the demo -------------------------------------------------------------------


def set_demo_passwords(monkeypatch) -> None:
    """Every demo account's password in the environment: tests run with DEBUG off,
    where the loader refuses the development defaults."""
    for account in demo_accounts.ACCOUNTS:
        monkeypatch.setenv(account["password_env"], f"{account['username']}-password-for-tests")
