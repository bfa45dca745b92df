#!/usr/bin/env python
"""A national data set: Sharaka serving the whole of Morocco.

Fills the database named by DATABASE_URL (PostgreSQL: this is where the
national numbers are taken) with a reproducible country, made from a fixed
seed, in Arabic and French:

* 12 regions, 75 provinces, 1,500 communes with their centres inside Morocco;
* 1,500 development plans, 45,000 projects with coordinates near their
  commune (one project carries 5,000 comments);
* 75,000 associations, 5,000 representatives with approved memberships;
* 1,550 institutions (a council per commune and national bodies);
* 10,000 meetings with 30,000 attending associations and institutions;
* 30,000 recommendations with 40,000 follow-ups;
* 20,000 certificates of appreciation;
* 500,000 comments (a third of them replies).

Everything goes through the models' own bulk paths (``bulk_create``, which
bumps the stored data versions) with each row's search text made by the
model, then ``rebuild_search_index`` checks it (one process per core), and the
tables are analysed.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/sharaka_national \\
        ./.venv/bin/python bench/national.py [--scale 1.0] [--reset]

The database must exist; it is migrated first. A database that already holds
communes is refused unless ``--reset`` is given, which empties it first.
``--scale 0.1`` makes a tenth of everything (for a quick try);
``--no-check`` skips the final ``rebuild_search_index`` pass, which only
confirms the text the models made. It prints the time of each step and the
total.
"""

import argparse
import datetime
import os
import random
import sys
import time
from decimal import Decimal
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 2026
BATCH = 5000
PASSWORD = "national bench password"

