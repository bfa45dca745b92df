"""Taroudant: the 2nd associations forum (2009), with the twin town Romans-sur-Isère.

Source: the Arabic news article in /work/shared/seeds (taroudant-2009-associations-forum).
The article gives the year but not the day, says little of the 1st edition,
and does not name the workshops' themes or the associations: the records that
fill those gaps are flagged ``illustrative`` or say so in their text.
"""

# Prose in three languages: long string lines are kept whole for readability.
# ruff: noqa: E501

import datetime

from . import T

# The article gives the year 2009 only; day and month are illustrations.
FORUM_DATE = datetime.date(2009, 5, 16)
FIRST_EDITION_DATE = datetime.date(2008, 5, 17)

COMMUNE = {
    "slug": "taroudant",
    "name": T("تارودانت", "Taroudant", "Taroudant"),
    "region": T(
        "جهة سوس ماسة (جهة سوس ماسة درعة سابقا)",
        "Région de Souss-Massa (anciennement Souss-Massa-Drâa)",
        "Souss-Massa region (formerly Souss-Massa-Drâa)",
    ),
    "province": T("إقليم تارودانت", "Province de Taroudant", "Taroudant province"),
    "latitude": "30.467000",
    "longitude": "-8.867000",
    # Other spellings in use: colonial-era French, one-letter variants, the
    # city's nickname.
    "aliases": (
        "Taroudannt",
        "Taroudante",
        "Tarudant",
        "Troudant",
        "ترودانت",
        "تارودنت",
        "روضانة",
        "مراكش الصغرى",
    ),
}

INSTITUTIONS = [
    {
        "key": "council",
        "name": T(
            "المجلس البلدي لتارودانت",
            "Conseil municipal de Taroudant",
            "Taroudant municipal council",
        ),
        "kind": "council",
        "local": True,
    },
    {
        "key": "romans",
        "name": T(
            "بلدية رومانس سور إيزير",
            "Commune de Romans-sur-Isère",
            "Municipality of Romans-sur-Isère",
        ),
        "kind": "twin_city",
        "country": "France",
        "aliases": ("Romans", "روما نس", "رومان", "رومانس سور ايزير", "Romans sur Isere"),
    },
    {
        "key": "undp",
        "name": T(
            "برنامج الأمم المتحدة الإنمائي",
            "Programme des Nations unies pour le développement",
            "United Nations Development Programme",
        ),
        "acronym": "UNDP",
        "aliases": ("PNUD", "برنامج الأمم المتحدة للتنمية", "Programme des Nations Unies"),
        "kind": "international",
    },
]

PEOPLE = [
    {
        "key": "council-president",
        "full_name": T(
            "مصطفى المتوكل الساحلي",
            "Mustapha El Moutaouakil Essahli",
            "Mustapha El Moutaouakil Essahli",
        ),
        "aliases": ("Moustapha Moutawakil Sahli", "مصطفى المتوكل", "Essahli"),
        "role": T(
            "رئيس المجلس البلدي بتارودانت",
            "Président du conseil municipal de Taroudant",
            "President of the Taroudant municipal council",
        ),
        "institution": "council",
        "local": True,
    },
    {
        "key": "deputy-mayor-romans",
        "full_name": T("لطيفة الشاي", "Latifa Chay", "Latifa Chay"),
        "aliases": ("Latifa Chaï", "لطيفة شاي", "Latifa Chai"),
        "role": T(
            "نائبة عمدة بلدية رومانس مكلفة بالعلاقات الدولية و الشباب",
            "Adjointe au maire de Romans chargée des relations internationales et de la jeunesse",
            "Deputy mayor of Romans for international relations and youth",
        ),
        "institution": "romans",
    },
    {
        "key": "session-chair",
        # Spelled as in the article; the French and English names follow the
        # spelling used by the UNDP office in Morocco.
        "full_name": T(
            "امانويل دو كاسترلي",
            "Emmanuel Dierckx de Casterlé",
            "Emmanuel Dierckx de Casterlé",
        ),
        "aliases": ("إيمانويل دو كاسترلي", "Emmanuel de Casterlé", "امانويل ديركس"),
        "role": T(
            "الممثل الدائم لبرنامج الأمم المتحدة للتنمية سابقا",
            "Ancien représentant résident du Programme des Nations unies pour le développement",
            "Former resident representative of the United Nations Development Programme",
        ),
        "institution": "undp",
    },
    {
        "key": "head-of-international-relations",
        "full_name": T("مصطفى المرتقي", "Mustapha El Mortaqi", "Mustapha El Mortaqi"),
        "aliases": ("Moustapha Mortaki", "مصطفى مرتقي", "Mortaqi"),
        "role": T(
            "رئيس قسم العلاقات الدولية و الشؤون النقابية و التواصل ببلدية تارودانت",
            "Chef de la division des relations internationales, des affaires syndicales et de la "
            "communication de la municipalité de Taroudant",
            "Head of international relations, union affairs and communication at the Taroudant "
            "municipality",
        ),
        "institution": "council",
        "local": True,
    },
    {
        "key": "rompar-coordinator",
        "full_name": T("Yann Crespel", "Yann Crespel", "Yann Crespel"),
        "aliases": ("يان كريسبيل", "يان كرسبل"),
        "role": T(
            "منسق مشروع رومبار من رومانس",
            "Coordinateur du projet Rompar, Romans",
            "Coordinator of the Rompar project, Romans",
        ),
        "institution": "romans",
    },
]

