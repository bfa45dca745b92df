"""Open data: the public lists as CSV, JSON and GeoJSON files.

Each download is a :class:`Dataset`: the list's FilterSet and the same
published-only access helper as the list page, so a file holds exactly what
the list shows with the same filters (``/ar/projects/export.csv?status=done``).

Columns are stable and documented (the open-data page is generated from
:attr:`Dataset.columns`): English snake_case names, text in the language of
the address (``/fr/…``) with Arabic where no translation exists, and the
Arabic original in an explicit ``*_ar`` column.

Personal data: the files hold no user account and no person (no names,
e-mails or phones of people). For associations, the seat address and the
website are exported; the association's phone and e-mail, although shown on
its public page, are left out of the bulk files because in practice they are
often the private phone or mailbox of an officer, and a file is easy to
harvest. The ``url`` column leads to the page where they are shown.

Memory and queries: rows are read with ``QuerySet.iterator(chunk_size=…)``
(prefetches run once per chunk) and written to a ``StreamingHttpResponse``,
so a file of any size uses bounded memory and a fixed number of queries per
chunk of :data:`CHUNK_SIZE` rows.
"""

import csv
import datetime
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.http import Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from associations.filters import AssociationFilter
from associations.models import Association
from portal.links import site_url
from portal.models import Commune
from projects.filters import ProjectFilter
from projects.models import Project
from recommendations.filters import RecommendationFilter
from recommendations.models import Recommendation

CHUNK_SIZE = 2000
LIST_SEPARATOR = " | "

#: Open licence of every download (Etalab "Licence Ouverte / Open Licence 2.0").
LICENCE_NAME = "Licence Ouverte / Open Licence 2.0 (Etalab)"
LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"

FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "json": "application/json; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}

TYPES = {
    "integer": _("whole number"),
    "decimal": _("decimal number"),
    "text": _("text"),
    "code": _("fixed code (English, does not change with the language)"),
    "date": _("date, YYYY-MM-DD"),
    "datetime": _("date and time, ISO 8601 with time zone"),
    "boolean": _("true or false"),
    "url": _("web address"),
    "list": _("list of texts (in CSV: separated by “ | ”)"),
}


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: Any  # lazy translation
    get: Callable[[Any], Any]
    codes: tuple = ()  # (code, label) pairs of a "code" column with a fixed set

    @property
    def type_label(self):
        return TYPES[self.type]


@dataclass(frozen=True)
class Dataset:
    key: str
    title: Any
    description: Any
    list_url_name: str
    formats: tuple[str, ...]
    filterset_class: type
    get_queryset: Callable[[], Any]
    columns: tuple[Column, ...]

    def filterset(self, data):
        return self.filterset_class(data or None, queryset=self.get_queryset())

    def records(self, queryset) -> Iterator[dict]:
        for obj in queryset.iterator(chunk_size=CHUNK_SIZE):
            yield {column.name: column.get(obj) for column in self.columns}


def _names(objects) -> list[str]:
    return [str(obj) for obj in objects]


def _attr(name):
    return lambda obj: getattr(obj, name)


# --- Datasets ----------------------------------------------------------------


def _association_queryset():
    return Association.objects.public().order_by("pk")


def _project_queryset():
    return (
        Project.objects.public()
        .select_related("contracting_institution")
        .prefetch_related("funders")
        .order_by("pk")
    )


def _recommendation_queryset():
    return (
        Recommendation.objects.public()
        .prefetch_related(
            Prefetch(
                "related_projects",
                queryset=Project.objects.public().order_by("pk"),
                to_attr="public_projects",
            )
        )
        .order_by("pk")
    )


def _common(title_field: str) -> tuple[Column, ...]:
    return (
        Column("id", "integer", _("Identifier, stable over time."), _attr("pk")),
        Column(
            "url",
            "url",
            _("Address of the record's page on this site."),
            lambda obj: site_url(obj.get_absolute_url()),
        ),
        Column(
            title_field,
            "text",
            _("In the language of the download, or in Arabic when not translated."),
            _attr(title_field),
        ),
        Column(
            f"{title_field}_ar",
            "text",
            _("In Arabic, as first published."),
            _attr(f"{title_field}_ar"),
        ),
    )


def _commune_columns(path: Callable[[Any], Any]) -> tuple[Column, ...]:
    return (
        Column("commune", "text", _("Commune."), lambda obj: str(path(obj))),
        Column(
            "commune_slug",
            "code",
            _("Short code of the commune, as in the site's addresses."),
            lambda obj: path(obj).slug,
        ),
    )


ILLUSTRATIVE = Column(
    "illustrative",
    "boolean",
    _("True for an example record that fills a gap in the published sources."),
    _attr("illustrative"),
)
UPDATED_AT = Column("updated_at", "datetime", _("Last change of the record."), _attr("updated_at"))


def _optional(value):
    return str(value) if value else ""


