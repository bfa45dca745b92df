"""manage.py load_demo: both seed meetings as records, safe to run again."""

import io
import math

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import translation

from associations.models import Association
from meetings.models import (
    AssociationAttendance,
    Certificate,
    Meeting,
    MeetingSeries,
    SiteVisit,
    Speech,
)
from petitions.models import Petition
from portal import scope
from portal.models import Commune, Person, StaffScope
from projects.models import Project
from recommendations.models import Recommendation

pytestmark = pytest.mark.django_db

ADMIN_PASSWORD = "admin-password-from-env"
STAFF_PASSWORD = "staff-password-from-env"
TAROUDANT_PASSWORD = "taroudant-password-from-env"

# The worksites as the Guelmim article lists them.
ARTICLE_STOPS = [
    "دار الشباب المسيرة",
    "الملعب الرياضي المسيرة",
    "كورنيش أم العشار",
    "تغطية أمان أوشن وبناء طريق عليه",
    "الطرق المدارية",
    "مركز تصفية الدم",
    "واحة الرياضات",
    "حلبة ألعاب القوى",
    "القاعة المغطاة",
    "المسبح المغطى",
    "حديقة التواغيل",
    "الخزانة الوسائطية",
    "المعهد العالي للفندقة و السياحة",
    "المركز الجامعي",
    "مركز الاستقبال و الندوات",
]


