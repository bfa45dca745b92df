"""Texts staff write in any one language (Arabic first on the forms); each falls back to
the others on the pages (settings.MODELTRANSLATION_FALLBACK_LANGUAGES). The back office
asks for a required text in at least one language (portal.admin.AnyOneLanguage)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Commune, Institution, Person


@register(Commune)
class CommuneTranslation(TranslationOptions):
    fields = ("name", "region", "province")


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("full_name", "role")
