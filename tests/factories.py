"""Factories for every model: tests build the rows they need, nothing more."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from associations.models import Association, FieldOfActivity, Membership
from meetings.models import (
    AssociationAttendance,
    Certificate,
    InstitutionAttendance,
    Meeting,
    MeetingSeries,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    Speech,
    Workshop,
)
from portal.models import Commune, Institution, Person, StaffScope
from projects.models import Comment, DevelopmentPlan, Project, ProjectUpdate, Sector
from recommendations.models import Recommendation, RecommendationUpdate, Theme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "correct horse battery")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


#: The region of every commune the factories make (unless a test says otherwise).
FACTORY_REGION = "كلميم واد نون"


class CommuneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commune

    name_ar = factory.Sequence(lambda n: f"جماعة {n}")
    name_fr = factory.Sequence(lambda n: f"Commune {n}")
    slug = factory.Sequence(lambda n: f"commune-{n}")
    region_ar = FACTORY_REGION
    latitude = Decimal("28.983000")
    longitude = Decimal("-10.067000")


class StaffScopeFactory(factory.django.DjangoModelFactory):
    """A commune a staff account works for (``level="region", area=…`` for a region)."""

    class Meta:
        model = StaffScope

    user = factory.SubFactory(UserFactory, is_staff=True)
    level = StaffScope.Level.COMMUNE
    commune = factory.Maybe(
        factory.LazyAttribute(lambda o: o.level == StaffScope.Level.COMMUNE),
        yes_declaration=factory.SubFactory(CommuneFactory),
        no_declaration=None,
    )
    area = ""


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    name_ar = factory.Sequence(lambda n: f"مؤسسة {n}")
    name_fr = factory.Sequence(lambda n: f"Institution {n}")
    kind = Institution.Kind.AGENCY


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    full_name_ar = factory.Sequence(lambda n: f"شخص {n}")
    full_name_fr = factory.Sequence(lambda n: f"Personne {n}")
    role_ar = "رئيس المجلس"
    institution = factory.SubFactory(InstitutionFactory)


class FieldOfActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FieldOfActivity

    name_ar = factory.Sequence(lambda n: f"مجال {n}")
    slug = factory.Sequence(lambda n: f"field-{n}")


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Association

    name_ar = factory.Sequence(lambda n: f"جمعية {n}")
    name_fr = factory.Sequence(lambda n: f"Association {n}")
    slug = factory.Sequence(lambda n: f"association-{n}")
    commune = factory.SubFactory(CommuneFactory)
    published = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Sector

    name_ar = factory.Sequence(lambda n: f"قطاع {n}")
    name_fr = factory.Sequence(lambda n: f"Secteur {n}")
    slug = factory.Sequence(lambda n: f"sector-{n}")


class DevelopmentPlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DevelopmentPlan

    commune = factory.SubFactory(CommuneFactory)
    kind = DevelopmentPlan.Kind.PCD
    title_ar = "المخطط الجماعي للتنمية"
    start_year = 2010
    end_year = 2015


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    commune = factory.SubFactory(CommuneFactory)
    sector = factory.SubFactory(SectorFactory)
    title_ar = factory.Sequence(lambda n: f"مشروع {n}")
    title_fr = factory.Sequence(lambda n: f"Projet {n}")
    slug = factory.Sequence(lambda n: f"project-{n}")
    status = Project.Status.IN_PROGRESS
    progress = 40
    budget = Decimal("1500000.00")
    latitude = Decimal("28.980000")
    longitude = Decimal("-10.060000")
    published = True


class ProjectUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectUpdate

    project = factory.SubFactory(ProjectFactory)
    date = datetime.date(2024, 1, 15)
    title_ar = "تقدم الأشغال"


class MeetingSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingSeries

    commune = factory.SubFactory(CommuneFactory)
    title_ar = factory.Sequence(lambda n: f"منتدى الجمعيات {n}")
    slug = factory.Sequence(lambda n: f"series-{n}")


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    kind = Meeting.Kind.OUTREACH
    commune = factory.SubFactory(CommuneFactory)
    title_ar = factory.Sequence(lambda n: f"لقاء تواصلي {n}")
    title_fr = factory.Sequence(lambda n: f"Rencontre {n}")
    slug = factory.Sequence(lambda n: f"meeting-{n}")
    start_date = datetime.date(2024, 5, 10)
    status = Meeting.Status.HELD
    published = True


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    meeting = factory.SubFactory(MeetingFactory)
    order = factory.Sequence(lambda n: n + 1)
    title_ar = "الجلسة الأولى"


class SpeechFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Speech

    meeting = factory.SubFactory(MeetingFactory)
    speaker = factory.SubFactory(PersonFactory)
    kind = Speech.Kind.OPENING


class PresentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Presentation

    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"عرض {n}")
    institution = factory.SubFactory(InstitutionFactory)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    meeting = factory.SubFactory(MeetingFactory)
    theme_ar = factory.Sequence(lambda n: f"ورشة {n}")


class AssociationAttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AssociationAttendance

    meeting = factory.SubFactory(MeetingFactory)
    association = factory.SubFactory(AssociationFactory)


class InstitutionAttendanceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InstitutionAttendance

    meeting = factory.SubFactory(MeetingFactory)
    institution = factory.SubFactory(InstitutionFactory)


class SiteVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisit

    meeting = factory.SubFactory(MeetingFactory)
    commune = factory.SelfAttribute("meeting.commune")
    title_ar = "زيارة ميدانية"
    date = factory.SelfAttribute("meeting.start_date")


class SiteVisitStopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisitStop

    visit = factory.SubFactory(SiteVisitFactory)
    order = factory.Sequence(lambda n: n + 1)
    project = factory.SubFactory(ProjectFactory)


class CertificateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Certificate

    meeting = factory.SubFactory(MeetingFactory)
    commune = factory.SelfAttribute("meeting.commune")
    recipient_association = factory.SubFactory(AssociationFactory)
    citation_ar = "عربون وفاء وإخلاص للعمل التشاركي"
    awarded_on = datetime.date(2024, 5, 10)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name_ar = factory.Sequence(lambda n: f"محور {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


class RecommendationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Recommendation

    meeting = factory.SubFactory(MeetingFactory)
    title_ar = factory.Sequence(lambda n: f"توصية {n}")
    title_fr = factory.Sequence(lambda n: f"Recommandation {n}")
    addressed_to = factory.SubFactory(InstitutionFactory)
    theme = factory.SubFactory(ThemeFactory)
    published = True


class RecommendationUpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RecommendationUpdate

    recommendation = factory.SubFactory(RecommendationFactory)
    date = datetime.date(2024, 6, 1)
    status = Recommendation.Status.ADOPTED
    note_ar = "تمت المصادقة"


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    project = factory.SubFactory(ProjectFactory)
    author = factory.SubFactory(UserFactory)
    association = factory.SubFactory(AssociationFactory)
    body = "تعليق"


class CommentReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.CommentReport"

    comment = factory.SubFactory(CommentFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = "abuse"


# --- admin branch: photos and documents (files are names only; nothing is opened) ---


class MeetingPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.MeetingPhoto"

    meeting = factory.SubFactory(MeetingFactory)
    image = factory.Sequence(lambda n: f"meetings/photos/photo-{n}.jpg")
    caption_ar = factory.Sequence(lambda n: f"صورة {n}")


class SiteVisitStopPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "meetings.SiteVisitStopPhoto"

    stop = factory.SubFactory(SiteVisitStopFactory)
    image = factory.Sequence(lambda n: f"meetings/visits/photo-{n}.jpg")


class ProjectPhotoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.ProjectPhoto"

    project = factory.SubFactory(ProjectFactory)
    image = factory.Sequence(lambda n: f"projects/photos/photo-{n}.jpg")


class ProjectDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "projects.ProjectDocument"

    project = factory.SubFactory(ProjectFactory)
    title_ar = factory.Sequence(lambda n: f"وثيقة {n}")
    file = factory.Sequence(lambda n: f"projects/documents/document-{n}.pdf")


class OutgoingEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "portal.OutgoingEmail"

    to = factory.Sequence(lambda n: f"member{n}@example.org")
    subject = factory.Sequence(lambda n: f"Notice {n}")
    body = "Hello."
    kind = "emails/comment_reply"
    language = "ar"
    commune = factory.SubFactory(CommuneFactory)


# --- petitions ---


class PetitionFactory(factory.django.DjangoModelFactory):
    """A citizens' petition open for signatures, unless told otherwise."""

    class Meta:
        model = "petitions.Petition"

    commune = factory.SubFactory(CommuneFactory)
    title = factory.Sequence(lambda n: f"عريضة رقم {n}")
    reasons = "أسباب العريضة"
    objectives = "أهداف العريضة"
    action_requested = "الإجراء المطلوب"
    filer_kind = "citizens"
    agent = factory.SubFactory(UserFactory)
    agent_name = "Agent Name"
    status = "collecting"
    required_signatures = 100


class PetitionEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "petitions.PetitionEvent"

    petition = factory.SubFactory(PetitionFactory)
    status = "collecting"
    date = datetime.date(2026, 1, 5)


class PetitionDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "petitions.PetitionDocument"

    petition = factory.SubFactory(PetitionFactory)
    title = factory.Sequence(lambda n: f"وثيقة {n}")
    file = factory.Sequence(lambda n: f"petitions/documents/document-{n}.pdf")


class PetitionSignatureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "petitions.PetitionSignature"

    petition = factory.SubFactory(PetitionFactory)
    user = factory.SubFactory(UserFactory)
    full_name = factory.Sequence(lambda n: f"Signatory Number{n}")
    tie = "residence"


class PetitionSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "petitions.PetitionSettings"

    commune = factory.SubFactory(CommuneFactory)