@pytest.fixture
def passwords_in_env(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", ADMIN_PASSWORD)
    monkeypatch.setenv("DEMO_STAFF_PASSWORD", STAFF_PASSWORD)
    monkeypatch.setenv("DEMO_TAROUDANT_PASSWORD", TAROUDANT_PASSWORD)


def load_demo(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo(passwords_in_env):
    return load_demo()


def guelmim_meeting() -> Meeting:
    return Meeting.objects.get(commune__slug="guelmim", kind=Meeting.Kind.OUTREACH)


def taroudant_forum() -> Meeting:
    return Meeting.objects.get(commune__slug="taroudant", edition=2)


def row_counts() -> dict:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def distance_km(lat1, lng1, lat2, lng2) -> float:
    lat1, lng1, lat2, lng2 = map(math.radians, map(float, (lat1, lng1, lat2, lng2)))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 6371 * 2 * math.asin(math.sqrt(a))


# --- idempotence ------------------------------------------------------------


def test_running_twice_leaves_the_same_row_counts_for_every_model(demo):
    first = row_counts()
    load_demo()
    assert row_counts() == first
    assert first["meetings.Meeting"] == 3
    assert first["projects.Project"] == 19
    assert first["meetings.SiteVisitStop"] == 15
    assert first["meetings.Certificate"] == 4


def test_running_again_keeps_certificate_codes_and_serials(demo):
    before = set(Certificate.objects.values_list("code", "serial_year", "serial_number"))
    load_demo()
    assert set(Certificate.objects.values_list("code", "serial_year", "serial_number")) == before


def test_running_again_restores_an_edited_demo_record(demo):
    project = Project.objects.get(slug="guelmim-mediatheque")
    project.title_fr = "Titre modifié"
    project.save()
    load_demo()
    project.refresh_from_db()
    assert project.title_fr == "Médiathèque"


# --- Guelmim ----------------------------------------------------------------


def test_guelmim_commune_is_in_guelmim_oued_noun(demo):
    commune = Commune.objects.get(slug="guelmim")
    assert "كلميم واد نون" in commune.region_ar
    assert "Guelmim-Es Semara" in commune.region_fr
    assert distance_km(commune.latitude, commune.longitude, 28.983, -10.067) < 1


def test_guelmim_visit_has_fifteen_stops_in_the_articles_order(demo):
    visit = SiteVisit.objects.get(meeting=guelmim_meeting())
    titles = [stop.project.title_ar for stop in visit.stops.order_by("order")]
    assert titles == ARTICLE_STOPS
    assert list(visit.stops.values_list("order", flat=True)) == list(range(1, 16))


def test_guelmim_worksites_belong_to_the_2010_2015_plan(demo):
    visit = SiteVisit.objects.get(meeting=guelmim_meeting())
    for stop in visit.stops.select_related("project__plan"):
        assert (stop.project.plan.start_year, stop.project.plan.end_year) == (2010, 2015)
        assert stop.project.plan.kind == "pcd"


def test_guelmim_projects_are_distinct_points_inside_the_city(demo):
    projects = Project.objects.filter(commune__slug="guelmim")
    points = [(p.latitude, p.longitude) for p in projects]
    assert len(set(points)) == len(points) == 19
    for project in projects:
        assert distance_km(project.latitude, project.longitude, 28.983, -10.067) < 3, project.slug
        assert project.slug.isascii() and project.slug.startswith("guelmim-")


def test_each_guelmim_project_has_a_dated_timeline_ending_at_its_status(demo):
    for project in Project.objects.filter(commune__slug="guelmim"):
        updates = list(project.updates.order_by("date"))
        assert len(updates) >= 2, project.slug
        assert updates[-1].progress == project.progress
        assert updates[-1].status == project.status
        assert all("توضيحي" in update.body_ar for update in updates)


def test_guelmim_meeting_is_a_held_outreach_meeting_with_the_articles_slogan(demo):
    meeting = guelmim_meeting()
    assert meeting.status == Meeting.Status.HELD
    assert meeting.slogan_ar == "المجتمع المدني شريك أساسي في التنمية المحلية المستدامة"
    assert meeting.venue_ar.startswith("مركز الاستقبال و الندوات")
    assert meeting.start_date.year == 2012
    assert [i.name_ar for i in meeting.organisers.all()] == ["المجلس البلدي لكلميم"]


def test_guelmim_meeting_has_speeches_by_the_wali_and_both_presidents(demo):
    speeches = guelmim_meeting().speeches.exclude(kind=Speech.Kind.INTERVENTION)
    speakers = [speech.speaker for speech in speeches.order_by("order")]
    assert [person.role_ar for person in speakers] == ["الوالي", "رئيس الجهة", "رئيس الجماعة"]
    assert [person.full_name_ar for person in speakers] == [
        "والي جهة كلميم السمارة",
        "رئيس مجلس جهة كلميم السمارة",
        "رئيس المجلس البلدي لكلميم",
    ]


def test_guelmim_meeting_has_four_presentations_with_institution_and_projects(demo):
    presentations = list(guelmim_meeting().presentations.order_by("order"))
    assert [p.title_ar for p in presentations] == [
        "مشروع المدينة",
        "مشروع وقاية المدينة من الفيضانات",
        "التطهير السائل وصرف مياه الأمطار",
        "مشروع تهيئة شارع محمد السادس",
    ]
    assert [p.institution.name_ar for p in presentations] == [
        "الوكالة الحضرية لجهة كلميم السمارة",
        "وكالة الحوض المائي سوس ماسة درعة",
        "المكتب الوطني للكهرباء والماء الصالح للشرب – قطاع الماء",
        "قسم التعمير و التصاميم – بلدية كلميم",
    ]
    for presentation in presentations:
        assert presentation.presenters.exists()
        assert presentation.related_projects.published().exists()
    assert presentations[0].presenters.count() == 2  # the director and the study engineer
    assert (
        presentations[3].related_projects.filter(title_ar="مشروع تهيئة شارع محمد السادس").exists()
    )


def test_guelmim_meeting_has_three_recommendations_to_the_council(demo):
    recommendations = list(guelmim_meeting().recommendations.order_by("order"))
    assert len(recommendations) == 3
    assert "ميثاقا اجتماعيا و أخلاقيا" in recommendations[0].title_ar
    assert "الفنانين و الفنانات" in recommendations[1].title_ar
    assert "آليات التواصل الايجابي" in recommendations[2].title_ar
    for recommendation in recommendations:
        assert recommendation.addressed_to.name_ar == "المجلس البلدي لكلميم"
        assert recommendation.theme is not None


def test_guelmim_follow_ups_move_the_status_and_say_they_are_illustrative(demo):
    first, second, third = guelmim_meeting().recommendations.order_by("order")
    assert first.status == Recommendation.Status.IN_PROGRESS
    assert second.status == Recommendation.Status.IMPLEMENTED
    assert third.status == Recommendation.Status.ADOPTED
    notes = [u.note_ar for r in (first, second) for u in r.updates.all()]
    assert len(notes) == 3
    assert all("توضيحية" in note for note in notes)


def test_guelmim_certificates_are_numbered_and_signed(demo):
    certificates = Certificate.objects.filter(meeting=guelmim_meeting())
    assert certificates.count() == 4
    assert {c.serial for c in certificates} == {f"2012/{n:04d}" for n in range(1, 5)}
    for certificate in certificates:
        assert certificate.signatory.role_ar == "رئيس الجماعة"
        assert certificate.citation_ar.startswith("عربون وفاء")
        assert certificate.citation_en and certificate.citation_fr


# --- Taroudant --------------------------------------------------------------


def test_taroudant_forum_is_the_second_edition_of_its_series(demo):
    forum = taroudant_forum()
    series = MeetingSeries.objects.get(slug="taroudant-associations-forum")
    assert forum.series == series
    assert forum.kind == Meeting.Kind.FORUM
    assert forum.start_date.year == 2009
    assert forum.slogan_ar == "التراث البيئة و التواصل: من أجل مواطنة مستدامة"
    assert sorted(series.meetings.values_list("edition", flat=True)) == [1, 2]
    romans = forum.partners.get()
    assert (romans.kind, romans.country) == ("twin_city", "France")


def test_taroudant_forum_has_three_workshops_and_a_session_chaired_by_undp(demo):
    forum = taroudant_forum()
    assert forum.workshops.count() == 3
    session = forum.sessions.get(order=1)
    assert session.chair.full_name_ar == "امانويل دو كاسترلي"
    assert session.chair.institution.acronym == "UNDP"
    assert "سابقا" in session.chair.role_ar
    reporters = session.speeches.filter(kind=Speech.Kind.REPORT).order_by("order")
    assert [s.speaker.full_name_ar for s in reporters] == ["مصطفى المرتقي", "Yann Crespel"]


def test_taroudant_forum_opens_and_closes_with_the_council_president(demo):
    speeches = list(taroudant_forum().speeches.order_by("order"))
    president = "مصطفى المتوكل الساحلي"
    assert (speeches[0].kind, speeches[0].speaker.full_name_ar) == ("welcome", president)
    assert speeches[1].speaker.full_name_ar == "لطيفة الشاي"
    assert (speeches[-1].kind, speeches[-1].speaker.full_name_ar) == ("closing", president)


def test_taroudant_recommendations_include_the_electronic_portal(demo):
    recommendations = list(taroudant_forum().recommendations.order_by("order"))
    assert len(recommendations) == 3
    portal = recommendations[2]
    assert "بوابة الكترونية" in portal.title_ar
    # The first session's discussion concluded them; the article names no workshop.
    assert {(r.session.order, r.workshop) for r in recommendations} == {(1, None)}


# --- illustrative flags, publication, languages -----------------------------


def test_records_that_fill_gaps_in_the_articles_are_flagged_illustrative(demo):
    assert guelmim_meeting().illustrative
    assert "توضيحي" in guelmim_meeting().summary_ar
    first_edition = Meeting.objects.get(series__slug="taroudant-associations-forum", edition=1)
    assert first_edition.illustrative and "توضيحي" in first_edition.summary_ar
    assert not Association.objects.filter(illustrative=False).exists()
    assert not Certificate.objects.filter(illustrative=False).exists()
    assert not AssociationAttendance.objects.filter(illustrative=False).exists()
    interventions = Speech.objects.filter(kind=Speech.Kind.INTERVENTION)
    assert interventions.count() == 3
    assert all(s.illustrative and s.association for s in interventions)
    # The worksites' places, states and dates, and where the followed-up
    # recommendations stand, are examples.
    assert not Project.objects.filter(illustrative=False).exists()
    followed_up = Recommendation.objects.filter(updates__isnull=False).distinct()
    assert followed_up.exists() and not followed_up.filter(illustrative=False).exists()
    # What the articles do say is not flagged.
    assert not Speech.objects.exclude(kind=Speech.Kind.INTERVENTION).filter(illustrative=True)
    assert not Recommendation.objects.filter(updates__isnull=True, illustrative=True).exists()
    assert not Person.objects.filter(illustrative=True).exists()


def test_every_demo_record_is_published(demo):
    assert Meeting.objects.published().count() == Meeting.objects.count() == 3
    assert Project.objects.published().count() == Project.objects.count()
    assert Association.objects.published().count() == Association.objects.count()
    assert Recommendation.objects.published().count() == Recommendation.objects.count() == 6


def test_content_is_written_in_arabic_french_and_english(demo):
    for model, name in [
        (Meeting, "title"),
        (Meeting, "summary"),
        (Project, "title"),
        (Project, "description"),
        (Recommendation, "title"),
        (Speech, "summary"),
        (Person, "role"),
    ]:
        for language in ("ar", "fr", "en"):
            assert not model.objects.filter(**{f"{name}_{language}": ""}).exists(), (
                model,
                name,
                language,
            )


def test_loading_with_french_active_still_writes_arabic_where_the_services_write(
    passwords_in_env,
):
    with translation.override("fr"):
        load_demo()
    certificate = Certificate.objects.filter(meeting=guelmim_meeting()).first()
    assert certificate.citation_ar.startswith("عربون وفاء")
    assert certificate.citation_fr.startswith("En gage")
    follow_up = guelmim_meeting().recommendations.get(order=1).updates.first()
    assert follow_up.note_ar.startswith("(متابعة توضيحية)")


# --- accounts ---------------------------------------------------------------


def test_demo_staff_is_staff_in_the_council_group_but_not_superuser(demo):
    staff = get_user_model().objects.get(username="demo-staff")
    assert staff.is_staff and not staff.is_superuser
    assert list(staff.groups.values_list("name", flat=True)) == ["Council staff"]
    assert staff.check_password(STAFF_PASSWORD)


def test_demo_admin_is_a_superuser(demo):
    admin = get_user_model().objects.get(username="demo-admin")
    assert admin.is_staff and admin.is_superuser
    assert admin.check_password(ADMIN_PASSWORD)


def test_both_accounts_have_a_verified_primary_email_for_allauth(demo):
    for username in ("demo-admin", "demo-staff"):
        user = get_user_model().objects.get(username=username)
        address = EmailAddress.objects.get(user=user)
        assert (address.email, address.verified, address.primary) == (user.email, True, True)


def test_second_run_does_not_reset_a_changed_password(demo):
    staff = get_user_model().objects.get(username="demo-staff")
    staff.set_password("changed by its owner")
    staff.save()
    out = load_demo()
    staff.refresh_from_db()
    assert staff.check_password("changed by its owner")
    assert "changed since the demo set it" in out
    assert "staff@sharaka.example (username demo-staff) password (changed" in out


def test_second_run_names_the_environment_password_again(demo):
    out = load_demo()
    assert "password (from DEMO_STAFF_PASSWORD)" in out
    assert "password (from DEMO_ADMIN_PASSWORD)" in out
    assert STAFF_PASSWORD not in out


def test_second_run_prints_the_default_passwords_while_they_are_unchanged(settings, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_TAROUDANT_PASSWORD", raising=False)
    settings.DEBUG = True
    load_demo()
    staff = get_user_model().objects.get(username="demo-staff")
    staff.set_password("changed by its owner")
    staff.save()

    out = load_demo()

    assert "admin@sharaka.example (username demo-admin) password sharaka-demo-admin" in out
    assert "sharaka-demo-staff" not in out


def test_reset_passwords_sets_them_again(demo):
    staff = get_user_model().objects.get(username="demo-staff")
    staff.set_password("changed by its owner")
    staff.save()
    load_demo("--reset-passwords")
    staff.refresh_from_db()
    assert staff.check_password(STAFF_PASSWORD)


def test_output_gives_the_admin_url_and_both_logins(demo):
    assert "/admin/" in demo
    assert "admin@sharaka.example" in demo and "staff@sharaka.example" in demo
    assert "DEMO_ADMIN_PASSWORD" in demo  # named, never echoed
    assert ADMIN_PASSWORD not in demo


def test_default_passwords_are_used_and_shown_with_debug_on(settings, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_TAROUDANT_PASSWORD", raising=False)
    settings.DEBUG = True
    out = load_demo()
    admin = get_user_model().objects.get(username="demo-admin")
    assert admin.check_password("sharaka-demo-admin")
    assert "sharaka-demo-admin" in out and "sharaka-demo-staff" in out


def test_default_passwords_are_refused_with_debug_off_and_nothing_is_loaded(settings, monkeypatch):
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_STAFF_PASSWORD", raising=False)
    monkeypatch.delenv("DEMO_TAROUDANT_PASSWORD", raising=False)
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEMO_ADMIN_PASSWORD"):
        load_demo()
    assert not Meeting.objects.exists()
    assert not get_user_model().objects.exists()


def test_demo_staff_logins_each_work_for_one_commune(demo):
    users = get_user_model().objects
    guelmim = Commune.objects.get(slug="guelmim")
    taroudant = Commune.objects.get(slug="taroudant")

    assert scope.commune_ids(users.get(username="demo-staff")) == {guelmim.pk}
    assert scope.commune_ids(users.get(username="demo-taroudant")) == {taroudant.pk}
    assert scope.commune_ids(users.get(username="demo-admin")) is None


def test_output_names_the_taroudant_login_with_its_username_and_password(settings, monkeypatch):
    for name in ("DEMO_ADMIN_PASSWORD", "DEMO_STAFF_PASSWORD", "DEMO_TAROUDANT_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    settings.DEBUG = True

    out = load_demo()

    line = next(line for line in out.splitlines() if "Taroudant only" in line)
    assert "username demo-taroudant" in line
    assert "password sharaka-demo-taroudant" in line


def test_loading_again_keeps_one_scope_per_staff_login(demo):
    load_demo()

    assert StaffScope.objects.filter(user__username="demo-taroudant").count() == 1


# --- petitions --------------------------------------------------------------


def test_guelmim_partnership_charter_petition_is_admissible_and_scheduled(demo):
    petition = Petition.objects.get(commune__slug="guelmim", filer_kind="association")
    assert "ميثاق الشراكة" in petition.title
    assert petition.status == Petition.Status.SCHEDULED
    assert petition.session and petition.committee
    assert list(petition.related_meetings.values_list("slug", flat=True)) == [
        "guelmim-civil-society-outreach-meeting"
    ]
    charter = Recommendation.objects.get(
        meeting__slug="guelmim-civil-society-outreach-meeting", order=1
    )
    assert list(petition.related_recommendations.all()) == [charter]
    assert [e.status for e in petition.events.order_by("date", "pk")][-2:] == [
        "admissible",
        "scheduled",
    ]


def test_taroudant_citizens_petition_gathers_real_signatures(demo):
    petition = Petition.objects.get(commune__slug="taroudant", status=Petition.Status.COLLECTING)
    assert petition.filer_kind == Petition.FilerKind.CITIZENS
    # The stored count is the number of signature rows, short of the minimum.
    assert petition.signature_count == petition.signatures.count() == 37
    assert petition.signature_count < petition.required_signatures
    assert len(set(petition.signatures.values_list("full_name", flat=True))) == 37
    signatory = petition.signatures.select_related("user").first().user
    assert not signatory.has_usable_password()
    assert EmailAddress.objects.get(user=signatory).verified


def test_one_petition_is_inadmissible_with_its_reasons_and_one_is_overdue(demo):
    refused = Petition.objects.get(status=Petition.Status.INADMISSIBLE)
    assert "113.14" in refused.decision_reasons
    assert refused.decided_on <= refused.due_on
    assert [p.title for p in Petition.objects.overdue()] == [
        Petition.objects.get(commune__slug="guelmim", status=Petition.Status.UNDER_REVIEW).title
    ]


def test_loading_again_keeps_the_signatures_and_their_count(demo):
    load_demo()
    petition = Petition.objects.get(status=Petition.Status.COLLECTING)
    assert petition.signature_count == petition.signatures.count() == 37
    assert (
        get_user_model().objects.filter(username__startswith="demo-signatory-").count() == 37 + 212
    )
