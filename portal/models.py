"""Site-wide records: communes, institutions, public role holders, staff scopes, e-mails."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import languages
from .fields import ValidatedImageField
from .search import document_text, document_title, indexed_words, register_words


class DataVersion(models.Model):
    """A stamp that changes with every write to one kind of records.

    Counts, summaries and the map's answers are cached under keys that hold
    the stamps of what they are made of (see ``portal.paging.cached``), so an
    unchanged page is answered from one primary-key read instead of a scan,
    and a write makes every such key new at once, on every app server.

    The stamp is random rather than a counter, so a database emptied and
    filled again (or a rolled-back transaction) never meets a key an older
    state left in the cache.
    """

    name = models.CharField(_("name"), max_length=40, primary_key=True)
    stamp = models.BigIntegerField(_("stamp"))

    class Meta:
        verbose_name = _("data version")
        verbose_name_plural = _("data versions")
        ordering = ["name"]
        # Kept by the code; nobody edits it, in the back office or elsewhere.
        default_permissions = ()

    def __str__(self):
        return f"{self.name}: {self.stamp}"


def new_stamp() -> int:
    return secrets.randbits(62)


def bump_versions(*names: str) -> None:
    """Give each kind of records in ``names`` a new stamp (in the caller's transaction)."""
    for name in names:
        if not DataVersion.objects.filter(name=name).update(stamp=new_stamp()):
            DataVersion.objects.bulk_create(
                [DataVersion(name=name, stamp=new_stamp())], ignore_conflicts=True
            )


def version_stamps(*names: str) -> str:
    """The current stamps of ``names`` as one string for a cache key: one query."""
    stamps = dict(DataVersion.objects.filter(name__in=names).values_list("name", "stamp"))
    missing = [name for name in names if name not in stamps]
    if missing:
        bump_versions(*missing)
        stamps.update(DataVersion.objects.filter(name__in=missing).values_list("name", "stamp"))
    return ",".join(f"{name}:{stamps[name]}" for name in names)


class VersionedQuerySet(models.QuerySet):
    """Bulk writes (``update``, ``delete``, ``bulk_create``, ``bulk_update``) bump the
    model's data version, as ``Versioned.save()`` and ``delete()`` do for one row."""

    def _bump(self):
        bump_versions(*getattr(self.model, "version_names", ())[:1])

    def update(self, **kwargs):
        count = super().update(**kwargs)
        self._bump()
        return count

    def delete(self):
        result = super().delete()
        self._bump()
        return result

    def bulk_create(self, objs, *args, **kwargs):
        created = super().bulk_create(objs, *args, **kwargs)
        self._bump()
        return created

    def bulk_update(self, objs, fields, *args, **kwargs):
        count = super().bulk_update(objs, fields, *args, **kwargs)
        self._bump()
        return count


class Versioned(models.Model):
    """A record whose writes change a stored data version.

    ``version_names``: the first is the version its writes bump; all of them
    are what a cached figure about these records depends on (a
    recommendation is public only while its meeting is, so its figures
    depend on the meetings' version too).
    """

    version_names: tuple[str, ...] = ()

    objects = VersionedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        bump_versions(*self.version_names[:1])

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        bump_versions(*self.version_names[:1])
        return result


class PublishedQuerySet(VersionedQuerySet):
    """Visibility of a record staff publish: ``published()`` filters, ``public()`` lists.

    ``public()`` is what a public page shows: the published rows with what a
    list row of them needs (each model's queryset adds its ``select_related``).
    """

    def published(self):
        return self.filter(published=True)

    def public(self):
        return self.published()


class OpenRecordQuerySet(VersionedQuerySet):
    """Records that are public as soon as they exist: places, institutions, public role holders."""

    def public(self):
        return self.all()


class Illustrative(models.Model):
    """Records the demo invents where its sources are silent say so in public."""

    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("An example record that fills a gap in the sources; shown with a notice."),
    )

    class Meta:
        abstract = True


