from modeltranslation.translator import TranslationOptions, register

from .models import Association, FieldOfActivity


@register(FieldOfActivity)
class FieldOfActivityTranslation(TranslationOptions):
    fields = ("name",)


@register(Association)
class AssociationTranslation(TranslationOptions):
    fields = ("name", "address", "description")
