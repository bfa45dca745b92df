"""Site-wide records: communes, institutions and the people who hold public roles."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .fields import ValidatedImageField
from .search import document_text, document_title, indexed_words, register_words


class PublishedQuerySet(models.QuerySet):
    """Visibility of a record staff publish: ``published()`` filters, ``public()`` lists.

    ``public()`` is what a public page shows: the published rows with what a
    list row of them needs (each model's queryset adds its ``select_related``).
    """

    def published(self):
        return self.filter(published=True)

    def public(self):
        return self.published()


class OpenRecordQuerySet(models.QuerySet):
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
      matches, most recent first.

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


class Commune(Searchable, Aliased):
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

    objects = OpenRecordQuerySet.as_manager()

    search_fields = ("name", "province", "region", "aliases")
    search_title_fields = ("name", "aliases")
    search_snippet_fields = ("province", "region")
    search_key = "communes"

    class Meta:
        verbose_name = _("commune")
        verbose_name_plural = _("communes")
        ordering = ["name"]
        constraints = coordinate_constraints("commune")

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


class Institution(Searchable, Aliased):
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

    objects = InstitutionQuerySet.as_manager()

    search_fields = ("name", "acronym", "country", "aliases")
    search_title_fields = ("name", "acronym", "aliases")
    search_snippet_fields = ("country",)
    search_key = "institutions"

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

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["full_name"]

    def __str__(self):
        return f"{self.full_name} — {self.role}" if self.role else self.full_name

    def get_absolute_url(self):
        return reverse("portal:person_detail", kwargs={"pk": self.pk})
