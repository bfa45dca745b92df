"""Meetings and forums, everything that happens inside them, and certificates."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from associations.models import Association
from portal.fields import DocumentField, ValidatedImageField
from portal.models import (
    Commune,
    Illustrative,
    Institution,
    Person,
    PublishedQuerySet,
    Searchable,
    Timestamped,
    Versioned,
    VersionedQuerySet,
)
from projects.models import Project

# Crockford's base32 without the look-alikes (no I, L, O, U): easy to read
# aloud and to type from a printed certificate.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 12  # 32**12 = 2**60 possible codes


def generate_certificate_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


class MeetingSeries(Versioned):
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="series"
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    description = models.TextField(_("description"), blank=True)

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("meeting series")
        verbose_name_plural = _("meeting series")
        ordering = ["title"]

    def __str__(self):
        return self.title


#: A meeting's columns no list shows: left in the database by ``listed()``.
LONG_TEXTS = (
    "search_text",
    *(f"{name}{suffix}" for name in ("summary", "report") for suffix in ("", "_ar", "_fr", "_en")),
)


class MeetingQuerySet(PublishedQuerySet):
    def public(self):
        return self.published().select_related("commune", "series")

    def listed(self):
        """``public()`` for a list: the long texts a card never shows stay in the database."""
        return self.public().defer(*LONG_TEXTS)

    # Both orders walk the meeting_by_date index (one way or the other), and
    # end with the title and key so that pages never repeat or skip a meeting.
    def upcoming(self):
        return self.filter(start_date__gte=timezone.localdate()).order_by(
            "start_date", "-title", "-pk"
        )

    def past(self):
        return self.filter(start_date__lt=timezone.localdate()).order_by(
            "-start_date", "title", "pk"
        )


class Meeting(Illustrative, Searchable, Timestamped, Versioned):
    class Kind(models.TextChoices):
        OUTREACH = "outreach", _("outreach meeting")
        CONSULTATIVE = "consultative", _("consultative meeting")
        FORUM = "forum", _("forum")
        WORKSHOP_DAY = "workshop_day", _("workshop day")
        PUBLIC_HEARING = "hearing", _("public hearing")

    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        HELD = "held", _("held")
        CANCELLED = "cancelled", _("cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.CONSULTATIVE)
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="meetings"
    )
    series = models.ForeignKey(
        MeetingSeries,
        verbose_name=_("series"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="meetings",
    )
    edition = models.PositiveSmallIntegerField(
        _("edition"), null=True, blank=True, help_text=_("1 for the 1st edition, 2 for the 2nd…")
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    slogan = models.CharField(_("slogan"), max_length=500, blank=True)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    organisers = models.ManyToManyField(
        Institution, verbose_name=_("organisers"), blank=True, related_name="organised_meetings"
    )
    partners = models.ManyToManyField(
        Institution, verbose_name=_("partners"), blank=True, related_name="partnered_meetings"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PLANNED)
    summary = models.TextField(_("summary"), blank=True)
    report = models.TextField(_("report"), blank=True)
    report_file = DocumentField(_("report file"), upload_to="meetings/reports/", blank=True)
    source = models.CharField(
        _("source"), max_length=500, blank=True, help_text=_("Where this record comes from.")
    )
    published = models.BooleanField(_("published"), default=False)

    objects = MeetingQuerySet.as_manager()

    search_fields = ("title", "slogan", "venue", "summary")
    search_title_fields = ("title",)
    search_snippet_fields = ("summary", "slogan", "venue")
    search_key = "meetings"
    search_related = ()  # a result shows the record's own fields only
    version_names = ("meetings",)
    search_order = ("-start_date", "-pk")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-start_date", "title", "pk"]
        # Upcoming and past meetings by date, the back office's list and the
        # tracker's order (by meeting: its date, its title) walk this index.
        indexes = [models.Index(fields=["-start_date", "title", "id"], name="meeting_by_date")]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=F("start_date")),
                name="meeting_end_not_before_start",
            ),
            models.UniqueConstraint(
                fields=["series", "edition"], name="meeting_one_edition_number_per_series"
            ),
            models.CheckConstraint(
                condition=Q(edition__isnull=True) | Q(series__isnull=False),
                name="meeting_edition_needs_series",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot come before the start date.")
        if self.edition is not None and not self.series_id:
            errors["series"] = _("An edition number needs a series.")
        if errors:
            raise ValidationError(errors)


class MeetingPhoto(Versioned):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ValidatedImageField(_("image"), upload_to="meetings/photos/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("meeting photo")
        verbose_name_plural = _("meeting photos")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class OfPublishedMeetingQuerySet(VersionedQuerySet):
    """The parts of a meeting are public when their meeting is."""

    def public(self):
        return self.filter(meeting__published=True).select_related("meeting__commune")


class MeetingPart(Searchable, Versioned):
    """A searchable part of a meeting: found by the search, shown on the meeting's page."""

    search_order = ("-meeting__start_date", "-pk")
    #: The part's place on the meeting's page (``#session-12``).
    anchor = ""
    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    objects = OfPublishedMeetingQuerySet.as_manager()

    class Meta:
        abstract = True

    def get_absolute_url(self):
        return f"{self.meeting.get_absolute_url()}#{self.anchor}-{self.pk}"

    def search_context(self) -> str:
        return self.meeting.title