ASSOCIATION_NOTE = T(
    "جمعية توضيحية أُنشئت لبيانات العرض: لا يذكر المقال أسماء الجمعيات المشاركة في المنتدى.",
    "Association illustrative créée pour les données de démonstration : l'article ne nomme pas "
    "les associations participant au forum.",
    "Illustrative association created for the demo data: the article does not name the "
    "associations taking part in the forum.",
)

ASSOCIATIONS = [
    {
        "slug": "taroudant-friends-of-roudani-heritage",
        "aliases": ("Amis du patrimoine de Taroudant", "جمعية التراث الروداني"),
        "name": T(
            "جمعية أصدقاء التراث الروداني",
            "Association des amis du patrimoine roudani",
            "Friends of Taroudant's Heritage Association",
        ),
        "fields": ["heritage", "culture-arts"],
        "description": T(
            "تعمل على التعريف بتراث مدينة تارودانت المادي واللامادي وصيانته.",
            "Fait connaître et sauvegarde le patrimoine matériel et immatériel de Taroudant.",
            "Promotes and safeguards Taroudant's tangible and intangible heritage.",
        ),
    },
    {
        "slug": "taroudant-souss-environment",
        "name": T(
            "جمعية سوس للبيئة والتنمية المستدامة",
            "Association Souss pour l'environnement et le développement durable",
            "Souss Association for the Environment and Sustainable Development",
        ),
        "fields": ["environment", "development"],
        "description": T(
            "تنظم أنشطة للتربية البيئية وحماية المجال الأخضر بالمدينة ونواحيها.",
            "Mène des actions d'éducation à l'environnement et de protection des espaces verts de la "
            "ville et de ses environs.",
            "Runs environmental education and protects green spaces in and around the city.",
        ),
    },
    {
        "slug": "taroudant-youth-communication",
        "name": T(
            "جمعية شباب تارودانت للتواصل والتنشيط",
            "Association des jeunes de Taroudant pour la communication et l'animation",
            "Taroudant Youth Association for Communication and Outreach",
        ),
        "fields": ["youth", "communication"],
        "description": T(
            "تؤطر الشباب في مجالات التواصل والإعلام والتنشيط الثقافي.",
            "Accompagne les jeunes dans la communication, les médias et l'animation culturelle.",
            "Supports young people in communication, media and cultural activities.",
        ),
    },
]

SERIES = {
    "slug": "taroudant-associations-forum",
    "title": T(
        "منتدى جمعيات تارودانت",
        "Forum des associations de Taroudant",
        "Taroudant associations forum",
    ),
    "description": T(
        "منتدى يجمع الجمعيات المحلية والمجلس البلدي لتارودانت وشريكته بلدية رومانس الفرنسية، من أجل "
        "ترسيخ التدبير التشاركي والتنسيق والتواصل بين الجمعيات.",
        "Un forum qui réunit les associations locales, le conseil municipal de Taroudant et sa ville "
        "partenaire, Romans (France), pour ancrer la gestion participative, la coordination et la "
        "communication entre associations.",
        "A forum bringing together local associations, the Taroudant municipal council and its "
        "partner town, Romans (France), to root participatory governance, coordination and "
        "communication among associations.",
    ),
}