# The twelve regions (2015), with a centre and a spread in degrees.
REGIONS = [
    ("طنجة تطوان الحسيمة", "Tanger-Tétouan-Al Hoceïma", 35.3, -5.6, 0.5),
    ("الشرق", "L'Oriental", 34.0, -2.4, 0.8),
    ("فاس مكناس", "Fès-Meknès", 33.9, -4.8, 0.6),
    ("الرباط سلا القنيطرة", "Rabat-Salé-Kénitra", 34.1, -6.5, 0.4),
    ("بني ملال خنيفرة", "Béni Mellal-Khénifra", 32.5, -6.2, 0.6),
    ("الدار البيضاء سطات", "Casablanca-Settat", 33.1, -7.6, 0.5),
    ("مراكش آسفي", "Marrakech-Safi", 31.7, -8.3, 0.7),
    ("درعة تافيلالت", "Drâa-Tafilalet", 31.2, -5.0, 0.9),
    ("سوس ماسة", "Souss-Massa", 30.2, -8.8, 0.6),
    ("كلميم واد نون", "Guelmim-Oued Noun", 28.8, -10.0, 0.7),
    ("العيون الساقية الحمراء", "Laâyoune-Sakia El Hamra", 27.0, -12.5, 0.9),
    ("الداخلة وادي الذهب", "Dakhla-Oued Ed-Dahab", 23.5, -15.5, 0.9),
]
# Parts of commune names, Arabic and French side by side.
FIRST = [
    ("سيدي", "Sidi"),
    ("أولاد", "Ouled"),
    ("آيت", "Aït"),
    ("عين", "Aïn"),
    ("بني", "Beni"),
    ("تيزي", "Tizi"),
    ("دار", "Dar"),
    ("سوق", "Souk"),
    ("رأس", "Ras"),
    ("أم", "Oum"),
]
SECOND = [
    ("علي", "Ali"),
    ("موسى", "Moussa"),
    ("يوسف", "Youssef"),
    ("بوزيد", "Bouzid"),
    ("حمو", "Hammou"),
    ("الطيب", "Taïeb"),
    ("عبد الله", "Abdellah"),
    ("إبراهيم", "Brahim"),
    ("الحسن", "Lahcen"),
    ("عمر", "Omar"),
    ("مسعود", "Messaoud"),
    ("سليمان", "Slimane"),
    ("عيسى", "Aïssa"),
    ("قاسم", "Kacem"),
    ("بلقاسم", "Belkacem"),
]
SECTORS = [
    ("الماء", "Eau", "water"),
    ("الطرق", "Routes", "roads"),
    ("التعليم", "Éducation", "education"),
    ("الصحة", "Santé", "health"),
    ("الرياضة", "Sport", "sport"),
    ("الإنارة العمومية", "Éclairage public", "lighting"),
    ("التطهير", "Assainissement", "sanitation"),
    ("الفضاءات الخضراء", "Espaces verts", "green-spaces"),
]
WORKS = [
    ("بناء مدرسة", "Construction d'une école"),
    ("تأهيل الطريق", "Réhabilitation de la route"),
    ("توسعة شبكة الماء الصالح للشرب", "Extension du réseau d'eau potable"),
    ("إحداث مركز صحي", "Création d'un centre de santé"),
    ("تهيئة ملعب القرب", "Aménagement d'un terrain de proximité"),
    ("الإنارة العمومية", "Éclairage public"),
    ("التطهير السائل", "Assainissement liquide"),
    ("تهيئة حديقة عمومية", "Aménagement d'un jardin public"),
    ("بناء دار الشباب", "Construction d'une maison des jeunes"),
    ("تأهيل السوق الأسبوعي", "Mise à niveau du souk hebdomadaire"),
]
CAUSES = [
    ("التنمية المحلية", "développement local"),
    ("المرأة", "femmes"),
    ("الشباب", "jeunesse"),
    ("البيئة", "environnement"),
    ("الثقافة", "culture"),
    ("الرياضة", "sport"),
    ("محاربة الأمية", "alphabétisation"),
    ("الأشخاص في وضعية إعاقة", "personnes en situation de handicap"),
    ("الفلاحة التضامنية", "agriculture solidaire"),
    ("السياحة القروية", "tourisme rural"),
]
FIELDS = [(ar, fr, f"field-{i}") for i, (ar, fr) in enumerate(CAUSES)]
THEMES = [
    ("البنية التحتية", "Infrastructures", "infrastructure"),
    ("الحكامة", "Gouvernance", "governance"),
    ("الشباب", "Jeunesse", "youth"),
    ("البيئة", "Environnement", "environment"),
    ("الثقافة", "Culture", "culture"),
    ("التشغيل", "Emploi", "employment"),
]
AGENCIES = [
    (
        "المكتب الوطني للكهرباء والماء الصالح للشرب",
        "Office national de l'électricité et de l'eau potable",
        "ONEE",
    ),
    ("الوكالة الحضرية", "Agence urbaine", "AU"),
    ("وكالة الحوض المائي", "Agence du bassin hydraulique", "ABH"),
    (
        "المبادرة الوطنية للتنمية البشرية",
        "Initiative nationale pour le développement humain",
        "INDH",
    ),
    ("برنامج الأمم المتحدة الإنمائي", "Programme des Nations unies pour le développement", "PNUD"),
]
LOREM_AR = (
    "يهدف هذا المشروع إلى تحسين ظروف عيش الساكنة وتقريب الخدمات العمومية منها، "
    "في إطار برنامج عمل الجماعة وبشراكة مع المصالح الخارجية والمجتمع المدني. "
)
LOREM_FR = (
    "Ce projet vise à améliorer les conditions de vie des habitants et à rapprocher "
    "les services publics, dans le cadre du plan d'action communal, en partenariat "
    "avec les services déconcentrés et la société civile. "
)


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full size")
    parser.add_argument("--reset", action="store_true", help="empty a database that has data")
    parser.add_argument(
        "--no-check",
        action="store_true",
        help="skip rebuild_search_index (the rows' search text is already made by the model)",
    )
    return parser.parse_args()


def setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL to the (PostgreSQL) database to fill.")
    import django

    django.setup()


