"""Turn the demo data into rows. Every loader can run again without duplicating.

Rows are found by their slug or natural key (``update_or_create``), ordered
children by (parent, order), many-to-many links are ``set()``. ``load_all``
runs them all in one transaction.
"""

import os
from dataclasses import dataclass, field

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import translation

from associations.models import Association, FieldOfActivity
from meetings.certificates.services import award_certificate
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
from petitions.deadlines import add_months
from petitions.models import Petition, PetitionEvent, PetitionSettings, PetitionSignature
from portal import languages
from portal.models import Commune, Institution, Person, StaffScope
from projects.models import DevelopmentPlan, Project, ProjectUpdate, Sector
from recommendations.models import Recommendation, Theme
from recommendations.services import record_update, sync_status

from . import T, accounts, common, guelmim, petitions, taroudant


def tr(name: str, text: T) -> dict:
    """``tr("title", T(...))`` → ``{"title_ar": …, "title_fr": …, "title_en": …}``."""
    return {f"{name}_{language}": getattr(text, language) for language in languages.codes()}


def joined(*texts: T) -> T:
    """Paragraphs of several texts, language by language."""
    return T(*("\n\n".join(getattr(text, lang) for text in texts) for lang in languages.codes()))


def aliases(row: dict) -> str:
    """A record's other spellings, one per line, as the admin's field holds them."""
    return "\n".join(row.get("aliases", ()))


@dataclass
class Lookups:
    fields: dict
    sectors: dict
    themes: dict


@dataclass
class Local:
    """What one commune's loaders need from each other, by the keys the data uses."""

    commune: Commune
    institutions: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)
    associations: dict = field(default_factory=dict)
    projects: dict = field(default_factory=dict)
    sessions: dict = field(default_factory=dict)
    workshops: dict = field(default_factory=dict)


# --- lookups shared by both communes ---------------------------------------


def load_lookups() -> Lookups:
    def named(model, rows):
        return {
            slug: model.objects.update_or_create(slug=slug, defaults=tr("name", name))[0]
            for slug, name in rows.items()
        }

    return Lookups(
        fields=named(FieldOfActivity, common.FIELDS_OF_ACTIVITY),
        sectors=named(Sector, common.SECTORS),
        themes=named(Theme, common.THEMES),
    )


# --- places, institutions, people, associations ---------------------------


def load_commune(data: dict) -> Commune:
    commune, _ = Commune.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **tr("name", data["name"]),
            **tr("region", data["region"]),
            **tr("province", data["province"]),
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "aliases": aliases(data),
        },
    )
    return commune


def load_institutions(local: Local, rows: list) -> None:
    for row in rows:
        local.institutions[row["key"]], _ = Institution.objects.update_or_create(
            name_ar=row["name"].ar,
            commune=local.commune if row.get("local") else None,
            defaults={
                **tr("name", row["name"]),
                "acronym": row.get("acronym", ""),
                "aliases": aliases(row),
                "kind": row["kind"],
                "country": row.get("country", ""),
            },
        )


def load_people(local: Local, rows: list) -> None:
    for row in rows:
        local.people[row["key"]], _ = Person.objects.update_or_create(
            full_name_ar=row["full_name"].ar,
            institution=local.institutions[row["institution"]],
            defaults={
                **tr("full_name", row["full_name"]),
                **tr("role", row["role"]),
                "commune": local.commune if row.get("local") else None,
                "aliases": aliases(row),
                "illustrative": False,
            },
        )


def load_associations(local: Local, rows: list, note: T, lookups: Lookups) -> None:
    for row in rows:
        association, _ = Association.objects.update_or_create(
            slug=row["slug"],
            defaults={
                **tr("name", row["name"]),
                **tr("description", joined(row["description"], note)),
                "aliases": aliases(row),
                "commune": local.commune,
                "illustrative": True,
                "verified": False,
                "published": True,
            },
        )
        association.fields_of_activity.set(lookups.fields[key] for key in row["fields"])
        local.associations[row["slug"]] = association


# --- development plan and projects ----------------------------------------


def load_plan(local: Local, data: dict) -> DevelopmentPlan:
    plan, _ = DevelopmentPlan.objects.update_or_create(
        commune=local.commune,
        kind=data["kind"],
        start_year=data["start_year"],
        defaults={
            **tr("title", data["title"]),
            **tr("description", data["description"]),
            "end_year": data["end_year"],
        },
    )
    return plan


