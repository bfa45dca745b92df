"""Staff work for their communes: the authorization matrix of the back office.

Four accounts: a superuser, a Guelmim staff member (the commune itself), a
Taroudant staff member (through the province of Taroudant) and a staff member
of no commune, all in the Council staff group. For every admin of a record
that belongs to a commune, each page (list, add, change, delete, history),
the autocomplete answers and the bulk actions answer as the matrix says; then
forms whose commune, meeting or association fields were tampered with are
refused and save nothing.
"""

import itertools
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from associations.memberships.services import decide
from associations.models import Association, FieldOfActivity, Membership
from meetings.models import (
    AssociationAttendance,
    Certificate,
    InstitutionAttendance,
    Meeting,
    MeetingPhoto,
    MeetingSeries,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    SiteVisitStopPhoto,
    Speech,
    Workshop,
)
from petitions.models import (
    Petition,
    PetitionDocument,
    PetitionEvent,
    PetitionSettings,
    PetitionSignature,
)
from portal import scope
from portal.admin import CommuneScopedAdmin, ScopedChoices
from portal.models import Commune, Institution, OutgoingEmail, Person, StaffScope
from projects.models import (
    Comment,
    CommentReport,
    DevelopmentPlan,
    Project,
    ProjectDocument,
    ProjectPhoto,
    ProjectUpdate,
    Sector,
)
from recommendations.models import Recommendation, RecommendationUpdate, Theme
from tests import factories
from tests.helpers import admin_form_data, page_errors

YEARS = itertools.count(2000)
SHARAKA_APPS = ("portal", "associations", "meetings", "projects", "recommendations", "petitions")
USERS = ("superuser", "guelmim", "taroudant", "nowhere")


def makers(commune):
    """A row of every model that belongs to a commune, made in ``commune``."""

    def meeting():
        return factories.MeetingFactory(commune=commune)

    def project():
        return factories.ProjectFactory(commune=commune)

    def association():
        return factories.AssociationFactory(commune=commune)

    def stop():
        visit = factories.SiteVisitFactory(meeting=meeting())
        return factories.SiteVisitStopFactory(visit=visit, project=project())

    def comment():
        return factories.CommentFactory(project=project(), association=association())

    def petition():
        return factories.PetitionFactory(commune=commune)

    return {
        Commune: lambda: commune,
        Institution: lambda: factories.InstitutionFactory(commune=commune),
        Person: lambda: factories.PersonFactory(commune=commune),
        Association: association,
        Membership: lambda: factories.MembershipFactory(association=association()),
        MeetingSeries: lambda: factories.MeetingSeriesFactory(commune=commune),
        Meeting: meeting,
        MeetingPhoto: lambda: factories.MeetingPhotoFactory(meeting=meeting()),
        Session: lambda: factories.SessionFactory(meeting=meeting()),
        Speech: lambda: factories.SpeechFactory(meeting=meeting()),
        Presentation: lambda: factories.PresentationFactory(meeting=meeting()),
        Workshop: lambda: factories.WorkshopFactory(meeting=meeting()),
        AssociationAttendance: lambda: factories.AssociationAttendanceFactory(
            meeting=meeting(), association=association()
        ),
        InstitutionAttendance: lambda: factories.InstitutionAttendanceFactory(meeting=meeting()),
        SiteVisit: lambda: factories.SiteVisitFactory(meeting=meeting()),
        SiteVisitStop: stop,
        SiteVisitStopPhoto: lambda: factories.SiteVisitStopPhotoFactory(stop=stop()),
        Certificate: lambda: factories.CertificateFactory(
            meeting=meeting(), recipient_association=association()
        ),
        DevelopmentPlan: lambda: factories.DevelopmentPlanFactory(
            commune=commune, start_year=(year := next(YEARS)), end_year=year + 5
        ),
        Project: project,
        ProjectPhoto: lambda: factories.ProjectPhotoFactory(project=project()),
        ProjectDocument: lambda: factories.ProjectDocumentFactory(project=project()),
        ProjectUpdate: lambda: factories.ProjectUpdateFactory(project=project()),
        Comment: comment,
        CommentReport: lambda: factories.CommentReportFactory(comment=comment()),
        Recommendation: lambda: factories.RecommendationFactory(meeting=meeting()),
        RecommendationUpdate: lambda: factories.RecommendationUpdateFactory(
            recommendation=factories.RecommendationFactory(meeting=meeting())
        ),
        Petition: petition,
        PetitionEvent: lambda: factories.PetitionEventFactory(petition=petition()),
        PetitionDocument: lambda: factories.PetitionDocumentFactory(petition=petition()),
        PetitionSignature: lambda: factories.PetitionSignatureFactory(petition=petition()),
        # One set of rules per commune: made once, found again.
        PetitionSettings: lambda: PetitionSettings.objects.get_or_create(commune=commune)[0],
    }