class Session(MeetingPart):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="sessions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=255)
    chair = models.ForeignKey(
        Person,
        verbose_name=_("chair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="chaired_sessions",
    )
    summary = models.TextField(_("summary"), blank=True)

    objects = OfPublishedMeetingQuerySet.as_manager()

    search_fields = ("title", "summary")
    search_title_fields = ("title",)
    search_snippet_fields = ("summary",)
    search_key = "sessions"
    anchor = "session"

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["meeting", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "order"], name="session_one_order_per_meeting"
            )
        ]

    def __str__(self):
        return self.title


class Speech(Illustrative, MeetingPart):
    class Kind(models.TextChoices):
        OPENING = "opening", _("opening speech")
        WELCOME = "welcome", _("welcome speech")
        ADDRESS = "address", _("speech")
        REPORT = "report", _("report")
        INTERVENTION = "intervention", _("civil-society intervention")
        CLOSING = "closing", _("closing speech")

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="speeches"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speeches",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.ADDRESS)
    speaker = models.ForeignKey(
        Person,
        verbose_name=_("speaker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speeches",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("on behalf of association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="speeches",
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    summary = models.TextField(_("summary"), blank=True)

    objects = OfPublishedMeetingQuerySet.as_manager()

    search_fields = ("title", "summary")
    search_title_fields = ("title",)
    search_snippet_fields = ("summary",)
    search_key = "speeches"
    anchor = "speech"

    class Meta:
        verbose_name = _("speech")
        verbose_name_plural = _("speeches")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        who = self.speaker or self.association
        return f"{self.get_kind_display()} — {who}" if who else self.get_kind_display()

    def search_heading(self) -> str:
        return self.title or capfirst(self.get_kind_display())


class Presentation(MeetingPart):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="presentations"
    )
    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presentations",
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    title = models.CharField(_("title"), max_length=255)
    presenters = models.ManyToManyField(
        Person, verbose_name=_("presenters"), blank=True, related_name="presentations"
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="presentations",
    )
    summary = models.TextField(_("summary"), blank=True)
    slides = DocumentField(_("slides"), upload_to="meetings/slides/", blank=True)
    related_projects = models.ManyToManyField(
        Project, verbose_name=_("related projects"), blank=True, related_name="presentations"
    )

    objects = OfPublishedMeetingQuerySet.as_manager()

    search_fields = ("title", "summary")
    search_title_fields = ("title",)
    search_snippet_fields = ("summary",)
    search_key = "presentations"
    anchor = "presentation"

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.title


class Workshop(MeetingPart):
    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="workshops"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=1)
    theme = models.CharField(_("theme"), max_length=255)
    facilitators = models.ManyToManyField(
        Person, verbose_name=_("facilitators"), blank=True, related_name="facilitated_workshops"
    )
    outcomes = models.TextField(_("outcomes"), blank=True)

    objects = OfPublishedMeetingQuerySet.as_manager()

    search_fields = ("theme", "outcomes")
    search_title_fields = ("theme",)
    search_snippet_fields = ("outcomes",)
    search_key = "workshops"
    anchor = "workshop"

    class Meta:
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        ordering = ["meeting", "order", "pk"]

    def __str__(self):
        return self.theme


class AssociationAttendance(Illustrative, Versioned):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="association_attendance",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )
    representatives = models.PositiveSmallIntegerField(_("representatives present"), default=1)

    objects = OfPublishedMeetingQuerySet.as_manager()

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("attending association")
        verbose_name_plural = _("attending associations")
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "association"], name="attendance_association_once_per_meeting"
            )
        ]

    def __str__(self):
        return str(self.association)