def load_projects(local: Local, plan: DevelopmentPlan, data, lookups: Lookups) -> None:
    """A project's status and progress are those of its latest update.

    ``data`` is the commune's data module: its PROJECTS and the texts they share.
    """
    for row in data.PROJECTS:
        updates = row["updates"]
        _date, _step, status, progress = updates[-1]
        started = [date for date, step, *_ in updates if step in ("study", "start")]
        finished = [date for date, step, *_ in updates if step == "done"]
        latitude, longitude = row["point"]
        contracting = row.get("contracting")
        project, _ = Project.objects.update_or_create(
            slug=row["slug"],
            defaults={
                **tr("title", row["title"]),
                **tr("summary", row["summary"]),
                **tr(
                    "description",
                    joined(
                        row["summary"],
                        data.PROJECT_ORIGINS[row.get("origin", "visit")],
                        data.PROJECT_NOTE,
                    ),
                ),
                **tr("location_name", data.APPROXIMATE_PLACE),
                "aliases": aliases(row),
                "commune": local.commune,
                "plan": plan if row.get("in_plan", True) else None,
                "sector": lookups.sectors[row["sector"]],
                "status": status,
                "progress": progress,
                "start_date": min(started) if started else None,
                "end_date": max(finished) if finished else None,
                "latitude": latitude,
                "longitude": longitude,
                "contracting_institution": local.institutions[contracting] if contracting else None,
                "published": True,
                # The articles name the worksites and nothing else about them.
                "illustrative": True,
            },
        )
        load_project_updates(project, updates, data)
        local.projects[row["slug"]] = project


def load_project_updates(project: Project, updates: list, data) -> None:
    for date, step, status, progress in updates:
        title, body = data.UPDATE_STEPS[step]
        ProjectUpdate.objects.update_or_create(
            project=project,
            date=date,
            defaults={
                **tr("title", title),
                **tr("body", joined(body, data.UPDATE_NOTE)),
                "status": status,
                "progress": progress,
            },
        )


# --- meetings and what happens in them ------------------------------------


def load_series(local: Local, data: dict) -> MeetingSeries:
    series, _ = MeetingSeries.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **tr("title", data["title"]),
            **tr("description", data["description"]),
            "commune": local.commune,
        },
    )
    return series


def load_meeting(local: Local, data: dict, series: MeetingSeries | None = None) -> Meeting:
    meeting, _ = Meeting.objects.update_or_create(
        slug=data["slug"],
        defaults={
            **tr("title", data["title"]),
            **tr("slogan", data["slogan"]),
            **tr("venue", data["venue"]),
            **tr("summary", data["summary"]),
            **tr("report", data["report"]),
            "kind": data["kind"],
            "commune": local.commune,
            "series": series,
            "edition": data.get("edition"),
            "start_date": data["start_date"],
            "status": data["status"],
            "source": data["source"],
            "illustrative": data["illustrative"],
            "published": True,
        },
    )
    meeting.organisers.set(local.institutions[key] for key in data["organisers"])
    meeting.partners.set(local.institutions[key] for key in data["partners"])
    return meeting


def load_site_visit(local: Local, meeting: Meeting, data: dict) -> SiteVisit:
    visit, _ = SiteVisit.objects.update_or_create(
        meeting=meeting,
        commune=local.commune,
        defaults={
            **tr("title", data["title"]),
            **tr("notes", data["notes"]),
            "date": meeting.start_date,
        },
    )
    no_notes = T("", "", "")
    for order, slug in enumerate(data["stops"], start=1):
        SiteVisitStop.objects.update_or_create(
            visit=visit,
            order=order,
            defaults={
                "project": local.projects[slug],
                **tr("notes", data["stop_notes"].get(slug, no_notes)),
            },
        )
    return visit


def load_sessions(local: Local, meeting: Meeting, rows: list) -> None:
    for row in rows:
        local.sessions[row["order"]], _ = Session.objects.update_or_create(
            meeting=meeting,
            order=row["order"],
            defaults={
                **tr("title", row["title"]),
                **tr("summary", row["summary"]),
                "chair": local.people[row["chair"]],
            },
        )