#: Lists every commune shares: staff see and choose them, superusers change them.
SHARED_LISTS = {FieldOfActivity: "fields", Sector: "sectors", Theme: "themes"}
SCOPED_MODELS = list(makers(None))


def label(model):
    return model._meta.label


def url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


@dataclass
class World:
    guelmim: Commune
    taroudant: Commune
    users: dict
    clients: dict


@pytest.fixture
def world(db):
    guelmim = factories.CommuneFactory(
        name_ar="كلميم", slug="guelmim", region_ar="كلميم واد نون", province_ar="كلميم"
    )
    taroudant = factories.CommuneFactory(
        name_ar="تارودانت",
        slug="taroudant",
        region_ar="سوس ماسة",
        province_ar="تارودانت",
        province_fr="Taroudant",
    )
    staff_group = Group.objects.get(name="Council staff")
    users = {"superuser": factories.UserFactory(is_staff=True, is_superuser=True)}
    for name in ("guelmim", "taroudant", "nowhere"):
        users[name] = factories.UserFactory(is_staff=True)
        users[name].groups.add(staff_group)
    factories.StaffScopeFactory(user=users["guelmim"], commune=guelmim)
    # Taroudant's staff work for its province, named in French.
    factories.StaffScopeFactory(
        user=users["taroudant"], level="province", commune=None, area="Taroudant"
    )
    clients = {}
    for name, user in users.items():
        clients[name] = Client()
        clients[name].force_login(user)
    return World(guelmim, taroudant, users, clients)


# --- the mechanism is everywhere ------------------------------------------------


def sharaka_admins():
    return [
        (model, model_admin)
        for model, model_admin in admin.site._registry.items()
        if model._meta.app_label in SHARAKA_APPS
    ]


def test_every_sharaka_admin_says_how_its_rows_reach_a_commune():
    for model, model_admin in sharaka_admins():
        assert isinstance(model_admin, CommuneScopedAdmin), label(model)
        path = model_admin.commune_path
        if model in SHARED_LISTS:
            assert path is None, label(model)
            continue
        assert path, label(model)
        if path != "pk":
            target = model
            for step in path.split("__"):
                target = target._meta.get_field(step).related_model
            assert target is Commune, f"{label(model)}: {path} leads to {target}"


def test_every_inline_limits_its_choices(superuser):
    request = type("Request", (), {"user": superuser})()
    for _model, model_admin in sharaka_admins():
        for inline in model_admin.get_inline_instances(request):
            assert isinstance(inline, ScopedChoices), type(inline).__name__


def test_scopes_name_communes_directly_or_by_province_or_region(world):
    regional = factories.StaffScopeFactory(
        level="region", commune=None, area="سوس ماسة", user__is_staff=True
    ).user
    other_taroudant_commune = factories.CommuneFactory(
        region_ar="سوس ماسة", province_ar="تارودانت", province_fr="Taroudant"
    )

    assert scope.commune_ids(world.users["guelmim"]) == {world.guelmim.pk}
    assert scope.commune_ids(world.users["taroudant"]) == {
        world.taroudant.pk,
        other_taroudant_commune.pk,
    }
    assert scope.commune_ids(regional) == {world.taroudant.pk, other_taroudant_commune.pk}
    assert scope.commune_ids(world.users["nowhere"]) == frozenset()
    assert scope.commune_ids(world.users["superuser"]) is None


def test_a_scope_naming_no_commune_is_refused_with_a_message(world):
    misspelt = StaffScope(user=world.users["nowhere"], level="province", area="Tarudant")

    with pytest.raises(Exception) as refused:
        misspelt.full_clean()

    assert "area" in refused.value.message_dict


