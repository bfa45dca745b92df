"""Every admin list keeps the same number of SQL queries as its rows grow.

Parametrized over the admin registry: a newly registered admin fails
test_every_registered_model_has_a_row_maker until it is given a row maker
here, and is then measured like the others.
"""

import itertools

import pytest
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

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
from portal.models import Commune, Institution, OutgoingEmail, Person
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

User = get_user_model()
_numbers = itertools.count(1)


def _association():
    association = factories.AssociationFactory()
    association.fields_of_activity.add(factories.FieldOfActivityFactory())
    return association


def _meeting():
    return factories.MeetingFactory(series=factories.MeetingSeriesFactory(), edition=next(_numbers))


def _speech():
    meeting = factories.MeetingFactory()
    return factories.SpeechFactory(
        meeting=meeting,
        session=factories.SessionFactory(meeting=meeting),
        association=factories.AssociationFactory(),
    )


def _presentation():
    presentation = factories.PresentationFactory(slides="meetings/slides/s.pdf")
    presentation.presenters.add(factories.PersonFactory())
    presentation.related_projects.add(factories.ProjectFactory())
    return presentation


def _certificate():
    return factories.CertificateFactory(
        recipient_association=None,
        recipient_person=factories.PersonFactory(),
        signatory=factories.PersonFactory(),
        serial_year=2024,
        serial_number=next(_numbers),
    )


def _recommendation():
    meeting = factories.MeetingFactory()
    recommendation = factories.RecommendationFactory(
        meeting=meeting, workshop=factories.WorkshopFactory(meeting=meeting)
    )
    recommendation.related_projects.add(factories.ProjectFactory())
    recommendation.related_associations.add(factories.AssociationFactory())
    return recommendation


def _comment():
    parent = factories.CommentFactory()
    return factories.CommentFactory(project=parent.project, parent=parent)


def _project():
    project = factories.ProjectFactory(
        plan=factories.DevelopmentPlanFactory(),
        contracting_institution=factories.InstitutionFactory(),
    )
    project.funders.add(factories.InstitutionFactory())
    return project


def _user():
    user = factories.UserFactory()
    user.groups.add(Group.objects.get(name="Council staff"))
    return user


def _site():
    number = next(_numbers)
    return Site.objects.create(domain=f"site{number}.example.org", name=f"Site {number}")


def _email_address():
    user = factories.UserFactory()
    return EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


ROW_MAKERS = {
    Group: lambda: Group.objects.create(name=f"Group {next(_numbers)}"),
    User: _user,
    Site: _site,
    EmailAddress: _email_address,
    Commune: factories.CommuneFactory,
    Institution: lambda: factories.InstitutionFactory(commune=factories.CommuneFactory()),
    Person: lambda: factories.PersonFactory(commune=factories.CommuneFactory()),
    FieldOfActivity: factories.FieldOfActivityFactory,
    Association: _association,
    Membership: factories.MembershipFactory,
    Theme: factories.ThemeFactory,
    Recommendation: _recommendation,
    RecommendationUpdate: factories.RecommendationUpdateFactory,
    MeetingSeries: lambda: (
        factories.MeetingFactory(series=factories.MeetingSeriesFactory(), edition=1).series
    ),
    Meeting: _meeting,
    MeetingPhoto: factories.MeetingPhotoFactory,
    Session: lambda: factories.SessionFactory(chair=factories.PersonFactory()),
    Speech: _speech,
    Presentation: _presentation,
    Workshop: factories.WorkshopFactory,
    AssociationAttendance: factories.AssociationAttendanceFactory,
    InstitutionAttendance: factories.InstitutionAttendanceFactory,
    SiteVisit: lambda: factories.SiteVisitStopFactory().visit,
    SiteVisitStop: factories.SiteVisitStopFactory,
    SiteVisitStopPhoto: factories.SiteVisitStopPhotoFactory,
    Certificate: _certificate,
    DevelopmentPlan: factories.DevelopmentPlanFactory,
    Sector: factories.SectorFactory,
    Project: _project,
    ProjectPhoto: factories.ProjectPhotoFactory,
    ProjectDocument: factories.ProjectDocumentFactory,
    ProjectUpdate: factories.ProjectUpdateFactory,
    Comment: _comment,
    CommentReport: factories.CommentReportFactory,
    OutgoingEmail: factories.OutgoingEmailFactory,
    Petition: lambda: factories.PetitionFactory(
        commune=factories.CommuneFactory(), association=None
    ),
    PetitionEvent: factories.PetitionEventFactory,
    PetitionDocument: factories.PetitionDocumentFactory,
    PetitionSignature: factories.PetitionSignatureFactory,
    PetitionSettings: factories.PetitionSettingsFactory,
}

REGISTERED = list(admin.site._registry)


def changelist_url(model):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")


def test_every_registered_model_has_a_row_maker():
    missing = [model._meta.label for model in REGISTERED if model not in ROW_MAKERS]
    assert missing == []


@pytest.mark.parametrize("model", REGISTERED, ids=lambda model: model._meta.label)
def test_changelist_queries_do_not_grow_with_rows(admin_client_, model):
    make_row = ROW_MAKERS[model]
    url = changelist_url(model)
    make_row()
    admin_client_.get(url)  # warm the per-process caches (content types, site)

    cache.clear()  # the list's count is cached: compute it both times
    with CaptureQueriesContext(connection) as few:
        response = admin_client_.get(url)
    assert response.status_code == 200
    shown_before = response.context["cl"].result_count

    for _ in range(4):
        make_row()
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = admin_client_.get(url)

    assert response.status_code == 200
    shown_after = response.context["cl"].result_count
    assert shown_after == model._default_manager.count() >= shown_before + 4
    assert len(many) == len(few), "\n".join(query["sql"] for query in many.captured_queries)


def test_the_commune_filter_goes_down_from_regions_to_provinces_to_communes(admin_client_):
    def commune(name, region, province):
        return factories.CommuneFactory(name_ar=name, region_ar=region, province_ar=province)

    agadir = commune("أكادير", "سوس ماسة", "أكادير إداوتنان")
    taroudant = commune("تارودانت", "سوس ماسة", "تارودانت")
    guelmim = commune("كلميم", "كلميم واد نون", "كلميم")
    for place in (agadir, taroudant, guelmim):
        factories.ProjectFactory(commune=place)
    url = changelist_url(Project)

    def offered(query=""):
        response = admin_client_.get(url + query)
        spec = next(
            f
            for f in response.context["cl"].filter_specs
            if getattr(f, "parameter_name", "") == "commune_place"
        )
        choices = [c["display"] for c in spec.choices(response.context["cl"])][1:]
        return choices, {row.commune_id for row in response.context["cl"].result_list}

    regions, listed = offered()
    assert regions == ["سوس ماسة", "كلميم واد نون"]  # regions, not every commune
    assert listed == {agadir.pk, taroudant.pk, guelmim.pk}

    provinces, listed = offered("?commune_place=r:سوس ماسة")
    assert provinces == ["سوس ماسة", "· أكادير إداوتنان", "· تارودانت"]
    assert listed == {agadir.pk, taroudant.pk}

    communes, listed = offered("?commune_place=p:تارودانت")
    assert communes[1:] == ["تارودانت", "· تارودانت"]
    assert listed == {taroudant.pk}

    _, listed = offered(f"?commune_place=c:{guelmim.pk}")
    assert listed == {guelmim.pk}