FIRST_EDITION = {
    "slug": "taroudant-associations-forum-1st-edition",
    "kind": "forum",
    "edition": 1,
    "title": T(
        "الدورة الأولى لمنتدى جمعيات تارودانت",
        "1re édition du Forum des associations de Taroudant",
        "1st Taroudant associations forum",
    ),
    "slogan": T("", "", ""),
    "start_date": FIRST_EDITION_DATE,
    "venue": T("", "", ""),
    "status": "held",
    "illustrative": True,
    "summary": T(
        "شكلت الدورة الأولى لمنتدى جمعيات تارودانت لحظة مهمة في مسلسل ترسيخ التدبير التشاركي بين "
        "النسيج الجمعوي والمنتخبين وإضافة نوعية للتنسيق و التواصل بين الجمعيات المحلية. سجل "
        "توضيحي: لا يذكر المقال تاريخ الدورة الأولى ولا تفاصيلها، والتاريخ المعروض مفترض.",
        "La 1re édition du Forum des associations de Taroudant a marqué une étape importante dans "
        "l'ancrage de la gestion participative entre le tissu associatif et les élus, et un apport "
        "réel à la coordination et à la communication entre associations locales. Fiche "
        "illustrative : l'article ne donne ni la date ni le détail de cette édition ; la date "
        "affichée est supposée.",
        "The 1st Taroudant associations forum was an important moment in rooting participatory "
        "governance between associations and elected officials, and a real gain for coordination "
        "and communication among local associations. Illustrative record: the article gives neither "
        "the date nor the details of this edition; the date shown is assumed.",
    ),
    "report": T("", "", ""),
    "source": "ذُكرت في مقال عن الدورة الثانية (وثيقة التأسيس taroudant-2009-associations-forum)",
    "organisers": ["council"],
    "partners": ["romans"],
}

