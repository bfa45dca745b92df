from modeltranslation.translator import TranslationOptions, register

from .models import Recommendation, RecommendationUpdate, Theme


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name",)


@register(Recommendation)
class RecommendationTranslation(TranslationOptions):
    fields = ("title", "text")


@register(RecommendationUpdate)
class RecommendationUpdateTranslation(TranslationOptions):
    fields = ("note",)
