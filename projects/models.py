"""Development plans, their projects (worksites) and each project's timeline."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal import languages
from portal.fields import DocumentField, ValidatedImageField
from portal.models import (
    Aliased,
    Commune,
    Illustrative,
    Institution,
    PublishedQuerySet,
    Searchable,
    Timestamped,
    Versioned,
    VersionedQuerySet,
    clean_coordinates,
    coordinate_constraints,
)


class DevelopmentPlan(models.Model):
    class Kind(models.TextChoices):
        PCD = "pcd", _("municipal development plan (PCD)")
        PAC = "pac", _("municipal action plan (PAC)")

    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="plans"
    )
    kind = models.CharField(_("kind"), max_length=3, choices=Kind, default=Kind.PAC)
    title = models.CharField(_("title"), max_length=255)
    # Made from the commune, the kind and the years when the plan is first saved.
    slug = models.SlugField(
        _("slug"), max_length=255, unique=True, allow_unicode=True, editable=False
    )
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("development plan")
        verbose_name_plural = _("development plans")
        ordering = ["commune", "-start_year"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="plan_end_not_before_start"
            )
        ]

    def __str__(self):
        # The years isolated, so that "2010–2015" reads in order in Arabic too.
        return f"{self.title} \u2066{self.start_year}–{self.end_year}\u2069"

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.default_slug()
        super().save(*args, **kwargs)

    def default_slug(self) -> str:
        """``guelmim-pcd-2010-2015``: the commune, the kind and the years name a plan."""
        return f"{self.commune.slug}-{self.kind}-{self.start_year}-{self.end_year}"

    def clean(self):
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The last year cannot come before the first.")})
        if not self.slug and self.commune_id and self.start_year and self.end_year:
            if DevelopmentPlan.objects.filter(slug=self.default_slug()).exists():
                raise ValidationError(
                    _("This commune already has a plan of this kind for these years.")
                )


class Sector(Versioned):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)

    # A project's sector name is part of its card and of the map's answers.
    version_names = ("projects",)
    objects = VersionedQuerySet.as_manager()

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ProjectQuerySet(PublishedQuerySet):
    def public(self):
        return self.published().select_related("commune", "sector", "plan")

    def listed(self):
        """``public()`` for a list: the long texts a card never shows stay in the database."""
        return self.public().defer(
            "search_text",
            *(
                f"{name}{suffix}"
                for name in ("summary", "description")
                for suffix in ("", "_ar", "_fr", "_en")
            ),
            "plan__description",
            *languages.columns("description", prefix="plan__"),
        )


class Project(Illustrative, Searchable, Aliased, Timestamped, Versioned):
    class Status(models.TextChoices):
        PLANNED = "planned", _("planned")
        STUDY = "study", _("under study")
        IN_PROGRESS = "in_progress", _("in progress")
        COMPLETED = "completed", _("completed")
        SUSPENDED = "suspended", _("suspended")
        CANCELLED = "cancelled", _("cancelled")

    commune = models.ForeignKey(
        Commune, verbose_name=_("commune"), on_delete=models.PROTECT, related_name="projects"
    )
    plan = models.ForeignKey(
        DevelopmentPlan,
        verbose_name=_("development plan"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), on_delete=models.PROTECT, related_name="projects"
    )
    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=255, unique=True, allow_unicode=True)
    summary = models.TextField(_("summary"), blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Status, default=Status.PLANNED)
    progress = models.PositiveSmallIntegerField(
        _("progress (%)"), default=0, help_text=_("From 0 to 100.")
    )
    budget = models.DecimalField(
        _("budget (MAD)"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    funders = models.ManyToManyField(
        Institution, verbose_name=_("funders"), blank=True, related_name="funded_projects"
    )
    contracting_institution = models.ForeignKey(
        Institution,
        verbose_name=_("contracting institution"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="contracted_projects",
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    location_name = models.CharField(_("place"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    published = models.BooleanField(_("published"), default=True)

    objects = ProjectQuerySet.as_manager()

    search_fields = ("title", "aliases", "summary", "description", "location_name")
    search_title_fields = ("title", "aliases")
    search_snippet_fields = ("summary", "description", "location_name")
    search_key = "projects"
    search_related = ()  # a result shows the record's own fields only
    version_names = ("projects",)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["title", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__gte=0, progress__lte=100), name="project_progress_0_100"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="project_end_not_before_start",
            ),
            *coordinate_constraints("project"),
        ]
        indexes = [
            models.Index(fields=["published", "status"], name="project_pub_status"),
            # The lists' order (public and back office), in each language:
            # modeltranslation orders by the visitor's language's column.
            *(
                models.Index(fields=[f"title_{code}", "id"], name=f"project_list_{code}")
                for code in ("ar", "fr", "en")
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projects:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = clean_coordinates(self)
        if self.progress is not None and not 0 <= self.progress <= 100:
            errors["progress"] = _("Progress must be between 0 and 100.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot come before the start date.")
        if errors:
            raise ValidationError(errors)


class ProjectPhoto(Versioned):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ValidatedImageField(_("image"), upload_to="projects/photos/")
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    version_names = ("projects",)

    class Meta:
        verbose_name = _("project photo")
        verbose_name_plural = _("project photos")
        ordering = ["project", "order", "pk"]

    def __str__(self):
        return self.caption or self.image.name


class ProjectDocument(Versioned):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(_("title"), max_length=255)
    file = DocumentField(_("file"), upload_to="projects/documents/")

    version_names = ("projects",)

    class Meta:
        verbose_name = _("project document")
        verbose_name_plural = _("project documents")
        ordering = ["project", "title"]

    def __str__(self):
        return self.title


class ProjectUpdate(Versioned):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="updates"
    )
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=255)
    body = models.TextField(_("text"), blank=True)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=Project.Status, blank=True)

    version_names = ("projects",)

    class Meta:
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")
        ordering = ["-date", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(progress__isnull=True) | Q(progress__gte=0, progress__lte=100),
                name="project_update_progress_0_100",
            )
        ]

    def __str__(self):
        return f"{self.date}: {self.title}"

    def clean(self):
        if self.progress is not None and not 0 <= self.progress <= 100:
            raise ValidationError({"progress": _("Progress must be between 0 and 100.")})


#: The longest comment, in characters: the form and the database agree.
COMMENT_MAX_LENGTH = 2000
#: Threads (a comment and its replies) per page of a project's comments.
COMMENT_THREADS_PER_PAGE = 20
#: The query parameter of that page: ``?comments=2#comments``.
COMMENT_PAGE_PARAMETER = "comments"


class CommentQuerySet(VersionedQuerySet):
    def visible(self):
        return self.filter(hidden=False)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def threads(self):
        """Visible top-level comments, newest first: the order of a project's pages."""
        return self.visible().top_level().order_by("-created_at", "-pk")

    def with_page(self):
        """Each comment with ``newer_threads``, so that ``get_absolute_url`` needs no query."""
        thread_date = Coalesce(OuterRef("parent__created_at"), OuterRef("created_at"))
        thread_pk = Coalesce(OuterRef("parent_id"), OuterRef("pk"))
        newer = (
            Comment.objects.threads()
            .filter(project_id=OuterRef("project_id"))
            .filter(Q(created_at__gt=thread_date) | Q(created_at=thread_date, pk__gt=thread_pk))
            .order_by()
            .values("project_id")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(newer_threads=Coalesce(Subquery(newer), 0))

    def shown(self):
        """What a visitor reads: visible, not deleted, and not under a hidden comment."""
        return (
            self.visible()
            .filter(deleted=False)
            .filter(Q(parent__isnull=True) | Q(parent__hidden=False))
        )


class Comment(Timestamped, Versioned):
    """Written on a project on behalf of an association, or officially by the council."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="comments"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="comments",
    )
    association = models.ForeignKey(
        "associations.Association",
        verbose_name=_("association"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="comments",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("in reply to"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="replies",
    )
    body = models.TextField(_("text"), max_length=COMMENT_MAX_LENGTH)
    official = models.BooleanField(_("official answer of the council"), default=False)
    hidden = models.BooleanField(_("hidden by moderation"), default=False)
    deleted = models.BooleanField(_("deleted by its author"), default=False)
    report_count = models.PositiveIntegerField(
        _("reports"),
        default=0,
        editable=False,
        help_text=_("How many times signed-in visitors reported it; kept by each report."),
    )
    reviewed_at = models.DateTimeField(
        _("reviewed by staff at"),
        null=True,
        blank=True,
        help_text=_("Set when staff hide or restore the comment; later reports count afresh."),
    )

    objects = CommentQuerySet.as_manager()

    EDIT_WINDOW = datetime.timedelta(minutes=15)
    version_names = ("comments",)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            # A project's page of threads: newest first.
            models.Index(
                fields=["project", "-created_at", "-id"],
                name="comment_threads",
                condition=Q(parent__isnull=True, hidden=False),
            ),
            # The replies of a page's threads, oldest first under each.
            models.Index(fields=["parent", "created_at", "id"], name="comment_replies"),
            # The back office's list, and its reported comments first.
            models.Index(fields=["created_at", "id"], name="comment_by_date"),
            models.Index(fields=["-report_count", "-created_at"], name="comment_by_reports"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(official=True) | Q(association__isnull=False),
                name="comment_official_or_on_behalf_of_association",
            )
        ]

    def __str__(self):
        return f"{self.association or _('council')}: {self.body[:60]}"

    def get_absolute_url(self):
        """The comment on its page of the project's comments (its thread's page)."""
        newer = getattr(self, "newer_threads", None)
        if newer is None:
            newer = self.count_newer_threads()
        page = newer // COMMENT_THREADS_PER_PAGE + 1
        query = f"?{COMMENT_PAGE_PARAMETER}={page}" if page > 1 else ""
        return f"{self.project.get_absolute_url()}{query}#comment-{self.pk}"

    def count_newer_threads(self) -> int:
        """Visible threads of the project newer than this comment's own."""
        thread = self.parent if self.parent_id else self
        return (
            Comment.objects.threads()
            .filter(project_id=self.project_id)
            .filter(
                Q(created_at__gt=thread.created_at)
                | Q(created_at=thread.created_at, pk__gt=thread.pk)
            )
            .count()
        )

    @property
    def is_reply(self) -> bool:
        return self.parent_id is not None

    def can_edit(self, user, now: datetime.datetime | None = None) -> bool:
        """Its author may correct it for a short while, as long as it is still shown."""
        now = now or timezone.now()
        return (
            user.is_authenticated
            and user.pk == self.author_id
            and not self.deleted
            and not self.hidden
            and now - self.created_at <= self.EDIT_WINDOW
        )

    def can_delete(self, user) -> bool:
        return user.is_authenticated and user.pk == self.author_id and not self.deleted

    def edit(self, body: str) -> None:
        self.body = body
        self.save(update_fields=["body", "updated_at"])

    def soft_delete(self) -> None:
        """Shown as deleted from now on; the text stays for moderation, replies stay."""
        self.deleted = True
        self.save(update_fields=["deleted", "updated_at"])

    def hide(self, *, reviewed: bool = True) -> None:
        """Take it off public pages; `reviewed=False` when reports hid it automatically."""
        self.hidden = True
        fields = ["hidden", "updated_at"]
        if reviewed:
            self.reviewed_at = timezone.now()
            fields.append("reviewed_at")
        self.save(update_fields=fields)

    def refresh_report_count(self) -> None:
        """Store how many reports the comment has: the back office lists it without counting."""
        self.report_count = self.reports.count()
        Comment.objects.filter(pk=self.pk).update(report_count=self.report_count)

    def restore(self) -> None:
        self.hidden = False
        self.reviewed_at = timezone.now()
        self.save(update_fields=["hidden", "reviewed_at", "updated_at"])


class CommentReport(models.Model):
    """A signed-in user's flag on a comment; enough of them hide it until staff decide."""

    class Reason(models.TextChoices):
        SPAM = "spam", _("spam or advertising")
        ABUSE = "abuse", _("insulting or abusive")
        PERSONAL_DATA = "personal_data", _("reveals personal data")
        OFF_TOPIC = "off_topic", _("off topic")
        OTHER = "other", _("other")

    comment = models.ForeignKey(
        Comment, verbose_name=_("comment"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reported by"),
        on_delete=models.CASCADE,
        related_name="comment_reports",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason, default=Reason.OTHER)
    text = models.TextField(_("details"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"], name="comment_report_once_per_user"
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} — {self.comment}"