ARTICLE = T(
    "شكلت الدورة الأولى لمنتدى جمعيات تارودانت لحظة مهمة في مسلسل ترسيخ التدبير التشاركي بين "
    "النسيج الجمعوي والمنتخبين وإضافة نوعية للتنسيق و التواصل بين الجمعيات المحلية. فأشغال الدورة "
    'الثانية لمنتدى جمعيات تارودانت لسنة 2009 اعتمدت شعار "التراث البيئة و التواصل: من أجل مواطنة '
    'مستدامة" لتثمين التراث بين بلديتي تارودانت و رومانس الفرنسية.\n\n'
    "افتتح أشغال المنتدى مصطفى المتوكل الساحلي رئيس المجلس البلدي بتارودانت بكلمة ترحيبية وأكد على "
    "أهمية العمل الجاد لضمان الاستمرارية. بعد ذلك أخذت الكلمة لطيفة الشاي نائبة عمدة بلدية روما نس "
    "مكلفة بالعلاقات الدولية و الشباب التي أشادت بكل المجهودات المبذولة لإنجاح هذه المحطة كسابقاتها "
    "باعتبارها جزءا من المسلسل التنموي لمدينة تارودانت.\n\n"
    "انطلقت أشغال الجلسة الأولى برئاسة السيد امانويل دو كاسترلي الممثل الدائم لبرنامج الأمم المتحدة "
    "للتنمية سابقا و الذي أعطى الكلمة في البداية لكل من مصطفى المرتقي رئيس قسم العلاقات الدولية و "
    "الشؤون النقابية و التواصل ببلدية تارودانت، و Yann Crespel منسق مشروع رومبار من روما نس، فقدما "
    "حصيلة العمل منذ الدورة الأولى للمنتدى مع تقديم بعض الشروحات و التوضيحات عن طريق العمل و دور "
    "الجمعيات و المجلس البلدي في تحقيق أهداف المنتدى. وتمت الإشادة بالمجهودات القيمة التي قام بها "
    "ممثلو الجمعيات المشاركة والأطر المنشطة في الورشات، فخلص النقاش إلى ضرورة الحفاظ على تنوع و غنى "
    "التراث الروداني بدعم مشاريع في هذا الاتجاه و تشجيع كل المبادرات الجمعوية الجادة و دعمها "
    "للمساهمة في التنمية المحلية المستدامة مع تقديم اقتراحات عملية في هذا الاتجاه و ضرورة إحداث "
    "بوابة الكترونية خاصة بمدينة تارودانت من أجل تحقيق مجموعة من الأهداف في آن واحد : التواصل- "
    "التكوين- التحفيز- التوعية- الترفيه- أنشطة اشهارية و إشعاعية.\n\n"
    "بعد نهاية كل هذه التقارير أقر مسير الجلسة أنه إذا ما استمر العمل و التنسيق بين المجلس البلدي و "
    "الجمعيات و باقي الفاعلين، فسوف يتم الوصول إلى النتائج المتوخاة من قبل الورشات الثلاث مع اعتبار "
    "أن هذه الدورة من منتدى الجمعيات هي بمثابة خطوة جديدة و جريئة في مسلسل التنمية في مدينة "
    "تارودانت. و في الأخير تقدم رئيس المجلس البلدي بتارودانت بالشكر لكل المشاركين و أقر بأن كل "
    "القضايا المعروضة هي من صميم انشغالات الرأي العام و أن العنصر البشري المسؤول و الواعي هو الكفيل "
    "بتحقيق التنمية المستدامة من خلال مشاريع هادفة يساهم في إنجاحها و يسعى لضمان الاستمرارية لها.",
    # French
    "La 1re édition du Forum des associations de Taroudant a marqué une étape importante dans "
    "l'ancrage de la gestion participative entre le tissu associatif et les élus, et un apport réel "
    "à la coordination et à la communication entre associations locales. La 2e édition, en 2009, a "
    "retenu le slogan « Patrimoine, environnement et communication : pour une citoyenneté durable », "
    "afin de valoriser le patrimoine partagé par les municipalités de Taroudant et de Romans, en "
    "France.\n\n"
    "Mustapha El Moutaouakil Essahli, président du conseil municipal de Taroudant, a ouvert les "
    "travaux du forum par un mot de bienvenue, en insistant sur l'importance d'un travail sérieux "
    "pour en assurer la continuité. Latifa Chay, adjointe au maire de Romans chargée des relations "
    "internationales et de la jeunesse, a ensuite pris la parole : elle a salué tous les efforts "
    "déployés pour faire de cette étape un succès, comme les précédentes, en tant que partie "
    "intégrante du développement de la ville de Taroudant.\n\n"
    "La première séance s'est ouverte sous la présidence de M. Emmanuel Dierckx de Casterlé, ancien "
    "représentant résident du Programme des Nations unies pour le développement, qui a d'abord donné "
    "la parole à Mustapha El Mortaqi, chef de la division des relations internationales, des "
    "affaires syndicales et de la communication de la municipalité de Taroudant, et à Yann Crespel, "
    "coordinateur du projet Rompar à Romans. Tous deux ont présenté le bilan du travail accompli "
    "depuis la 1re édition du forum, avec des explications sur la méthode de travail et sur le rôle "
    "des associations et du conseil municipal dans la réalisation des objectifs du forum. Les "
    "efforts précieux des représentants des associations participantes et des animateurs des "
    "ateliers ont été salués. Le débat a conclu à la nécessité de préserver la diversité et la "
    "richesse du patrimoine de Taroudant en soutenant des projets en ce sens ; d'encourager et de "
    "soutenir toutes les initiatives associatives sérieuses afin qu'elles contribuent au "
    "développement local durable, avec des propositions concrètes en ce sens ; et de créer un "
    "portail électronique propre à la ville de Taroudant pour atteindre plusieurs objectifs à la "
    "fois : communication, formation, motivation, sensibilisation, loisirs, activités de promotion "
    "et de rayonnement.\n\n"
    "Au terme de ces rapports, le président de séance a affirmé que si le travail et la coordination "
    "se poursuivent entre le conseil municipal, les associations et les autres acteurs, les "
    "résultats attendus des trois ateliers seront atteints, et que cette édition du forum constitue "
    "un pas nouveau et audacieux dans le développement de Taroudant. Enfin, le président du conseil "
    "municipal a remercié tous les participants ; il a affirmé que toutes les questions soulevées "
    "sont au cœur des préoccupations de l'opinion publique et que ce sont des femmes et des hommes "
    "responsables et conscients qui garantissent un développement durable, par des projets ciblés "
    "dont ils portent la réussite et assurent la continuité.",
    # English
    "The 1st Taroudant associations forum was an important moment in rooting participatory "
    "governance between associations and elected officials, and a real gain for coordination and "
    'communication among local associations. The 2nd edition, in 2009, took the slogan "Heritage, '
    'environment and communication: for a sustainable citizenship", to promote the heritage shared '
    "by the municipalities of Taroudant and Romans, in France.\n\n"
    "Mustapha El Moutaouakil Essahli, president of the Taroudant municipal council, opened the "
    "forum with a welcome speech, stressing the importance of serious work to ensure continuity. "
    "Latifa Chay, deputy mayor of Romans for international relations and youth, then took the "
    "floor: she praised all the efforts made to make this event a success, like the previous ones, "
    "as part of the development of the city of Taroudant.\n\n"
    "The first session opened under the chairmanship of Mr Emmanuel Dierckx de Casterlé, former "
    "resident representative of the United Nations Development Programme, who first gave the floor "
    "to Mustapha El Mortaqi, head of international relations, union affairs and communication at the "
    "Taroudant municipality, and to Yann Crespel, coordinator of the Rompar project in Romans. "
    "Together they reported on the work done since the 1st edition of the forum, explaining the "
    "working method and the role of the associations and the municipal council in reaching the "
    "forum's goals. The valuable efforts of the representatives of the participating associations "
    "and of the workshop facilitators were praised. The discussion concluded that the diversity and "
    "richness of Taroudant's heritage must be preserved by supporting projects to that end; that "
    "all serious association initiatives must be encouraged and supported so that they contribute "
    "to sustainable local development, with practical proposals to that end; and that an "
    "electronic portal for the city of Taroudant must be created to serve several goals at once: "
    "communication, training, motivation, awareness, leisure, and promotion and outreach.\n\n"
    "When these reports were over, the session chair stated that if the work and coordination "
    "between the municipal council, the associations and the other actors continue, the results "
    "expected from the three workshops will be reached, and that this edition of the forum is a new "
    "and bold step in the development of Taroudant. Finally, the president of the municipal council "
    "thanked all the participants; he said that all the issues raised lie at the heart of public "
    "concerns, and that responsible, aware people are what guarantees sustainable development, "
    "through purposeful projects whose success they help bring about and whose continuity they "
    "strive to secure.",
)