class Timestamped(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class Searchable(models.Model):
    """A record the site search finds: keeps its folded text in ``search_text``.

    Each searchable model declares what the search reads (its registry entry):

    * ``search_fields``: the fields ``search_text`` is made of (a translated
      field in every language);
    * ``search_title_fields``: those of them that name the record (its title,
      acronym, other spellings), kept in ``search_title`` for the ranking;
    * ``search_snippet_fields``: the fields whose text shows under a result,
      the first that is not empty;
    * ``search_key``: the kind's name in the search page's address
      (``?kind=projects``);
    * ``search_order``: the order that breaks ties between equally good
      matches, most recent first;
    * ``search_related``: the relations a result reads (its heading, context
      and address): ``None``, those ``public()`` selects.

    Its manager's ``public()`` gives the rows a visitor may find, and
    ``get_absolute_url()`` where a result leads. The site search collects
    every such model (``portal.search.searchable_models``).

    ``search_text`` and ``search_title`` are derived from the row's own
    searchable fields only, like ``auto_now`` is derived from the clock, so
    ``save()`` refreshes them (and adds the row's words to the table of
    indexed words): every form, the admin and the demo loader then keep them
    right with nothing to remember. Writes that bypass ``save()``
    (``bulk_create``, ``QuerySet.update``) are followed by the
    ``rebuild_search_index`` management command.
    """

    search_fields: tuple[str, ...] = ()
    search_title_fields: tuple[str, ...] = ()
    search_snippet_fields: tuple[str, ...] = ()
    search_key: str = ""
    search_order: tuple[str, ...] = ("-pk",)
    search_related: tuple[str, ...] | None = None

    search_text = models.TextField(_("search text"), editable=False, default="", blank=True)
    search_title = models.TextField(_("search title"), editable=False, default="", blank=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.refresh_search_text()
        update_fields = kwargs.get("update_fields")
        if update_fields:
            kwargs["update_fields"] = {*update_fields, "search_text", "search_title"}
        super().save(*args, **kwargs)
        register_words(indexed_words(self.search_text))

    def refresh_search_text(self) -> None:
        self.search_text = document_text(self)
        self.search_title = document_title(self)

    def search_heading(self) -> str:
        """The title of this record among search results."""
        return str(self)

    def search_context(self) -> str:
        """Where the record sits, shown under its title among search results (a meeting)."""
        return ""


class SearchWord(models.Model):
    """A word found in the searchable records: where a mistyped query word looks for its match.

    The word is stored as written in ``search_text`` (folded, no article) and
    backwards, both with prefix indexes, so that the words one letter away
    from a query word are found by two prefix tests (see
    ``portal.search.slip_words``). ``save()`` of a searchable record adds its
    words; ``rebuild_search_index`` rebuilds the table, which drops the words
    no record has any more.
    """

    word = models.CharField(_("word"), max_length=100, unique=True)
    reversed_word = models.CharField(_("word written backwards"), max_length=100)
    length = models.PositiveSmallIntegerField(_("length"))

    class Meta:
        verbose_name = _("indexed word")
        verbose_name_plural = _("indexed words")
        ordering = ["word"]
        # Kept by the search itself (rebuild_search_index): nobody edits it.
        default_permissions = ()
        indexes = [
            models.Index(
                fields=["word"], name="searchword_prefix", opclasses=["varchar_pattern_ops"]
            ),
            models.Index(
                fields=["reversed_word"],
                name="searchword_reversed_prefix",
                opclasses=["varchar_pattern_ops"],
            ),
        ]

    def __str__(self):
        return self.word

    @classmethod
    def for_word(cls, word: str) -> "SearchWord":
        word = word[:100]
        return cls(word=word, reversed_word=word[::-1], length=len(word))


class Aliased(models.Model):
    """A record people also call by other names: old, foreign or local spellings."""

    aliases = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "Other names or spellings people use for it, one per line, in any "
            "language or script (Goulimine, ݣلميم…). The search finds it by them."
        ),
    )

    class Meta:
        abstract = True


def coordinate_constraints(prefix: str):
    """Latitude and longitude in range, and either both set or neither."""
    lat, lng = "latitude", "longitude"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{lat}__isnull": True}) | Q(**{f"{lat}__gte": -90, f"{lat}__lte": 90}),
            name=f"{prefix}_latitude_in_range",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{lng}__isnull": True})
            | Q(**{f"{lng}__gte": -180, f"{lng}__lte": 180}),
            name=f"{prefix}_longitude_in_range",
        ),
        models.CheckConstraint(
            condition=Q(**{f"{lat}__isnull": True}, **{f"{lng}__isnull": True})
            | Q(**{f"{lat}__isnull": False}, **{f"{lng}__isnull": False}),
            name=f"{prefix}_coordinates_both_or_neither",
        ),
    ]


def clean_coordinates(instance) -> dict:
    errors = {}
    lat, lng = instance.latitude, instance.longitude
    if lat is not None and not -90 <= lat <= 90:
        errors["latitude"] = _("Latitude must be between -90 and 90.")
    if lng is not None and not -180 <= lng <= 180:
        errors["longitude"] = _("Longitude must be between -180 and 180.")
    if (lat is None) != (lng is None):
        errors["longitude" if lng is None else "latitude"] = _(
            "Give both latitude and longitude, or neither."
        )
    return errors