class InstitutionAttendance(Versioned):
    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="institution_attendance",
    )
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        related_name="attendance",
    )

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("attending institution")
        verbose_name_plural = _("attending institutions")
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "institution"], name="attendance_institution_once_per_meeting"
            )
        ]

    def __str__(self):
        return str(self.institution)


class SiteVisit(MeetingPart):
    """A dated itinerary of stops at development projects."""

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="site_visits",
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="site_visits"
    )
    title = models.CharField(_("title"), max_length=255)
    date = models.DateField(_("date"))
    notes = models.TextField(_("notes"), blank=True)

    # Found by the search when part of a published meeting, whose page shows it.
    objects = OfPublishedMeetingQuerySet.as_manager()

    search_fields = ("title", "notes")
    search_title_fields = ("title",)
    search_snippet_fields = ("notes",)
    search_key = "site_visits"
    search_order = ("-date", "-pk")
    anchor = "visit"

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["-date", "pk"]

    def __str__(self):
        return self.title


class SiteVisitStopQuerySet(VersionedQuerySet):
    def public(self):
        """Stops at published projects, on visits that are not part of an unpublished meeting."""
        return (
            self.previewed()
            .filter(Q(visit__meeting__isnull=True) | Q(visit__meeting__published=True))
            .select_related("visit__meeting")
        )

    def previewed(self):
        """What ``public()`` shows once the meeting is published: the staff preview."""
        return self.filter(project__published=True).select_related("visit", "project")


class SiteVisitStop(Searchable, Versioned):
    visit = models.ForeignKey(
        SiteVisit, verbose_name=_("site visit"), on_delete=models.CASCADE, related_name="stops"
    )
    order = models.PositiveSmallIntegerField(_("order"))
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="visit_stops"
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = SiteVisitStopQuerySet.as_manager()

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    search_fields = ("notes",)
    search_snippet_fields = ("notes",)
    search_key = "stops"
    search_order = ("-visit__date", "-pk")

    class Meta:
        verbose_name = _("site-visit stop")
        verbose_name_plural = _("site-visit stops")
        ordering = ["visit", "order"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "order"], name="stop_one_order_per_visit")
        ]

    def __str__(self):
        return f"{self.order}. {self.project}"

    def get_absolute_url(self):
        """The stop on its meeting's page, or the project's page for a visit of no meeting."""
        if self.visit.meeting_id:
            return f"{self.visit.meeting.get_absolute_url()}#stop-{self.pk}"
        return self.project.get_absolute_url()

    def search_context(self) -> str:
        return self.visit.title