# --- the matrix -------------------------------------------------------------------


@pytest.fixture
def rows(world):
    """For each scoped model, its row in Guelmim and its row in Taroudant."""

    def make(model):
        return makers(world.guelmim)[model](), makers(world.taroudant)[model]()

    return make


ADD_REFUSED_TO_ALL_STAFF = {Commune}  # superusers add communes
# They come from the public pages, or from the steps of a petition's procedure.
NO_ADD_PAGE = {Comment, CommentReport, PetitionEvent, PetitionSignature}
# A petition's steps and signatures stay: a signature is withdrawn by its signatory.
NO_DELETE_PAGE = {PetitionEvent, PetitionSignature}


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=label)
def test_lists_show_each_account_only_its_communes_rows(world, rows, model):
    in_guelmim, in_taroudant = rows(model)
    expected = {
        "superuser": {in_guelmim.pk, in_taroudant.pk},
        "guelmim": {in_guelmim.pk},
        "taroudant": {in_taroudant.pk},
        "nowhere": set(),
    }
    for who in USERS:
        response = world.clients[who].get(url(model, "changelist"))
        assert response.status_code == 200, who
        shown = {row.pk for row in response.context["cl"].result_list}
        assert shown & {in_guelmim.pk, in_taroudant.pk} == expected[who], who


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=label)
def test_add_page_only_for_accounts_that_work_for_a_commune(world, model):
    for who in USERS:
        if model in NO_ADD_PAGE:
            expected = 403
        elif model in ADD_REFUSED_TO_ALL_STAFF:
            expected = 200 if who == "superuser" else 403
        else:
            expected = 403 if who == "nowhere" else 200
        assert world.clients[who].get(url(model, "add")).status_code == expected, who


@pytest.mark.parametrize("page", ["change", "delete", "history"])
@pytest.mark.parametrize("model", SCOPED_MODELS, ids=label)
def test_another_communes_record_answers_404(world, rows, model, page):
    in_guelmim, _in_taroudant = rows(model)
    expected = {"superuser": 200, "guelmim": 200, "taroudant": 404, "nowhere": 404}
    if page == "delete" and model is Commune:
        expected["guelmim"] = 403  # only superusers remove a commune
    if page == "delete" and model in NO_DELETE_PAGE:
        expected.update(superuser=403, guelmim=403)
    for who in USERS:
        response = world.clients[who].get(url(model, page, in_guelmim.pk))
        assert response.status_code == expected[who], (who, page)


def test_a_missing_record_answers_404_too(world):
    response = world.clients["guelmim"].get(url(Meeting, "change", 999999))

    assert response.status_code == 404


# Only superusers delete communes at all (the matrix above).
@pytest.mark.parametrize("model", [m for m in SCOPED_MODELS if m is not Commune], ids=label)
def test_bulk_delete_leaves_another_communes_rows_alone(world, rows, model):
    in_guelmim, in_taroudant = rows(model)

    world.clients["taroudant"].post(
        url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [in_guelmim.pk], "post": "yes"},
    )

    assert model._default_manager.filter(pk=in_guelmim.pk).exists()
    assert model._default_manager.filter(pk=in_taroudant.pk).exists()


def autocomplete_sources():
    """(target model, source model, field name): one autocomplete field per target."""
    found = {}
    for model, model_admin in sharaka_admins():
        for name in model_admin.autocomplete_fields:
            target = model._meta.get_field(name).related_model
            found.setdefault(target, (model, name))
    return [(target, *source) for target, source in found.items()]


@pytest.mark.parametrize(
    ("target", "source", "field_name"),
    autocomplete_sources(),
    ids=lambda value: value._meta.label if hasattr(value, "_meta") else value,
)
def test_autocomplete_answers_only_the_accounts_communes(world, rows, target, source, field_name):
    in_guelmim, in_taroudant = rows(target)
    expected = {
        "superuser": {str(in_guelmim.pk), str(in_taroudant.pk)},
        "guelmim": {str(in_guelmim.pk)},
        "taroudant": {str(in_taroudant.pk)},
        "nowhere": set(),
    }
    query = {
        "app_label": source._meta.app_label,
        "model_name": source._meta.model_name,
        "field_name": field_name,
        "term": "",
    }
    for who in USERS:
        response = world.clients[who].get(reverse("admin:autocomplete"), query)
        assert response.status_code == 200, who
        answered = {item["id"] for item in response.json()["results"]}
        assert answered & {str(in_guelmim.pk), str(in_taroudant.pk)} == expected[who], who