FORUM = {
    "slug": "taroudant-associations-forum-2009",
    "kind": "forum",
    "edition": 2,
    "title": T(
        "الدورة الثانية لمنتدى جمعيات تارودانت",
        "2e édition du Forum des associations de Taroudant",
        "2nd Taroudant associations forum",
    ),
    "slogan": T(
        "التراث البيئة و التواصل: من أجل مواطنة مستدامة",
        "Patrimoine, environnement et communication : pour une citoyenneté durable",
        "Heritage, environment and communication: for a sustainable citizenship",
    ),
    "start_date": FORUM_DATE,
    "venue": T("تارودانت", "Taroudant", "Taroudant"),
    "status": "held",
    "illustrative": True,
    "summary": T(
        'اعتمدت أشغال الدورة الثانية لمنتدى جمعيات تارودانت لسنة 2009 شعار "التراث البيئة و '
        'التواصل: من أجل مواطنة مستدامة" لتثمين التراث بين بلديتي تارودانت و رومانس الفرنسية: '
        "كلمات افتتاحية، جلسة أولى لتقديم حصيلة العمل منذ الدورة الأولى، ثلاث ورشات وتوصيات، منها "
        "إحداث بوابة إلكترونية للمدينة. السنة من المقال، أما اليوم والشهر فتوضيحيان.",
        "La 2e édition du Forum des associations de Taroudant (2009) avait pour slogan « Patrimoine, "
        "environnement et communication : pour une citoyenneté durable », pour valoriser le "
        "patrimoine partagé par Taroudant et Romans (France) : allocutions d'ouverture, première "
        "séance consacrée au bilan depuis la 1re édition, trois ateliers et des recommandations, "
        "dont un portail électronique pour la ville. L'année vient de l'article ; le jour et le mois "
        "sont illustratifs.",
        'The 2nd Taroudant associations forum (2009) took the slogan "Heritage, environment and '
        'communication: for a sustainable citizenship", to promote the heritage shared by Taroudant '
        "and Romans (France): opening speeches, a first session reporting on the work since the 1st "
        "edition, three workshops and recommendations, among them an electronic portal for the city. "
        "The year comes from the article; the day and month are illustrative.",
    ),
    "report": ARTICLE,
    "source": "مقال إخباري بالعربية عن المنتدى (وثيقة التأسيس taroudant-2009-associations-forum)",
    "organisers": ["council"],
    "partners": ["romans"],
}

