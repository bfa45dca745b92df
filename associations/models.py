"""Associations of civil society and the accounts that represent them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import languages
from portal.fields import ValidatedImageField
from portal.models import (
    Aliased,
    Commune,
    Illustrative,
    PublishedQuerySet,
    Searchable,
    Timestamped,
    Versioned,
    VersionedQuerySet,
)


class FieldOfActivity(Versioned):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    # Shown on every association's card.
    version_names = ("associations",)
    objects = VersionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("field of activity")
        verbose_name_plural = _("fields of activity")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AssociationQuerySet(PublishedQuerySet):
    def public(self):
        return self.published().select_related("commune").prefetch_related("fields_of_activity")

    def listed(self):
        """``public()`` for a list: the long texts a card never shows stay in the database."""
        return self.public().defer("search_text", "description", *languages.columns("description"))


class Association(Illustrative, Searchable, Aliased, Timestamped, Versioned):
    class ReceiptKind(models.TextChoices):
        PROVISIONAL = "provisional", _("provisional filing receipt")
        FINAL = "final", _("final filing receipt")

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        related_name="associations",
    )
    fields_of_activity = models.ManyToManyField(
        FieldOfActivity,
        verbose_name=_("fields of activity"),
        blank=True,
        related_name="associations",
    )
    founded_on = models.DateField(_("founded on"), null=True, blank=True)
    receipt_kind = models.CharField(
        _("filing receipt"), max_length=20, choices=ReceiptKind, blank=True
    )
    receipt_number = models.CharField(_("filing receipt number"), max_length=60, blank=True)
    receipt_date = models.DateField(_("filing receipt date"), null=True, blank=True)
    public_utility = models.BooleanField(_("public-utility status"), default=False)
    address = models.CharField(_("seat address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = ValidatedImageField(_("logo"), upload_to="associations/logos/", blank=True)
    description = models.TextField(_("description"), blank=True)
    verified = models.BooleanField(
        _("verified by staff"),
        default=False,
        help_text=_("Staff have checked the filing receipt and the association's details."),
    )
    published = models.BooleanField(_("published"), default=True)

    objects = AssociationQuerySet.as_manager()

    search_fields = ("name", "acronym", "aliases", "description")
    search_title_fields = ("name", "acronym", "aliases")
    search_snippet_fields = ("description",)
    search_key = "associations"
    search_related = ()  # a result shows the record's own fields only
    version_names = ("associations",)

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name", "pk"]
        # The lists' order (public and back office) in each language: deep
        # pages walk the index.
        indexes = [
            *(
                models.Index(fields=[f"name_{code}", "id"], name=f"association_list_{code}")
                for code in ("ar", "fr", "en")
            ),
            # The back office's date drill-down starts from the first and last dates.
            models.Index(fields=["created_at"], name="association_created"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("associations:detail", kwargs={"slug": self.slug})


class MembershipQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=Membership.Status.APPROVED)

    def pending(self):
        return self.filter(status=Membership.Status.PENDING)


class Membership(Timestamped):
    class Role(models.TextChoices):
        PRESIDENT = "president", _("president")
        SECRETARY = "secretary", _("secretary general")
        TREASURER = "treasurer", _("treasurer")
        BOARD = "board", _("board member")
        REPRESENTATIVE = "representative", _("representative")

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        APPROVED = "approved", _("approved")
        REJECTED = "rejected", _("rejected")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    association = models.ForeignKey(
        Association,
        verbose_name=_("association"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    role = models.CharField(_("role"), max_length=20, choices=Role, default=Role.REPRESENTATIVE)
    message = models.TextField(_("message"), max_length=1000, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.PENDING)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The interface language of the request; e-mails to this member use it."),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "association"], name="membership_one_per_user_and_association"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.association} ({self.get_status_display()})"

    def decide(self, status: str, by) -> None:
        self.status = status
        self.decided_at = timezone.now()
        self.decided_by = by
        self.save(update_fields=["status", "decided_at", "decided_by", "updated_at"])
