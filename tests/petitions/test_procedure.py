"""Every step of the procedure, and every step refused where it does not start."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import translation

from petitions import services
from petitions.models import Petition, PetitionSettings, TransitionError
from tests import factories

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture(autouse=True)
def _english():
    """Refusals are read in English here; their translations are tested on the pages."""
    with translation.override("en"):
        yield


def filed(**kwargs) -> Petition:
    petition = factories.PetitionFactory(signature_count=100, **kwargs)
    services.file_petition(petition, petition.agent, D(2025, 11, 30))
    petition.refresh_from_db()
    return petition


def test_filing_gives_a_receipt_a_date_a_deadline_and_an_email():
    petition = filed()

    assert petition.status == Petition.Status.FILED
    assert petition.receipt_number == "2025/0001"
    assert petition.filed_on == D(2025, 11, 30)
    assert petition.due_on == D(2026, 2, 28)
    assert [event.status for event in petition.events.all()] == ["filed"]
    assert len(mail.outbox) == 1
    assert "2025/0001" in mail.outbox[0].subject
    assert f"/petitions/{petition.pk}/" in mail.outbox[0].body


def test_receipt_numbers_count_per_commune_and_per_year():
    commune, other = factories.CommuneFactory(), factories.CommuneFactory()
    numbers = []
    for when, where in [
        (D(2025, 3, 1), commune),
        (D(2025, 4, 1), commune),
        (D(2025, 4, 2), other),
        (D(2026, 1, 2), commune),
    ]:
        petition = factories.PetitionFactory(commune=where, signature_count=100)
        services.file_petition(petition, None, when)
        petition.refresh_from_db()
        numbers.append(petition.receipt_number)

    assert numbers == ["2025/0001", "2025/0002", "2025/0001", "2026/0001"]


def test_the_database_refuses_a_receipt_number_twice_in_a_commune_and_year():
    first = filed()
    second = factories.PetitionFactory(commune=first.commune)
    with pytest.raises(IntegrityError):
        Petition.objects.filter(pk=second.pk).update(
            receipt_year=first.receipt_year, receipt_sequence=first.receipt_sequence
        )


def test_a_citizens_petition_is_not_filed_without_its_signatures():
    petition = factories.PetitionFactory(signature_count=99, required_signatures=100)

    with pytest.raises(TransitionError, match="99 signatures; 100 are needed"):
        services.file_petition(petition, petition.agent, D(2026, 1, 5))

    petition.refresh_from_db()
    assert petition.status == Petition.Status.COLLECTING
    assert petition.receipt_number == ""
    assert not petition.events.exists()


def test_a_filed_petition_is_not_filed_again():
    petition = filed()
    with pytest.raises(TransitionError, match="already been filed"):
        services.file_petition(petition, None, D(2026, 1, 5))


def test_the_whole_road_of_an_admissible_petition():
    petition = filed()
    staff = factories.UserFactory(is_staff=True)

    services.apply_step(petition, "start_review", staff, D(2025, 12, 3))
    services.apply_step(petition, "admissible", staff, D(2026, 1, 20), text="Recevable.")
    petition.refresh_from_db()
    assert petition.decided_on == D(2026, 1, 20)
    assert petition.next_session(PetitionSettings.for_commune(petition.commune)) == D(2026, 2, 1)
    services.apply_step(
        petition, "schedule", staff, D(2026, 1, 21), session=D(2026, 2, 1), committee="Budget"
    )
    services.apply_step(petition, "discussed", staff, D(2026, 2, 4), text="Adopted.")
    services.apply_step(petition, "close", staff, D(2026, 2, 10))

    petition.refresh_from_db()
    assert petition.status == Petition.Status.CLOSED
    assert (petition.session, petition.committee) == (D(2026, 2, 1), "Budget")
    assert petition.outcome == "Adopted."
    assert petition.closed_on == D(2026, 2, 10)
    steps = list(petition.events.values_list("status", "date", "by"))
    assert steps == [
        ("filed", D(2025, 11, 30), petition.agent_id),
        ("under_review", D(2025, 12, 3), staff.pk),
        ("admissible", D(2026, 1, 20), staff.pk),
        ("scheduled", D(2026, 1, 21), staff.pk),
        ("discussed", D(2026, 2, 4), staff.pk),
        ("closed", D(2026, 2, 10), staff.pk),
    ]
    assert petition.deadline_text() == "answered in 51 days"
    # The receipt, then one e-mail per decision the agent is told of.
    assert len(mail.outbox) == 4


def test_an_inadmissible_petition_needs_its_reasons():
    petition = filed()

    with pytest.raises(TransitionError, match="reasons"):
        services.apply_step(petition, "inadmissible", None, D(2026, 1, 5), text="  ")
    petition.refresh_from_db()
    assert petition.status == Petition.Status.FILED

    services.apply_step(petition, "inadmissible", None, D(2026, 1, 5), text="Hors compétence.")
    petition.refresh_from_db()
    assert petition.status == Petition.Status.INADMISSIBLE
    assert petition.decision_reasons == "Hors compétence."
    assert "Hors compétence." in mail.outbox[-1].body


def test_the_database_refuses_an_inadmissible_petition_without_reasons():
    petition = filed()
    with pytest.raises(IntegrityError):
        Petition.objects.filter(pk=petition.pk).update(status="inadmissible")


def test_a_discussion_needs_its_outcome_and_a_schedule_its_committee():
    petition = filed()
    services.apply_step(petition, "admissible", None, D(2026, 1, 5))
    with pytest.raises(TransitionError, match="committee"):
        services.apply_step(petition, "schedule", None, D(2026, 1, 5), session=D(2026, 2, 1))
    services.apply_step(
        petition, "schedule", None, D(2026, 1, 5), session=D(2026, 2, 1), committee="Social"
    )
    with pytest.raises(TransitionError, match="outcome"):
        services.apply_step(petition, "discussed", None, D(2026, 2, 3), text="")


@pytest.mark.parametrize(
    ("status", "step"),
    [
        ("collecting", "start_review"),
        ("collecting", "admissible"),
        ("filed", "schedule"),
        ("filed", "discussed"),
        ("filed", "close"),
        ("under_review", "start_review"),
        ("admissible", "inadmissible"),
        ("admissible", "discussed"),
        ("scheduled", "admissible"),
        ("inadmissible", "admissible"),
        ("closed", "start_review"),
        ("closed", "close"),
    ],
)
def test_a_step_that_does_not_start_where_the_petition_stands_is_refused(status, step):
    petition = factories.PetitionFactory(
        status=status,
        filed_on=D(2026, 1, 1),
        decision_reasons="r" if status == "inadmissible" else "",
    )

    with pytest.raises(TransitionError):
        services.apply_step(
            petition,
            step,
            None,
            D(2026, 2, 1),
            text="text",
            session=D(2026, 5, 1),
            committee="c",
        )

    petition.refresh_from_db()
    assert petition.status == status
    assert not petition.events.exists()


def test_only_a_citizens_draft_opens_for_signatures():
    association = factories.AssociationFactory()
    draft = factories.PetitionFactory(
        status="draft", filer_kind="association", association=association
    )
    with pytest.raises(TransitionError):
        draft.open_for_signatures(None, D(2026, 1, 1))
    citizens = factories.PetitionFactory(status="draft")
    citizens.open_for_signatures(None, D(2026, 1, 1))
    assert citizens.status == "collecting"


def test_deadline_texts():
    petition = Petition(filed_on=D(2026, 1, 10), due_on=D(2026, 4, 10), status="filed")
    assert petition.deadline_text(D(2026, 3, 1)) == "answer due by 10 April 2026"
    assert petition.deadline_text(D(2026, 4, 15)) == "overdue by 5 days"
    petition.decided_on = D(2026, 1, 11)
    assert petition.deadline_text(D(2026, 4, 15)) == "answered in 1 day"


def test_signature_thresholds_follow_the_law_unless_the_commune_sets_its_own():
    rules = PetitionSettings(population=20_000)
    assert rules.required_signatures == 100
    rules.population = 35_000
    assert rules.required_signatures == 200
    rules.has_arrondissements = True
    assert rules.required_signatures == 400
    rules.minimum_signatures = 250
    assert rules.required_signatures == 250
    assert PetitionSettings().months == (2, 5, 10)


def test_reminders_go_to_the_communes_staff_two_weeks_before_once(settings):
    petition = filed()  # due on 28 February 2026
    staff = factories.UserFactory(is_staff=True, email="bureau@example.org")
    factories.StaffScopeFactory(user=staff, commune=petition.commune)
    factories.UserFactory(is_staff=True, email="elsewhere@example.org")
    mail.outbox.clear()

    assert services.send_reminders(D(2026, 2, 1)) == 0  # four weeks before
    assert services.send_reminders(D(2026, 2, 14)) == 1
    assert services.send_reminders(D(2026, 2, 15)) == 0  # remembered

    assert [message.to for message in mail.outbox] == [["bureau@example.org"]]
    assert "2025/0001" in mail.outbox[0].subject
    assert "/admin/petitions/petition/" in mail.outbox[0].body


def test_the_reminder_command_says_how_many_it_sent(capsys):
    call_command("send_petition_reminders")
    assert "petition reminders: 0" in capsys.readouterr().out
