from modeltranslation.translator import TranslationOptions, register

from .models import DevelopmentPlan, Project, ProjectDocument, ProjectPhoto, ProjectUpdate, Sector


@register(DevelopmentPlan)
class DevelopmentPlanTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Sector)
class SectorTranslation(TranslationOptions):
    fields = ("name",)


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary", "description", "location_name")


@register(ProjectPhoto)
class ProjectPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(ProjectDocument)
class ProjectDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(ProjectUpdate)
class ProjectUpdateTranslation(TranslationOptions):
    fields = ("title", "body")
