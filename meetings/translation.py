from modeltranslation.translator import TranslationOptions, register

from .models import (
    Certificate,
    Meeting,
    MeetingPhoto,
    MeetingSeries,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    SiteVisitStopPhoto,
    Speech,
    Workshop,
)


@register(MeetingSeries)
class MeetingSeriesTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "slogan", "venue", "summary", "report")


@register(MeetingPhoto)
class MeetingPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Speech)
class SpeechTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Presentation)
class PresentationTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(Workshop)
class WorkshopTranslation(TranslationOptions):
    fields = ("theme", "outcomes")


@register(SiteVisit)
class SiteVisitTranslation(TranslationOptions):
    fields = ("title", "notes")


@register(SiteVisitStop)
class SiteVisitStopTranslation(TranslationOptions):
    fields = ("notes",)


@register(SiteVisitStopPhoto)
class SiteVisitStopPhotoTranslation(TranslationOptions):
    fields = ("caption",)


@register(Certificate)
class CertificateTranslation(TranslationOptions):
    fields = ("citation",)