@pytest.mark.parametrize("model", list(SHARED_LISTS), ids=label)
def test_shared_lists_are_seen_by_all_staff_and_changed_by_superusers(world, model):
    row = {
        FieldOfActivity: factories.FieldOfActivityFactory,
        Sector: factories.SectorFactory,
        Theme: factories.ThemeFactory,
    }[model]()
    for who in ("guelmim", "nowhere"):
        client = world.clients[who]
        page = client.get(url(model, "change", row.pk))
        assert page.status_code == 200 and not page.context["has_change_permission"], who
        assert client.post(url(model, "change", row.pk), {"name_ar": "x"}).status_code == 403
        assert client.get(url(model, "delete", row.pk)).status_code == 403
    assert world.clients["superuser"].get(url(model, "delete", row.pk)).status_code == 200
    # Bulk deletion by staff deletes nothing either.
    world.clients["guelmim"].post(
        url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    assert model._default_manager.filter(pk=row.pk).exists()


def test_staff_change_their_commune_but_not_what_decides_who_works_for_it(world):
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(Commune, "change", world.guelmim.pk)))
    data.update(website="https://guelmim.ma", province_ar="تارودانت", slug="elsewhere")

    response = client.post(url(Commune, "change", world.guelmim.pk), data)

    assert response.status_code == 302, page_errors(response)
    world.guelmim.refresh_from_db()
    assert world.guelmim.website == "https://guelmim.ma"
    assert (world.guelmim.province_ar, world.guelmim.slug) == ("كلميم", "guelmim")


# --- tampered forms ----------------------------------------------------------------


def meeting_add_data(commune, **extra):
    return {
        "kind": "outreach",
        "title_ar": "لقاء",
        "slug": "liqa",
        "commune": commune.pk,
        "start_date": "2024-05-10",
        "status": "held",
        **extra,
    }


def management(prefixes, data):
    for prefix in prefixes:
        data.setdefault(f"{prefix}-TOTAL_FORMS", "0")
        data.setdefault(f"{prefix}-INITIAL_FORMS", "0")
    return data


def test_a_meeting_cannot_be_created_in_another_commune(world):
    client = world.clients["guelmim"]
    page = client.get(url(Meeting, "add"))
    data = admin_form_data(page)
    data.update(meeting_add_data(world.taroudant))

    response = client.post(url(Meeting, "add"), data)

    assert response.status_code == 200
    assert "commune" in response.context["adminform"].form.errors
    assert not Meeting.objects.exists()


def test_the_same_meeting_is_created_in_the_staffs_own_commune(world):
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(Meeting, "add")))
    data.update(meeting_add_data(world.guelmim))

    response = client.post(url(Meeting, "add"), data)

    assert response.status_code == 302, page_errors(response)
    assert Meeting.objects.get().commune == world.guelmim


def test_the_add_page_starts_in_the_staffs_only_commune(world):
    page = world.clients["guelmim"].get(url(Meeting, "add"))

    assert page.context["adminform"].form.initial["commune"] == world.guelmim.pk


def test_a_meeting_cannot_be_moved_to_another_commune(world):
    meeting = factories.MeetingFactory(commune=world.guelmim)
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(Meeting, "change", meeting.pk)))
    data["commune"] = world.taroudant.pk

    response = client.post(url(Meeting, "change", meeting.pk), data)

    assert response.status_code == 200
    assert "commune" in response.context["adminform"].form.errors
    meeting.refresh_from_db()
    assert meeting.commune == world.guelmim


