"""Recommendations that come out of meetings, and their public follow-up."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from associations.models import Association
from meetings.models import LONG_TEXTS as MEETING_LONG_TEXTS
from meetings.models import Meeting, Session, Workshop
from portal.fields import DocumentField
from portal.models import (
    Illustrative,
    Institution,
    PublishedQuerySet,
    Searchable,
    Timestamped,
    Versioned,
    VersionedQuerySet,
)
from projects.models import Project


class Theme(Versioned):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    version_names = ("recommendations",)
    objects = VersionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class RecommendationQuerySet(PublishedQuerySet):
    def published(self):
        # A recommendation is public only when the meeting it comes from is.
        return self.filter(published=True, meeting__published=True)

    def public(self):
        return self.published().select_related("meeting__commune", "addressed_to", "theme")

    def previewed(self):
        """What ``public()`` shows once the meeting is published: the staff preview."""
        return self.filter(published=True).select_related(
            "meeting__commune", "addressed_to", "theme"
        )

    def listed(self):
        """``public()`` for a list: the long texts a card never shows stay in the database."""
        return self.public().defer(
            "search_text",
            *(f"text{suffix}" for suffix in ("", "_ar", "_fr", "_en")),
            *(f"meeting__{name}" for name in MEETING_LONG_TEXTS),
        )

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(due_date__lt=today).exclude(status__in=Recommendation.CLOSED_STATUSES)


class Recommendation(Illustrative, Searchable, Timestamped, Versioned):
    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        ADOPTED = "adopted", _("adopted")
        IN_PROGRESS = "in_progress", _("in progress")
        IMPLEMENTED = "implemented", _("implemented")
        NOT_RETAINED = "not_retained", _("not retained")

    class Priority(models.TextChoices):
        HIGH = "high", _("high")
        MEDIUM = "medium", _("medium")
        LOW = "low", _("low")

    CLOSED_STATUSES = (Status.IMPLEMENTED, Status.NOT_RETAINED)

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        related_name="recommendations",
    )
    workshop = models.ForeignKey(
        Workshop,
        verbose_name=_("workshop"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=255)
    text = models.TextField(_("text"), blank=True)
    addressed_to = models.ForeignKey(
        Institution,
        verbose_name=_("addressed to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="recommendations",
    )
    priority = models.CharField(
        _("priority"), max_length=10, choices=Priority, default=Priority.MEDIUM
    )
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PROPOSED)
    related_projects = models.ManyToManyField(
        Project, verbose_name=_("related projects"), blank=True, related_name="recommendations"
    )
    related_associations = models.ManyToManyField(
        Association,
        verbose_name=_("related associations"),
        blank=True,
        related_name="recommendations",
    )
    published = models.BooleanField(_("published"), default=True)

    objects = RecommendationQuerySet.as_manager()

    search_fields = ("title", "text")
    search_title_fields = ("title",)
    search_snippet_fields = ("text",)
    search_key = "recommendations"
    # Public only while its meeting is: its figures change with the meetings too.
    version_names = ("recommendations", "meetings")
    search_order = ("-meeting__start_date", "-pk")

    class Meta:
        verbose_name = _("recommendation")
        verbose_name_plural = _("recommendations")
        ordering = ["meeting", "order", "pk"]
        # The tracker's order, after the meeting's own (see meeting_by_date).
        indexes = [models.Index(fields=["meeting", "order", "id"], name="recommendation_order")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("recommendations:detail", kwargs={"pk": self.pk})

    def search_context(self) -> str:
        return self.meeting.title

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.due_date
            and self.due_date < timezone.localdate()
            and self.status not in self.CLOSED_STATUSES
        )

    def clean(self):
        errors = {}
        if self.workshop_id and self.meeting_id and self.workshop.meeting_id != self.meeting_id:
            errors["workshop"] = _("This workshop belongs to another meeting.")
        if self.session_id and self.meeting_id and self.session.meeting_id != self.meeting_id:
            errors["session"] = _("This session belongs to another meeting.")
        if errors:
            raise ValidationError(errors)


class RecommendationUpdate(Timestamped, Versioned):
    recommendation = models.ForeignKey(
        Recommendation,
        verbose_name=_("recommendation"),
        on_delete=models.CASCADE,
        related_name="updates",
    )
    date = models.DateField(_("date"))
    status = models.CharField(_("new status"), max_length=20, choices=Recommendation.Status)
    note = models.TextField(_("follow-up note"))
    evidence = DocumentField(
        _("evidence document"), upload_to="recommendations/evidence/", blank=True
    )
    evidence_url = models.URLField(_("evidence link"), blank=True)

    version_names = ("recommendations",)

    class Meta:
        verbose_name = _("follow-up")
        verbose_name_plural = _("follow-ups")
        ordering = ["recommendation", "date", "pk"]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"