SESSIONS = [
    {
        "order": 1,
        "title": T("الجلسة الأولى", "Première séance", "First session"),
        "chair": "session-chair",
        "summary": T(
            "أعطى رئيس الجلسة الكلمة لمصطفى المرتقي و Yann Crespel لتقديم حصيلة العمل منذ الدورة "
            "الأولى للمنتدى. بعد نهاية كل هذه التقارير أقر مسير الجلسة أنه إذا ما استمر العمل و "
            "التنسيق بين المجلس البلدي و الجمعيات و باقي الفاعلين، فسوف يتم الوصول إلى النتائج "
            "المتوخاة من قبل الورشات الثلاث مع اعتبار أن هذه الدورة من منتدى الجمعيات هي بمثابة "
            "خطوة جديدة و جريئة في مسلسل التنمية في مدينة تارودانت.",
            "Le président de séance a donné la parole à Mustapha El Mortaqi et à Yann Crespel pour "
            "le bilan du travail depuis la 1re édition. Au terme des rapports, il a affirmé que si le "
            "travail et la coordination se poursuivent entre le conseil municipal, les associations "
            "et les autres acteurs, les résultats attendus des trois ateliers seront atteints, et que "
            "cette édition est un pas nouveau et audacieux dans le développement de Taroudant.",
            "The chair gave the floor to Mustapha El Mortaqi and Yann Crespel to report on the work "
            "since the 1st edition. When the reports were over, he stated that if the work and "
            "coordination between the municipal council, the associations and the other actors "
            "continue, the results expected from the three workshops will be reached, and that this "
            "edition is a new and bold step in the development of Taroudant.",
        ),
    },
]

REPORT_SUMMARY = T(
    "قدم حصيلة العمل منذ الدورة الأولى للمنتدى مع تقديم بعض الشروحات و التوضيحات عن طريق العمل و "
    "دور الجمعيات و المجلس البلدي في تحقيق أهداف المنتدى.",
    "Bilan du travail depuis la 1re édition du forum, avec des explications sur la méthode de travail "
    "et sur le rôle des associations et du conseil municipal dans la réalisation de ses objectifs.",
    "A report on the work since the 1st edition of the forum, explaining the working method and the "
    "role of the associations and the municipal council in reaching its goals.",
)

