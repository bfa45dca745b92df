"""Lookups shared by both communes: fields of activity, sectors, themes."""

from . import T

FIELDS_OF_ACTIVITY = {
    "development": T("التنمية المحلية", "Développement local", "Local development"),
    "social": T(
        "العمل الاجتماعي والتضامن", "Action sociale et solidarité", "Social action and solidarity"
    ),
    "youth": T("الشباب", "Jeunesse", "Youth"),
    "sport": T("الرياضة", "Sport", "Sport"),
    "culture-arts": T("الثقافة والفنون", "Culture et arts", "Culture and arts"),
    "women": T("المرأة", "Femmes", "Women"),
    "crafts": T("الصناعة التقليدية", "Artisanat", "Crafts"),
    "environment": T("البيئة", "Environnement", "Environment"),
    "heritage": T("التراث", "Patrimoine", "Heritage"),
    "communication": T("التواصل والإعلام", "Communication et médias", "Communication and media"),
}

SECTORS = {
    "youth": T("الشباب", "Jeunesse", "Youth"),
    "sport": T("الرياضة", "Sport", "Sport"),
    "roads": T(
        "الطرق والتهيئة الحضرية", "Voirie et aménagement urbain", "Roads and urban upgrading"
    ),
    "health": T("الصحة", "Santé", "Health"),
    "green-spaces": T(
        "المساحات الخضراء والبيئة", "Espaces verts et environnement", "Green spaces and environment"
    ),
    "culture": T("الثقافة", "Culture", "Culture"),
    "higher-education": T(
        "التعليم العالي والتكوين",
        "Enseignement supérieur et formation",
        "Higher education and training",
    ),
    "water-sanitation": T(
        "الماء والتطهير والوقاية من الفيضانات",
        "Eau, assainissement et protection contre les inondations",
        "Water, sanitation and flood protection",
    ),
    "urban-planning": T("التعمير", "Urbanisme", "Urban planning"),
    "public-facilities": T("المرافق العمومية", "Équipements publics", "Public facilities"),
}

THEMES = {
    "partnership": T(
        "الشراكة مع المجتمع المدني",
        "Partenariat avec la société civile",
        "Partnership with civil society",
    ),
    "culture-arts": T("الثقافة والفنون", "Culture et arts", "Culture and arts"),
    "communication": T(
        "التواصل والحوار", "Communication et dialogue", "Communication and dialogue"
    ),
    "heritage": T("التراث", "Patrimoine", "Heritage"),
    "associative-support": T(
        "دعم العمل الجمعوي", "Soutien à l'action associative", "Support for associations"
    ),
}