def load_speeches(local: Local, meeting: Meeting, rows: list) -> None:
    for row in rows:
        Speech.objects.update_or_create(
            meeting=meeting,
            order=row["order"],
            defaults={
                **tr("title", row["title"]),
                **tr("summary", row["summary"]),
                "kind": row["kind"],
                "speaker": local.people[row["speaker"]] if "speaker" in row else None,
                "association": local.associations[row["association"]]
                if "association" in row
                else None,
                "session": local.sessions[row["session"]] if "session" in row else None,
                "illustrative": row.get("illustrative", False),
            },
        )


def load_presentations(local: Local, meeting: Meeting, rows: list) -> None:
    for row in rows:
        presentation, _ = Presentation.objects.update_or_create(
            meeting=meeting,
            order=row["order"],
            defaults={
                **tr("title", row["title"]),
                **tr("summary", row["summary"]),
                "institution": local.institutions[row["institution"]],
            },
        )
        presentation.presenters.set(local.people[key] for key in row["presenters"])
        presentation.related_projects.set(local.projects[slug] for slug in row["projects"])


def load_workshops(local: Local, meeting: Meeting, rows: list, theme_note: T) -> None:
    for row in rows:
        local.workshops[row["key"]], _ = Workshop.objects.update_or_create(
            meeting=meeting,
            order=row["order"],
            defaults={
                **tr("theme", row["theme"]),
                **tr("outcomes", joined(row["outcomes"], theme_note)),
            },
        )


def load_certificates(local: Local, meeting: Meeting, rows: list, citation: T, signatory) -> None:
    """Certificates get their code and serial from the service, once."""
    for row in rows:
        association = local.associations[row["association"]] if "association" in row else None
        name = row.get("name", "")
        certificate = Certificate.objects.filter(
            meeting=meeting,
            recipient_association=association,
            recipient_person=None,
            recipient_name=name,
        ).first()
        if certificate is None:
            award_certificate(
                meeting=meeting,
                citation=citation.ar,
                citation_fr=citation.fr,
                citation_en=citation.en,
                awarded_on=meeting.start_date,
                association=association,
                name=name,
                signatory=signatory,
                illustrative=True,
            )
        else:
            Certificate.objects.filter(pk=certificate.pk).update(
                **tr("citation", citation), signatory=signatory, illustrative=True
            )


def load_attendance(local: Local, meeting: Meeting, associations: list, institutions: list) -> None:
    for slug, representatives in associations:
        AssociationAttendance.objects.update_or_create(
            meeting=meeting,
            association=local.associations[slug],
            defaults={"representatives": representatives, "illustrative": True},
        )
    for key in institutions:
        InstitutionAttendance.objects.get_or_create(
            meeting=meeting, institution=local.institutions[key]
        )


def load_recommendations(local: Local, meeting: Meeting, rows: list, lookups: Lookups) -> None:
    """Follow-ups go through the service, which moves the status; each is added once."""
    for row in rows:
        recommendation, _ = Recommendation.objects.update_or_create(
            meeting=meeting,
            order=row["order"],
            defaults={
                **tr("title", row["title"]),
                **tr("text", row["text"]),
                "workshop": local.workshops[row["workshop"]] if "workshop" in row else None,
                "session": local.sessions[row["session"]] if "session" in row else None,
                "addressed_to": local.institutions[row["addressed_to"]],
                "theme": lookups.themes[row["theme"]],
                "priority": row["priority"],
                "status": row.get("status", Recommendation.Status.PROPOSED),
                "published": True,
                # Where it stands comes from follow-ups the articles do not report.
                "illustrative": bool(row.get("follow_ups")),
            },
        )
        recommendation.related_projects.set(
            local.projects[slug] for slug in row.get("projects", [])
        )
        recommendation.related_associations.set(
            local.associations[slug] for slug in row.get("associations", [])
        )
        for date, status, note in row.get("follow_ups", []):
            update = recommendation.updates.filter(date=date, status=status).first()
            if update is None:
                update = record_update(recommendation, date=date, status=status, note=note.ar)
            type(update).objects.filter(pk=update.pk).update(**tr("note", note))
        sync_status(recommendation)


# --- the two communes -----------------------------------------------------


