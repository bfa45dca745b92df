"""Guelmim: the municipal council's outreach meeting with civil society.

Source: the Arabic news article in /work/shared/seeds (guelmim-2010-civil-society-meeting).
The article gives no date, no certificate recipients, no association names,
no project statuses and no coordinates: the records that fill those gaps are
flagged ``illustrative`` and their texts say so.
"""

# Prose in three languages: long string lines are kept whole for readability.
# ruff: noqa: E501

import datetime

from . import T

# The article names no date; it mentions the new Constitution (2011), so the
# meeting took place in 2012 or later. This date is an illustration.
MEETING_DATE = datetime.date(2012, 5, 19)

COMMUNE = {
    "slug": "guelmim",
    "name": T("كلميم", "Guelmim", "Guelmim"),
    "region": T(
        "جهة كلميم واد نون (جهة كلميم السمارة سابقا)",
        "Région de Guelmim-Oued Noun (anciennement Guelmim-Es Semara)",
        "Guelmim-Oued Noun region (formerly Guelmim-Es Semara)",
    ),
    "province": T("إقليم كلميم", "Province de Guelmim", "Guelmim province"),
    "latitude": "28.983000",
    "longitude": "-10.067000",
    # Other spellings in use: colonial-era French, one-letter variants, the
    # Moroccan gaf, the Tachelhit name.
    "aliases": (
        "Goulimine",
        "Goulimime",
        "Guelmime",
        "Glimim",
        "Aguelmim",
        "ݣلميم",
        "كليميم",
        "أكلميم",
        "بوابة الصحراء",
    ),
}

# "local" institutions belong to the commune; the others are regional or national.
INSTITUTIONS = [
    {
        "key": "council",
        "name": T(
            "المجلس البلدي لكلميم", "Conseil municipal de Guelmim", "Guelmim municipal council"
        ),
        "kind": "council",
        "local": True,
    },
    {
        "key": "planning-department",
        "name": T(
            "قسم التعمير و التصاميم – بلدية كلميم",
            "Division de l'urbanisme et des plans – municipalité de Guelmim",
            "Urban planning and plans department – Guelmim municipality",
        ),
        "kind": "department",
        "local": True,
    },
    {
        "key": "wilaya",
        "name": T(
            "ولاية جهة كلميم السمارة",
            "Wilaya de la région de Guelmim-Es Semara",
            "Wilaya of the Guelmim-Es Semara region",
        ),
        "kind": "authority",
    },
    {
        "key": "region-council",
        "name": T(
            "مجلس جهة كلميم السمارة",
            "Conseil de la région de Guelmim-Es Semara",
            "Guelmim-Es Semara regional council",
        ),
        "kind": "council",
    },
    {
        "key": "urban-agency",
        "name": T(
            "الوكالة الحضرية لجهة كلميم السمارة",
            "Agence urbaine de Guelmim-Es Semara",
            "Guelmim-Es Semara urban agency",
        ),
        "kind": "agency",
    },
    {
        "key": "basin-agency",
        "name": T(
            "وكالة الحوض المائي سوس ماسة درعة",
            "Agence du bassin hydraulique du Souss-Massa-Drâa",
            "Souss-Massa-Drâa water-basin agency",
        ),
        "acronym": "ABHSMD",
        "aliases": ("وكالة الحوض المائي لسوس ماسة", "ABH Souss-Massa"),
        "kind": "agency",
    },
    {
        "key": "onee-water",
        "name": T(
            "المكتب الوطني للكهرباء والماء الصالح للشرب – قطاع الماء",
            "Office national de l'électricité et de l'eau potable – branche Eau",
            "National Office of Electricity and Drinking Water – water branch",
        ),
        "acronym": "ONEE",
        "aliases": (
            "ONEP",
            "ONE",
            "لونيب",
            "المكتب الوطني للماء الصالح للشرب",
            "Office national de l'eau potable",
        ),
        "kind": "state_office",
    },
]

# The article names these people by their role only; so do we.
PEOPLE = [
    {
        "key": "wali",
        "full_name": T(
            "والي جهة كلميم السمارة",
            "Le wali de la région de Guelmim-Es Semara",
            "The Wali of the Guelmim-Es Semara region",
        ),
        "role": T("الوالي", "Wali", "Wali"),
        "institution": "wilaya",
    },
    {
        "key": "region-president",
        "full_name": T(
            "رئيس مجلس جهة كلميم السمارة",
            "Le président du conseil de la région de Guelmim-Es Semara",
            "The president of the Guelmim-Es Semara regional council",
        ),
        "role": T("رئيس الجهة", "Président de la région", "President of the region"),
        "institution": "region-council",
    },
    {
        "key": "commune-president",
        "full_name": T(
            "رئيس المجلس البلدي لكلميم",
            "Le président du conseil municipal de Guelmim",
            "The president of the Guelmim municipal council",
        ),
        "role": T("رئيس الجماعة", "Président de la commune", "President of the commune"),
        "institution": "council",
        "local": True,
    },
    {
        "key": "urban-agency-director",
        "full_name": T(
            "مدير الوكالة الحضرية لجهة كلميم السمارة",
            "Le directeur de l'Agence urbaine de Guelmim-Es Semara",
            "The director of the Guelmim-Es Semara urban agency",
        ),
        "role": T(
            "مدير الوكالة الحضرية", "Directeur de l'agence urbaine", "Director of the urban agency"
        ),
        "institution": "urban-agency",
    },
    {
        "key": "study-engineer",
        "full_name": T(
            "المهندس المكلف بإعداد دراسة مشروع المدينة",
            "L'ingénieur chargé de l'étude du projet de ville",
            "The engineer in charge of the city project study",
        ),
        "role": T(
            "المهندس المكلف بإعداد دراسة المشروع",
            "Ingénieur chargé de l'étude du projet",
            "Engineer in charge of the project study",
        ),
        "institution": "urban-agency",
    },
    {
        "key": "basin-director",
        "full_name": T(
            "مدير وكالة الحوض المائي سوس ماسة درعة",
            "Le directeur de l'Agence du bassin hydraulique du Souss-Massa-Drâa",
            "The director of the Souss-Massa-Drâa water-basin agency",
        ),
        "role": T("مدير الوكالة", "Directeur de l'agence", "Director of the agency"),
        "institution": "basin-agency",
    },
    {
        "key": "onee-delegate",
        "full_name": T(
            "النائب الإقليمي للمكتب الوطني للماء و الكهرباء قطاع الماء بكلميم",
            "Le délégué provincial de l'ONEE – branche Eau à Guelmim",
            "The provincial delegate of ONEE's water branch in Guelmim",
        ),
        "role": T("النائب الإقليمي", "Délégué provincial", "Provincial delegate"),
        "institution": "onee-water",
    },
    {
        "key": "municipal-engineer",
        "full_name": T(
            "المهندس البلدي رئيس قسم التعمير و التصاميم",
            "L'ingénieur municipal, chef de la division de l'urbanisme et des plans",
            "The municipal engineer heading the urban planning and plans department",
        ),
        "role": T(
            "مهندس بلدي، رئيس قسم التعمير و التصاميم المكلف بتتبع مشروع تهيئة شارع محمد السادس",
            "Ingénieur municipal, chef de la division de l'urbanisme et des plans, "
            "chargé du suivi de l'aménagement du boulevard Mohammed VI",
            "Municipal engineer, head of the urban planning and plans department, "
            "following the Mohammed VI Boulevard project",
        ),
        "institution": "planning-department",
        "local": True,
    },
]

