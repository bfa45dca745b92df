"""Open data: the public lists as CSV, spreadsheet (XLSX), JSON and GeoJSON files.

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
chunk of :data:`CHUNK_SIZE` rows. The text formats are compressed with gzip
as they stream when the client accepts it (a national file shrinks about
tenfold). The spreadsheet is written by openpyxl in write-only mode, which
keeps rows in temporary files rather than memory, then streamed from disk.

Spreadsheets: a CSV cell that starts with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return is a formula to LibreOffice and Excel (an association
named ``=HYPERLINK(…)`` would be a live link). Such text cells get a leading
apostrophe, as OWASP advises ("CSV injection"); numbers are our own and are
left as they are. In the XLSX file every text cell is typed as a string, so
nothing in it is ever a formula, and an Arabic sheet reads right to left.
"""

import csv
import datetime
import itertools
import json
import operator
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponseBadRequest, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.text import compress_sequence
from django.utils.translation import get_language_bidi
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from associations.filters import AssociationFilter
from associations.models import Association
from petitions.filters import PetitionFilter
from petitions.models import Petition
from portal import languages
from portal.links import site_url
from portal.middleware import accepts_gzip
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
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json; charset=utf-8",
    "geojson": "application/geo+json; charset=utf-8",
}
#: What the download links call each format.
FORMAT_LABELS = {
    "csv": _("CSV"),
    "xlsx": _("Spreadsheet (XLSX)"),
    "json": _("JSON"),
    "geojson": _("GeoJSON"),
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


Row = dict[str, Any]
Reader = Callable[[Row], Any]


@dataclass(frozen=True)
class Source:
    """What a column reads: database values and how to make the cell from them.

    ``fields`` are paths for ``QuerySet.values()``; ``reader(language)``
    returns the function that turns one row of those values into the cell,
    with whatever depends on the language (labels, addresses) worked out once
    per file rather than once per row. Rows are plain values, not model
    instances: a national file has tens of thousands of rows, and building a
    model (and its related models) per row would cost ten times the rest.
    """

    fields: tuple[str, ...]
    reader: Callable[[str], Reader]


@dataclass(frozen=True)
class Column:
    name: str
    type: str
    description: Any  # lazy translation
    source: Source
    codes: tuple = ()  # (code, label) pairs of a "code" column with a fixed set

    @property
    def type_label(self):
        return TYPES[self.type]

    @property
    def numeric(self) -> bool:
        return self.type in ("integer", "decimal")


#: A list column's values for a chunk of rows: (ids, language) → {id: [text, …]}.
ListFetcher = Callable[[list[int], str], dict[int, list[str]]]


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
    lists: tuple[tuple[str, ListFetcher], ...] = ()

    def filterset(self, data):
        return self.filterset_class(data or None, queryset=self.get_queryset())

    def records(self, queryset, language: str) -> Iterator[dict]:
        """The rows of `queryset` as {column: value} (JSON, GeoJSON)."""
        names = [column.name for column in self.columns]
        for values in self.rows(queryset, language):
            yield dict(zip(names, values, strict=True))

    def rows(self, queryset, language: str) -> Iterator[list]:
        """The rows of `queryset` as lists in column order, a fixed number of queries per chunk."""
        with translation.override(language):
            readers = [column.source.reader(language) for column in self.columns]
        fields = {"pk"} | {field for column in self.columns for field in column.source.fields}
        # Every column is named in its own language (``title_fr``), so the
        # rows need none of django-modeltranslation's per-row fallbacks: its
        # raw_values() is Django's values().
        values = getattr(queryset, "raw_values", queryset.values)
        rows = values(*sorted(fields)).iterator(chunk_size=CHUNK_SIZE)
        for chunk in itertools.batched(rows, CHUNK_SIZE):
            ids = [row["pk"] for row in chunk]
            lists = [(name, fetch(ids, language)) for name, fetch in self.lists]
            for row in chunk:
                for name, by_id in lists:
                    row[name] = by_id.get(row["pk"], [])
                yield [read(row) for read in readers]


# --- Sources -----------------------------------------------------------------


def field(path: str) -> Source:
    return Source((path,), lambda language: operator.itemgetter(path))


def _translated_text(path: str, language: str) -> Reader:
    """The text in `language`, or in Arabic when it has none (as on the pages)."""
    own, arabic = f"{path}_{language}", f"{path}_{settings.LANGUAGE_CODE}"
    return lambda row: row[own] or row[arabic] or ""


def translated(path: str) -> Source:
    return Source(tuple(languages.columns(path)), lambda language: _translated_text(path, language))


def institution(path: str) -> Source:
    """An institution as its ``__str__`` writes it: "name (ACRONYM)"; empty when there is none."""

    def reader(language):
        name = _translated_text(f"{path}__name", language)
        acronym = f"{path}__acronym"

        def read(row):
            text = name(row)
            return f"{text} ({row[acronym]})" if text and row[acronym] else text

        return read

    return Source((*languages.columns(f"{path}__name"), f"{path}__acronym"), reader)


def plan(path: str) -> Source:
    """A development plan as its ``__str__`` writes it: "title 2010–2015"; empty without one."""
    start, end = f"{path}__start_year", f"{path}__end_year"

    def reader(language):
        title = _translated_text(f"{path}__title", language)
        return lambda row: f"{title(row)} {row[start]}–{row[end]}" if row[start] else ""

    return Source((*languages.columns(f"{path}__title"), start, end), reader)


def label(path: str, choices) -> Source:
    """A choice's label in the language of the file."""

    def reader(language):
        labels = {value: str(text) for value, text in choices}
        return lambda row: labels.get(row[path], row[path])

    return Source((path,), reader)


#: Django's reverse() quotes a path this way; the addresses below are built
#: the same way without a reverse() per row.
_PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"
_MARK = "000000000000"


def page_url(url_name: str, kwarg: str, path: str) -> Source:
    """The absolute address of the record's page (``site_url`` of its ``get_absolute_url()``)."""

    def reader(language):
        pattern = site_url(reverse(url_name, kwargs={kwarg: _MARK}))
        before, after = pattern.split(_MARK)
        return lambda row: f"{before}{quote(str(row[path]), safe=_PATH_SAFE)}{after}"

    return Source((path,), reader)


def computed(fields: tuple[str, ...], make: Callable[[], Reader]) -> Source:
    return Source(fields, lambda language: make())


def listed(name: str) -> Source:
    """A list column filled per chunk by one of the dataset's ``lists``."""
    return Source((), lambda language: operator.itemgetter(name))


def _names_by_id(pairs, language: str) -> dict[int, list[str]]:
    """{id: [sorted names]} from rows (id, name in the language, Arabic name[, acronym])."""
    found: dict[int, list[str]] = {}
    for owner, own, arabic, *acronym in pairs:
        name = own or arabic or ""
        if acronym and acronym[0]:
            name = f"{name} ({acronym[0]})"
        found.setdefault(owner, []).append(name)
    for names in found.values():
        names.sort()
    return found


def _fields_of_activity(ids, language):
    through = Association.fields_of_activity.through
    pairs = through.objects.filter(association_id__in=ids).values_list(
        "association_id", f"fieldofactivity__name_{language}", "fieldofactivity__name_ar"
    )
    return _names_by_id(pairs, language)


def _funders(ids, language):
    through = Project.funders.through
    pairs = through.objects.filter(project_id__in=ids).values_list(
        "project_id",
        f"institution__name_{language}",
        "institution__name_ar",
        "institution__acronym",
    )
    return _names_by_id(pairs, language)


def _related_projects(ids, language):
    through = Recommendation.related_projects.through
    pairs = (
        through.objects.filter(recommendation_id__in=ids, project__in=Project.objects.published())
        .order_by("project_id")
        .values_list("recommendation_id", "project__slug")
    )
    found: dict[int, list[str]] = {}
    for owner, slug in pairs:
        found.setdefault(owner, []).append(slug)
    return found


def _overdue() -> Reader:
    today = timezone.localdate()
    closed = set(Recommendation.CLOSED_STATUSES)
    return lambda row: bool(
        row["due_date"] and row["due_date"] < today and row["status"] not in closed
    )


# --- Datasets ----------------------------------------------------------------


def _association_queryset():
    return Association.objects.published().order_by("pk")


def _project_queryset():
    return Project.objects.published().order_by("pk")


def _recommendation_queryset():
    return Recommendation.objects.published().order_by("pk")


def _petition_queryset():
    return Petition.objects.public().order_by("pk")


def _receipt_number() -> Reader:
    def read(row):
        if row["receipt_sequence"] is None:
            return ""
        return f"{row['receipt_year']}/{row['receipt_sequence']:04d}"

    return read


def _petition_overdue() -> Reader:
    today = timezone.localdate()
    awaiting = set(Petition.AWAITING_ANSWER)
    return lambda row: bool(row["due_on"] and row["due_on"] < today and row["status"] in awaiting)


def _common(title_field: str, url_name: str, url_kwarg: str, url_field: str) -> tuple[Column, ...]:
    return (
        Column("id", "integer", _("Identifier, stable over time."), field("pk")),
        Column(
            "url",
            "url",
            _("Address of the record's page on this site."),
            page_url(url_name, url_kwarg, url_field),
        ),
        Column(
            title_field,
            "text",
            _("In the language of the download, or in Arabic when not translated."),
            translated(title_field),
        ),
        Column(
            f"{title_field}_ar",
            "text",
            _("In Arabic, as first published."),
            field(f"{title_field}_ar"),
        ),
    )


def _commune_columns(path: str) -> tuple[Column, ...]:
    return (
        Column("commune", "text", _("Commune."), translated(f"{path}__name")),
        Column(
            "commune_slug",
            "code",
            _("Short code of the commune, as in the site's addresses."),
            field(f"{path}__slug"),
        ),
    )


ILLUSTRATIVE = Column(
    "illustrative",
    "boolean",
    _("True for an example record that fills a gap in the published sources."),
    field("illustrative"),
)
UPDATED_AT = Column("updated_at", "datetime", _("Last change of the record."), field("updated_at"))


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
        formats=("csv", "xlsx", "json"),
        filterset_class=AssociationFilter,
        get_queryset=_association_queryset,
        columns=(
            *_common("name", "associations:detail", "slug", "slug"),
            Column("slug", "code", _("Short name used in the page's address."), field("slug")),
            Column("acronym", "text", _("Acronym, if any."), field("acronym")),
            *_commune_columns("commune"),
            Column(
                "fields_of_activity",
                "list",
                _("Fields of activity."),
                listed("fields_of_activity"),
            ),
            Column("founded_on", "date", _("Date of foundation."), field("founded_on")),
            Column(
                "public_utility",
                "boolean",
                _("Recognised of public utility."),
                field("public_utility"),
            ),
            Column(
                "verified",
                "boolean",
                _("Checked by the commune's staff."),
                field("verified"),
            ),
            Column(
                "address", "text", _("Address of the association's seat."), translated("address")
            ),
            Column("website", "url", _("The association's own website."), field("website")),
            Column(
                "description", "text", _("What the association does."), translated("description")
            ),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
        lists=(("fields_of_activity", _fields_of_activity),),
    ),
    Dataset(
        key="projects",
        title=_("Projects"),
        description=_(
            "The published projects of the communes' development plans: status, "
            "progress, budget, funders, dates and place."
        ),
        list_url_name="projects:list",
        formats=("csv", "xlsx", "json", "geojson"),
        filterset_class=ProjectFilter,
        get_queryset=_project_queryset,
        columns=(
            *_common("title", "projects:detail", "slug", "slug"),
            Column("slug", "code", _("Short name used in the page's address."), field("slug")),
            Column("summary", "text", _("Short summary."), translated("summary")),
            *_commune_columns("commune"),
            Column(
                "plan",
                "text",
                _("Development plan the project belongs to, if any."),
                plan("plan"),
            ),
            Column("sector", "text", _("Sector."), translated("sector__name")),
            Column(
                "sector_slug",
                "code",
                _("Short code of the sector."),
                field("sector__slug"),
            ),
            Column(
                "status",
                "code",
                _("Status code."),
                field("status"),
                codes=Project.Status.choices,
            ),
            Column(
                "status_label",
                "text",
                _("Status, in words."),
                label("status", Project.Status.choices),
            ),
            Column("progress", "integer", _("Progress, in percent."), field("progress")),
            Column(
                "budget_mad",
                "decimal",
                _("Budget in Moroccan dirhams (MAD), if known."),
                field("budget"),
            ),
            Column(
                "funders",
                "list",
                _("Institutions that fund the project."),
                listed("funders"),
            ),
            Column(
                "contracting_institution",
                "text",
                _("Institution that manages the works."),
                institution("contracting_institution"),
            ),
            Column("start_date", "date", _("Start date."), field("start_date")),
            Column("end_date", "date", _("End date, planned or actual."), field("end_date")),
            Column("location_name", "text", _("Place."), translated("location_name")),
            Column(
                "latitude", "decimal", _("Latitude, WGS 84 degrees, if known."), field("latitude")
            ),
            Column(
                "longitude",
                "decimal",
                _("Longitude, WGS 84 degrees, if known."),
                field("longitude"),
            ),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
        lists=(("funders", _funders),),
    ),
    Dataset(
        key="recommendations",
        title=_("Recommendations"),
        description=_(
            "The published recommendations of the meetings, whom they are addressed to, "
            "and how far they have been followed."
        ),
        list_url_name="recommendations:list",
        formats=("csv", "xlsx", "json"),
        filterset_class=RecommendationFilter,
        get_queryset=_recommendation_queryset,
        columns=(
            *_common("title", "recommendations:detail", "pk", "pk"),
            Column("text", "text", _("Full text of the recommendation."), translated("text")),
            Column(
                "meeting",
                "text",
                _("Meeting where it was made."),
                translated("meeting__title"),
            ),
            Column(
                "meeting_url",
                "url",
                _("Address of the meeting's page."),
                page_url("meetings:detail", "slug", "meeting__slug"),
            ),
            Column(
                "meeting_date",
                "date",
                _("First day of the meeting."),
                field("meeting__start_date"),
            ),
            *_commune_columns("meeting__commune"),
            Column("theme", "text", _("Theme, if any."), translated("theme__name")),
            Column(
                "addressed_to",
                "text",
                _("Institution the recommendation is addressed to, if any."),
                institution("addressed_to"),
            ),
            Column(
                "priority",
                "code",
                _("Priority code."),
                field("priority"),
                codes=Recommendation.Priority.choices,
            ),
            Column(
                "status",
                "code",
                _("Status code."),
                field("status"),
                codes=Recommendation.Status.choices,
            ),
            Column(
                "status_label",
                "text",
                _("Status, in words."),
                label("status", Recommendation.Status.choices),
            ),
            Column("due_date", "date", _("Date it should be done by."), field("due_date")),
            Column(
                "overdue",
                "boolean",
                _("Past its due date and not yet closed."),
                computed(("due_date", "status"), _overdue),
            ),
            Column(
                "related_projects",
                "list",
                _("Short names (slugs) of the published projects it concerns."),
                listed("related_projects"),
            ),
            ILLUSTRATIVE,
            UPDATED_AT,
        ),
        lists=(("related_projects", _related_projects),),
    ),
    # Petitions without a word of their signatories or their agent (Law 09-08):
    # the count of signatures only.
    Dataset(
        key="petitions",
        title=_("Petitions"),
        description=_(
            "The petitions filed with the commune councils, where each stands and whether "
            "it was answered within the law's deadline. No signatory or agent is named."
        ),
        list_url_name="petitions:list",
        formats=("csv", "xlsx", "json"),
        filterset_class=PetitionFilter,
        get_queryset=_petition_queryset,
        columns=(
            Column("id", "integer", _("Identifier, stable over time."), field("pk")),
            Column(
                "url",
                "url",
                _("Address of the record's page on this site."),
                page_url("petitions:detail", "pk", "pk"),
            ),
            Column("title", "text", _("Subject of the petition, as filed."), field("title")),
            Column("objectives", "text", _("Its objectives, as filed."), field("objectives")),
            Column(
                "action_requested",
                "text",
                _("The action it asks of the council, as filed."),
                field("action_requested"),
            ),
            *_commune_columns("commune"),
            Column(
                "filer_kind",
                "code",
                _("Who filed it: an association or citizens."),
                field("filer_kind"),
                codes=Petition.FilerKind.choices,
            ),
            Column(
                "association",
                "text",
                _("The association that filed it, if any."),
                translated("association__name"),
            ),
            Column(
                "status",
                "code",
                _("Status code."),
                field("status"),
                codes=[c for c in Petition.Status.choices if c[0] != Petition.Status.DRAFT],
            ),
            Column(
                "status_label",
                "text",
                _("Status, in words."),
                label("status", Petition.Status.choices),
            ),
            Column(
                "receipt_number",
                "text",
                _("Number of the filing receipt (year/sequence in the commune)."),
                computed(("receipt_year", "receipt_sequence"), _receipt_number),
            ),
            Column("filed_on", "date", _("Date it was filed."), field("filed_on")),
            Column("due_on", "date", _("Date the bureau's answer is due by."), field("due_on")),
            Column(
                "decided_on",
                "date",
                _("Date of the bureau's decision on admissibility."),
                field("decided_on"),
            ),
            Column(
                "overdue",
                "boolean",
                _("Past the answer's deadline without a decision."),
                computed(("due_on", "status"), _petition_overdue),
            ),
            Column(
                "signature_count",
                "integer",
                _("Number of online signatures (citizens' petitions)."),
                field("signature_count"),
            ),
            Column(
                "required_signatures",
                "integer",
                _("Signatures needed to file a citizens' petition."),
                field("required_signatures"),
            ),
            Column(
                "session",
                "date",
                _("First day of the month of the session whose agenda holds it."),
                field("session"),
            ),
            Column(
                "committee", "text", _("Standing committee it was sent to."), field("committee")
            ),
            Column(
                "decision_reasons",
                "text",
                _("Reasons of the decision, for an inadmissible petition."),
                field("decision_reasons"),
            ),
            Column("outcome", "text", _("Outcome of the council's discussion."), field("outcome")),
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


#: What makes a spreadsheet read a cell as a formula (OWASP, "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(text: str) -> str:
    """Text a spreadsheet shows as it is: a leading apostrophe before a formula's first sign."""
    return "'" + text if text.startswith(FORMULA_START) else text


class _Line:
    """A file-like object whose write() hands back the line (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def _csv_text(value) -> str:
    return neutralise(value) if value else ""


def _csv_list(value) -> str:
    return neutralise(LIST_SEPARATOR.join(value))


def _csv_number(value) -> str:
    return "" if value is None else str(value)


def _csv_boolean(value) -> str:
    return "" if value is None else ("true" if value else "false")


def _csv_date(value) -> str:
    return value.isoformat() if value else ""


#: How a column of each type is written in CSV, chosen once per column
#: rather than tested value by value: the writer's time is per cell.
CSV_WRITERS = {
    "integer": _csv_number,
    "decimal": _csv_number,
    "text": _csv_text,
    "code": _csv_text,
    "url": _csv_text,
    "list": _csv_list,
    "boolean": _csv_boolean,
    "date": _csv_date,
    "datetime": _csv_date,
}
#: Rows written into one piece of the response.
ROWS_PER_PIECE = 500


def csv_lines(dataset: Dataset, rows: Iterable[list]) -> Iterator[str]:
    """The header, then pieces of ROWS_PER_PIECE lines, from `rows` in column order."""
    writer = csv.writer(_Line())
    writers = [CSV_WRITERS[column.type] for column in dataset.columns]
    yield BOM + writer.writerow([column.name for column in dataset.columns])
    for batch in itertools.batched(rows, ROWS_PER_PIECE):
        yield "".join(
            writer.writerow([write(value) for write, value in zip(writers, row, strict=True)])
            for row in batch
        )


# Characters XML 1.0 cannot hold; openpyxl refuses a cell that contains one.
_NOT_XML = ILLEGAL_CHARACTERS_RE
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\\/*?:\[\]]")


def _text_cell(sheet, text: str) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=_NOT_XML.sub("", text))
    # A string, even when it starts with "=": openpyxl would otherwise make it a formula.
    cell.data_type = "s"
    return cell


def _xlsx_text(sheet, text: str):
    # A plain value costs a tenth of a cell object; only "=" makes openpyxl write a formula.
    text = _NOT_XML.sub("", text)
    return _text_cell(sheet, text) if text.startswith("=") else text


def xlsx_value(sheet, column: Column, value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    if column.numeric:
        return float(value) if isinstance(value, Decimal) else value
    if isinstance(value, datetime.datetime):
        # Spreadsheets have no time zones: keep the ISO text with its offset.
        return value.isoformat()
    if isinstance(value, datetime.date):
        return value  # openpyxl gives it a yyyy-mm-dd format
    return _xlsx_text(sheet, csv_value(value))


def xlsx_file(dataset: Dataset, rows: Iterable[list], meta: dict):
    """The dataset as an XLSX workbook in a temporary file, rewound, ready to stream.

    One sheet of records (the header row bold and frozen), one sheet about
    the file: licence, language, filters and date.
    """
    workbook = Workbook(write_only=True)
    title = _SHEET_TITLE_FORBIDDEN.sub(" ", str(dataset.title))[:31]
    sheet = workbook.create_sheet(title=title)
    right_to_left = get_language_bidi()
    sheet.sheet_view.rightToLeft = right_to_left
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in dataset.columns:
        cell = _text_cell(sheet, column.name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    columns = dataset.columns
    for row in rows:
        sheet.append(
            [xlsx_value(sheet, column, value) for column, value in zip(columns, row, strict=True)]
        )

    about = workbook.create_sheet(title=str(_("About this file"))[:31])
    about.sheet_view.rightToLeft = right_to_left
    rows = [
        (_("Data set"), meta["title"]),
        (_("Language"), meta["language"]),
        (_("Licence"), f"{LICENCE_NAME} ({LICENCE_URL})"),
        (_("Documentation"), meta["documentation"]),
        (_("Generated at"), meta["generated_at"]),
        *((_("Filter: %(name)s") % {"name": k}, v) for k, v in meta["filters"].items()),
    ]
    for label, value in rows:
        about.append([_text_cell(about, str(label)), _text_cell(about, str(value))])

    output = tempfile.TemporaryFile()
    workbook.save(output)
    output.seek(0)
    return output


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, default=json_value)


def json_chunks(dataset: Dataset, records: Iterable[dict], meta: dict) -> Iterator[str]:
    head = _dumps(meta)
    yield head[:-1] + ', "records": ['
    separator = "\n"
    for batch in itertools.batched(records, ROWS_PER_PIECE):
        yield separator + ",\n".join(_dumps(record) for record in batch)
        separator = ",\n"
    yield "\n]}\n"


def _feature(record: dict) -> dict:
    return {
        "type": "Feature",
        "id": record["id"],
        "geometry": {
            "type": "Point",
            "coordinates": [float(record["longitude"]), float(record["latitude"])],
        },
        "properties": record,
    }


def geojson_chunks(records: Iterable[dict], meta: dict) -> Iterator[str]:
    """An RFC 7946 FeatureCollection of the located records (WGS 84 longitude, latitude)."""
    head = _dumps({"type": "FeatureCollection", **meta})
    yield head[:-1] + ', "features": ['
    located = (
        record
        for record in records
        if record.get("latitude") is not None and record.get("longitude") is not None
    )
    separator = "\n"
    for batch in itertools.batched(located, ROWS_PER_PIECE):
        yield separator + ",\n".join(_dumps(_feature(record)) for record in batch)
        separator = ",\n"
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
    filename = f"sharaka-{dataset.key}-{language}.{fmt}"
    if fmt == "xlsx":
        return FileResponse(
            xlsx_file(dataset, dataset.rows(filterset.qs, language), meta),
            as_attachment=True,
            filename=filename,
            content_type=FORMATS[fmt],
        )
    if fmt == "csv":
        chunks = csv_lines(dataset, dataset.rows(filterset.qs, language))
    elif fmt == "json":
        chunks = json_chunks(dataset, dataset.records(filterset.qs, language), meta)
    else:
        chunks = geojson_chunks(dataset.records(filterset.qs, language), meta)
    content = _encoded(_in_language(language, chunks))
    response = StreamingHttpResponse(content_type=FORMATS[fmt])
    if accepts_gzip(request):
        # The files hold no secret (no token, nothing of the visitor's), so
        # they need no BREACH padding.
        response.streaming_content = compress_sequence(content)
        response["Content-Encoding"] = "gzip"
    else:
        response.streaming_content = content
    # The same address answers gzip or not, by the request's Accept-Encoding.
    patch_vary_headers(response, ("Accept-Encoding",))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


#: Rows' text is gathered into pieces of about this many bytes before it is
#: sent (and compressed): one write per row would cost more than the row.
PIECE_SIZE = 64 * 1024


def _encoded(chunks: Iterable[str]) -> Iterator[bytes]:
    buffer: list[str] = []
    size = 0
    for chunk in chunks:
        buffer.append(chunk)
        size += len(chunk)
        if size >= PIECE_SIZE:
            yield "".join(buffer).encode()
            buffer, size = [], 0
    if buffer:
        yield "".join(buffer).encode()


@require_safe
def index(request):
    """Every download, its fields, the licence, and the calendars and feeds."""
    datasets = [
        {
            "dataset": dataset,
            "downloads": [
                (FORMAT_LABELS[fmt], fmt, reverse(export_url_name(dataset.key, fmt)))
                for fmt in dataset.formats
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
            # One commune as an example: the page never lists them all.
            "example_commune": Commune.objects.order_by("pk").first(),
            **{
                f"{name}_pattern": reverse(url_name, kwargs={"slug": "commune"})
                for name, url_name in (
                    ("calendar", "feeds:commune_ics"),
                    ("meetings_feed", "feeds:commune_meetings"),
                    ("recommendations_feed", "feeds:commune_recommendations"),
                    ("petitions_feed", "feeds:commune_petitions"),
                )
            },
        },
    )