class Clock:
    def __init__(self):
        self.start = self.last = time.perf_counter()

    def step(self, what: str) -> None:
        now = time.perf_counter()
        print(f"{what:<48} {now - self.last:7.1f} s", flush=True)
        self.last = now

    def total(self) -> float:
        return time.perf_counter() - self.start


def made(model, objects: list) -> list:
    """``bulk_create`` in batches, each row's search text made by the model first."""
    if hasattr(model, "refresh_search_text"):
        for obj in objects:
            obj.refresh_search_text()
    return model.objects.bulk_create(objects, batch_size=BATCH)


def in_morocco(rng, lat, lon, spread):
    lat = min(max(rng.gauss(lat, spread), 21.0), 35.8)
    lon = min(max(rng.gauss(lon, spread), -17.0), -1.2)
    return Decimal(f"{lat:.6f}"), Decimal(f"{lon:.6f}")


def load(scale: float, clock: Clock) -> dict:  # noqa: C901, PLR0915 (one recipe, top to bottom)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from associations.models import Association, FieldOfActivity, Membership
    from meetings.models import (
        CODE_ALPHABET,
        CODE_LENGTH,
        AssociationAttendance,
        Certificate,
        InstitutionAttendance,
        Meeting,
    )
    from petitions.deadlines import add_months
    from petitions.models import Petition, PetitionEvent, PetitionSignature
    from portal.models import Commune, Institution, StaffScope
    from projects.models import Comment, DevelopmentPlan, Project, Sector
    from recommendations.models import Recommendation, RecommendationUpdate, Theme

    rng = random.Random(SEED)
    n_communes = max(12, round(1500 * scale))
    today = datetime.date.today()

    # --- territory ---------------------------------------------------------
    communes = []
    provinces = []  # (region index, ar, fr)
    for r in range(len(REGIONS)):
        for _province in range(round(75 / 12) + (1 if r < 75 % 12 else 0)):
            number = len(provinces) + 1
            provinces.append((r, f"إقليم {number}", f"Province {number}"))
    for i in range(n_communes):
        region, province_ar, province_fr = provinces[i % len(provinces)]
        region_ar, region_fr, lat, lon, spread = REGIONS[region]
        first_ar, first_fr = FIRST[i % len(FIRST)]
        second_ar, second_fr = SECOND[(i // len(FIRST)) % len(SECOND)]
        latitude, longitude = in_morocco(rng, lat, lon, spread)
        communes.append(
            Commune(
                name_ar=f"{first_ar} {second_ar}",
                name_fr=f"{first_fr} {second_fr}",
                slug=f"{first_fr}-{second_fr}-{i + 1}".lower().replace("ï", "i").replace("â", "a"),
                region_ar=region_ar,
                region_fr=region_fr,
                province_ar=province_ar,
                province_fr=province_fr,
                latitude=latitude,
                longitude=longitude,
            )
        )
    communes = made(Commune, communes)
    sectors = made(Sector, [Sector(name_ar=a, name_fr=f, slug=s) for a, f, s in SECTORS])
    fields = made(
        FieldOfActivity, [FieldOfActivity(name_ar=a, name_fr=f, slug=s) for a, f, s in FIELDS]
    )
    themes = made(Theme, [Theme(name_ar=a, name_fr=f, slug=s) for a, f, s in THEMES])
    institutions = made(
        Institution,
        [
            Institution(
                name_ar=f"المجلس الجماعي {c.name_ar}",
                name_fr=f"Conseil communal de {c.name_fr}",
                kind=Institution.Kind.COUNCIL,
                commune=c,
            )
            for c in communes
        ]
        + [
            Institution(
                name_ar=f"{ar} {k + 1}",
                name_fr=f"{fr} {k + 1}",
                acronym=acronym,
                kind=Institution.Kind.AGENCY,
            )
            for k in range(10)
            for ar, fr, acronym in AGENCIES
        ],
    )
    clock.step(f"{len(communes)} communes, {len(institutions)} institutions")

    plans = made(
        DevelopmentPlan,
        [
            DevelopmentPlan(
                commune=c,
                kind=DevelopmentPlan.Kind.PAC,
                title_ar="برنامج عمل الجماعة",
                title_fr="Plan d'action communal",
                slug=f"{c.slug}-pac-2022-2027",
                start_year=2022,
                end_year=2027,
            )
            for c in communes
        ],
    )
    statuses = [value for value, _label in Project.Status.choices]
    projects = []
    for i in range(round(45_000 * scale)):
        c = i % len(communes)
        commune = communes[c]
        work_ar, work_fr = WORKS[i % len(WORKS)]
        latitude, longitude = in_morocco(
            rng, float(commune.latitude), float(commune.longitude), 0.05
        )
        projects.append(
            Project(
                commune=commune,
                plan=plans[c],
                sector=sectors[i % len(sectors)],
                title_ar=f"{work_ar} {commune.name_ar} {i // len(communes) + 1}",
                title_fr=f"{work_fr} — {commune.name_fr} {i // len(communes) + 1}",
                slug=f"project-{i + 1}",
                summary_ar=LOREM_AR,
                summary_fr=LOREM_FR,
                description_ar=LOREM_AR * 6,
                description_fr=LOREM_FR * 6,
                status=statuses[rng.randrange(len(statuses))],
                progress=rng.randrange(0, 101),
                budget=Decimal(rng.randrange(100, 50_000) * 1000),
                location_name_ar=commune.name_ar,
                latitude=latitude,
                longitude=longitude,
                published=rng.random() > 0.03,
            )
        )
    projects = made(Project, projects)
    clock.step(f"{len(plans)} plans, {len(projects)} projects")

    associations = []
    for i in range(round(75_000 * scale)):
        commune = communes[i % len(communes)]
        cause_ar, cause_fr = CAUSES[i % len(CAUSES)]
        associations.append(
            Association(
                name_ar=f"جمعية {cause_ar} {commune.name_ar} {i // len(communes) + 1}",
                name_fr=f"Association {cause_fr} {commune.name_fr} {i // len(communes) + 1}",
                slug=f"association-{i + 1}",
                commune=commune,
                description_ar=LOREM_AR * 4,
                verified=i % 3 == 0,
                published=rng.random() > 0.02,
            )
        )
    associations = made(Association, associations)
    through = Association.fields_of_activity.through
    through.objects.bulk_create(
        [
            through(association_id=a.pk, fieldofactivity_id=fields[i % len(fields)].pk)
            for i, a in enumerate(associations)
        ],
        batch_size=BATCH,
    )
    clock.step(f"{len(associations)} associations")

    User = get_user_model()
    probe = User(username="probe")
    probe.set_password(PASSWORD)
    password = probe.password  # one hash for every account: hashing 5,000 would take minutes
    users = User.objects.bulk_create(
        [
            User(
                username=f"rep{i + 1}",
                email=f"rep{i + 1}@national.example.org",
                password=password,
            )
            for i in range(round(5000 * scale))
        ],
        batch_size=BATCH,
    )
    staff = User.objects.create_superuser("national-admin", "admin@national.example.org", PASSWORD)
    # A council's staff account limited to one region (about 125 communes),
    # as a regional installation hands the back office to each council.
    regional = User.objects.create_user(
        "national-staff", "staff@national.example.org", PASSWORD, is_staff=True
    )
    regional.groups.add(Group.objects.get(name="Council staff"))
    StaffScope.objects.create(user=regional, level=StaffScope.Level.REGION, area=REGIONS[0][1])
    memberships = Membership.objects.bulk_create(
        [
            Membership(
                user=user,
                association=associations[i * 7 % len(associations)],
                status=Membership.Status.APPROVED,
                role=Membership.Role.PRESIDENT,
            )
            for i, user in enumerate(users)
        ],
        batch_size=BATCH,
    )
    clock.step(f"{len(users) + 1} accounts, {len(memberships)} memberships")

    kinds = [value for value, _label in Meeting.Kind.choices]
    meetings = []
    for i in range(round(10_000 * scale)):
        commune = communes[i % len(communes)]
        start = today + datetime.timedelta(days=rng.randrange(-5 * 365, 120))
        meetings.append(
            Meeting(
                kind=kinds[i % len(kinds)],
                commune=commune,
                title_ar=f"لقاء تشاوري حول {CAUSES[i % len(CAUSES)][0]} بجماعة {commune.name_ar}",
                title_fr=f"Concertation sur {CAUSES[i % len(CAUSES)][1]} à {commune.name_fr}",
                slug=f"meeting-{i + 1}",
                start_date=start,
                status=Meeting.Status.HELD if start < today else Meeting.Status.PLANNED,
                venue_ar=f"قاعة الاجتماعات {commune.name_ar}",
                summary_ar=LOREM_AR * 3,
                published=rng.random() > 0.04,
            )
        )
    meetings = made(Meeting, meetings)
    AssociationAttendance.objects.bulk_create(
        [
            AssociationAttendance(
                meeting=m,
                association=associations[(i * 50 + k * 1500 + i % 1500) % len(associations)],
            )
            for i, m in enumerate(meetings)
            for k in range(3)
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    InstitutionAttendance.objects.bulk_create(
        [
            InstitutionAttendance(meeting=m, institution=institutions[i % len(communes)])
            for i, m in enumerate(meetings)
        ],
        batch_size=BATCH,
    )
    clock.step(f"{len(meetings)} meetings with attendance")

    rec_statuses = [value for value, _label in Recommendation.Status.choices]
    recommendations = []
    for i in range(round(30_000 * scale)):
        meeting = meetings[i % len(meetings)]
        theme = themes[i % len(themes)]
        recommendations.append(
            Recommendation(
                meeting=meeting,
                order=i // len(meetings) + 1,
                title_ar=f"توصية بشأن {theme.name_ar} رقم {i + 1}",
                title_fr=f"Recommandation sur {theme.name_fr.lower()} n° {i + 1}",
                text_ar=LOREM_AR * 2,
                addressed_to=institutions[rng.randrange(len(institutions))],
                theme=theme,
                due_date=meeting.start_date + datetime.timedelta(days=rng.randrange(90, 720)),
                status=rec_statuses[rng.randrange(len(rec_statuses))],
            )
        )
    recommendations = made(Recommendation, recommendations)
    updates = made(
        RecommendationUpdate,
        [
            RecommendationUpdate(
                recommendation=recommendations[i % len(recommendations)],
                date=recommendations[i % len(recommendations)].meeting.start_date
                + datetime.timedelta(days=30 + i % 300),
                status=Recommendation.Status.ADOPTED,
                note_ar="تمت المصادقة على التوصية وبرمجتها",
            )
            for i in range(round(40_000 * scale))
        ],
    )
    clock.step(f"{len(recommendations)} recommendations, {len(updates)} follow-ups")

    # Petitions: a tenth still collecting signatures, the rest filed on a
    # receipt number per commune and year and spread over the procedure; a
    # tenth of those overdue. Signatures go to the collecting ones, stored
    # counts set to match.
    stages = [
        Petition.Status.FILED,
        Petition.Status.UNDER_REVIEW,
        Petition.Status.ADMISSIBLE,
        Petition.Status.INADMISSIBLE,
        Petition.Status.SCHEDULED,
        Petition.Status.DISCUSSED,
        Petition.Status.CLOSED,
    ]
    receipts: dict = {}
    petitions = []
    for i in range(round(3000 * scale)):
        commune = communes[(i * 7) % len(communes)]
        by_association = i % 3 != 0
        collecting = not by_association and i % 10 == 3
        status = Petition.Status.COLLECTING if collecting else stages[i % len(stages)]
        filed_on = None if collecting else today - datetime.timedelta(days=20 + (i * 13) % 900)
        petition = Petition(
            commune=commune,
            title=f"عريضة بشأن {CAUSES[i % len(CAUSES)][0]} رقم {i + 1}",
            reasons=LOREM_AR,
            objectives=LOREM_AR[:200],
            action_requested=LOREM_AR[:150],
            filer_kind="association" if by_association else "citizens",
            association=associations[(i * 11) % len(associations)] if by_association else None,
            agent_name=f"وكيل {i + 1}",
            status=status,
            required_signatures=0 if by_association else 100,
            signature_count=0 if collecting or by_association else 100 + i % 50,
            filed_on=filed_on,
        )
        if filed_on:
            key = (commune.pk, filed_on.year)
            receipts[key] = receipts.get(key, 0) + 1
            petition.receipt_year, petition.receipt_sequence = filed_on.year, receipts[key]
            petition.due_on = add_months(filed_on, 3)
            if status not in (Petition.Status.FILED, Petition.Status.UNDER_REVIEW):
                petition.decided_on = filed_on + datetime.timedelta(days=30 + i % 60)
            if status in (Petition.Status.INADMISSIBLE, Petition.Status.CLOSED):
                petition.decision_reasons = "الموضوع لا يدخل ضمن اختصاصات المجلس"
            if status in (Petition.Status.DISCUSSED, Petition.Status.CLOSED):
                petition.outcome = "صادق المجلس على النقطة"
            if status in (Petition.Status.SCHEDULED, Petition.Status.DISCUSSED):
                petition.committee = "لجنة الميزانية والشؤون المالية"
        petitions.append(petition)
    petitions = made(Petition, petitions)
    events = []
    for petition in petitions:
        if petition.filed_on is None:
            events.append(PetitionEvent(petition=petition, status="collecting", date=today))
            continue
        events.append(PetitionEvent(petition=petition, status="filed", date=petition.filed_on))
        if petition.status != Petition.Status.FILED:
            events.append(
                PetitionEvent(
                    petition=petition,
                    status=petition.status,
                    date=petition.decided_on or petition.filed_on,
                    text=petition.decision_reasons or petition.outcome,
                )
            )
    PetitionEvent.objects.bulk_create(events, batch_size=BATCH)
    collecting = [p for p in petitions if p.status == Petition.Status.COLLECTING]
    per_petition = min(len(users), round(50_000 * scale) // max(1, len(collecting)))
    signatures = [
        PetitionSignature(
            petition=petition,
            user=users[(start + k) % len(users)],
            full_name=f"موقع {k + 1}",
            tie="residence" if k % 4 else "work",
        )
        for start, petition in enumerate(collecting)
        for k in range(per_petition)
    ]
    PetitionSignature.objects.bulk_create(signatures, batch_size=BATCH)
    Petition.objects.filter(pk__in=[p.pk for p in collecting]).update(signature_count=per_petition)
    clock.step(f"{len(petitions)} petitions, {len(events)} steps, {len(signatures)} signatures")

    certificates = []
    serials: dict = {}
    for i in range(round(20_000 * scale)):
        meeting = meetings[i % len(meetings)]
        year = meeting.start_date.year
        serials[meeting.commune_id, year] = serials.get((meeting.commune_id, year), 0) + 1
        certificates.append(
            Certificate(
                meeting=meeting,
                commune_id=meeting.commune_id,
                recipient_association=associations[(i * 37) % len(associations)],
                citation_ar="عربون وفاء وإخلاص للعمل التشاركي",
                awarded_on=meeting.start_date,
                code="".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH)),
                serial_year=year,
                serial_number=serials[meeting.commune_id, year],
            )
        )
    certificates = made(Certificate, certificates)
    clock.step(f"{len(certificates)} certificates")

    # Comments: a third are replies to a top-level comment of the same project.
    # The first published project carries 5,000 of them.
    busy = next(p for p in projects if p.published)
    n_comments = round(500_000 * scale)
    busy_share = min(5000, n_comments // 10)
    top_count = n_comments * 2 // 3
    members = [(m.user_id, m.association_id) for m in memberships]
    tops = []
    for i in range(top_count):
        project = busy if i < busy_share * 2 // 3 else projects[rng.randrange(len(projects))]
        author, association = members[rng.randrange(len(members))]
        tops.append(
            Comment(
                project=project,
                author_id=author,
                association_id=association,
                body=f"ملاحظة رقم {i + 1} حول تقدم الأشغال: {LOREM_AR[:120]}",
            )
        )
    tops = made(Comment, tops)
    replies = []
    for i in range(n_comments - top_count):
        parent = tops[i % (busy_share * 2 // 3)] if i < busy_share // 3 else rng.choice(tops)
        official = i % 5 == 0
        author, association = members[rng.randrange(len(members))]
        replies.append(
            Comment(
                project_id=parent.project_id,
                parent=parent,
                author_id=staff.pk if official else author,
                association_id=None if official else association,
                official=official,
                body=f"جواب رقم {i + 1}: {LOREM_AR[:100]}",
            )
        )
    replies = made(Comment, replies)
    clock.step(f"{len(tops) + len(replies)} comments ({busy_share} on {busy.slug})")
    return {
        "busy_project": busy.slug,
        "staff_email": staff.email,
        "regional_email": regional.email,
    }


def spread_comment_dates() -> None:
    """Comments dated over three years, newest with the highest id, in one statement."""
    from django.db import connection

    from projects.models import Comment

    table = Comment._meta.db_table
    with connection.cursor() as cursor:
        age = f"(interval '3 years') * (1 - id::float / (SELECT max(id) FROM {table}))"
        cursor.execute(
            f"UPDATE {table} SET created_at = now() - {age}, updated_at = now() - {age}"  # noqa: S608
        )


#: The migrations that make the "Council staff" group, last of each app; each
#: leaves the group with exactly its permissions, so they run in this order.
STAFF_GROUP_MIGRATIONS = (
    "portal.migrations.0009_council_staff_group_without_scopes",
    "petitions.migrations.0002_council_staff_group_and_search_indexes",
)


def restore_staff_groups(connection) -> None:
    """Make again the groups the migrations made (``flush`` empties them)."""
    from django.apps import apps

    editor = SimpleNamespace(connection=connection)
    for name in STAFF_GROUP_MIGRATIONS:
        import_module(name).create_council_staff_group(apps, editor)


def main() -> None:
    args = parse_args()
    setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from portal.models import Commune

    clock = Clock()
    call_command("migrate", verbosity=0)
    clock.step("migrate")
    if Commune.objects.exists():
        if not args.reset:
            sys.exit("The database already has communes: pass --reset to empty it first.")
        call_command("flush", interactive=False, verbosity=0)
        # flush empties every table, the groups the migrations made included.
        restore_staff_groups(connection)
        clock.step("flush")
    with transaction.atomic():
        facts = load(args.scale, clock)
        spread_comment_dates()
        clock.step("comment dates")
    if not args.no_check:
        # One process per core: the check is Python work on every row.
        call_command("rebuild_search_index", jobs=os.cpu_count() or 1, verbosity=0)
        clock.step("rebuild_search_index (checks the stored text)")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        clock.step("VACUUM ANALYZE")
    print(f"\nDone in {clock.total():.0f} s.")
    print(f"Project with the most comments: {facts['busy_project']}")
    print(f"Back-office superuser: {facts['staff_email']} / {PASSWORD}")
    print(f"Staff of one region: {facts['regional_email']} / {PASSWORD}")


if __name__ == "__main__":
    main()
