"""Every Sharaka model has a back-office page set up the same sensible way."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from modeltranslation.admin import TranslationAdmin, TranslationBaseModelAdmin
from modeltranslation.translator import translator

from associations.models import Association
from meetings.admin import MeetingVisitStopFormSet
from portal.models import Institution, Person, StaffScope
from projects.models import Project
from tests import factories

from .test_admin_changelists import ROW_MAKERS

SHARAKA_APPS = ("portal", "associations", "meetings", "projects", "recommendations", "petitions")
# Bookkeeping rows the code keeps and nobody edits (the stored data versions).
# Tables the site keeps for itself (data versions, the search's words): no admin page.
BOOKKEEPING = {"portal.DataVersion", "portal.SearchWord"}
SHARAKA_MODELS = [
    model
    for label in SHARAKA_APPS
    for model in apps.get_app_config(label).get_models()
    # Staff scopes are edited on the user's page, by superusers.
    if model is not StaffScope and model._meta.label not in BOOKKEEPING
]
CHOSEN_BY_AUTOCOMPLETE = (Person, Institution, Association, Project)


def model_id(model):
    return model._meta.label


@pytest.fixture
def superuser_request(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    return request


def admin_pages(request):
    """(name, admin object, form class) for every model admin and each of its inlines."""
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in SHARAKA_APPS:
            continue
        yield model_admin.__class__.__name__, model_admin, model_admin.get_form(request)
        for inline in model_admin.get_inline_instances(request):
            yield inline.__class__.__name__, inline, inline.get_formset(request).form


@pytest.mark.parametrize("model", SHARAKA_MODELS, ids=model_id)
def test_every_sharaka_model_is_registered(model):
    assert admin.site.is_registered(model)


@pytest.mark.parametrize("model", translator.get_registered_models(), ids=model_id)
def test_translated_models_use_the_translation_admin(model):
    assert isinstance(admin.site.get_model_admin(model), TranslationAdmin)


def test_inlines_of_translated_models_use_translation_inlines(superuser_request):
    translated = set(translator.get_registered_models())
    for name, page, _form in admin_pages(superuser_request):
        if page.model in translated:
            assert isinstance(page, TranslationBaseModelAdmin), name


def test_arabic_comes_first_and_a_required_text_is_asked_in_any_one_language(
    superuser_request,
):
    checked = 0
    for name, page, form in admin_pages(superuser_request):
        if page.model not in translator.get_registered_models():
            continue
        fields = list(form.base_fields)
        for original in translator.get_options_for_model(page.model).fields:
            if f"{original}_ar" not in fields:
                continue
            positions = [fields.index(f"{original}_{language}") for language in ("ar", "fr", "en")]
            assert positions == sorted(positions), f"{name}.{original}: {fields}"
            required = not page.model._meta.get_field(original).blank
            for language in ("ar", "fr", "en"):
                field = form.base_fields[f"{original}_{language}"]
                assert not field.required, f"{name}.{original}_{language}"
                asked = getattr(field, "one_language_of", None) is not None
                assert asked is required, f"{name}.{original}_{language}"
            checked += 1
    assert checked > 50


def test_people_institutions_associations_and_projects_are_chosen_by_autocomplete(
    superuser_request,
):
    for name, page, form in admin_pages(superuser_request):
        by_search = set(page.get_autocomplete_fields(superuser_request)) | set(page.raw_id_fields)
        for field in page.model._meta.get_fields():
            if not isinstance(field, (models.ForeignKey, models.ManyToManyField)):
                continue
            if field.related_model in CHOSEN_BY_AUTOCOMPLETE and field.name in form.base_fields:
                assert field.name in by_search, f"{name}.{field.name}"


@pytest.mark.parametrize("model", SHARAKA_MODELS, ids=model_id)
def test_slugs_are_prepopulated(model):
    # A slug staff do not type (a plan's, made from its commune and years) is not on the form.
    if any(field.name == "slug" and field.editable for field in model._meta.fields):
        assert "slug" in admin.site.get_model_admin(model).prepopulated_fields


# The years and months of a date drill-down are a scan of every row: comments,
# hundreds of thousands nationally, go without it (see projects/comments/admin.py).
WITHOUT_DATE_DRILL_DOWN = {"projects.Comment"}


@pytest.mark.parametrize("model", SHARAKA_MODELS, ids=model_id)
def test_models_with_a_date_are_browsable_by_date(model):
    has_date = any(isinstance(field, models.DateField) for field in model._meta.fields)
    if model._meta.label in WITHOUT_DATE_DRILL_DOWN:
        assert not admin.site.get_model_admin(model).date_hierarchy
    elif has_date:
        assert admin.site.get_model_admin(model).date_hierarchy


@pytest.mark.parametrize("model", SHARAKA_MODELS, ids=model_id)
def test_council_staff_open_every_list_add_and_change_page(staff_client, staff_user, rf, model):
    opts = model._meta
    row = ROW_MAKERS[model]()
    prefix = f"admin:{opts.app_label}_{opts.model_name}"

    assert staff_client.get(reverse(f"{prefix}_changelist")).status_code == 200
    # Comments and their reports come from the public pages: no add page.
    request = rf.get("/")
    request.user = staff_user
    adds = admin.site.get_model_admin(model).has_add_permission(request)
    expected_add = 200 if adds else 403
    assert staff_client.get(reverse(f"{prefix}_add")).status_code == expected_add
    assert staff_client.get(reverse(f"{prefix}_change", args=[row.pk])).status_code == 200


def test_council_staff_see_no_account_models_on_the_index(staff_client):
    response = staff_client.get(reverse("admin:index"))

    labels = {app["app_label"] for app in response.context["app_list"]}
    assert labels == set(SHARAKA_APPS)


def test_meeting_stop_formset_works_on_the_meetings_first_visit(db):
    from tests import factories

    later = factories.SiteVisitFactory(date="2010-07-18")
    earlier = factories.SiteVisitFactory(meeting=later.meeting, date="2010-07-17")

    assert MeetingVisitStopFormSet.visit_of(later.meeting) == earlier


@pytest.mark.parametrize("model", SHARAKA_MODELS, ids=model_id)
def test_every_list_can_be_searched_and_filtered(model):
    model_admin = admin.site.get_model_admin(model)
    assert model_admin.search_fields
    assert model_admin.list_filter


# Rows without a date of their own are browsed by the date of what they belong to.
DATED_BY_PARENT = {
    "meetings.MeetingPhoto": "meeting__start_date",
    "meetings.Session": "meeting__start_date",
    "meetings.Speech": "meeting__start_date",
    "meetings.Presentation": "meeting__start_date",
    "meetings.Workshop": "meeting__start_date",
    "meetings.AssociationAttendance": "meeting__start_date",
    "meetings.InstitutionAttendance": "meeting__start_date",
    "meetings.SiteVisitStop": "visit__date",
    "meetings.SiteVisitStopPhoto": "stop__visit__date",
}


@pytest.mark.parametrize("label", DATED_BY_PARENT)
def test_parts_of_a_meeting_are_browsable_by_its_date(label, staff_client):
    model = apps.get_model(label)
    model_admin = admin.site.get_model_admin(model)
    assert model_admin.date_hierarchy == DATED_BY_PARENT[label]
    opts = model._meta
    response = staff_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert response.status_code == 200


def used_field_of_activity():
    field = factories.FieldOfActivityFactory()
    factories.AssociationFactory().fields_of_activity.add(field)
    return field


@pytest.mark.parametrize(
    ("make_used", "make_unused"),
    [
        (lambda: factories.ProjectFactory().sector, factories.SectorFactory),
        (lambda: factories.RecommendationFactory().theme, factories.ThemeFactory),
        (used_field_of_activity, factories.FieldOfActivityFactory),
    ],
    ids=["sectors", "themes", "fields-of-activity"],
)
def test_name_lists_filter_the_names_in_use(make_used, make_unused, staff_client):
    used, unused = make_used(), make_unused()
    opts = used._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    in_use = list(staff_client.get(url, {"in_use": "yes"}).context["cl"].result_list)
    not_in_use = list(staff_client.get(url, {"in_use": "no"}).context["cl"].result_list)

    assert used in in_use and unused not in in_use
    assert unused in not_in_use and used not in not_in_use
