from modeltranslation.translator import TranslationOptions, register

from .models import Association, FieldOfActivity


@register(FieldOfActivity)
class FieldOfActivityTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Association)
class AssociationTranslation(TranslationOptions):
    fields = ("name", "address", "description")
    required_languages = ("ar",)