ASSOCIATION_NOTE = T(
    "جمعية توضيحية أُنشئت لبيانات العرض: لا يذكر المقال أسماء الجمعيات التي حضرت اللقاء.",
    "Association illustrative créée pour les données de démonstration : "
    "l'article ne nomme pas les associations présentes.",
    "Illustrative association created for the demo data: "
    "the article does not name the associations that took part.",
)

ASSOCIATIONS = [
    {
        "slug": "guelmim-al-amal-development-solidarity",
        "name": T(
            "جمعية الأمل للتنمية والتضامن",
            "Association Al Amal pour le développement et la solidarité",
            "Al Amal Association for Development and Solidarity",
        ),
        "fields": ["development", "social"],
        "description": T(
            "تعمل في مجال التنمية المحلية والتضامن مع الأسر في وضعية هشاشة.",
            "Agit pour le développement local et la solidarité avec les familles vulnérables.",
            "Works on local development and solidarity with vulnerable families.",
        ),
    },
    {
        "slug": "guelmim-oued-noun-youth-culture-sport",
        "name": T(
            "جمعية شباب واد نون للثقافة والرياضة",
            "Association des jeunes de l'Oued Noun pour la culture et le sport",
            "Oued Noun Youth Association for Culture and Sport",
        ),
        "fields": ["youth", "sport", "culture-arts"],
        "description": T(
            "تنظم أنشطة ثقافية ورياضية لفائدة شباب المدينة.",
            "Organise des activités culturelles et sportives pour les jeunes de la ville.",
            "Runs cultural and sports activities for the city's young people.",
        ),
    },
    {
        "slug": "guelmim-women-artisans",
        "name": T(
            "جمعية النساء الحرفيات بكلميم",
            "Association des femmes artisanes de Guelmim",
            "Guelmim Women Artisans' Association",
        ),
        "fields": ["women", "crafts"],
        "description": T(
            "تدعم النساء الحرفيات في التكوين وتسويق منتوجات الصناعة التقليدية.",
            "Accompagne les femmes artisanes dans la formation et la vente de leurs produits.",
            "Helps women artisans with training and with selling their crafts.",
        ),
    },
    {
        "slug": "guelmim-friends-of-the-environment",
        "name": T(
            "جمعية أصدقاء البيئة بكلميم",
            "Association des amis de l'environnement de Guelmim",
            "Guelmim Friends of the Environment Association",
        ),
        "fields": ["environment"],
        "description": T(
            "تنظم حملات للتحسيس بالبيئة وغرس الأشجار بأحياء المدينة.",
            "Mène des campagnes de sensibilisation à l'environnement et de plantation d'arbres.",
            "Runs environmental awareness and tree-planting campaigns in the city.",
        ),
    },
]

PLAN = {
    "kind": "pcd",
    "start_year": 2010,
    "end_year": 2015,
    "title": T(
        "المخطط التنموي للجماعة الترابية كلميم",
        "Plan communal de développement de Guelmim",
        "Guelmim municipal development plan",
    ),
    "description": T(
        "المخطط التنموي للجماعة الترابية برسم سنة 2010 – 2015، الذي تشكل الأوراش التي زارها "
        "المجتمع المدني محاوره الأساسية.",
        "Le plan de développement de la commune pour 2010–2015, dont les chantiers visités "
        "par la société civile constituent les axes principaux.",
        "The commune's development plan for 2010–2015, whose main axes are the worksites "
        "civil society visited.",
    ),
}

# Why each project is in the demo, appended to its description.
PROJECT_ORIGINS = {
    "visit": T(
        "ورد هذا الورش ضمن الأوراش التنموية التي زارها المشاركون في اللقاء التواصلي للمجلس البلدي "
        "مع فعاليات المجتمع المدني، وهي أوراش تشكل المحاور الأساسية للمخطط التنموي للجماعة "
        "2010 – 2015.",
        "Ce chantier fait partie des chantiers de développement visités lors de la rencontre du "
        "conseil municipal avec la société civile ; ils constituent les axes principaux du plan de "
        "développement de la commune 2010–2015.",
        "This worksite is one of the development worksites visited during the municipal council's "
        "outreach meeting with civil society; they are the main axes of the commune's 2010–2015 "
        "development plan.",
    ),
    "presentation": T(
        "قُدّم هذا المشروع في عرض خلال اللقاء التواصلي للمجلس البلدي مع فعاليات المجتمع المدني.",
        "Ce projet a été présenté lors de la rencontre du conseil municipal avec la société civile.",
        "This project was presented at the municipal council's outreach meeting with civil society.",
    ),
}

PROJECT_NOTE = T(
    "الموقع على الخريطة والوضعية ونسبة التقدم والتواريخ توضيحية: لا يذكرها المقال.",
    "L'emplacement sur la carte, l'état, l'avancement et les dates sont illustratifs : "
    "l'article ne les donne pas.",
    "The map location, status, progress and dates are illustrative: the article does not give them.",
)

APPROXIMATE_PLACE = T(
    "كلميم (موقع تقريبي)", "Guelmim (emplacement approximatif)", "Guelmim (approximate location)"
)

# Each step of a project's timeline: title and text of the update.
UPDATE_STEPS = {
    "study": (
        T("إطلاق الدراسة", "Lancement de l'étude", "Study launched"),
        T(
            "انطلاق الدراسات التقنية للمشروع.",
            "Début des études techniques du projet.",
            "Technical studies for the project begin.",
        ),
    ),
    "start": (
        T("انطلاق الأشغال", "Lancement des travaux", "Works begin"),
        T(
            "انطلاق أشغال الإنجاز بعد استكمال الدراسات والمساطر.",
            "Les travaux commencent une fois les études et les procédures achevées.",
            "Construction starts once the studies and procedures are complete.",
        ),
    ),
    "visit": (
        T(
            "زيارة ميدانية للمجتمع المدني",
            "Visite de terrain de la société civile",
            "Civil-society site visit",
        ),
        T(
            "زار المشاركون في اللقاء التواصلي للمجلس البلدي مع فعاليات المجتمع المدني هذا الورش "
            "ضمن الزيارة الميدانية التي افتتحت برنامج اللقاء.",
            "Les participants à la rencontre du conseil municipal avec la société civile ont visité "
            "ce chantier lors de la visite de terrain qui a ouvert le programme.",
            "Participants in the council's outreach meeting with civil society visited this "
            "worksite on the site visit that opened the programme.",
        ),
    ),
    "presented": (
        T(
            "عرض المشروع أمام المجتمع المدني",
            "Présentation du projet à la société civile",
            "Project presented to civil society",
        ),
        T(
            "قُدّم المشروع في عرض خلال اللقاء التواصلي للمجلس البلدي مع فعاليات المجتمع المدني.",
            "Le projet a été présenté lors de la rencontre du conseil municipal avec la société civile.",
            "The project was presented at the council's outreach meeting with civil society.",
        ),
    ),
    "progress": (
        T("تقدم الأشغال", "Avancement des travaux", "Works progress"),
        T(
            "تتواصل الأشغال وفق البرنامج المسطر.",
            "Les travaux se poursuivent selon le programme prévu.",
            "Works continue according to the schedule.",
        ),
    ),
    "done": (
        T("انتهاء الأشغال", "Fin des travaux", "Works completed"),
        T(
            "انتهت الأشغال وفُتح المرفق في وجه العموم.",
            "Les travaux sont terminés et l'équipement est ouvert au public.",
            "Works are finished and the facility is open to the public.",
        ),
    ),
}

