"""Petitions to a commune council (organic law 113-14, arts 121–125; decree 2.16.403).

An association (through its mandated representative) or citizens (through
an agent, with online signatures) ask the council to put a question within
its competence on its agenda. The council's bureau examines admissibility;
an admissible petition goes on the agenda of the next ordinary session and to
the competent standing committee; an inadmissible one gets a reasoned
decision within three months of filing. Each step is a dated
:class:`PetitionEvent`; the steps are the methods of :class:`Petition`.

What the law leaves to amendment or that could not be confirmed from its
text (signature thresholds, session months, the deadline, an association's
minimum age) is a per-commune :class:`PetitionSettings` with the law's
defaults.

Signatories' personal data (Law 09-08) stay private: a signature holds a
name and a declaration, never a national ID number or an address; only the
agent and staff see the list, the public sees the stored count.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from associations.models import Association
from meetings.models import Meeting
from portal.fields import DocumentField
from portal.models import (
    Commune,
    Illustrative,
    Searchable,
    Timestamped,
    Versioned,
    VersionedQuerySet,
)
from projects.models import Project
from recommendations.models import Recommendation

from .deadlines import add_months, next_session, parse_months

#: The law's thresholds (art. 123 as amended); a commune may set its own number.
SIGNATURES_SMALL_COMMUNE = 100
SIGNATURES_LARGE_COMMUNE = 200
SIGNATURES_WITH_ARRONDISSEMENTS = 400
LARGE_COMMUNE_POPULATION = 35_000
#: Texts of a petition, as the form bounds them.
TEXT_MAX_LENGTH = 5000


class TransitionError(ValidationError):
    """A step of the procedure refused: the petition is not where the step starts."""


def validate_months(value: str) -> None:
    try:
        parse_months(value)
    except ValueError:
        raise ValidationError(
            _("Give month numbers from 1 to 12 separated by commas, e.g. 2, 5, 10.")
        ) from None


class PetitionSettings(Versioned):
    """A commune's rules for petitions, where the law may change or differ."""

    commune = models.OneToOneField(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        related_name="petition_settings",
    )
    population = models.PositiveIntegerField(
        _("population"),
        null=True,
        blank=True,
        help_text=_("Legal population; sets the default number of signatures."),
    )
    has_arrondissements = models.BooleanField(_("commune with arrondissements"), default=False)
    minimum_signatures = models.PositiveIntegerField(
        _("minimum signatures"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty for the law's number: 100 under 35,000 inhabitants, 200 above, "
            "400 in a commune with arrondissements."
        ),
    )
    session_months = models.CharField(
        _("ordinary session months"),
        max_length=40,
        default="2, 5, 10",
        validators=[validate_months],
        help_text=_("Month numbers, separated by commas (February, May and October: 2, 5, 10)."),
    )
    answer_months = models.PositiveSmallIntegerField(
        _("months to answer"),
        default=3,
        help_text=_("The bureau's decision is due this many calendar months after filing."),
    )
    association_minimum_years = models.PositiveSmallIntegerField(
        _("minimum age of an association (years)"),
        default=3,
        help_text=_("An association may petition once its filing receipt is this old."),
    )

    version_names = ("petitions",)
    objects = VersionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("petition rules")
        verbose_name_plural = _("petition rules")
        ordering = ["commune"]

    def __str__(self):
        return str(self.commune)

    @classmethod
    def for_commune(cls, commune: Commune) -> "PetitionSettings":
        """The commune's rules, or the law's defaults when staff have set none."""
        found = cls.objects.filter(commune=commune).first()
        return found or cls(commune=commune)

    @property
    def required_signatures(self) -> int:
        if self.minimum_signatures:
            return self.minimum_signatures
        if self.has_arrondissements:
            return SIGNATURES_WITH_ARRONDISSEMENTS
        if self.population and self.population >= LARGE_COMMUNE_POPULATION:
            return SIGNATURES_LARGE_COMMUNE
        return SIGNATURES_SMALL_COMMUNE

    @property
    def months(self) -> tuple[int, ...]:
        return parse_months(self.session_months)


class PetitionQuerySet(VersionedQuerySet):
    def published(self):
        """Every petition past its private draft: a visitor sees them all."""
        return self.exclude(status=Petition.Status.DRAFT)

    def public(self):
        return self.published().select_related("commune", "association")

    def listed(self):
        """``public()`` for a list: the long texts a card never shows stay in the database."""
        return self.public().defer(
            "search_text", "reasons", "objectives", "action_requested", "decision_reasons"
        )

    def awaiting_answer(self):
        return self.filter(status__in=Petition.AWAITING_ANSWER)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.awaiting_answer().filter(due_on__lt=today)