SPEECHES = [
    {
        "order": 1,
        "kind": "welcome",
        "speaker": "council-president",
        "title": T("كلمة ترحيبية", "Mot de bienvenue", "Welcome speech"),
        "summary": T(
            "افتتح أشغال المنتدى بكلمة ترحيبية وأكد على أهمية العمل الجاد لضمان الاستمرارية.",
            "Il a ouvert le forum par un mot de bienvenue et insisté sur l'importance d'un travail "
            "sérieux pour en assurer la continuité.",
            "He opened the forum with a welcome and stressed the importance of serious work to "
            "ensure continuity.",
        ),
    },
    {
        "order": 2,
        "kind": "address",
        "speaker": "deputy-mayor-romans",
        "title": T(
            "كلمة نائبة عمدة بلدية رومانس",
            "Allocution de l'adjointe au maire de Romans",
            "Speech by the deputy mayor of Romans",
        ),
        "summary": T(
            "أشادت بكل المجهودات المبذولة لإنجاح هذه المحطة كسابقاتها باعتبارها جزءا من المسلسل "
            "التنموي لمدينة تارودانت.",
            "Elle a salué tous les efforts déployés pour faire de cette étape un succès, comme les "
            "précédentes, en tant que partie du développement de Taroudant.",
            "She praised all the efforts made to make this event a success, like the previous ones, "
            "as part of Taroudant's development.",
        ),
    },
    {
        "order": 3,
        "kind": "report",
        "session": 1,
        "speaker": "head-of-international-relations",
        "title": T(
            "حصيلة العمل منذ الدورة الأولى للمنتدى",
            "Bilan depuis la 1re édition du forum",
            "Report on the work since the 1st edition",
        ),
        "summary": REPORT_SUMMARY,
    },
    {
        "order": 4,
        "kind": "report",
        "session": 1,
        "speaker": "rompar-coordinator",
        "title": T(
            "حصيلة العمل منذ الدورة الأولى للمنتدى (مشروع رومبار)",
            "Bilan depuis la 1re édition du forum (projet Rompar)",
            "Report on the work since the 1st edition (Rompar project)",
        ),
        "summary": REPORT_SUMMARY,
    },
    {
        "order": 5,
        "kind": "closing",
        "speaker": "council-president",
        "title": T("كلمة ختامية", "Allocution de clôture", "Closing speech"),
        "summary": T(
            "تقدم بالشكر لكل المشاركين و أقر بأن كل القضايا المعروضة هي من صميم انشغالات الرأي العام "
            "و أن العنصر البشري المسؤول و الواعي هو الكفيل بتحقيق التنمية المستدامة من خلال مشاريع "
            "هادفة يساهم في إنجاحها و يسعى لضمان الاستمرارية لها.",
            "Il a remercié tous les participants et affirmé que les questions soulevées sont au cœur "
            "des préoccupations de l'opinion publique, et que ce sont des personnes responsables et "
            "conscientes qui garantissent un développement durable, par des projets ciblés dont "
            "elles portent la réussite et la continuité.",
            "He thanked all the participants and said that the issues raised lie at the heart of "
            "public concerns, and that responsible, aware people are what guarantees sustainable "
            "development, through purposeful projects whose success and continuity they secure.",
        ),
    },
]

WORKSHOP_THEME_NOTE = T(
    "عنوان الورشة مستنتج من شعار المنتدى (التراث، البيئة، التواصل): يذكر المقال ثلاث ورشات دون أن "
    "يسمي مواضيعها.",
    "Le thème de l'atelier est déduit du slogan du forum (patrimoine, environnement, "
    "communication) : l'article mentionne trois ateliers sans en donner les thèmes.",
    "The workshop's theme is inferred from the forum's slogan (heritage, environment, "
    "communication): the article mentions three workshops without naming their themes.",
)

WORKSHOPS = [
    {
        "order": 1,
        "key": "heritage",
        "theme": T(
            "التراث: تثمين تراث تارودانت",
            "Patrimoine : valoriser le patrimoine de Taroudant",
            "Heritage: promoting Taroudant's heritage",
        ),
        "outcomes": T(
            "خلص النقاش إلى ضرورة الحفاظ على تنوع و غنى التراث الروداني بدعم مشاريع في هذا الاتجاه.",
            "Le débat a conclu à la nécessité de préserver la diversité et la richesse du patrimoine "
            "de Taroudant en soutenant des projets en ce sens.",
            "The discussion concluded that the diversity and richness of Taroudant's heritage must "
            "be preserved by supporting projects to that end.",
        ),
    },
    {
        "order": 2,
        "key": "environment",
        "theme": T(
            "البيئة: مبادرات جمعوية من أجل تنمية مستدامة",
            "Environnement : des initiatives associatives pour un développement durable",
            "Environment: association initiatives for sustainable development",
        ),
        "outcomes": T(
            "مخرجات توضيحية: لا يفصل المقال نتائج هذه الورشة. يربطها بشعار المنتدى ما خلص إليه "
            "النقاش من تشجيع كل المبادرات الجمعوية الجادة و دعمها للمساهمة في التنمية المحلية "
            "المستدامة.",
            "Résultats illustratifs : l'article ne détaille pas les conclusions de cet atelier. Le "
            "lien avec le slogan du forum est la conclusion du débat : encourager et soutenir les "
            "initiatives associatives sérieuses qui contribuent au développement local durable.",
            "Illustrative outcomes: the article does not detail this workshop's conclusions. Its link "
            "to the forum's slogan is the discussion's conclusion: encourage and support serious "
            "association initiatives that contribute to sustainable local development.",
        ),
    },
    {
        "order": 3,
        "key": "communication",
        "theme": T(
            "التواصل: بوابة إلكترونية لمدينة تارودانت",
            "Communication : un portail électronique pour Taroudant",
            "Communication: an electronic portal for Taroudant",
        ),
        "outcomes": T(
            "ضرورة إحداث بوابة الكترونية خاصة بمدينة تارودانت من أجل تحقيق مجموعة من الأهداف في آن "
            "واحد : التواصل- التكوين- التحفيز- التوعية- الترفيه- أنشطة اشهارية و إشعاعية.",
            "Créer un portail électronique propre à la ville de Taroudant pour atteindre plusieurs "
            "objectifs à la fois : communication, formation, motivation, sensibilisation, loisirs, "
            "activités de promotion et de rayonnement.",
            "Create an electronic portal for the city of Taroudant to serve several goals at once: "
            "communication, training, motivation, awareness, leisure, and promotion and outreach.",
        ),
    },
]