class Commune(Searchable, Aliased, Versioned):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, allow_unicode=True)
    region = models.CharField(_("region"), max_length=200, blank=True)
    province = models.CharField(_("province or prefecture"), max_length=200, blank=True)
    latitude = models.DecimalField(
        _("latitude of the centre"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude of the centre"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    logo = ValidatedImageField(_("logo"), upload_to="communes/logos/", blank=True)
    website = models.URLField(_("website"), blank=True)

    version_names = ("communes",)
    objects = OpenRecordQuerySet.as_manager()

    search_fields = ("name", "province", "region", "aliases")
    search_title_fields = ("name", "aliases")
    search_snippet_fields = ("province", "region")
    search_key = "communes"
    search_related = ()  # a result shows the record's own fields only

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        constraints = coordinate_constraints("commune")
        # The directory walks communes by region, then province, then name.
        indexes = [
            models.Index(
                fields=[f"{name}_{code}" for name in ("region", "province", "name")],
                name=f"commune_place_{code}",
            )
            for code in ("ar", "fr", "en")
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("portal:commune_detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = clean_coordinates(self)
        if errors:
            raise ValidationError(errors)


class InstitutionQuerySet(OpenRecordQuerySet):
    def public(self):
        return self.select_related("commune")


class Institution(Searchable, Aliased, Versioned):
    class Kind(models.TextChoices):
        COUNCIL = "council", _("elected council")
        AUTHORITY = "authority", _("territorial administration")
        AGENCY = "agency", _("public agency")
        STATE_OFFICE = "state_office", _("state office")
        MUNICIPAL_DEPARTMENT = "department", _("municipal department")
        TWIN_CITY = "twin_city", _("twin city")
        INTERNATIONAL = "international", _("international body")
        UNIVERSITY = "university", _("university or school")
        OTHER = "other", _("other")

    name = models.CharField(_("name"), max_length=255)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind, default=Kind.AGENCY)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="institutions",
        help_text=_("Leave empty for regional, national or foreign institutions."),
    )
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = ValidatedImageField(_("logo"), upload_to="institutions/logos/", blank=True)

    # Named on the recommendations' cards ("addressed to").
    version_names = ("recommendations",)
    objects = InstitutionQuerySet.as_manager()

    search_fields = ("name", "acronym", "country", "aliases")
    search_title_fields = ("name", "acronym", "aliases")
    search_snippet_fields = ("country",)
    search_key = "institutions"
    search_related = ()  # a result shows the record's own fields only

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("portal:institution_detail", kwargs={"pk": self.pk})


class PersonQuerySet(OpenRecordQuerySet):
    def public(self):
        return self.select_related("institution")


class Person(Illustrative, Searchable, Aliased):
    """Someone who holds a public role: speaks, chairs, presents, signs."""

    full_name = models.CharField(_("full name"), max_length=200)
    role = models.CharField(_("role"), max_length=255, blank=True)
    institution = models.ForeignKey(
        Institution,
        verbose_name=_("institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )

    objects = PersonQuerySet.as_manager()

    search_fields = ("full_name", "role", "aliases")
    search_title_fields = ("full_name", "aliases")
    search_snippet_fields = ("role",)
    search_key = "people"
    search_related = ()  # a result shows the record's own fields only

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.full_name} — {self.role}" if self.role else self.full_name

    def get_absolute_url(self):
        return reverse("portal:person_detail", kwargs={"pk": self.pk})


class StaffScope(models.Model):
    """One commune, province or region a staff account works for.

    A staff account sees and changes only the records of the communes its
    scopes cover (``portal.scope.commune_ids``); superusers see everything.
    A province or region is matched on the communes' own province or region
    name, in any of its languages, so a scope follows communes added later.
    """

    class Level(models.TextChoices):
        COMMUNE = "commune", _("commune")
        PROVINCE = "province", _("province or prefecture")
        REGION = "region", _("region")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="staff_scopes",
    )
    level = models.CharField(_("level"), max_length=10, choices=Level, default=Level.COMMUNE)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff_scopes",
    )
    area = models.CharField(
        _("province or region"),
        max_length=200,
        blank=True,
        help_text=_("As written on the communes' pages, in any language."),
    )

    class Meta:
        verbose_name = _("commune of work")
        verbose_name_plural = _("communes of work")
        ordering = ["user", "level", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(level="commune", commune__isnull=False) & Q(area=""))
                | (Q(level__in=["province", "region"], commune__isnull=True) & ~Q(area="")),
                name="staff_scope_commune_or_area",
            ),
            models.UniqueConstraint(
                fields=["user", "commune"],
                condition=Q(commune__isnull=False),
                name="staff_scope_commune_once",
            ),
            models.UniqueConstraint(
                fields=["user", "level", "area"],
                condition=Q(commune__isnull=True),
                name="staff_scope_area_once",
            ),
        ]

    def __str__(self):
        if self.level == self.Level.COMMUNE:
            return str(self.commune)
        return f"{self.get_level_display()}: {self.area}"

    def area_lookup(self) -> Q:
        """The communes a province or region scope covers, by any language's name."""
        field = "province" if self.level == self.Level.PROVINCE else "region"
        lookup = Q()
        for column in languages.columns(field):
            lookup |= Q(**{column: self.area})
        return lookup

    def clean(self):
        self.area = (self.area or "").strip()
        if self.level == self.Level.COMMUNE:
            if not self.commune_id:
                raise ValidationError({"commune": _("Choose the commune.")})
            if self.area:
                raise ValidationError(
                    {"area": _("Leave the province or region empty for a commune.")}
                )
            return
        if self.commune_id:
            raise ValidationError(
                {"commune": _("Leave the commune empty for a province or a region.")}
            )
        if not self.area:
            raise ValidationError({"area": _("Give the name of the province or region.")})
        if not Commune.objects.filter(self.area_lookup()).exists():
            raise ValidationError(
                {"area": _("No commune has this province or region name; check its spelling.")}
            )


