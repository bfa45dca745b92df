"""Demo petitions: illustrative records that show each turn of the procedure.

Neither article mentions a petition; these are invented to show the
procedure of organic law 113-14 (arts 121–125) on the demo's two communes.
The partnership charter the Guelmim meeting recommended (its first
recommendation) is asked for by one of the meeting's associations, found
admissible and put on the agenda; Taroudant's citizens gather signatures for
another; one petition is declared inadmissible with its reasons, and one
still waits for its answer past the deadline. Petitions are written in
Arabic only, as their filers wrote them. The citizens' petitions carry real
signature rows from invented signatories (accounts that cannot sign in), so
the stored count, the agent's list and the back office agree.
"""

import datetime

D = datetime.date

#: Invented signatories' names: every first name with every family name, in order.
FIRST_NAMES = [
    "محمد",
    "فاطمة",
    "أحمد",
    "خديجة",
    "عبد الله",
    "مريم",
    "يوسف",
    "زينب",
    "إبراهيم",
    "حفصة",
    "الحسين",
    "نعيمة",
    "عمر",
    "سعاد",
    "إدريس",
    "لطيفة",
    "سعيد",
    "رشيدة",
    "عبد الرحمن",
    "أمينة",
]
FAMILY_NAMES = [
    "العلوي",
    "بوزيد",
    "الإدريسي",
    "أيت باها",
    "الصحراوي",
    "أمزيان",
    "بن علي",
    "الرگيبي",
    "أوبلا",
    "الكلميمي",
    "التزنيتي",
]


def signatory_names(count: int) -> list[str]:
    """``count`` invented full names, always the same ones for the same count."""
    names = [f"{first} {family}" for family in FAMILY_NAMES for first in FIRST_NAMES]
    assert count <= len(names), count
    return names[:count]


#: Each commune's rules: the 2014 census population gives 200 signatures.
SETTINGS = {
    "guelmim": {"population": 118_318},
    "taroudant": {"population": 80_149},
}

PETITIONS = [
    {
        "commune": "guelmim",
        "title": "إدراج نقطة إبرام ميثاق الشراكة مع المجتمع المدني في جدول أعمال المجلس",
        "reasons": (
            "أوصى اللقاء التواصلي للمجلس البلدي مع فعاليات المجتمع المدني بعقد اتفاقية شراكة "
            "تشكل ميثاقا اجتماعيا وأخلاقيا مع الجمعيات. صادق المجلس على مبدئها، غير أن "
            "الاتفاقية لم تبرم بعد."
        ),
        "objectives": (
            "تنظيم العلاقة بين المجلس والجمعيات على أساس الشفافية وتكافؤ الفرص في الدعم "
            "العمومي، وإشراك الجمعيات في تتبع مشاريع برنامج عمل الجماعة."
        ),
        "action_requested": (
            "إدراج مشروع ميثاق الشراكة مع المجتمع المدني في جدول أعمال الدورة العادية المقبلة "
            "للمجلس، وإحالته على اللجنة المختصة لدراسته مع ممثلي الجمعيات."
        ),
        "filer_kind": "association",
        "association": "guelmim-al-amal-development-solidarity",
        "agent_name": "ممثل الجمعية (توضيحي)",
        "meetings": ["guelmim-civil-society-outreach-meeting"],
        "recommendations": [("guelmim-civil-society-outreach-meeting", 1)],
        "receipt": (2026, 2),
        "status": "scheduled",
        "filed_on": D(2026, 9, 14),
        "decided_on": D(2026, 10, 19),
        "session": D(2027, 2, 1),
        "committee": "لجنة الشؤون الاجتماعية والثقافية والرياضية",
        "events": [
            ("draft", D(2026, 9, 10), ""),
            ("filed", D(2026, 9, 14), "وصل رقم 2026/0002"),
            ("under_review", D(2026, 9, 21), ""),
            (
                "admissible",
                D(2026, 10, 19),
                "قرر مكتب المجلس قبول العريضة لاستيفائها الشروط القانونية.",
            ),
            ("scheduled", D(2026, 10, 19), "لجنة الشؤون الاجتماعية والثقافية والرياضية"),
        ],
    },
    {
        "commune": "taroudant",
        "title": "تهيئة وإنارة الممر المحاذي لأسوار المدينة العتيقة",
        "reasons": (
            "الممر المحاذي للأسوار من الداخل غير مهيأ وضعيف الإنارة، ويستعمله السكان والتلاميذ "
            "والزوار يوميا."
        ),
        "objectives": "تأمين تنقل الراجلين وتثمين أسوار تارودانت التاريخية.",
        "action_requested": (
            "إدراج تهيئة الممر وإنارته في برنامج عمل الجماعة وتخصيص اعتماد له في الميزانية."
        ),
        "filer_kind": "citizens",
        "agent_name": "وكيل المواطنين (توضيحي)",
        "signature_count": 37,
        "status": "collecting",
        "events": [("draft", D(2026, 11, 2), ""), ("collecting", D(2026, 11, 2), "")],
    },
    {
        "commune": "taroudant",
        "title": "توظيف حاملي الشهادات المعطلين في الإدارات العمومية بالإقليم",
        "reasons": "ارتفاع البطالة في صفوف حاملي الشهادات بالمدينة.",
        "objectives": "إدماج الشباب حاملي الشهادات في سوق الشغل.",
        "action_requested": "مطالبة المجلس بتوظيف حاملي الشهادات في الإدارات العمومية.",
        "filer_kind": "association",
        "association": "taroudant-youth-communication",
        "agent_name": "ممثل الجمعية (توضيحي)",
        "receipt": (2026, 1),
        "status": "inadmissible",
        "filed_on": D(2026, 4, 6),
        "decided_on": D(2026, 5, 28),
        "decision_reasons": (
            "قرر مكتب المجلس عدم قبول العريضة: التوظيف في الإدارات العمومية للدولة لا يدخل "
            "ضمن الاختصاصات الذاتية أو المشتركة أو المنقولة للجماعة (القانون التنظيمي 113.14). "
            "يمكن للجمعية تقديم عريضة في برامج التشغيل الذاتي التي تدعمها الجماعة."
        ),
        "events": [
            ("draft", D(2026, 4, 2), ""),
            ("filed", D(2026, 4, 6), "وصل رقم 2026/0001"),
            ("under_review", D(2026, 4, 15), ""),
        ],
        "closing_event": "inadmissible",
    },
    {
        "commune": "guelmim",
        "title": "إصلاح قنوات تصريف مياه الأمطار بحي تيرت",
        "reasons": "تغمر مياه الأمطار أزقة الحي عند كل تساقطات وتتسرب إلى المنازل.",
        "objectives": "حماية السكان وممتلكاتهم من الفيضانات.",
        "action_requested": (
            "إدراج إصلاح قنوات تصريف مياه الأمطار بالحي في جدول أعمال المجلس وبرمجة الأشغال."
        ),
        "filer_kind": "citizens",
        "agent_name": "وكيل المواطنين (توضيحي)",
        "signature_count": 212,
        "projects": ["guelmim-assainissement-eaux-pluviales"],
        "receipt": (2026, 1),
        "status": "under_review",
        "filed_on": D(2026, 3, 2),
        "events": [
            ("draft", D(2026, 1, 12), ""),
            ("collecting", D(2026, 1, 12), ""),
            ("filed", D(2026, 3, 2), "وصل رقم 2026/0001"),
            ("under_review", D(2026, 3, 16), ""),
        ],
    },
]