UPDATE_NOTE = T(
    "(تحديث توضيحي: التاريخ ونسبة التقدم أمثلة لا يذكرها المقال.)",
    "(Mise à jour illustrative : la date et l'avancement sont des exemples que l'article ne donne pas.)",
    "(Illustrative update: the date and progress are examples the article does not give.)",
)


def _d(text: str) -> datetime.date:
    return datetime.date.fromisoformat(text)


M = MEETING_DATE

# The 15 worksites in the order the article lists them, then the projects the
# four presentations were about. A project's status and progress are those
# of its latest update; its start date is the first "study" or "start" step,
# its end date the "done" step. Points are approximate, inside the city.
PROJECTS = [
    {
        "slug": "guelmim-dar-chabab-al-massira",
        "aliases": (
            "Dar Chabab Al Massira",
            "Dar Chebab El Massira",
            "دار الشباب",
        ),
        "title": T("دار الشباب المسيرة", "Maison des jeunes Al Massira", "Al Massira youth centre"),
        "sector": "youth",
        "point": ("28.990500", "-10.059000"),
        "contracting": "council",
        "summary": T(
            "فضاء للأنشطة الثقافية والتربوية والترفيهية لفائدة شباب المدينة وجمعياتها.",
            "Un lieu d'activités culturelles, éducatives et de loisirs pour les jeunes de la ville "
            "et leurs associations.",
            "A place for cultural, educational and leisure activities for the city's young people "
            "and their associations.",
        ),
        "updates": [
            (_d("2010-11-08"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 85),
            (_d("2012-12-14"), "done", "completed", 100),
        ],
    },
    {
        "slug": "guelmim-stade-al-massira",
        "aliases": (
            "Stade El Massira",
            "ملعب المسيرة",
            "ستاد المسيرة",
        ),
        "title": T("الملعب الرياضي المسيرة", "Stade Al Massira", "Al Massira sports ground"),
        "sector": "sport",
        "point": ("28.991800", "-10.056200"),
        "contracting": "council",
        "summary": T(
            "ملعب لاحتضان المباريات والتداريب الرياضية لفرق المدينة ومدارسها.",
            "Un terrain pour les matchs et les entraînements des équipes et des écoles de la ville.",
            "A ground for the matches and training of the city's teams and schools.",
        ),
        "updates": [
            (_d("2011-02-21"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 55),
            (_d("2013-06-10"), "progress", "in_progress", 80),
        ],
    },
    {
        "slug": "guelmim-corniche-oum-laachar",
        "aliases": (
            "Oum El Achar",
            "Oum Lachar",
            "Oum El Aachar",
            "أم لعشار",
            "واد أم العشار",
        ),
        "title": T("كورنيش أم العشار", "Corniche d'Oum Laachar", "Oum Laachar corniche"),
        "sector": "green-spaces",
        "point": ("28.978500", "-10.071500"),
        "contracting": "council",
        "summary": T(
            "تهيئة كورنيش على طول مجرى أم العشار ممشى وفضاء للنزهة لساكنة المدينة.",
            "Une corniche aménagée le long du cours d'Oum Laachar, promenade et espace de détente "
            "pour les habitants.",
            "A promenade laid out along the Oum Laachar watercourse, a walk and leisure space for "
            "residents.",
        ),
        "updates": [
            (_d("2011-04-04"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 35),
            (_d("2013-10-21"), "progress", "in_progress", 60),
        ],
    },
    {
        "slug": "guelmim-couverture-amane-ouchen",
        "aliases": (
            "Amane Ouchène",
            "Aman Ouchen",
            "Amane Oucheine",
            "أمان وشن",
            "أمان أوشين",
        ),
        "title": T(
            "تغطية أمان أوشن وبناء طريق عليه",
            "Couverture d'Amane Ouchen et construction d'une route au-dessus",
            "Covering Amane Ouchen and building a road over it",
        ),
        "sector": "water-sanitation",
        "point": ("28.984800", "-10.063800"),
        "contracting": "council",
        "summary": T(
            "تغطية مجرى أمان أوشن داخل المدينة وبناء طريق فوقه، من أجل السلامة والصحة العامة وحركة السير.",
            "Couvrir le cours d'Amane Ouchen dans la ville et construire une route au-dessus, pour "
            "la sécurité, l'hygiène publique et la circulation.",
            "Covering the Amane Ouchen watercourse in the city and building a road on top, for "
            "safety, public health and traffic.",
        ),
        "updates": [
            (_d("2011-09-12"), "start", "in_progress", 5),
            (M, "visit", "in_progress", 25),
            (_d("2013-11-18"), "progress", "in_progress", 45),
        ],
    },
    {
        "slug": "guelmim-rocades",
        "title": T("الطرق المدارية", "Rocades", "Ring roads"),
        "sector": "roads",
        "point": ("28.999000", "-10.078000"),
        "contracting": "council",
        "summary": T(
            "طرق مدارية تخفف حركة السير عن وسط المدينة وتربط بين أحيائها.",
            "Des rocades qui délestent le centre-ville et relient ses quartiers.",
            "Ring roads that take traffic out of the city centre and link its neighbourhoods.",
        ),
        "updates": [
            (_d("2010-10-18"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 40),
            (_d("2013-09-16"), "progress", "in_progress", 55),
        ],
    },
    {
        "slug": "guelmim-centre-hemodialyse",
        "aliases": (
            "مركز الدياليز",
            "مركز تصفية الكلي",
            "Centre de dialyse",
        ),
        "title": T("مركز تصفية الدم", "Centre d'hémodialyse", "Dialysis centre"),
        "sector": "health",
        "point": ("28.979800", "-10.055800"),
        "contracting": None,
        "summary": T(
            "مركز يقرب علاج القصور الكلوي بتصفية الدم من مرضى المدينة والإقليم.",
            "Un centre qui rapproche le traitement de l'insuffisance rénale par dialyse des patients "
            "de la ville et de la province.",
            "A centre bringing dialysis treatment for kidney failure closer to patients from the "
            "city and the province.",
        ),
        "updates": [
            (_d("2010-06-14"), "start", "in_progress", 15),
            (M, "visit", "in_progress", 90),
            (_d("2012-09-24"), "done", "completed", 100),
        ],
    },
    {
        "slug": "guelmim-oasis-des-sports",
        "title": T("واحة الرياضات", "Oasis des sports", "Sports oasis"),
        "sector": "sport",
        "point": ("28.972000", "-10.062000"),
        "contracting": "council",
        "summary": T(
            "فضاء رياضي مفتوح لممارسة رياضات متعددة.",
            "Un espace sportif ouvert pour la pratique de plusieurs sports.",
            "An open-air space for several sports.",
        ),
        "updates": [
            (_d("2011-01-17"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 45),
            (_d("2013-07-08"), "progress", "in_progress", 70),
        ],
    },
    {
        "slug": "guelmim-piste-athletisme",
        "title": T("حلبة ألعاب القوى", "Piste d'athlétisme", "Athletics track"),
        "sector": "sport",
        "point": ("28.973600", "-10.059800"),
        "contracting": "council",
        "summary": T(
            "حلبة لتداريب ومنافسات العدائين بالمدينة.",
            "Une piste pour l'entraînement et les compétitions des athlètes de la ville.",
            "A track for the training and competitions of the city's athletes.",
        ),
        "updates": [
            (_d("2011-03-07"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 40),
            (_d("2013-07-15"), "progress", "in_progress", 65),
        ],
    },
    {
        "slug": "guelmim-salle-couverte",
        "title": T("القاعة المغطاة", "Salle couverte", "Indoor hall"),
        "sector": "sport",
        "point": ("28.974600", "-10.064600"),
        "contracting": "council",
        "summary": T(
            "قاعة رياضية مغطاة متعددة التخصصات.",
            "Une salle de sport couverte omnisports.",
            "A multi-sport indoor hall.",
        ),
        "updates": [
            (_d("2010-09-20"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 95),
            (_d("2012-10-29"), "done", "completed", 100),
        ],
    },
    {
        "slug": "guelmim-piscine-couverte",
        "title": T("المسبح المغطى", "Piscine couverte", "Indoor swimming pool"),
        "sector": "sport",
        "point": ("28.971000", "-10.065600"),
        "contracting": "council",
        "summary": T(
            "مسبح مغطى يتيح ممارسة السباحة طوال السنة.",
            "Une piscine couverte pour nager toute l'année.",
            "An indoor pool for swimming all year round.",
        ),
        "updates": [
            (_d("2011-10-10"), "start", "in_progress", 5),
            (M, "visit", "in_progress", 20),
            (_d("2014-01-20"), "progress", "in_progress", 40),
        ],
    },
    {
        "slug": "guelmim-jardin-touaghil",
        "aliases": (
            "Touaghil",
            "Twaghil",
            "Jardin Tawaghil",
            "حديقة تواغيل",
        ),
        "title": T("حديقة التواغيل", "Jardin Touaghil", "Touaghil garden"),
        "sector": "green-spaces",
        "point": ("28.987000", "-10.072000"),
        "contracting": "council",
        "summary": T(
            "حديقة عمومية وفضاء أخضر للعائلات.",
            "Un jardin public et un espace vert pour les familles.",
            "A public garden and green space for families.",
        ),
        "updates": [
            (_d("2010-05-03"), "start", "in_progress", 15),
            (_d("2011-06-06"), "done", "completed", 100),
            (M, "visit", "completed", 100),
        ],
    },
    {
        "slug": "guelmim-mediatheque",
        "aliases": (
            "ميدياتيك",
            "المكتبة الوسائطية",
            "Médiathèque de Guelmim",
        ),
        "title": T("الخزانة الوسائطية", "Médiathèque", "Media library"),
        "sector": "culture",
        "point": ("28.983500", "-10.060500"),
        "contracting": "council",
        "summary": T(
            "خزانة تضم الكتب والوسائط الرقمية وفضاءات للمطالعة والأنشطة الثقافية.",
            "Une médiathèque réunissant livres, ressources numériques, espaces de lecture et "
            "d'activités culturelles.",
            "A library of books and digital media with rooms for reading and cultural activities.",
        ),
        "updates": [
            (_d("2011-02-07"), "start", "in_progress", 10),
            (M, "visit", "in_progress", 50),
            (_d("2013-12-09"), "progress", "in_progress", 75),
        ],
    },
    {
        "slug": "guelmim-institut-hotellerie-tourisme",
        "aliases": (
            "ISHT",
            "معهد الفندقة",
            "Institut de tourisme",
        ),
        "title": T(
            "المعهد العالي للفندقة و السياحة",
            "Institut supérieur d'hôtellerie et de tourisme",
            "Higher Institute of Hotel Management and Tourism",
        ),
        "sector": "higher-education",
        "point": ("28.968000", "-10.074000"),
        "contracting": None,
        "summary": T(
            "مؤسسة للتكوين في مهن الفندقة والسياحة.",
            "Un établissement de formation aux métiers de l'hôtellerie et du tourisme.",
            "A school training students for careers in hotels and tourism.",
        ),
        "updates": [
            (_d("2011-11-14"), "start", "in_progress", 5),
            (M, "visit", "in_progress", 20),
            (_d("2014-02-17"), "progress", "in_progress", 50),
        ],
    },
    {
        "slug": "guelmim-centre-universitaire",
        "aliases": (
            "الكلية",
            "Faculté de Guelmim",
            "Centre universitaire de Guelmim",
        ),
        "title": T("المركز الجامعي", "Centre universitaire", "University centre"),
        "sector": "higher-education",
        "point": ("28.965000", "-10.069000"),
        "contracting": None,
        "summary": T(
            "مركز جامعي يقرب التعليم العالي من شباب المدينة والجهة.",
            "Un centre universitaire qui rapproche l'enseignement supérieur des jeunes de la ville "
            "et de la région.",
            "A university centre bringing higher education closer to young people from the city "
            "and the region.",
        ),
        "updates": [
            (_d("2012-01-16"), "start", "in_progress", 5),
            (M, "visit", "in_progress", 15),
            (_d("2014-03-10"), "progress", "in_progress", 35),
        ],
    },
    {
        "slug": "guelmim-centre-accueil-conferences",
        "title": T(
            "مركز الاستقبال و الندوات",
            "Centre d'accueil et des conférences",
            "Reception and conference centre",
        ),
        "sector": "public-facilities",
        "point": ("28.988000", "-10.066000"),
        "contracting": "council",
        "summary": T(
            "مركز يحتضن اللقاءات والتظاهرات، وفيه انعقد اللقاء التواصلي مع المجتمع المدني.",
            "Un centre qui accueille rencontres et manifestations ; la rencontre avec la société "
            "civile s'y est tenue.",
            "A centre for meetings and events, where the outreach meeting with civil society was held.",
        ),
        "updates": [
            (_d("2010-04-12"), "start", "in_progress", 20),
            (_d("2011-12-26"), "done", "completed", 100),
            (M, "visit", "completed", 100),
        ],
    },
    # The projects the presentations were about.
    {
        "slug": "guelmim-projet-de-ville",
        "title": T("مشروع المدينة", "Projet de ville", "City project"),
        "sector": "urban-planning",
        "point": ("28.982000", "-10.068500"),
        "contracting": "urban-agency",
        "in_plan": False,
        "origin": "presentation",
        "summary": T(
            "دراسة لمستقبل المدينة وتهيئتها، قدمها مدير الوكالة الحضرية مع المهندس المكلف بإعداد "
            "دراستها.",
            "Une étude sur l'avenir et l'aménagement de la ville, présentée par le directeur de "
            "l'agence urbaine avec l'ingénieur chargé de l'étude.",
            "A study of the city's future and layout, presented by the director of the urban agency "
            "with the engineer in charge of the study.",
        ),
        "updates": [
            (_d("2011-06-20"), "study", "study", 10),
            (M, "presented", "study", 20),
        ],
    },
    {
        "slug": "guelmim-protection-inondations",
        "title": T(
            "مشروع وقاية المدينة من الفيضانات",
            "Projet de protection de la ville contre les inondations",
            "City flood-protection project",
        ),
        "sector": "water-sanitation",
        "point": ("28.976800", "-10.076200"),
        "contracting": "basin-agency",
        "in_plan": False,
        "origin": "presentation",
        "summary": T(
            "منشآت لوقاية المدينة من الفيضانات، قدمها مدير وكالة الحوض المائي سوس ماسة درعة.",
            "Des ouvrages pour protéger la ville des inondations, présentés par le directeur de "
            "l'Agence du bassin hydraulique du Souss-Massa-Drâa.",
            "Works to protect the city from floods, presented by the director of the "
            "Souss-Massa-Drâa water-basin agency.",
        ),
        "updates": [
            (_d("2011-12-05"), "study", "study", 10),
            (M, "presented", "study", 15),
            (_d("2013-04-15"), "start", "in_progress", 30),
        ],
    },
    {
        "slug": "guelmim-assainissement-eaux-pluviales",
        "title": T(
            "التطهير السائل وصرف مياه الأمطار",
            "Assainissement liquide et évacuation des eaux pluviales",
            "Sewerage and storm-water drainage",
        ),
        "sector": "water-sanitation",
        "point": ("28.994500", "-10.070000"),
        "contracting": "onee-water",
        "in_plan": False,
        "origin": "presentation",
        "summary": T(
            "شبكات التطهير السائل وصرف مياه الأمطار بالمدينة، قدمها النائب الإقليمي للمكتب الوطني "
            "للماء و الكهرباء قطاع الماء.",
            "Les réseaux d'assainissement et d'évacuation des eaux pluviales de la ville, présentés "
            "par le délégué provincial de l'ONEE – branche Eau.",
            "The city's sewerage and storm-water networks, presented by the provincial delegate of "
            "ONEE's water branch.",
        ),
        "updates": [
            (_d("2011-05-09"), "start", "in_progress", 10),
            (M, "presented", "in_progress", 25),
            (_d("2013-11-04"), "progress", "in_progress", 40),
        ],
    },
    {
        "slug": "guelmim-amenagement-boulevard-mohammed-vi",
        "aliases": (
            "Boulevard Mohammed 6",
            "Avenue Mohamed VI",
            "شارع محمد 6",
        ),
        "title": T(
            "مشروع تهيئة شارع محمد السادس",
            "Aménagement du boulevard Mohammed VI",
            "Mohammed VI Boulevard upgrading project",
        ),
        "sector": "roads",
        "point": ("28.986000", "-10.060000"),
        "contracting": "council",
        "origin": "presentation",
        "summary": T(
            "تهيئة شارع محمد السادس، يتتبعها قسم التعمير و التصاميم بالبلدية.",
            "L'aménagement du boulevard Mohammed VI, suivi par la division de l'urbanisme et des "
            "plans de la municipalité.",
            "Upgrading Mohammed VI Boulevard, followed by the municipality's urban planning and "
            "plans department.",
        ),
        "updates": [
            (_d("2011-07-11"), "start", "in_progress", 10),
            (M, "presented", "in_progress", 35),
            (_d("2013-05-27"), "progress", "in_progress", 60),
        ],
    },
]

ARTICLE = T(
    "في خطوة غير مسبوقة نظم المجلس البلدي لكلميم لقاء تواصليا مع فعاليات المجتمع المدني تحت شعار: "
    '" المجتمع المدني شريك أساسي في التنمية المحلية المستدامة ". و يأتي تنظيم هذا اللقاء استجابة '
    "لمطلب أساسي طالما رفعته جمعيات المجتمع المدني بالمدينة، و القاضي بضرورة التفاعل الإيجابي "
    "للمسؤولين المحليين وعلى رأسهم مسؤولوا المجلس البلدي مع هيئات المجتمع المدني، والكف مع المنطق "
    "القديم في التعامل معها، وذلك من خلال الاعتراف بالعمل الجمعوي كركيزة اساسية من ركائز التنمية "
    "المحلية، اعتراف يستوجب بالضرورة القبول بالمرتبة الجديدة التي خولها الدستور الجديد للفاعلين "
    "الجمعويين، وذلك بإشراكهم في التدبير الحقيقي والخلاق للشأن المحلي. و في هذا السياق تم تنظيم "
    "برنامج من أجل تحويل هذا الشريك الأساسي بالمقاربة التشاركية المبنية على الدعم و التمويل إلى "
    "مستوى جعله مساهما و مرافقا لمدبري الشأن المحلي وهي خطوة استباقية لم يسبق لها مثيل في الأقاليم "
    "الجنوبية.\n\n"
    "و في هذا السياق نظم برنامج انطلق في أوله بزيارة ميدانية ارتكزت لضيق الوقت على بعض الأوراش "
    "التنموية التي تشكل المحاور الأساسية للمخطط التنموي للجماعة الترابية برسم سنة 2010 – 2015، و "
    "هكذا فقد تمت زيارة كل من دار الشباب المسيرة – الملعب الرياضي المسيرة – كورنيش أم العشار – "
    "تغطية أمان أوشن وبناء طريق عليه – الطرق المدارية – مركز تصفية الدم – واحة الرياضات – حلبة "
    "ألعاب القوى – القاعة المغطاة – المسبح المغطى – حديقة التواغيل – الخزانة الوسائطية – المعهد "
    "العالي للفندقة و السياحة – المركز الجامعي – مركز الاستقبال و الندوات.\n\n"
    "و بعد ذلك انطلقت أشغال اللقاء الرسمي التواصلي بمركز الاستقبال و الندوات تخللته كلمات أساسية "
    "للسادة الوالي و رئيس الجهة و رئيس الجماعة تم التأكيد من خلالها على حرص المنظومة المحلية على "
    "خدمة مسلسل التنمية المحلية، ثم قدمت شواهد تقديرية كعربون وفاء و إخلاص على هذا العمل التشاركي و "
    "على هذه العلاقة المبنية على وعي و إحساس بالمسؤولية المشتركة فيما يخص الدفع بمسلسل التنمية "
    "الاقتصادية و الاجتماعية إلى الأمام. و في هذا الإطار قدمت شواهد تقديرية لكل من السادة : [لا "
    "يذكر المقال أسماءهم.]\n\n"
    "كما شهد هذا اللقاء تقديم العروض التالية :\n"
    '- "مشروع المدينة" من تقديم السيد مدير الوكالة الحضرية لجهة كلميم السمارة باشتراك مع المهندس '
    "المكلف بإعداد دراسة المشروع.\n"
    '- "مشروع وقاية المدينة من الفيضانات" من تقديم مدير وكالة الحوض المائي سوس ماسة درعة.\n'
    '- "التطهير السائل وصرف مياه الأمطار" من تقديم النائب الإقليمي للمكتب الوطني للماء و الكهرباء '
    "قطاع الماء.\n"
    '- "مشروع تهيئة شارع محمد السادس" من تقديم المهندس البلدي رئيس قسم التعمير و التصاميم المكلف '
    "بتتبع المشروع.\n\n"
    "و بعد مداخلات لبعض فعاليات المجتمع المدني التي ارتكزت كلها على تثمين هذه التجربة الرائدة التي "
    "حققت نقلة تنموية رائدة على مستوى الإقليم، تم تقديم بعض المقترحات التي خرجت على شكل توصيات من "
    "بينها أساسا عقد اتفاقية شراكة تشكل ميثاقا اجتماعيا و أخلاقيا مع فعاليات المجتمع المدني ثم أيضا "
    "عقد لقاء مع الفنانين و الفنانات على مستوى مدينة كلميم و استمرار آليات التواصل الايجابي مع "
    "فعاليات المجتمع المدني.",
    # French
    "Dans une démarche sans précédent, le conseil municipal de Guelmim a organisé une rencontre de "
    "communication avec les acteurs de la société civile sous le slogan « La société civile, "
    "partenaire essentiel du développement local durable ». Cette rencontre répond à une demande "
    "de fond longtemps portée par les associations de la ville : que les responsables locaux, à "
    "commencer par ceux du conseil municipal, dialoguent de manière constructive avec les instances "
    "de la société civile et rompent avec l'ancienne façon de les traiter, en reconnaissant l'action "
    "associative comme l'un des piliers du développement local. Cette reconnaissance suppose "
    "d'accepter la place nouvelle que la nouvelle Constitution accorde aux acteurs associatifs, en "
    "les associant à une gestion réelle et créative des affaires locales. Un programme a donc été "
    "conçu pour que ce partenaire essentiel dépasse une approche participative fondée sur le soutien "
    "et le financement et devienne contributeur et compagnon de route des gestionnaires des affaires "
    "locales : une démarche anticipatrice sans équivalent dans les provinces du Sud.\n\n"
    "Le programme a commencé par une visite de terrain qui, faute de temps, s'est limitée à certains "
    "des chantiers de développement constituant les axes principaux du plan de développement de la "
    "commune pour 2010–2015. Ont ainsi été visités : la maison des jeunes Al Massira, le stade Al "
    "Massira, la corniche d'Oum Laachar, la couverture d'Amane Ouchen et la route construite "
    "au-dessus, les rocades, le centre d'hémodialyse, l'oasis des sports, la piste d'athlétisme, la "
    "salle couverte, la piscine couverte, le jardin Touaghil, la médiathèque, l'Institut supérieur "
    "d'hôtellerie et de tourisme, le centre universitaire et le centre d'accueil et des "
    "conférences.\n\n"
    "La rencontre officielle s'est ensuite ouverte au centre d'accueil et des conférences, ponctuée "
    "par les allocutions du wali, du président de la région et du président de la commune, qui ont "
    "souligné l'engagement des acteurs locaux au service du développement local. Des attestations de "
    "reconnaissance ont ensuite été remises, en gage de fidélité et de dévouement à ce travail "
    "participatif et à une relation fondée sur la conscience et le sens d'une responsabilité "
    "partagée pour faire avancer le développement économique et social. Dans ce cadre, des "
    "attestations ont été remises à : [l'article ne donne pas leurs noms.]\n\n"
    "La rencontre a également entendu les exposés suivants :\n"
    "- « Le projet de ville », par le directeur de l'Agence urbaine de Guelmim-Es Semara, avec "
    "l'ingénieur chargé de l'étude du projet ;\n"
    "- « Le projet de protection de la ville contre les inondations », par le directeur de l'Agence "
    "du bassin hydraulique du Souss-Massa-Drâa ;\n"
    "- « L'assainissement liquide et l'évacuation des eaux pluviales », par le délégué provincial de "
    "l'Office national de l'électricité et de l'eau potable, branche Eau ;\n"
    "- « Le projet d'aménagement du boulevard Mohammed VI », par l'ingénieur municipal, chef de la "
    "division de l'urbanisme et des plans, chargé du suivi du projet.\n\n"
    "Après les interventions de plusieurs acteurs de la société civile, qui ont toutes salué cette "
    "expérience pionnière, porteuse d'un véritable saut de développement dans la province, des "
    "propositions ont été formulées sous forme de recommandations, notamment : conclure avec les "
    "acteurs de la société civile une convention de partenariat qui constitue une charte sociale et "
    "éthique ; organiser une rencontre avec les artistes, femmes et hommes, de la ville de Guelmim ; "
    "et poursuivre les mécanismes de communication constructive avec les acteurs de la société "
    "civile.",
    # English
    "In an unprecedented step, the Guelmim municipal council held an outreach meeting with "
    'civil-society actors under the slogan "Civil society, an essential partner in sustainable '
    "local development\". The meeting answers a core demand long voiced by the city's associations: "
    "that local officials, starting with those of the municipal council, engage constructively with "
    "civil-society bodies and break with the old way of dealing with them, by recognising the work "
    "of associations as one of the pillars of local development. That recognition means accepting "
    "the new standing the new Constitution gives to association actors, by involving them in the "
    "real and creative running of local affairs. A programme was therefore designed to move this "
    "essential partner beyond a participatory approach based on support and funding, to the point "
    "where it contributes to, and works alongside, those who run local affairs: a forward-looking "
    "step without precedent in the southern provinces.\n\n"
    "The programme opened with a site visit which, for lack of time, focused on some of the "
    "development worksites that form the main axes of the commune's development plan for "
    "2010–2015. The visit took in the Al Massira youth centre, the Al Massira sports ground, the Oum "
    "Laachar corniche, the covering of Amane Ouchen and the road built over it, the ring roads, the "
    "dialysis centre, the sports oasis, the athletics track, the indoor hall, the indoor swimming "
    "pool, the Touaghil garden, the media library, the Higher Institute of Hotel Management and "
    "Tourism, the university centre, and the reception and conference centre.\n\n"
    "The official meeting then opened at the reception and conference centre, with keynote "
    "speeches by the Wali, the president of the region and the president of the commune, who "
    "stressed the commitment of local institutions to serving local development. Certificates of "
    "appreciation were then presented as a token of loyalty and dedication to this participatory "
    "work and to a relationship built on awareness and a shared sense of responsibility for moving "
    "economic and social development forward. In this context, certificates were presented to: [the "
    "article does not give their names.]\n\n"
    "The meeting also heard the following presentations:\n"
    '- "The city project", by the director of the Guelmim-Es Semara urban agency, with the '
    "engineer in charge of the project study;\n"
    '- "Protecting the city from floods", by the director of the Souss-Massa-Drâa water-basin '
    "agency;\n"
    '- "Sewerage and storm-water drainage", by the provincial delegate of the National Office of '
    "Electricity and Drinking Water, water branch;\n"
    '- "The Mohammed VI Boulevard upgrading project", by the municipal engineer heading the urban '
    "planning and plans department, who follows the project.\n\n"
    "After interventions by several civil-society actors, all of which praised this pioneering "
    "experience and the leap forward in development it has brought to the province, proposals were "
    "made and adopted as recommendations, chiefly: concluding a partnership agreement with "
    "civil-society actors that forms a social and ethical charter; holding a meeting with the "
    "city's artists, women and men; and continuing the mechanisms of constructive communication "
    "with civil-society actors.",
)

MEETING = {
    "slug": "guelmim-civil-society-outreach-meeting",
    "kind": "outreach",
    "title": T(
        "لقاء تواصلي للمجلس البلدي لكلميم مع فعاليات المجتمع المدني",
        "Rencontre de communication du conseil municipal de Guelmim avec la société civile",
        "Guelmim municipal council's outreach meeting with civil society",
    ),
    "slogan": T(
        "المجتمع المدني شريك أساسي في التنمية المحلية المستدامة",
        "La société civile, partenaire essentiel du développement local durable",
        "Civil society, an essential partner in sustainable local development",
    ),
    "start_date": MEETING_DATE,
    "venue": T(
        "مركز الاستقبال و الندوات، كلميم",
        "Centre d'accueil et des conférences, Guelmim",
        "Reception and conference centre, Guelmim",
    ),
    "status": "held",
    "illustrative": True,
    "summary": T(
        "في خطوة غير مسبوقة نظم المجلس البلدي لكلميم لقاء تواصليا مع فعاليات المجتمع المدني، افتُتح "
        "بزيارة ميدانية لخمسة عشر ورشا من أوراش المخطط التنموي للجماعة 2010 – 2015، وتخللته كلمات "
        "الوالي ورئيس الجهة ورئيس الجماعة وتقديم شواهد تقديرية وأربعة عروض، وخرج بثلاث توصيات. "
        "تاريخ اللقاء توضيحي: لا يذكر المقال تاريخ انعقاده.",
        "Dans une démarche sans précédent, le conseil municipal de Guelmim a rencontré les acteurs de "
        "la société civile : visite de quinze chantiers du plan de développement 2010–2015, "
        "allocutions du wali, du président de la région et du président de la commune, remise "
        "d'attestations de reconnaissance, quatre exposés et trois recommandations. La date est "
        "illustrative : l'article ne la donne pas.",
        "In an unprecedented step, the Guelmim municipal council met civil-society actors: a visit "
        "to fifteen worksites of the 2010–2015 development plan, speeches by the Wali, the president "
        "of the region and the president of the commune, certificates of appreciation, four "
        "presentations and three recommendations. The date is illustrative: the article does not "
        "give it.",
    ),
    "report": ARTICLE,
    "source": "مقال إخباري بالعربية عن اللقاء (وثيقة التأسيس guelmim-2010-civil-society-meeting)",
    "organisers": ["council"],
    "partners": [],
}

SITE_VISIT = {
    "title": T(
        "زيارة ميدانية لأوراش المخطط التنموي للجماعة 2010 – 2015",
        "Visite de terrain des chantiers du plan de développement communal 2010–2015",
        "Site visit to the worksites of the 2010–2015 municipal development plan",
    ),
    "notes": T(
        "ارتكزت الزيارة لضيق الوقت على بعض الأوراش التنموية التي تشكل المحاور الأساسية للمخطط "
        "التنموي للجماعة الترابية برسم سنة 2010 – 2015. تاريخ الزيارة توضيحي (يوم اللقاء).",
        "Faute de temps, la visite s'est limitée à certains des chantiers qui constituent les axes "
        "principaux du plan de développement de la commune pour 2010–2015. La date de la visite est "
        "illustrative (le jour de la rencontre).",
        "For lack of time, the visit focused on some of the worksites that form the main axes of the "
        "commune's 2010–2015 development plan. The date of the visit is illustrative (the day of the "
        "meeting).",
    ),
    # In the article's order.
    "stops": [project["slug"] for project in PROJECTS[:15]],
    "stop_notes": {
        "guelmim-centre-accueil-conferences": T(
            "آخر محطة في الزيارة، وفيها انطلقت أشغال اللقاء الرسمي التواصلي.",
            "Dernière étape de la visite ; la rencontre officielle s'y est ouverte.",
            "Last stop of the visit, where the official meeting then opened.",
        ),
    },
}

SPEECH_THEME = T(
    "تم التأكيد من خلالها على حرص المنظومة المحلية على خدمة مسلسل التنمية المحلية.",
    "Elle a souligné l'engagement des acteurs locaux au service du développement local.",
    "It stressed the commitment of local institutions to serving local development.",
)

INTERVENTION_SUMMARY = T(
    "ارتكزت مداخلات فعاليات المجتمع المدني كلها على تثمين هذه التجربة الرائدة التي حققت نقلة "
    "تنموية رائدة على مستوى الإقليم. نسبة هذه المداخلة إلى هذه الجمعية توضيحية: لا يسمي المقال "
    "المتدخلين.",
    "Toutes les interventions de la société civile ont salué cette expérience pionnière, porteuse "
    "d'un saut de développement dans la province. L'attribution de cette intervention à cette "
    "association est illustrative : l'article ne nomme pas les intervenants.",
    "All civil-society interventions praised this pioneering experience and the leap forward in "
    "development it brought to the province. Attributing this intervention to this association is "
    "illustrative: the article does not name the speakers.",
)

SPEECHES = [
    {
        "order": 1,
        "kind": "address",
        "speaker": "wali",
        "title": T("كلمة السيد الوالي", "Allocution du wali", "Speech by the Wali"),
        "summary": SPEECH_THEME,
    },
    {
        "order": 2,
        "kind": "address",
        "speaker": "region-president",
        "title": T(
            "كلمة السيد رئيس الجهة",
            "Allocution du président de la région",
            "Speech by the president of the region",
        ),
        "summary": SPEECH_THEME,
    },
    {
        "order": 3,
        "kind": "address",
        "speaker": "commune-president",
        "title": T(
            "كلمة السيد رئيس الجماعة",
            "Allocution du président de la commune",
            "Speech by the president of the commune",
        ),
        "summary": SPEECH_THEME,
    },
    {
        "order": 4,
        "kind": "intervention",
        "association": "guelmim-al-amal-development-solidarity",
        "title": T(
            "مداخلة من المجتمع المدني",
            "Intervention de la société civile",
            "Civil-society intervention",
        ),
        "summary": INTERVENTION_SUMMARY,
        "illustrative": True,
    },
    {
        "order": 5,
        "kind": "intervention",
        "association": "guelmim-oued-noun-youth-culture-sport",
        "title": T(
            "مداخلة من المجتمع المدني",
            "Intervention de la société civile",
            "Civil-society intervention",
        ),
        "summary": INTERVENTION_SUMMARY,
        "illustrative": True,
    },
    {
        "order": 6,
        "kind": "intervention",
        "association": "guelmim-women-artisans",
        "title": T(
            "مداخلة من المجتمع المدني",
            "Intervention de la société civile",
            "Civil-society intervention",
        ),
        "summary": INTERVENTION_SUMMARY,
        "illustrative": True,
    },
]

PRESENTATIONS = [
    {
        "order": 1,
        "title": T("مشروع المدينة", "Le projet de ville", "The city project"),
        "institution": "urban-agency",
        "presenters": ["urban-agency-director", "study-engineer"],
        "summary": T(
            "من تقديم السيد مدير الوكالة الحضرية لجهة كلميم السمارة باشتراك مع المهندس المكلف "
            "بإعداد دراسة المشروع.",
            "Présenté par le directeur de l'Agence urbaine de Guelmim-Es Semara avec l'ingénieur "
            "chargé de l'étude du projet.",
            "Presented by the director of the Guelmim-Es Semara urban agency with the engineer in "
            "charge of the project study.",
        ),
        "projects": ["guelmim-projet-de-ville", "guelmim-rocades"],
    },
    {
        "order": 2,
        "title": T(
            "مشروع وقاية المدينة من الفيضانات",
            "Le projet de protection de la ville contre les inondations",
            "Protecting the city from floods",
        ),
        "institution": "basin-agency",
        "presenters": ["basin-director"],
        "summary": T(
            "من تقديم مدير وكالة الحوض المائي سوس ماسة درعة.",
            "Présenté par le directeur de l'Agence du bassin hydraulique du Souss-Massa-Drâa.",
            "Presented by the director of the Souss-Massa-Drâa water-basin agency.",
        ),
        "projects": [
            "guelmim-protection-inondations",
            "guelmim-couverture-amane-ouchen",
            "guelmim-corniche-oum-laachar",
        ],
    },
    {
        "order": 3,
        "title": T(
            "التطهير السائل وصرف مياه الأمطار",
            "L'assainissement liquide et l'évacuation des eaux pluviales",
            "Sewerage and storm-water drainage",
        ),
        "institution": "onee-water",
        "presenters": ["onee-delegate"],
        "summary": T(
            "من تقديم النائب الإقليمي للمكتب الوطني للماء و الكهرباء قطاع الماء.",
            "Présenté par le délégué provincial de l'Office national de l'électricité et de l'eau "
            "potable, branche Eau.",
            "Presented by the provincial delegate of the National Office of Electricity and Drinking "
            "Water, water branch.",
        ),
        "projects": ["guelmim-assainissement-eaux-pluviales", "guelmim-couverture-amane-ouchen"],
    },
    {
        "order": 4,
        "title": T(
            "مشروع تهيئة شارع محمد السادس",
            "Le projet d'aménagement du boulevard Mohammed VI",
            "The Mohammed VI Boulevard upgrading project",
        ),
        "institution": "planning-department",
        "presenters": ["municipal-engineer"],
        "summary": T(
            "من تقديم المهندس البلدي رئيس قسم التعمير و التصاميم المكلف بتتبع المشروع.",
            "Présenté par l'ingénieur municipal, chef de la division de l'urbanisme et des plans, "
            "chargé du suivi du projet.",
            "Presented by the municipal engineer heading the urban planning and plans department, "
            "who follows the project.",
        ),
        "projects": ["guelmim-amenagement-boulevard-mohammed-vi"],
    },
]

CERTIFICATE_CITATION = T(
    "عربون وفاء و إخلاص على هذا العمل التشاركي و على هذه العلاقة المبنية على وعي و إحساس بالمسؤولية "
    "المشتركة فيما يخص الدفع بمسلسل التنمية الاقتصادية و الاجتماعية إلى الأمام.",
    "En gage de fidélité et de dévouement à ce travail participatif et à une relation fondée sur la "
    "conscience et le sens d'une responsabilité partagée pour faire avancer le développement "
    "économique et social.",
    "A token of loyalty and dedication to this participatory work and to a relationship built on "
    "awareness and a shared sense of responsibility for moving economic and social development "
    "forward.",
)

# The article announces the recipients but gives no names: these are examples.
CERTIFICATES = [
    {"association": "guelmim-al-amal-development-solidarity"},
    {"association": "guelmim-women-artisans"},
    {"association": "guelmim-friends-of-the-environment"},
    {"name": "فاعلة جمعوية من مدينة كلميم (اسم توضيحي)"},
]
CERTIFICATE_SIGNATORY = "commune-president"

ATTENDING_ASSOCIATIONS = [
    ("guelmim-al-amal-development-solidarity", 2),
    ("guelmim-oued-noun-youth-culture-sport", 3),
    ("guelmim-women-artisans", 2),
    ("guelmim-friends-of-the-environment", 1),
]
ATTENDING_INSTITUTIONS = ["wilaya", "region-council", "urban-agency", "basin-agency", "onee-water"]

RECOMMENDATIONS = [
    {
        "order": 1,
        "title": T(
            "عقد اتفاقية شراكة تشكل ميثاقا اجتماعيا و أخلاقيا مع فعاليات المجتمع المدني",
            "Conclure avec la société civile une convention de partenariat formant une charte "
            "sociale et éthique",
            "Conclude a partnership agreement with civil society that forms a social and ethical "
            "charter",
        ),
        "text": T(
            "عقد اتفاقية شراكة تشكل ميثاقا اجتماعيا و أخلاقيا مع فعاليات المجتمع المدني.",
            "Conclure avec les acteurs de la société civile une convention de partenariat qui "
            "constitue une charte sociale et éthique.",
            "Conclude a partnership agreement with civil-society actors that forms a social and "
            "ethical charter.",
        ),
        "theme": "partnership",
        "addressed_to": "council",
        "priority": "high",
        "follow_ups": [
            (
                datetime.date(2012, 7, 5),
                "adopted",
                T(
                    "(متابعة توضيحية) أدرج المجلس البلدي مشروع الاتفاقية في جدول أعمال دورته "
                    "العادية وصادق على مبدئها.",
                    "(Suivi illustratif) Le conseil municipal a inscrit le projet de convention à "
                    "l'ordre du jour de sa session ordinaire et en a approuvé le principe.",
                    "(Illustrative follow-up) The municipal council put the draft agreement on the "
                    "agenda of its ordinary session and approved it in principle.",
                ),
            ),
            (
                datetime.date(2013, 2, 14),
                "in_progress",
                T(
                    "(متابعة توضيحية) تشكيل لجنة مشتركة بين المجلس والجمعيات لصياغة مسودة الميثاق.",
                    "(Suivi illustratif) Une commission mixte du conseil et des associations "
                    "rédige le projet de charte.",
                    "(Illustrative follow-up) A joint committee of the council and associations is "
                    "drafting the charter.",
                ),
            ),
        ],
    },
    {
        "order": 2,
        "title": T(
            "عقد لقاء مع الفنانين و الفنانات على مستوى مدينة كلميم",
            "Organiser une rencontre avec les artistes de la ville de Guelmim",
            "Hold a meeting with the artists of the city of Guelmim",
        ),
        "text": T(
            "عقد لقاء مع الفنانين و الفنانات على مستوى مدينة كلميم.",
            "Organiser une rencontre avec les artistes, femmes et hommes, de la ville de Guelmim.",
            "Hold a meeting with the artists, women and men, of the city of Guelmim.",
        ),
        "theme": "culture-arts",
        "addressed_to": "council",
        "priority": "medium",
        "follow_ups": [
            (
                datetime.date(2012, 11, 10),
                "implemented",
                T(
                    "(متابعة توضيحية) نظم المجلس البلدي لقاء تواصليا مع فنانات وفناني المدينة "
                    "بمركز الاستقبال و الندوات.",
                    "(Suivi illustratif) Le conseil municipal a tenu une rencontre avec les "
                    "artistes de la ville au centre d'accueil et des conférences.",
                    "(Illustrative follow-up) The municipal council held a meeting with the city's "
                    "artists at the reception and conference centre.",
                ),
            ),
        ],
    },
    {
        "order": 3,
        "title": T(
            "استمرار آليات التواصل الايجابي مع فعاليات المجتمع المدني",
            "Poursuivre les mécanismes de communication constructive avec la société civile",
            "Keep up constructive communication with civil society",
        ),
        "text": T(
            "استمرار آليات التواصل الايجابي مع فعاليات المجتمع المدني.",
            "Poursuivre les mécanismes de communication constructive avec les acteurs de la "
            "société civile.",
            "Continue the mechanisms of constructive communication with civil-society actors.",
        ),
        "theme": "communication",
        "addressed_to": "council",
        "priority": "medium",
        "status": "adopted",
        "follow_ups": [],
    },
]