class OutgoingEmailQuerySet(models.QuerySet):
    def unsent(self):
        return self.exclude(status=OutgoingEmail.Status.SENT)


class OutgoingEmail(models.Model):
    """One e-mail to one address, kept until it is sent (``portal.mail``).

    The message is rendered when the action happens, in the recipient's
    language, and stored with the action's own transaction: an SMTP outage
    delays it, never loses it. The task worker sends it, retries with growing
    delays, and after the last try leaves it failed for staff to send again.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("waiting to be sent")
        SENDING = "sending", _("being sent")
        SENT = "sent", _("sent")
        FAILED = "failed", _("failed")

    to = models.EmailField(_("to"), max_length=254)
    subject = models.CharField(_("subject"), max_length=998)
    body = models.TextField(_("text"))
    html_body = models.TextField(_("HTML text"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=100, help_text=_("The template the e-mail was written from.")
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    commune = models.ForeignKey(
        Commune,
        verbose_name=_("commune"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_(
            "The commune whose record the e-mail is about; its staff see it. "
            "Account e-mails belong to none and are seen by superusers only."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status, default=Status.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        verbose_name = _("e-mail")
        verbose_name_plural = _("e-mails")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="outgoingemail_recent_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="sent", sent_at__isnull=False) | ~Q(status="sent"),
                name="outgoingemail_sent_has_time",
            ),
        ]

    def __str__(self):
        return f"{self.subject} → {self.to}"

    def clean(self):
        if self.status == self.Status.SENT and self.sent_at is None:
            raise ValidationError({"sent_at": _("A sent e-mail needs the time it was sent.")})

    def claim(self) -> bool:
        """Mark this e-mail as being sent by the caller; False if it is not waiting.

        One conditional UPDATE, so two workers (or a worker and a staff
        member's "send again") never send it twice.
        """
        now = timezone.now()
        claimed = OutgoingEmail.objects.filter(pk=self.pk, status=self.Status.QUEUED).update(
            status=self.Status.SENDING,
            attempts=models.F("attempts") + 1,
            last_attempt_at=now,
            next_attempt_at=None,
        )
        if claimed:
            self.refresh_from_db()
        return bool(claimed)

    def mark_sent(self) -> None:
        self.status = self.Status.SENT
        self.sent_at = timezone.now()
        self.last_error = ""
        self.save(update_fields=["status", "sent_at", "last_error"])

    def mark_failed(self, error: str, retry_in: timedelta | None) -> None:
        """Record a failed try: waiting again for ``retry_in``, or failed for good (None)."""
        self.last_error = error
        if retry_in is None:
            self.status = self.Status.FAILED
            self.next_attempt_at = None
        else:
            self.status = self.Status.QUEUED
            self.next_attempt_at = (self.last_attempt_at or timezone.now()) + retry_in
        self.save(update_fields=["status", "next_attempt_at", "last_error"])

    #: A try still "being sent" after this long died with its worker.
    STUCK_AFTER = timedelta(minutes=15)

    def is_stuck(self) -> bool:
        return (
            self.status == self.Status.SENDING
            and self.last_attempt_at is not None
            and self.last_attempt_at < timezone.now() - self.STUCK_AFTER
        )

    def requeue(self) -> bool:
        """Staff's "send again": a failed, waiting or stuck e-mail is sent afresh.

        False for one that was sent or that a worker is sending right now.
        """
        if self.status == self.Status.SENT or (
            self.status == self.Status.SENDING and not self.is_stuck()
        ):
            return False
        self.status = self.Status.QUEUED
        self.attempts = 0
        self.next_attempt_at = None
        self.save(update_fields=["status", "attempts", "next_attempt_at"])
        return True