def load_guelmim(lookups: Lookups) -> Meeting:
    data = guelmim
    local = Local(commune=load_commune(data.COMMUNE))
    load_institutions(local, data.INSTITUTIONS)
    load_people(local, data.PEOPLE)
    load_associations(local, data.ASSOCIATIONS, data.ASSOCIATION_NOTE, lookups)
    plan = load_plan(local, data.PLAN)
    load_projects(local, plan, data, lookups)
    meeting = load_meeting(local, data.MEETING)
    load_site_visit(local, meeting, data.SITE_VISIT)
    load_speeches(local, meeting, data.SPEECHES)
    load_presentations(local, meeting, data.PRESENTATIONS)
    load_certificates(
        local,
        meeting,
        data.CERTIFICATES,
        data.CERTIFICATE_CITATION,
        local.people[data.CERTIFICATE_SIGNATORY],
    )
    load_attendance(local, meeting, data.ATTENDING_ASSOCIATIONS, data.ATTENDING_INSTITUTIONS)
    load_recommendations(local, meeting, data.RECOMMENDATIONS, lookups)
    return meeting


def load_taroudant(lookups: Lookups) -> Meeting:
    data = taroudant
    local = Local(commune=load_commune(data.COMMUNE))
    load_institutions(local, data.INSTITUTIONS)
    load_people(local, data.PEOPLE)
    load_associations(local, data.ASSOCIATIONS, data.ASSOCIATION_NOTE, lookups)
    series = load_series(local, data.SERIES)
    load_meeting(local, data.FIRST_EDITION, series)
    forum = load_meeting(local, data.FORUM, series)
    load_sessions(local, forum, data.SESSIONS)
    load_speeches(local, forum, data.SPEECHES)
    load_workshops(local, forum, data.WORKSHOPS, data.WORKSHOP_THEME_NOTE)
    load_attendance(local, forum, data.ATTENDING_ASSOCIATIONS, data.ATTENDING_INSTITUTIONS)
    load_recommendations(local, forum, data.RECOMMENDATIONS, lookups)
    return forum


# --- petitions ---------------------------------------------------------------


def load_petitions() -> None:
    """The illustrative petitions, found again by commune and subject; their steps replaced."""
    communes = {
        commune.slug: commune for commune in Commune.objects.filter(slug__in=petitions.SETTINGS)
    }
    for slug, values in petitions.SETTINGS.items():
        PetitionSettings.objects.update_or_create(commune=communes[slug], defaults=values)
    for row in petitions.PETITIONS:
        commune = communes[row["commune"]]
        rules = PetitionSettings.for_commune(commune)
        filed_on = row.get("filed_on")
        year, sequence = row.get("receipt", (None, None))
        petition, _ = Petition.objects.update_or_create(
            commune=commune,
            title=row["title"],
            defaults={
                "reasons": row["reasons"],
                "objectives": row["objectives"],
                "action_requested": row["action_requested"],
                "filer_kind": row["filer_kind"],
                "association": (
                    Association.objects.get(slug=row["association"])
                    if "association" in row
                    else None
                ),
                "agent": None,
                "agent_name": row["agent_name"],
                "language": "ar",
                "status": row["status"],
                "required_signatures": (
                    rules.required_signatures if row["filer_kind"] == "citizens" else 0
                ),
                "signature_count": 0,  # counted from the rows below
                "receipt_year": year,
                "receipt_sequence": sequence,
                "filed_on": filed_on,
                "due_on": add_months(filed_on, rules.answer_months) if filed_on else None,
                "decided_on": row.get("decided_on"),
                "decision_reasons": row.get("decision_reasons", ""),
                "session": row.get("session"),
                "committee": row.get("committee", ""),
                "illustrative": True,
            },
        )
        petition.related_meetings.set(Meeting.objects.filter(slug__in=row.get("meetings", [])))
        petition.related_recommendations.set(
            Recommendation.objects.get(meeting__slug=meeting, order=order)
            for meeting, order in row.get("recommendations", [])
        )
        petition.related_projects.set(Project.objects.filter(slug__in=row.get("projects", [])))
        events = [*row["events"]]
        if row.get("closing_event") == "inadmissible":
            events.append(("inadmissible", row["decided_on"], row["decision_reasons"]))
        petition.events.all().delete()
        PetitionEvent.objects.bulk_create(
            PetitionEvent(petition=petition, status=status, date=date, text=text)
            for status, date, text in events
        )
        load_signatures(petition, row.get("signature_count", 0))