@pytest.mark.parametrize(
    ("model", "field", "make_foreign", "extra"),
    [
        (Session, "meeting", lambda w: factories.MeetingFactory(commune=w.taroudant), {}),
        (
            Certificate,
            "meeting",
            lambda w: factories.MeetingFactory(commune=w.taroudant),
            {"recipient_name": "X", "citation_ar": "شكر", "awarded_on": "2024-05-10"},
        ),
        (
            RecommendationUpdate,
            "recommendation",
            lambda w: factories.RecommendationFactory(
                meeting=factories.MeetingFactory(commune=w.taroudant)
            ),
            {"date": "2024-06-01", "status": "adopted", "note_ar": "ملاحظة"},
        ),
        (
            Membership,
            "association",
            lambda w: factories.AssociationFactory(commune=w.taroudant),
            {"role": "president", "status": "pending"},
        ),
        (
            Project,
            "commune",
            lambda w: w.taroudant,
            {"title_ar": "مشروع", "slug": "p", "status": "planned", "progress": "0"},
        ),
    ],
    ids=["session", "certificate", "follow-up", "membership", "project"],
)
def test_records_cannot_be_attached_to_another_communes_record(
    world, model, field, make_foreign, extra
):
    foreign = make_foreign(world)
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(model, "add")))
    data.update(extra)
    data[field] = foreign.pk
    if model is Membership:
        data["user"] = factories.UserFactory().pk
    if model is Project:
        data["sector"] = factories.SectorFactory().pk
    if model is Session:
        data.update(order="1", title_ar="جلسة")
    before = model._default_manager.count()

    response = client.post(url(model, "add"), data)

    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert model._default_manager.count() == before


def test_an_inline_row_cannot_name_another_communes_association(world):
    meeting = factories.MeetingFactory(commune=world.guelmim)
    foreign = factories.AssociationFactory(commune=world.taroudant)
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(Meeting, "change", meeting.pk)))
    data.update(
        {
            "association_attendance-TOTAL_FORMS": "1",
            "association_attendance-0-association": foreign.pk,
            "association_attendance-0-representatives": "1",
        }
    )

    response = client.post(url(Meeting, "change", meeting.pk), data)

    assert response.status_code == 200
    assert not AssociationAttendance.objects.exists()


def test_a_link_made_by_a_superuser_survives_a_staff_save(world):
    """A Taroudant partner linked by a superuser stays when Guelmim staff save the meeting."""
    meeting = factories.MeetingFactory(commune=world.guelmim)
    partner = factories.InstitutionFactory(commune=world.taroudant)
    meeting.partners.add(partner)
    client = world.clients["guelmim"]
    data = admin_form_data(client.get(url(Meeting, "change", meeting.pk)))
    data["venue_ar"] = "قاعة الاجتماعات"

    response = client.post(url(Meeting, "change", meeting.pk), data)

    assert response.status_code == 302, page_errors(response)
    assert list(meeting.partners.all()) == [partner]