ATTENDING_ASSOCIATIONS = [
    ("taroudant-friends-of-roudani-heritage", 3),
    ("taroudant-souss-environment", 2),
    ("taroudant-youth-communication", 2),
]
ATTENDING_INSTITUTIONS = ["romans"]

# The article has these come out of the first session's discussion, after the
# reports on the workshops; it does not tie any of them to one workshop.
RECOMMENDATIONS = [
    {
        "order": 1,
        "session": 1,
        "title": T(
            "الحفاظ على تنوع و غنى التراث الروداني بدعم مشاريع في هذا الاتجاه",
            "Préserver la diversité et la richesse du patrimoine de Taroudant en soutenant des "
            "projets",
            "Preserve the diversity and richness of Taroudant's heritage by supporting projects",
        ),
        "text": T(
            "ضرورة الحفاظ على تنوع و غنى التراث الروداني بدعم مشاريع في هذا الاتجاه.",
            "Préserver la diversité et la richesse du patrimoine de Taroudant en soutenant des "
            "projets en ce sens.",
            "Preserve the diversity and richness of Taroudant's heritage by supporting projects to "
            "that end.",
        ),
        "theme": "heritage",
        "addressed_to": "council",
        "priority": "medium",
        "status": "proposed",
        "associations": ["taroudant-friends-of-roudani-heritage"],
    },
    {
        "order": 2,
        "session": 1,
        "title": T(
            "تشجيع كل المبادرات الجمعوية الجادة و دعمها",
            "Encourager et soutenir les initiatives associatives sérieuses",
            "Encourage and support serious association initiatives",
        ),
        "text": T(
            "تشجيع كل المبادرات الجمعوية الجادة و دعمها للمساهمة في التنمية المحلية المستدامة مع "
            "تقديم اقتراحات عملية في هذا الاتجاه.",
            "Encourager et soutenir toutes les initiatives associatives sérieuses afin qu'elles "
            "contribuent au développement local durable, avec des propositions concrètes en ce sens.",
            "Encourage and support all serious association initiatives so that they contribute to "
            "sustainable local development, with practical proposals to that end.",
        ),
        "theme": "associative-support",
        "addressed_to": "council",
        "priority": "medium",
        "status": "proposed",
        "associations": [],
    },
    {
        "order": 3,
        "session": 1,
        "title": T(
            "إحداث بوابة الكترونية خاصة بمدينة تارودانت",
            "Créer un portail électronique pour la ville de Taroudant",
            "Create an electronic portal for the city of Taroudant",
        ),
        "text": T(
            "إحداث بوابة الكترونية خاصة بمدينة تارودانت من أجل تحقيق مجموعة من الأهداف في آن واحد : "
            "التواصل- التكوين- التحفيز- التوعية- الترفيه- أنشطة اشهارية و إشعاعية.",
            "Créer un portail électronique propre à la ville de Taroudant pour atteindre plusieurs "
            "objectifs à la fois : communication, formation, motivation, sensibilisation, loisirs, "
            "activités de promotion et de rayonnement.",
            "Create an electronic portal for the city of Taroudant to serve several goals at once: "
            "communication, training, motivation, awareness, leisure, and promotion and outreach.",
        ),
        "theme": "communication",
        "addressed_to": "council",
        "priority": "high",
        "status": "proposed",
        "associations": ["taroudant-youth-communication"],
    },
]