def load_signatures(petition: Petition, count: int) -> None:
    """``count`` signatures from invented signatories of the petition's commune.

    The signatories are accounts that cannot sign in (no usable password),
    with a verified address on the demo's domain; found again by username.
    """
    User = get_user_model()
    slug = petition.commune.slug
    names = petitions.signatory_names(count)
    usernames = [f"demo-signatory-{slug}-{i + 1}" for i in range(count)]
    existing = set(User.objects.filter(username__in=usernames).values_list("username", flat=True))
    new_users = []
    for username, name in zip(usernames, names, strict=True):
        if username not in existing:
            user = User(username=username, email=f"{username}@sharaka.example", first_name=name)
            user.set_unusable_password()
            new_users.append(user)
    User.objects.bulk_create(new_users)
    users = User.objects.filter(username__in=usernames).in_bulk(field_name="username")
    verified = set(
        EmailAddress.objects.filter(user__in=users.values()).values_list("user_id", flat=True)
    )
    EmailAddress.objects.bulk_create(
        EmailAddress(user=user, email=user.email, verified=True, primary=True)
        for user in users.values()
        if user.pk not in verified
    )
    ties = [PetitionSignature.Tie.RESIDENCE] * 4 + [PetitionSignature.Tie.WORK]
    petition.signatures.all().delete()
    PetitionSignature.objects.bulk_create(
        PetitionSignature(
            petition=petition,
            user=users[username],
            full_name=name,
            tie=ties[i % len(ties)],
        )
        for i, (username, name) in enumerate(zip(usernames, names, strict=True))
    )
    Petition.objects.filter(pk=petition.pk).update(signature_count=petition.signatures.count())


# --- accounts --------------------------------------------------------------


class DefaultPasswordRefused(Exception):
    """A development default password would be set on a server with DEBUG off."""


@dataclass
class Login:
    label: str
    username: str
    email: str
    password: str | None  # shown only while it is the development default
    password_from_env: bool
    password_env: str


def load_accounts(*, reset_passwords: bool = False) -> list[Login]:
    """Create or refresh the demo accounts; never change a password unless asked."""
    User = get_user_model()
    logins = []
    for spec in accounts.ACCOUNTS:
        env_password = os.environ.get(spec["password_env"], "")
        user = User.objects.filter(username=spec["username"]).first()
        created = user is None
        if created:
            user = User(username=spec["username"], email=spec["email"])
        set_password = created or reset_passwords
        if set_password and not env_password and not settings.DEBUG:
            raise DefaultPasswordRefused(spec["password_env"])
        if set_password:
            user.set_password(env_password or spec["default_password"])
        user.is_active = True
        user.is_staff = True
        user.is_superuser = spec["is_superuser"]
        user.save()
        for name in spec["groups"]:
            user.groups.add(Group.objects.get_or_create(name=name)[0])
        for slug in spec["communes"]:
            StaffScope.objects.get_or_create(
                user=user, commune=Commune.objects.get(slug=slug), level=StaffScope.Level.COMMUNE
            )
        verify_email(user)
        # A password kept from an earlier run is shown again while it is still
        # the development default, so every `make run` prints a working login.
        if set_password:
            shows_default, from_env = not env_password, bool(env_password)
        else:
            shows_default = not env_password and user.check_password(spec["default_password"])
            from_env = bool(env_password) and user.check_password(env_password)
        logins.append(
            Login(
                label=spec["label"],
                username=user.username,
                email=user.email,
                password=spec["default_password"] if shows_default else None,
                password_from_env=from_env,
                password_env=spec["password_env"],
            )
        )
    return logins


def verify_email(user) -> None:
    """A verified, primary allauth address, so the account can sign in by e-mail."""
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email__iexact=user.email, defaults={"email": user.email}
    )
    EmailAddress.objects.filter(user=user, primary=True).exclude(pk=address.pk).update(
        primary=False
    )
    address.verified = True
    address.primary = True
    address.save(update_fields=["verified", "primary"])


def load_all(*, reset_passwords: bool = False) -> list[Login]:
    """Everything in one transaction: a refusal or an error leaves the database as it was.

    Arabic is active so that the untranslated columns behind the translated
    fields, and the texts handed to the services, are the Arabic ones.
    """
    with transaction.atomic(), translation.override("ar"):
        lookups = load_lookups()
        load_guelmim(lookups)
        load_taroudant(lookups)
        load_petitions()
        return load_accounts(reset_passwords=reset_passwords)