@pytest.mark.parametrize(
    ("action", "make", "unchanged"),
    [
        (
            "approve_selected",
            lambda w: factories.MembershipFactory(
                association=factories.AssociationFactory(commune=w.guelmim)
            ),
            lambda row: row.status == Membership.Status.PENDING,
        ),
        (
            "hide_selected",
            lambda w: factories.CommentFactory(project=factories.ProjectFactory(commune=w.guelmim)),
            lambda row: not row.hidden,
        ),
        (
            "revoke_certificates",
            lambda w: factories.CertificateFactory(
                meeting=factories.MeetingFactory(commune=w.guelmim)
            ),
            lambda row: not row.revoked,
        ),
    ],
    ids=["membership-approval", "comment-moderation", "certificate-revocation"],
)
def test_bulk_decisions_skip_another_communes_rows(world, action, make, unchanged):
    row = make(world)
    changelist = url(type(row), "changelist")

    world.clients["taroudant"].post(changelist, {"action": action, "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert unchanged(row)

    world.clients["guelmim"].post(changelist, {"action": action, "_selected_action": [row.pk]})
    row.refresh_from_db()
    assert not unchanged(row)


def test_list_filters_offer_only_the_accounts_communes(world):
    # With a second commune to work for, the list offers a commune filter.
    second = factories.StaffScopeFactory(user=world.users["guelmim"]).commune

    response = world.clients["guelmim"].get(url(Meeting, "changelist"))

    offered = {
        choice["display"]
        for spec in response.context["cl"].filter_specs
        if spec.title == Meeting._meta.get_field("commune").verbose_name
        for choice in spec.choices(response.context["cl"])
    }
    assert {str(world.guelmim), str(second)} <= offered
    assert str(world.taroudant) not in offered


def test_form_choices_offer_only_the_accounts_communes(world):
    page = world.clients["taroudant"].get(url(Meeting, "add"))

    communes = page.context["adminform"].form.fields["commune"].queryset
    assert list(communes) == [world.taroudant]


def test_restoring_versions_is_for_superusers(world):
    meeting = factories.MeetingFactory(commune=world.guelmim)
    recover = url(Meeting, "recoverlist")

    assert world.clients["guelmim"].get(recover).status_code == 403
    assert world.clients["superuser"].get(recover).status_code == 200
    assert meeting.pk  # the meeting's own versions: tests/portal/test_history.py


@pytest.mark.parametrize("model", SCOPED_MODELS, ids=label)
def test_a_commune_accounts_lists_keep_their_number_of_queries(world, model):
    """Limited to a commune, a list makes as many queries for 1 row as for 5."""
    client = world.clients["guelmim"]
    make = makers(world.guelmim)[model]
    make()
    client.get(url(model, "changelist"))  # warm the per-process caches

    with CaptureQueriesContext(connection) as few:
        assert client.get(url(model, "changelist")).status_code == 200
    if model is not Commune:
        for _ in range(4):
            make()
    # The new rows change the list's cached count (portal.paging): warm it again.
    client.get(url(model, "changelist"))
    with CaptureQueriesContext(connection) as many:
        assert client.get(url(model, "changelist")).status_code == 200

    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)


def test_certificate_pdfs_the_back_offices_exports_follow_the_matrix(world):
    certificate = makers(world.guelmim)[Certificate]()
    single = reverse("admin:meetings_certificate_pdf", args=[certificate.pk])
    bundle = reverse("admin:meetings_certificate_meeting_pdf", args=[certificate.meeting.pk])
    expected = {"superuser": 200, "guelmim": 200, "taroudant": 404, "nowhere": 404}

    for who in USERS:
        for address in (single, bundle):
            assert world.clients[who].get(address).status_code == expected[who], (who, address)


def test_the_admins_view_on_site_address_is_limited_like_its_pages(world, settings):
    settings.SITE_URL = "https://sharaka.example.ma"
    meeting = makers(world.guelmim)[Meeting]()
    meeting.published = False
    meeting.save()
    content_type = ContentType.objects.get_for_model(Meeting)
    address = reverse("admin:view_on_site", args=[content_type.pk, meeting.pk])

    answers = {who: world.clients[who].get(address) for who in USERS}

    assert answers["guelmim"].status_code == 302
    assert (
        answers["guelmim"]["Location"] == f"https://sharaka.example.ma{meeting.get_absolute_url()}"
    )
    assert answers["superuser"].status_code == 302
    assert answers["taroudant"].status_code == 404
    assert answers["nowhere"].status_code == 404


# --- e-mails ----------------------------------------------------------------------


def test_staff_see_the_e_mails_about_their_communes_and_superusers_every_one(world):
    factories.OutgoingEmailFactory(commune=world.guelmim, subject="Guelmim")
    about_taroudant = factories.OutgoingEmailFactory(commune=world.taroudant, subject="Taroudant")
    account = factories.OutgoingEmailFactory(commune=None, subject="Confirm your address")
    url = reverse("admin:portal_outgoingemail_changelist")

    def listed(name):
        return {email.subject for email in world.clients[name].get(url).context["cl"].result_list}

    assert listed("guelmim") == {"Guelmim"}
    assert listed("taroudant") == {"Taroudant"}
    assert listed("superuser") == {"Guelmim", "Taroudant", "Confirm your address"}
    for email in (about_taroudant, account):
        change = reverse("admin:portal_outgoingemail_change", args=[email.pk])
        assert world.clients["guelmim"].get(change).status_code == 404


def test_a_notice_belongs_to_the_commune_of_its_record(world):
    membership = factories.MembershipFactory(association__commune=world.taroudant)
    decide(membership, Membership.Status.APPROVED, by=world.users["superuser"])
    assert OutgoingEmail.objects.get(to=membership.user.email).commune == world.taroudant
