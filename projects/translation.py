from modeltranslation.translator import TranslationOptions, register

from .models import DevelopmentPlan, Project, ProjectDocument, ProjectPhoto, ProjectUpdate, Sector


@register(DevelopmentPlan)
class DevelopmentPlanTranslation(TranslationOptions):
    fields = ("title", "description")
    required_languages = ("ar",)


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("ar",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "location_name")
    required_languages = ("ar",)


@register(ProjectPhoto)
class ProjectPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(ProjectDocument)
class ProjectDocumentTranslation(TranslationOptions):
    fields = ("title",)
    required_languages = ("ar",)


@register(ProjectUpdate)
class ProjectUpdateTranslation(TranslationOptions):
    fields = ("title", "body")
    required_languages = ("ar",)
