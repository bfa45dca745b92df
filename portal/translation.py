from modeltranslation.translator import TranslationOptions, register

from .models import Commune, Institution, Person


@register(Commune)
class CommuneTranslation(TranslationOptions):
    fields = ("name", "region", "province")
    required_languages = ("ar",)


@register(Institution)
class InstitutionTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("full_name", "role")
    required_languages = ("ar",)
