"""Spellings of the demo's names that people in Morocco type, and what each should find.

Each entry is ``(cause, query, targets)``: why the spelling differs from the
record, what is typed, and the records it is meant to find, as ``(kind,
start of the Arabic title)``; several targets mean any of them is right
(a project and the presentation of the same name). The search page is asked
in Arabic; a spelling is *found* when a target is among the "all kinds"
list, *first* when a target heads it.

``tests/site/test_spellings.py`` runs them on the database of the test run
(SQLite, or PostgreSQL with ``DATABASE_URL``); ``bench/spellings.py`` prints
the rates by cause.
"""

from dataclasses import dataclass

from django.urls import reverse
from django.utils import translation

PROJECT = "projects"
COMMUNE = "communes"
ASSOCIATION = "associations"
INSTITUTION = "institutions"
PERSON = "people"
MEETING = "meetings"
PRESENTATION = "presentations"
SESSION = "sessions"
SPEECH = "speeches"
WORKSHOP = "workshops"
VISIT = "site_visits"
CERTIFICATE = "certificates"
RECOMMENDATION = "recommendations"

GUELMIM = ((COMMUNE, "كلميم"),)
TAROUDANT = ((COMMUNE, "تارودانت"),)
DAR_CHABAB = ((PROJECT, "دار الشباب المسيرة"),)
STADE = ((PROJECT, "الملعب الرياضي المسيرة"),)
CORNICHE = ((PROJECT, "كورنيش أم العشار"),)
AMANE_OUCHEN = ((PROJECT, "تغطية أمان أوشن"),)
RING_ROADS = ((PROJECT, "الطرق المدارية"),)
DIALYSIS = ((PROJECT, "مركز تصفية الدم"),)
SPORTS_OASIS = ((PROJECT, "واحة الرياضات"),)
TRACK = ((PROJECT, "حلبة ألعاب القوى"),)
HALL = ((PROJECT, "القاعة المغطاة"),)
POOL = ((PROJECT, "المسبح المغطى"),)
GARDEN = ((PROJECT, "حديقة التواغيل"),)
MEDIATHEQUE = ((PROJECT, "الخزانة الوسائطية"),)
HOTEL_SCHOOL = ((PROJECT, "المعهد العالي للفندقة"),)
UNIVERSITY = ((PROJECT, "المركز الجامعي"),)
RECEPTION = ((PROJECT, "مركز الاستقبال و الندوات"),)
CITY_PROJECT = ((PROJECT, "مشروع المدينة"), (PRESENTATION, "مشروع المدينة"))
FLOODS = ((PROJECT, "مشروع وقاية المدينة"), (PRESENTATION, "مشروع وقاية المدينة"))
SEWERAGE = ((PROJECT, "التطهير السائل"), (PRESENTATION, "التطهير السائل"))
BOULEVARD = ((PROJECT, "مشروع تهيئة شارع محمد السادس"), (PRESENTATION, "مشروع تهيئة شارع"))
AL_AMAL = ((ASSOCIATION, "جمعية الأمل للتنمية"),)
OUED_NOUN_YOUTH = ((ASSOCIATION, "جمعية شباب واد نون"),)
WOMEN_ARTISANS = ((ASSOCIATION, "جمعية النساء الحرفيات"),)
FRIENDS_ENVIRONMENT = ((ASSOCIATION, "جمعية أصدقاء البيئة"),)
FRIENDS_HERITAGE = ((ASSOCIATION, "جمعية أصدقاء التراث الروداني"),)
SOUSS_ENVIRONMENT = ((ASSOCIATION, "جمعية سوس للبيئة"),)
TAROUDANT_YOUTH = ((ASSOCIATION, "جمعية شباب تارودانت"),)
ROMANS = ((INSTITUTION, "بلدية رومانس"),)
UNDP = ((INSTITUTION, "برنامج الأمم المتحدة الإنمائي"),)
ONEE = ((INSTITUTION, "المكتب الوطني للكهرباء"),)
URBAN_AGENCY = ((INSTITUTION, "الوكالة الحضرية"),)
BASIN_AGENCY = ((INSTITUTION, "وكالة الحوض المائي"),)
WILAYA = ((INSTITUTION, "ولاية جهة كلميم"),)
SAHLI = ((PERSON, "مصطفى المتوكل الساحلي"),)
CHAY = ((PERSON, "لطيفة الشاي"),)
CASTERLE = ((PERSON, "امانويل دو كاسترلي"),)
MORTAQI = ((PERSON, "مصطفى المرتقي"),)
CRESPEL = ((PERSON, "Yann Crespel"),)
MUNICIPAL_ENGINEER = ((PERSON, "المهندس البلدي"),)
OUTREACH = ((MEETING, "لقاء تواصلي للمجلس البلدي لكلميم"),)
FORUM_2 = ((MEETING, "الدورة الثانية لمنتدى جمعيات تارودانت"),)
FORUM_1 = ((MEETING, "الدورة الأولى لمنتدى جمعيات تارودانت"),)
FORUMS = FORUM_2 + FORUM_1
HERITAGE_WORKSHOP = ((WORKSHOP, "التراث: تثمين تراث تارودانت"),)
ENVIRONMENT_WORKSHOP = ((WORKSHOP, "البيئة: مبادرات جمعوية"),)
PORTAL = (
    (RECOMMENDATION, "إحداث بوابة الكترونية"),
    (WORKSHOP, "التواصل: بوابة إلكترونية"),
)
FIRST_SESSION = ((SESSION, "الجلسة الأولى"),)
WELCOME = ((SPEECH, "كلمة ترحيبية"),)
CLOSING = ((SPEECH, "كلمة ختامية"),)
WALI_SPEECH = ((SPEECH, "كلمة السيد الوالي"),)
REGION_PRESIDENT = ((SPEECH, "كلمة السيد رئيس الجهة"), (PERSON, "رئيس مجلس جهة"))
VISIT_2010 = ((VISIT, "زيارة ميدانية لأوراش المخطط"),)
CHARTER = ((RECOMMENDATION, "عقد اتفاقية شراكة"),)
ARTISTS = ((RECOMMENDATION, "عقد لقاء مع الفنانين"),)
INITIATIVES = ((RECOMMENDATION, "تشجيع كل المبادرات الجمعوية"),)
HERITAGE_RECOMMENDATION = ((RECOMMENDATION, "الحفاظ على تنوع و غنى التراث"),)
CERTIFICATES = ((CERTIFICATE, "شهادة تقديرية"),)

