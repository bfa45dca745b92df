from modeltranslation.translator import TranslationOptions, register

from .models import Recommendation, RecommendationUpdate, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "text")
    required_languages = ("ar",)


@register(RecommendationUpdate)
class RecommendationUpdateTranslation(TranslationOptions):
    fields = ("note",)
    required_languages = ("ar",)