class SiteVisitStopPhoto(Versioned):
    stop = models.ForeignKey(
        SiteVisitStop, verbose_name=_("stop"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ValidatedImageField(_("image"), upload_to="meetings/visits/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    class Meta:
        verbose_name = _("stop photo")
        verbose_name_plural = _("stop photos")
        ordering = ["stop", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class CertificateQuerySet(VersionedQuerySet):
    def valid(self):
        return self.filter(revoked=False)

    def public(self):
        """Valid certificates of published meetings, to a published association if any."""
        return self.previewed().filter(meeting__published=True)

    def previewed(self):
        """What ``public()`` shows once the meeting is published: the staff preview."""
        return (
            self.valid()
            .filter(
                Q(recipient_association__isnull=True) | Q(recipient_association__published=True)
            )
            .select_related(
                "meeting", "recipient_association", "recipient_person__institution", "signatory"
            )
        )


class Certificate(Illustrative, Searchable, Timestamped, Versioned):
    """A certificate of appreciation awarded at a meeting."""

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.PROTECT, related_name="certificates"
    )
    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="certificates"
    )
    recipient_association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    recipient_person = models.ForeignKey(
        Person,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="certificates",
    )
    recipient_name = models.CharField(
        _("named individual"),
        max_length=255,
        blank=True,
        help_text=_("For a recipient who is neither an association nor a recorded person."),
    )
    citation = models.TextField(_("citation"))
    signatory = models.ForeignKey(
        Person,
        verbose_name=_("signatory"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="signed_certificates",
    )
    awarded_on = models.DateField(_("date"))
    code = models.CharField(
        _("verification code"),
        max_length=CODE_LENGTH,
        default=generate_certificate_code,
        editable=False,
    )
    serial_year = models.PositiveSmallIntegerField(_("serial year"), null=True, blank=True)
    serial_number = models.PositiveIntegerField(_("serial number"), null=True, blank=True)
    revoked = models.BooleanField(_("revoked"), default=False)
    revoked_on = models.DateField(_("revoked on"), null=True, blank=True)
    revocation_reason = models.CharField(_("reason for revocation"), max_length=255, blank=True)

    objects = CertificateQuerySet.as_manager()

    # Shown on the meeting's page (and the pages of what it names).
    version_names = ("meetings",)

    search_fields = ("citation", "recipient_name")
    search_title_fields = ("recipient_name",)
    search_snippet_fields = ("citation",)
    search_key = "certificates"
    search_order = ("-awarded_on", "-pk")

    class Meta:
        verbose_name = _("certificate of appreciation")
        verbose_name_plural = _("certificates of appreciation")
        ordering = ["-awarded_on", "pk"]
        indexes = [models.Index(fields=["-awarded_on", "id"], name="certificate_by_date")]
        constraints = [
            models.UniqueConstraint(fields=["code"], name="certificate_unique_code"),
            models.UniqueConstraint(
                fields=["commune", "serial_year", "serial_number"],
                name="certificate_unique_serial_per_commune_and_year",
            ),
            models.CheckConstraint(
                condition=(
                    Q(recipient_association__isnull=False, recipient_person__isnull=True)
                    & Q(recipient_name="")
                )
                | (
                    Q(recipient_association__isnull=True, recipient_person__isnull=False)
                    & Q(recipient_name="")
                )
                | (
                    Q(recipient_association__isnull=True, recipient_person__isnull=True)
                    & ~Q(recipient_name="")
                ),
                name="certificate_exactly_one_recipient",
            ),
            models.CheckConstraint(
                condition=Q(revoked=False) | Q(revoked_on__isnull=False),
                name="certificate_revoked_has_date",
            ),
        ]

    def __str__(self):
        return f"{self.recipient} — {self.code}"

    def search_heading(self) -> str:
        return f"{capfirst(self._meta.verbose_name)}: {self.recipient}"

    def search_context(self) -> str:
        return self.meeting.title

    @property
    def recipient(self):
        return self.recipient_association or self.recipient_person or self.recipient_name

    @property
    def serial(self) -> str:
        if self.serial_number is None:
            return ""
        return f"{self.serial_year}/{self.serial_number:04d}"

    def get_absolute_url(self):
        return reverse("certificates:verify_code", kwargs={"code": self.code})

    def save(self, *args, **kwargs):
        # A certificate belongs to the commune of the meeting it was awarded
        # at (its serial number counts there): derived here, like
        # ``updated_at``, so the award service, the admin page and the inline
        # of the meeting page cannot disagree. A save of chosen fields (a
        # revocation) leaves the meeting, and so the commune, alone.
        if not kwargs.get("update_fields"):
            self.commune_id = self.meeting.commune_id
        super().save(*args, **kwargs)

    def clean(self):
        given = [
            bool(self.recipient_association_id),
            bool(self.recipient_person_id),
            bool((self.recipient_name or "").strip()),
        ]
        if sum(given) != 1:
            raise ValidationError(
                _("Choose exactly one recipient: an association, a person or a named individual.")
            )
        if self.revoked and not self.revoked_on:
            raise ValidationError({"revoked_on": _("Give the date of the revocation.")})

    def revoke(self, reason: str = "", on=None) -> None:
        self.revoked = True
        self.revoked_on = on or timezone.localdate()
        self.revocation_reason = reason
        self.save(update_fields=["revoked", "revoked_on", "revocation_reason", "updated_at"])