HAMZA = "hamza on waw, on yaa, alone"
LETTERS = "Moroccan and Persian letters"
DIGITS = "Eastern Arabic and Persian digits"
CLITICS = "particles without the article"
PLURALS = "plurals, sound and broken"
SLIPS = "a slip of one letter"
OTHER = "other spellings of places and names"
KING = "a king's name with a digit"
NAMED = "names in newly searchable records"
FRENCH_IN_ARABIC = "French words in Arabic letters"
EXACT = "the record's own title"

SPELLINGS = [
    # Hamza on waw, on yaa and alone, left out or written on another seat.
    (HAMZA, "الشوون النقابية", MORTAQI),
    (HAMZA, "الشئون النقابية", MORTAQI),
    (HAMZA, "رييس قسم العلاقات الدولية", MORTAQI),
    (HAMZA, "نايبة عمدة رومانس", CHAY + ((SPEECH, "كلمة نائبة عمدة"),)),
    (HAMZA, "الما الصالح للشرب", ONEE),
    (HAMZA, "بنا طريق امان اوشن", AMANE_OUCHEN),
    (HAMZA, "لقا تواصلي كلميم", OUTREACH),
    (HAMZA, "اصدقا البيئة", FRIENDS_ENVIRONMENT),
    (HAMZA, "اصدقا التراث الروداني", FRIENDS_HERITAGE),
    (HAMZA, "الفضائات الرياضية واحة", SPORTS_OASIS),
    (HAMZA, "العاب القوي", TRACK),
    (HAMZA, "النايب الاقليمي للمكتب الوطني", ((PERSON, "النائب الإقليمي"),)),
    # The Moroccan gaf, the Persian gaf, keheh and yeh.
    (LETTERS, "ݣلميم", GUELMIM),
    (LETTERS, "گلميم", GUELMIM),
    (LETTERS, "ڭلميم", GUELMIM),
    (LETTERS, "کلمیم", GUELMIM),
    (LETTERS, "حدیقة التواغیل", GARDEN),
    (LETTERS, "دار الشباب المسیرة", DAR_CHABAB),
    (LETTERS, "ݣورنيش أم العشار", CORNICHE),
    (LETTERS, "المکتب الوطني للماء", ONEE),
    (LETTERS, "تارودانت مراکش الصغری", TAROUDANT),
    # Eastern Arabic and Persian digits.
    (DIGITS, "منتدى تارودانت ٢٠٠٩", FORUM_2),
    (DIGITS, "زيارة ميدانية ٢٠١٠ ٢٠١٥", VISIT_2010),
    (DIGITS, "زيارة ميدانية ۲۰۱۰", VISIT_2010),
    (DIGITS, "الدورة ٢ لمنتدى جمعيات تارودانت", FORUM_2),
    (DIGITS, "الدورة ١ منتدى تارودانت", FORUM_1),
    (DIGITS, "شارع محمد ٦", BOULEVARD),
    (DIGITS, "شارع محمد ۶", BOULEVARD),
    # Particles (و ف ب ل ك) on a word without the article.
    (CLITICS, "والمسبح المغطى", POOL),
    (CLITICS, "بحديقة التواغيل", GARDEN),
    (CLITICS, "وحديقة التواغيل", GARDEN),
    (CLITICS, "لمركز تصفية الدم", DIALYSIS),
    (CLITICS, "وكورنيش أم العشار", CORNICHE),
    (CLITICS, "بمركز الاستقبال و الندوات", RECEPTION),
    (CLITICS, "ولطيفة الشاي", CHAY),
    (CLITICS, "لدار الشباب المسيرة", DAR_CHABAB),
    (CLITICS, "وبوابة الكترونية", PORTAL),
    (CLITICS, "فحلبة ألعاب القوى", TRACK),
    (CLITICS, "وتارودانت", TAROUDANT),
    (CLITICS, "بكلميم", GUELMIM),
    (CLITICS, "كمنتدى جمعيات تارودانت", FORUMS),
    # Plurals, sound and broken, against a singular in the record.
    (PLURALS, "مشاريع المدينة", CITY_PROJECT),
    (PLURALS, "المراكز الجامعية", UNIVERSITY),
    (PLURALS, "حدائق التواغيل", GARDEN),
    (PLURALS, "الملاعب الرياضية المسيرة", STADE),
    (PLURALS, "المسابح المغطاة", POOL),
    (PLURALS, "القاعات المغطاة", HALL),
    (PLURALS, "منتديات جمعيات تارودانت", FORUMS),
    (PLURALS, "الطريق المدارية", RING_ROADS),
    (PLURALS, "المهندسين البلديين", MUNICIPAL_ENGINEER),
    (PLURALS, "الفنانون كلميم", ARTISTS),
    (PLURALS, "رؤساء الجهة", REGION_PRESIDENT),
    (PLURALS, "اتفاقيات الشراكة", CHARTER),
    (PLURALS, "المبادرة الجمعوية الجادة", INITIATIVES),
    (PLURALS, "واحات الرياضة", SPORTS_OASIS),
    (PLURALS, "مركز الاستقبالات", RECEPTION),
    (PLURALS, "associations de Taroudant forums", FORUMS),
    (PLURALS, "piscines couvertes", POOL),
    # A slip of one letter in a word of five letters or more.
    (SLIPS, "تارودات", TAROUDANT),
    (SLIPS, "كلمييم", GUELMIM),
    (SLIPS, "كورنيس أم العشار", CORNICHE),
    (SLIPS, "حديقة التواغل", GARDEN),
    (SLIPS, "مركز الاستقبل", RECEPTION),
    (SLIPS, "Taroudnat", TAROUDANT),
    (SLIPS, "Guelmin", GUELMIM),
    (SLIPS, "Tarodant", TAROUDANT),
    (SLIPS, "Yann Crespal", CRESPEL),
    (SLIPS, "médiathque", MEDIATHEQUE),
    (SLIPS, "piscne couverte", POOL),
    (SLIPS, "hemodialise", DIALYSIS),
    (SLIPS, "Touaghill", GARDEN),
    (SLIPS, "Emmanuel Castrle", CASTERLE),
    (SLIPS, "Essahly", SAHLI),
    # Other spellings: colonial-era French, one-letter variants, local names.
    (OTHER, "Goulimine", GUELMIM),
    (OTHER, "Goulimime", GUELMIM),
    (OTHER, "Aguelmim", GUELMIM),
    (OTHER, "Guelmime", GUELMIM),
    (OTHER, "Taroudannt", TAROUDANT),
    (OTHER, "Troudant", TAROUDANT),
    (OTHER, "Tarudant", TAROUDANT),
    (OTHER, "ترودانت", TAROUDANT),
    (OTHER, "Oum Lachar", CORNICHE),
    (OTHER, "Oum El Achar", CORNICHE),
    (OTHER, "Amane Oucheine", AMANE_OUCHEN),
    (OTHER, "Twaghil", GARDEN),
    (OTHER, "Dar Chebab El Massira", DAR_CHABAB),
    (OTHER, "Stade El Massira", STADE),
    (OTHER, "ONEP", ONEE),
    (OTHER, "PNUD", UNDP),
    (OTHER, "Romans sur Isere", ROMANS),
    (OTHER, "روما نس", ROMANS),
    (OTHER, "Moustapha Mortaki", MORTAQI),
    (OTHER, "Latifa Chai", CHAY),
    (OTHER, "Guelmim", GUELMIM),
    (OTHER, "Taroudant", TAROUDANT),
    # A king's name with a digit or a Roman numeral.
    (KING, "شارع محمد 6", BOULEVARD),
    (KING, "Mohammed 6", BOULEVARD),
    (KING, "محمد VI", BOULEVARD),
    (KING, "Boulevard Mohamed VI", BOULEVARD),
    (KING, "Avenue Mohammed six", BOULEVARD),
    # Names that live only in the newly searchable records.
    (NAMED, "لطيفة الشاي", CHAY),
    (NAMED, "مصطفى المتوكل الساحلي", SAHLI),
    (NAMED, "امانويل دو كاسترلي", CASTERLE),
    (NAMED, "مصطفى المرتقي", MORTAQI),
    (NAMED, "Yann Crespel", CRESPEL),
    (NAMED, "رومانس", ROMANS),
    (NAMED, "برنامج الأمم المتحدة الإنمائي", UNDP),
    (NAMED, "الوكالة الحضرية", URBAN_AGENCY),
    (NAMED, "وكالة الحوض المائي", BASIN_AGENCY),
    (NAMED, "ولاية جهة كلميم", WILAYA),
    (NAMED, "كلمة ترحيبية", WELCOME),
    (NAMED, "كلمة ختامية", CLOSING),
    (NAMED, "الجلسة الأولى", FIRST_SESSION),
    (NAMED, "تثمين تراث تارودانت", HERITAGE_WORKSHOP),
    (NAMED, "مبادرات جمعوية تنمية مستدامة", ENVIRONMENT_WORKSHOP),
    (NAMED, "كلمة السيد الوالي", WALI_SPEECH),
    (NAMED, "عربون وفاء و إخلاص", CERTIFICATES),
    (NAMED, "UNDP", UNDP),
    # French words written in Arabic letters, as people say them.
    (FRENCH_IN_ARABIC, "ميدياتيك", MEDIATHEQUE),
    (FRENCH_IN_ARABIC, "بيسين مغطى", POOL),
    (FRENCH_IN_ARABIC, "ستاد المسيرة", STADE),
    (FRENCH_IN_ARABIC, "جاردان التواغيل", GARDEN),
    (FRENCH_IN_ARABIC, "سونطر الاستقبال", RECEPTION),
    (FRENCH_IN_ARABIC, "لونيب", ONEE),
    (FRENCH_IN_ARABIC, "فوروم تارودانت", FORUMS),
    (FRENCH_IN_ARABIC, "أطوليي التراث", HERITAGE_WORKSHOP),
    (FRENCH_IN_ARABIC, "بروجي المدينة", CITY_PROJECT),
    (FRENCH_IN_ARABIC, "روكاد", RING_ROADS),
    (FRENCH_IN_ARABIC, "مركز الدياليز", DIALYSIS),
    # The record's own title, which must come first.
    (EXACT, "دار الشباب المسيرة", DAR_CHABAB),
    (EXACT, "مركز الاستقبال و الندوات", RECEPTION),
    (EXACT, "المسبح المغطى", POOL),
    (EXACT, "كلميم", GUELMIM),
    (EXACT, "تارودانت", TAROUDANT),
    (EXACT, "مشروع المدينة", CITY_PROJECT),
    (EXACT, "حلبة ألعاب القوى", TRACK),
    (EXACT, "Piscine couverte", POOL),
    (EXACT, "Stade Al Massira", STADE),
    (EXACT, "Médiathèque", MEDIATHEQUE),
    (EXACT, "Rocades", RING_ROADS),
    (EXACT, "Jardin Touaghil", GARDEN),
    (EXACT, "Centre universitaire", UNIVERSITY),
    (EXACT, "Institut supérieur d'hôtellerie", HOTEL_SCHOOL),
    (EXACT, "جمعية الأمل للتنمية والتضامن", AL_AMAL),
    (EXACT, "جمعية شباب واد نون", OUED_NOUN_YOUTH),
    (EXACT, "جمعية النساء الحرفيات", WOMEN_ARTISANS),
    (EXACT, "جمعية سوس للبيئة", SOUSS_ENVIRONMENT),
    (EXACT, "جمعية شباب تارودانت", TAROUDANT_YOUTH),
    (EXACT, "الحفاظ على تنوع و غنى التراث الروداني", HERITAGE_RECOMMENDATION),
    (EXACT, "التطهير السائل وصرف مياه الأمطار", SEWERAGE),
    (EXACT, "مشروع وقاية المدينة من الفيضانات", FLOODS),
]


@dataclass
class Outcome:
    cause: str
    query: str
    found: bool
    first: bool
    shown: list


def is_target(result, targets) -> bool:
    return any(
        result["kind"].key == kind and result["heading"].startswith(start)
        for kind, start in targets
    )


def try_spelling(client, query, targets, cause="") -> Outcome:
    """Ask the search page (in Arabic) for ``query``; say whether a target is found, first."""
    with translation.override("ar"):
        path = reverse("search:index")
    response = client.get(path, {"q": query})
    assert response.status_code == 200, (query, response.status_code)
    best = response.context["best"] or []
    hits = [is_target(result, targets) for result in best]
    shown = [(result["kind"].key, result["heading"]) for result in best[:3]]
    return Outcome(cause, query, any(hits), bool(hits) and hits[0], shown)


def rates(outcomes) -> tuple[float, float]:
    """The share of spellings found, and the share found first."""
    total = len(outcomes)
    return (
        sum(o.found for o in outcomes) / total,
        sum(o.first for o in outcomes) / total,
    )