DATASETS: tuple[Dataset, ...] = (
    Dataset(
        key="associations",
        title=_("Associations directory"),
        description=_(
            "The published associations, with their commune, fields of activity and "
            "public contact. Phones and e-mails are not in the file: see each "
            "association's page."
        ),
        list_url_name="associations:list",
        formats=("csv", "json"),
        filterset_class=AssociationFilter,
        get_queryset=_association_queryset,
        columns=(
            *_common("name"),
            Column("slug", "code", _("Short name used in the page's address."), _attr("slug")),
            Column("acronym", "text", _("Acronym, if any."), _attr("acronym")),
            *_commune_columns(lambda obj: obj.commune),
            Column(
                "fields_of_activity",
                "list",
                _("Fields of activity."),
                lambda obj: _names(obj.fields_of_activity.all()),
            ),
            Column("founded_on", "date", _("Date of foundation."), _attr("founded_on")),
            Column(
                "public_utility",
                "boolean",
                _("Recognised of public utility."),
                _attr("public_utility"),
            ),
            Column(
                "verified",
                "boolean",
                _("Checked by the commune's staff."),
                _attr("verified"),
            ),
            Column("address", "text", _("Address of the association's seat."), _attr("address")),
            Column("website", "url", _("The association's own website."), _attr("website")),
            Column("description", "text", _("What the association does."), _attr("description")),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
    ),
    Dataset(
        key="projects",
        title=_("Projects"),
        description=_(
            "The published projects of the communes' development plans: status, "
            "progress, budget, funders, dates and place."
        ),
        list_url_name="projects:list",
        formats=("csv", "json", "geojson"),
        filterset_class=ProjectFilter,
        get_queryset=_project_queryset,
        columns=(
            *_common("title"),
            Column("slug", "code", _("Short name used in the page's address."), _attr("slug")),
            Column("summary", "text", _("Short summary."), _attr("summary")),
            *_commune_columns(lambda obj: obj.commune),
            Column(
                "plan",
                "text",
                _("Development plan the project belongs to, if any."),
                lambda obj: _optional(obj.plan),
            ),
            Column("sector", "text", _("Sector."), lambda obj: str(obj.sector)),
            Column(
                "sector_slug",
                "code",
                _("Short code of the sector."),
                lambda obj: obj.sector.slug,
            ),
            Column(
                "status",
                "code",
                _("Status code."),
                _attr("status"),
                codes=Project.Status.choices,
            ),
            Column(
                "status_label",
                "text",
                _("Status, in words."),
                lambda obj: str(obj.get_status_display()),
            ),
            Column("progress", "integer", _("Progress, in percent."), _attr("progress")),
            Column(
                "budget_mad",
                "decimal",
                _("Budget in Moroccan dirhams (MAD), if known."),
                _attr("budget"),
            ),
            Column(
                "funders",
                "list",
                _("Institutions that fund the project."),
                lambda obj: _names(obj.funders.all()),
            ),
            Column(
                "contracting_institution",
                "text",
                _("Institution that manages the works."),
                lambda obj: _optional(obj.contracting_institution),
            ),
            Column("start_date", "date", _("Start date."), _attr("start_date")),
            Column("end_date", "date", _("End date, planned or actual."), _attr("end_date")),
            Column("location_name", "text", _("Place."), _attr("location_name")),
            Column(
                "latitude", "decimal", _("Latitude, WGS 84 degrees, if known."), _attr("latitude")
            ),
            Column(
                "longitude",
                "decimal",
                _("Longitude, WGS 84 degrees, if known."),
                _attr("longitude"),
            ),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
    ),
    Dataset(
        key="recommendations",
        title=_("Recommendations"),
        description=_(
            "The published recommendations of the meetings, whom they are addressed to, "
            "and how far they have been followed."
        ),
        list_url_name="recommendations:list",
        formats=("csv", "json"),
        filterset_class=RecommendationFilter,
        get_queryset=_recommendation_queryset,
        columns=(
            *_common("title"),
            Column("text", "text", _("Full text of the recommendation."), _attr("text")),
            Column(
                "meeting",
                "text",
                _("Meeting where it was made."),
                lambda obj: str(obj.meeting),
            ),
            Column(
                "meeting_url",
                "url",
                _("Address of the meeting's page."),
                lambda obj: site_url(obj.meeting.get_absolute_url()),
            ),
            Column(
                "meeting_date",
                "date",
                _("First day of the meeting."),
                lambda obj: obj.meeting.start_date,
            ),
            *_commune_columns(lambda obj: obj.meeting.commune),
            Column(
                "theme",
                "text",
                _("Theme, if any."),
                lambda obj: _optional(obj.theme),
            ),
            Column(
                "addressed_to",
                "text",
                _("Institution the recommendation is addressed to, if any."),
                lambda obj: _optional(obj.addressed_to),
            ),
            Column(
                "priority",
                "code",
                _("Priority code."),
                _attr("priority"),
                codes=Recommendation.Priority.choices,
            ),
            Column(
                "status",
                "code",
                _("Status code."),
                _attr("status"),
                codes=Recommendation.Status.choices,
            ),
            Column(
                "status_label",
                "text",
                _("Status, in words."),
                lambda obj: str(obj.get_status_display()),
            ),
            Column("due_date", "date", _("Date it should be done by."), _attr("due_date")),
            Column(
                "overdue",
                "boolean",
                _("Past its due date and not yet closed."),
                _attr("is_overdue"),
            ),
            Column(
                "related_projects",
                "list",
                _("Short names (slugs) of the published projects it concerns."),
                lambda obj: [project.slug for project in obj.public_projects],
            ),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
    ),
)


def get_dataset(key: str) -> Dataset:
    return next(dataset for dataset in DATASETS if dataset.key == key)


# --- Writers -------------------------------------------------------------------

BOM = "\ufeff"


def csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    if isinstance(value, datetime.date):  # dates and date-times
        return value.isoformat()
    return str(value)


def json_value(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


class _Line:
    """A file-like object whose write() hands back the line (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(dataset: Dataset, records: Iterable[dict]) -> Iterator[str]:
    writer = csv.writer(_Line())
    names = [column.name for column in dataset.columns]
    yield BOM + writer.writerow(names)
    for record in records:
        yield writer.writerow([csv_value(record[name]) for name in names])


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=json_value)


def json_chunks(dataset: Dataset, records: Iterable[dict], meta: dict) -> Iterator[str]:
    head = _dumps(meta)
    yield head[:-1] + ', "records": ['
    for index, record in enumerate(records):
        yield ("," if index else "") + "\n" + _dumps(record)
    yield "\n]}\n"


def geojson_chunks(records: Iterable[dict], meta: dict) -> Iterator[str]:
    """An RFC 7946 FeatureCollection of the located records (WGS 84 longitude, latitude)."""
    head = _dumps({"type": "FeatureCollection", **meta})
    yield head[:-1] + ', "features": ['
    first = True
    for record in records:
        if record.get("latitude") is None or record.get("longitude") is None:
            continue
        feature = {
            "type": "Feature",
            "id": record["id"],
            "geometry": {
                "type": "Point",
                "coordinates": [float(record["longitude"]), float(record["latitude"])],
            },
            "properties": record,
        }
        yield ("" if first else ",") + "\n" + _dumps(feature)
        first = False
    yield "\n]}\n"


# --- Views ---------------------------------------------------------------------


def _in_language(language: str, chunks: Iterable[str]) -> Iterator[str]:
    """Produce each chunk with `language` active (the file is written after the view returns)."""
    iterator = iter(chunks)
    while True:
        with translation.override(language):
            try:
                chunk = next(iterator)
            except StopIteration:
                return
        yield chunk


def export_url_name(dataset_key: str, fmt: str) -> str:
    return f"opendata:{dataset_key}_{fmt}"


@require_safe
def export(request, dataset: str, fmt: str):
    """One dataset in one format, with the list's filters taken from the query string."""
    dataset = get_dataset(dataset)
    if fmt not in dataset.formats:
        raise Http404
    filterset = dataset.filterset(request.GET)
    if filterset.is_bound and not filterset.is_valid():
        lines = [
            f"{name}: {' '.join(str(message) for message in messages)}"
            for name, messages in filterset.errors.items()
        ]
        return HttpResponseBadRequest(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )
    language = translation.get_language()
    meta = {
        "dataset": dataset.key,
        "title": str(dataset.title),
        "language": language,
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "documentation": site_url(reverse("opendata:index")),
        "generated_at": timezone.now().isoformat(timespec="seconds"),
        "filters": {key: request.GET[key] for key in filterset.filters if request.GET.get(key)},
    }
    records = dataset.records(filterset.qs)
    if fmt == "csv":
        chunks = csv_lines(dataset, records)
    elif fmt == "json":
        chunks = json_chunks(dataset, records, meta)
    else:
        chunks = geojson_chunks(records, meta)
    response = StreamingHttpResponse(_in_language(language, chunks), content_type=FORMATS[fmt])
    response["Content-Disposition"] = (
        f'attachment; filename="sharaka-{dataset.key}-{language}.{fmt}"'
    )
    return response


@require_safe
def index(request):
    """Every download, its fields, the licence, and the calendars and feeds."""
    datasets = [
        {
            "dataset": dataset,
            "downloads": [
                (fmt, reverse(export_url_name(dataset.key, fmt))) for fmt in dataset.formats
            ],
        }
        for dataset in DATASETS
    ]
    return render(
        request,
        "opendata/index.html",
        {
            "datasets": datasets,
            "types": TYPES,
            "licence_name": LICENCE_NAME,
            "licence_url": LICENCE_URL,
            "list_separator": LIST_SEPARATOR,
            "communes": Commune.objects.order_by("slug"),
        },
    )