class Petition(Illustrative, Searchable, Timestamped, Versioned):
    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        COLLECTING = "collecting", _("collecting signatures")
        FILED = "filed", _("filed")
        UNDER_REVIEW = "under_review", _("under review")
        ADMISSIBLE = "admissible", _("admissible")
        INADMISSIBLE = "inadmissible", _("inadmissible")
        SCHEDULED = "scheduled", _("on the agenda")
        DISCUSSED = "discussed", _("discussed")
        CLOSED = "closed", _("closed")

    class FilerKind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        CITIZENS = "citizens", _("citizens")

    #: Filed, the bureau's answer still to come: what the deadline is about.
    AWAITING_ANSWER = (Status.FILED, Status.UNDER_REVIEW)
    #: Where citizens may still sign or withdraw their signature.
    OPEN_FOR_SIGNATURES = (Status.DRAFT, Status.COLLECTING)

    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="petitions"
    )
    title = models.CharField(_("subject"), max_length=255)
    reasons = models.TextField(_("reasons"))
    objectives = models.TextField(_("objectives"))
    action_requested = models.TextField(_("action requested"))
    filer_kind = models.CharField(_("filed by"), max_length=20, choices=FilerKind)
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="petitions",
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent or representative"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="petitions",
        help_text=_("The account that files the petition; never shown in public."),
    )
    agent_name = models.CharField(_("name of the agent or representative"), max_length=200)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("E-mails to the agent use it."),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.DRAFT)
    required_signatures = models.PositiveIntegerField(_("signatures required"), default=0)
    signature_count = models.PositiveIntegerField(_("signatures"), default=0, editable=False)
    receipt_year = models.PositiveSmallIntegerField(_("receipt year"), null=True, blank=True)
    receipt_sequence = models.PositiveIntegerField(_("receipt sequence"), null=True, blank=True)
    filed_on = models.DateField(_("filed on"), null=True, blank=True)
    due_on = models.DateField(_("answer due by"), null=True, blank=True)
    decided_on = models.DateField(_("decided on"), null=True, blank=True)
    decision_reasons = models.TextField(_("reasons of the decision"), blank=True)
    session = models.DateField(
        _("ordinary session"),
        null=True,
        blank=True,
        help_text=_("First day of the month of the session whose agenda holds the petition."),
    )
    committee = models.CharField(_("standing committee"), max_length=255, blank=True)
    discussed_on = models.DateField(_("discussed on"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    reminder_sent_at = models.DateTimeField(_("deadline reminder sent"), null=True, blank=True)
    related_meetings = models.ManyToManyField(
        Meeting, verbose_name=_("meetings cited"), blank=True, related_name="petitions"
    )
    related_recommendations = models.ManyToManyField(
        Recommendation,
        verbose_name=_("recommendations cited"),
        blank=True,
        related_name="cited_by_petitions",
    )
    related_projects = models.ManyToManyField(
        Project, verbose_name=_("projects cited"), blank=True, related_name="petitions"
    )
    answered_by = models.ManyToManyField(
        Recommendation,
        verbose_name=_("answered by recommendations"),
        blank=True,
        related_name="answered_petitions",
        help_text=_("Recommendations the council adopted in answer to this petition."),
    )

    objects = PetitionQuerySet.as_manager()

    search_fields = ("title", "objectives", "action_requested", "reasons")
    search_title_fields = ("title",)
    search_snippet_fields = ("objectives", "action_requested")
    search_key = "petitions"
    search_order = ("-filed_on", "-pk")
    version_names = ("petitions",)

    class Meta:
        verbose_name = _("petition")
        verbose_name_plural = _("petitions")
        ordering = ["-created_at", "-id"]
        indexes = [
            # The public list and the back office, newest first; per commune too.
            models.Index(fields=["-created_at", "-id"], name="petition_recent"),
            models.Index(fields=["commune", "-created_at", "-id"], name="petition_commune_recent"),
            # The deadline filters and the reminders walk the open petitions by due date.
            models.Index(fields=["status", "due_on"], name="petition_status_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(filer_kind="association") | Q(association__isnull=False),
                name="petition_association_named",
            ),
            models.CheckConstraint(
                condition=Q(status__in=["draft", "collecting"]) | Q(filed_on__isnull=False),
                name="petition_filed_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status="inadmissible") | ~Q(decision_reasons=""),
                name="petition_inadmissible_has_reasons",
            ),
            models.CheckConstraint(
                condition=~Q(status="discussed") | ~Q(outcome=""),
                name="petition_discussed_has_outcome",
            ),
            models.UniqueConstraint(
                fields=["commune", "receipt_year", "receipt_sequence"],
                condition=Q(receipt_sequence__isnull=False),
                name="petition_receipt_unique_per_commune_year",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("petitions:detail", kwargs={"pk": self.pk})

    def search_context(self) -> str:
        return self.commune.name

    def clean(self):
        if self.filer_kind == self.FilerKind.ASSOCIATION and not self.association_id:
            raise ValidationError({"association": _("Name the association that petitions.")})
        if self.status == self.Status.INADMISSIBLE and not self.decision_reasons.strip():
            raise ValidationError(
                {"decision_reasons": _("An inadmissible petition needs the reasons.")}
            )
        if self.status == self.Status.DISCUSSED and not self.outcome.strip():
            raise ValidationError({"outcome": _("Record the outcome of the discussion.")})

    # --- what the pages show ------------------------------------------------

    @property
    def receipt_number(self) -> str:
        if self.receipt_sequence is None:
            return ""
        return f"{self.receipt_year}/{self.receipt_sequence:04d}"

    @property
    def is_by_citizens(self) -> bool:
        return self.filer_kind == self.FilerKind.CITIZENS

    @property
    def is_open_for_signatures(self) -> bool:
        return self.is_by_citizens and self.status in self.OPEN_FOR_SIGNATURES

    @property
    def has_enough_signatures(self) -> bool:
        return self.signature_count >= self.required_signatures

    @property
    def is_overdue(self) -> bool:
        return bool(
            self.status in self.AWAITING_ANSWER
            and self.due_on
            and self.due_on < timezone.localdate()
        )

    def deadline_text(self, today: datetime.date | None = None) -> str:
        """ "answer due by …", "answered in N days" or "overdue by N days"; empty before filing."""
        if not self.filed_on:
            return ""
        today = today or timezone.localdate()
        if self.decided_on:
            days = (self.decided_on - self.filed_on).days
            return ngettext("answered in %(days)d day", "answered in %(days)d days", days) % {
                "days": days
            }
        if self.due_on and self.due_on < today and self.status in self.AWAITING_ANSWER:
            days = (today - self.due_on).days
            return ngettext("overdue by %(days)d day", "overdue by %(days)d days", days) % {
                "days": days
            }
        if self.due_on:
            return _("answer due by %(date)s") % {"date": date_format(self.due_on)}
        return ""

    # --- the procedure: one method per step -----------------------------------

    def _require(self, *statuses, message):
        if self.status not in statuses:
            raise TransitionError(message)

    def _step(self, status, by, date, text="", fields=()):
        self.status = status
        self.save(update_fields=["status", *fields, "updated_at"])
        return PetitionEvent.objects.create(
            petition=self, status=status, date=date, by=by, text=text
        )

    def open_for_signatures(self, by, date):
        """A citizens' petition goes public so that citizens can sign it."""
        if not self.is_by_citizens:
            raise TransitionError(_("Only a citizens' petition collects signatures."))
        self._require(self.Status.DRAFT, message=_("This petition is no longer a draft."))
        return self._step(self.Status.COLLECTING, by, date)

    def file(self, by, date, *, sequence: int, rules: PetitionSettings):
        """Filed with the council president: the receipt and the deadline of the answer."""
        self._require(
            self.Status.DRAFT,
            self.Status.COLLECTING,
            message=_("This petition has already been filed."),
        )
        if self.is_by_citizens and not self.has_enough_signatures:
            raise TransitionError(
                _(
                    "This petition has %(count)d signatures; %(required)d are needed "
                    "before it can be filed."
                )
                % {"count": self.signature_count, "required": self.required_signatures}
            )
        self.filed_on = date
        self.receipt_year = date.year
        self.receipt_sequence = sequence
        self.due_on = add_months(date, rules.answer_months)
        return self._step(
            self.Status.FILED,
            by,
            date,
            _("Receipt no. %(number)s") % {"number": self.receipt_number},
            fields=("filed_on", "receipt_year", "receipt_sequence", "due_on"),
        )

    def start_review(self, by, date):
        self._require(
            self.Status.FILED, message=_("Only a filed petition can be taken under review.")
        )
        return self._step(self.Status.UNDER_REVIEW, by, date)

    def declare_admissible(self, by, date, text=""):
        self._require(
            self.Status.FILED,
            self.Status.UNDER_REVIEW,
            message=_("Only a filed petition under review can be declared admissible."),
        )
        self.decided_on = date
        return self._step(self.Status.ADMISSIBLE, by, date, text, fields=("decided_on",))

    def declare_inadmissible(self, by, date, reasons: str):
        self._require(
            self.Status.FILED,
            self.Status.UNDER_REVIEW,
            message=_("Only a filed petition under review can be declared inadmissible."),
        )
        if not (reasons or "").strip():
            raise TransitionError(_("Give the reasons: the law asks for a reasoned decision."))
        self.decided_on = date
        self.decision_reasons = reasons.strip()
        return self._step(
            self.Status.INADMISSIBLE,
            by,
            date,
            self.decision_reasons,
            fields=("decided_on", "decision_reasons"),
        )

    def schedule(self, by, date, *, session: datetime.date, committee: str):
        self._require(
            self.Status.ADMISSIBLE,
            message=_("Only an admissible petition can be put on a session's agenda."),
        )
        if session is None:
            raise TransitionError(_("Give the session whose agenda holds the petition."))
        if not (committee or "").strip():
            raise TransitionError(_("Name the standing committee the petition is sent to."))
        self.session = session
        self.committee = committee.strip()
        return self._step(
            self.Status.SCHEDULED, by, date, self.committee, fields=("session", "committee")
        )

    def record_discussion(self, by, date, outcome: str):
        self._require(
            self.Status.SCHEDULED,
            message=_("Only a petition on a session's agenda can be discussed."),
        )
        if not (outcome or "").strip():
            raise TransitionError(_("Record the outcome of the council's discussion."))
        self.discussed_on = date
        self.outcome = outcome.strip()
        return self._step(
            self.Status.DISCUSSED, by, date, self.outcome, fields=("discussed_on", "outcome")
        )

    def close(self, by, date, text=""):
        self._require(
            self.Status.DISCUSSED,
            self.Status.INADMISSIBLE,
            message=_("Only a discussed or inadmissible petition can be closed."),
        )
        self.closed_on = date
        return self._step(self.Status.CLOSED, by, date, text, fields=("closed_on",))

    def next_session(self, rules: PetitionSettings) -> datetime.date | None:
        return next_session(self.decided_on or timezone.localdate(), rules.months)


class PetitionEvent(models.Model):
    """One dated step of a petition's procedure: its public timeline."""

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="events"
    )
    status = models.CharField(_("status"), max_length=20, choices=Petition.Status)
    date = models.DateField(_("date"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    text = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("step of the procedure")
        verbose_name_plural = _("steps of the procedure")
        ordering = ["petition", "date", "pk"]

    def __str__(self):
        return f"{self.date}: {self.get_status_display()}"


class PetitionDocument(Timestamped, Versioned):
    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255)
    file = DocumentField(_("file"), upload_to="petitions/documents/")

    version_names = ("petitions",)

    class Meta:
        verbose_name = _("supporting document")
        verbose_name_plural = _("supporting documents")
        ordering = ["petition", "pk"]

    def __str__(self):
        return self.title


class PetitionSignature(models.Model):
    """A citizen's signature: a name and a declaration, never an ID number or an address."""

    class Tie(models.TextChoices):
        RESIDENCE = "residence", _("I live in the commune")
        WORK = "work", _("I work in the commune")

    petition = models.ForeignKey(
        Petition, verbose_name=_("petition"), on_delete=models.CASCADE, related_name="signatures"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="petition_signatures",
    )
    full_name = models.CharField(_("full name"), max_length=200)
    tie = models.CharField(_("tie with the commune"), max_length=20, choices=Tie)
    created_at = models.DateTimeField(_("signed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["petition", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["petition", "user"], name="petition_signature_once_per_user"
            )
        ]
        indexes = [
            models.Index(fields=["petition", "created_at", "id"], name="petition_signature_order")
        ]

    def __str__(self):
        return f"{self.full_name} — {self.petition}"
