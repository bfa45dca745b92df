"""Arabic-aware text search that gives the same answers on SQLite and PostgreSQL.

Design
------
Arabic text is written with many spellings of "the same" word: the hamza forms
of alef (أ إ آ ٱ), taa marbuta or haa at the end (مدرسة / مدرسه), alef maqsura or
yaa (مستشفى / مستشفي), optional diacritics (التَّنْمِيَة), tatweel used to stretch
a word (تنـــمية), and the definite article glued to the word (التنمية / تنمية).
French adds accents and case.

Two small tables say which spellings are the same, and :func:`normalize`
applies them, in Python, to both the query and the stored text:

* ``REMOVALS``: characters dropped or expanded (diacritics, tatweel, œ → oe).
* ``LETTER_VARIANTS``: letters with several spellings (أ إ آ ٱ ا, ة ه, ى ي,
  é è ê ë e…), each folded to its plain letter.

Each searchable model (``SEARCH_FIELDS``) has a stored column ``search_text``:
every language column of its searchable fields joined with spaces and
normalised (:func:`document_text`). The model refreshes it in ``save()``; the
management command ``rebuild_search_index`` recomputes it after writes that
bypass ``save()`` (``bulk_create``, ``QuerySet.update``, raw SQL loads).

Every query word must be found in ``search_text`` (``search_text LIKE
'%word%'``, Django's ``contains``), and every word must match (AND). Finding a
word *inside* the text is what makes the definite article harmless: the query
word loses its article (see :func:`strip_article`), so "التنمية" looks for
"تنميه", found in both "تنمية" and "التنمية".

Why this design:

* The same answers on both databases: the folding happens in Python on both
  sides, and the database only does a plain substring test on already folded
  text. The tests pin the exact same result set on SQLite and PostgreSQL.
* Fast: nothing is recomputed per row at query time. On PostgreSQL the
  migration ``portal/0005_search_text_indexes`` builds a ``pg_trgm`` GIN index
  on ``search_text`` for each searchable model, which answers ``LIKE
  '%word%'``; on SQLite it is a scan of one stored column (see
  ``bench/search.py`` for numbers).
* The price is a derived column to keep in sync: ``save()`` covers forms, the
  admin and the demo loader; bulk writes run ``rebuild_search_index``.

Limits, on purpose:

* No stemming beyond the article: "مشاريع" does not find "مشروع".
* A search restricted to fewer fields than a model's ``SEARCH_FIELDS`` (see
  :func:`filter_queryset_by_text`) narrows with ``search_text`` first, then
  checks the chosen columns with a folding SQL expression and a regular
  expression (``search_expression`` / ``term_pattern``), which is slower.
"""

import re

from django.conf import settings
from django.db.models import F, Func, TextField, Value
from django.db.models.functions import Coalesce, Lower, Replace

#: Longest query accepted, in characters.
MAX_QUERY_LENGTH = 200

_ARABIC_DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
_TATWEEL = "\u0640"

# Letters written in several ways: (canonical letter, every way to write it).
# ``normalize`` maps each way to the canonical letter; in SQL a query letter
# becomes a character class of all of them (see ``term_pattern``).
LETTER_VARIANTS: tuple[tuple[str, str], ...] = (
    # Hamza forms of alef and alef wasla; taa marbuta; alef maqsura.
    ("ا", "اأإآٱ"),
    ("ه", "هة"),
    ("ي", "يى"),
    # French accents, lower and upper case (SQLite's LOWER is ASCII-only).
    ("e", "eéèêëÉÈÊË"),
    ("a", "aàâäÀÂÄ"),
    ("c", "cçÇ"),
    ("i", "iîïÎÏ"),
    ("o", "oôöÔÖ"),
    ("u", "uùûüÙÛÜ"),
)

# Characters removed or expanded before comparing, in Python and in SQL:
# Arabic diacritics (fathatan … sukun, superscript alef), tatweel, ligatures.
REMOVALS: tuple[tuple[str, str], ...] = (
    *((mark, "") for mark in _ARABIC_DIACRITICS),
    (_TATWEEL, ""),
    ("œ", "oe"),
    ("Œ", "oe"),
    ("æ", "ae"),
    ("Æ", "ae"),
)

_CANONICAL = {variant: letter for letter, variants in LETTER_VARIANTS for variant in variants}
_CLASSES = {letter: f"[{variants}]" for letter, variants in LETTER_VARIANTS}

# The article alone, then the article behind a one-letter prefix: wa-, bi-,
# fa-, ka-, and li- (ل + ال is written لل). The article is dropped when at
# least two letters remain; a prefixed article when at least three remain, so
# that short words such as والي keep their own letters.
_ARTICLE_PREFIXES = (("وال", 3), ("بال", 3), ("فال", 3), ("كال", 3), ("لل", 3), ("ال", 2))

_WORD_SEPARATORS = re.compile(r"[\W_]+")


def normalize(text: str) -> str:
    """Fold ``text``: lower case, ``REMOVALS``, and each spelling to its plain letter."""
    text = (text or "").lower()
    for old, new in REMOVALS:
        text = text.replace(old, new)
    return "".join(_CANONICAL.get(char, char) for char in text)


def strip_article(word: str) -> str:
    """Drop a leading definite article from an already normalised word."""
    for prefix, keep in _ARTICLE_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            return rest if len(rest) >= keep else word
    return word


def query_terms(q: str) -> list[str]:
    """The normalised words of a query, each to be found in the text.

    Words are split on anything that is not a letter or a digit. Single
    characters are ignored when the query has longer words ("l'école" looks
    for "ecole", not for every "l").
    """
    words = [strip_article(w) for w in _WORD_SEPARATORS.split(normalize(q)) if w]
    longer = [w for w in words if len(w) > 1]
    return list(dict.fromkeys(longer or words))


class JoinedText(Func):
    """``a || ' ' || b || …``: plain SQL concatenation, immutable on PostgreSQL.

    (Django's ``Concat`` uses ``CONCAT()`` on PostgreSQL, which is only
    ``STABLE`` and so cannot be indexed.)
    """

    template = "(%(expressions)s)"
    arg_joiner = " || ' ' || "
    output_field = TextField()


def search_columns(model, fields) -> list[str]:
    """Database columns to search for ``fields`` of ``model``.

    A field registered with django-modeltranslation expands to its column in
    every language (``title`` → ``title_ar``, ``title_fr``, ``title_en``); any
    other name is used as given.
    """
    from modeltranslation.translator import NotRegistered, translator

    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    languages = getattr(settings, "MODELTRANSLATION_LANGUAGES", None) or [
        code for code, _name in settings.LANGUAGES
    ]
    columns = []
    for field in fields:
        if field in translated:
            columns += [f"{field}_{lang}" for lang in languages]
        else:
            columns.append(field)
    return columns


def search_expression(columns):
    """The folded text of ``columns``, as an SQL expression.

    Only for searches over fewer fields than the stored ``search_text`` holds
    (see :func:`filter_queryset_by_text`): ``LOWER`` of the columns joined with
    spaces, each ``COALESCE``-d to ``''``, inside one ``REPLACE`` per removal.
    """
    parts = [Coalesce(F(column), Value(""), output_field=TextField()) for column in columns]
    text = TextField()
    expression = Lower(JoinedText(*parts) if len(parts) > 1 else parts[0], output_field=text)
    for old, new in REMOVALS:
        expression = Replace(expression, Value(old), Value(new), output_field=text)
    return expression


def term_pattern(term: str) -> str:
    """A regular expression that finds the normalised ``term`` in text folded in SQL.

    Each letter with several spellings becomes a character class (``[اأإآٱ]``).
    Terms hold letters and digits only (see ``query_terms``), so nothing needs
    escaping; the same pattern means the same thing to Python's ``re`` (SQLite's
    REGEXP) and to PostgreSQL's ``~``.
    """
    return "".join(_CLASSES.get(char, char) for char in term)


# --- The stored search text ---------------------------------------------------

#: The searchable fields of each model, by model label. ``search_text`` holds
#: these fields in every language; the site search and the list pages search them.
SEARCH_FIELDS: dict[str, tuple[str, ...]] = {
    "associations.Association": ("name", "acronym", "description"),
    "meetings.Meeting": ("title", "slogan", "venue", "summary"),
    "meetings.Presentation": ("title", "summary"),
    "projects.Project": ("title", "summary", "description", "location_name"),
    "recommendations.Recommendation": ("title", "text"),
}

#: Rows per ``bulk_update`` when ``search_text`` is recomputed in bulk.
REBUILD_BATCH_SIZE = 1000


def search_text_columns(model) -> list[str]:
    """The columns ``search_text`` is made of, for a searchable ``model``."""
    return search_columns(model, SEARCH_FIELDS[model._meta.label])


def normalized_document(values) -> str:
    """``values`` (strings or ``None``) joined with spaces and normalised."""
    return normalize(" ".join(value or "" for value in values))


def document_text(instance) -> str:
    """The ``search_text`` of ``instance``: its searchable columns, normalised."""
    return normalized_document(
        getattr(instance, column) for column in search_text_columns(type(instance))
    )


def searchable_models() -> list:
    from django.apps import apps

    return [apps.get_model(label) for label in SEARCH_FIELDS]


def rebuild_search_text(model, batch_size: int = REBUILD_BATCH_SIZE) -> int:
    """Recompute ``search_text`` for every row of ``model``; return how many changed.

    Reads the rows in chunks and writes only the rows whose text changed, with
    ``bulk_update`` in batches of ``batch_size``.
    """
    columns = search_text_columns(model)
    rows = model._base_manager.order_by("pk").only("pk", "search_text", *columns)
    changed, total = [], 0
    for obj in rows.iterator(chunk_size=batch_size):
        text = document_text(obj)
        if text != obj.search_text:
            obj.search_text = text
            changed.append(obj)
        if len(changed) >= batch_size:
            model._base_manager.bulk_update(changed, ["search_text"], batch_size=batch_size)
            total += len(changed)
            changed = []
    if changed:
        model._base_manager.bulk_update(changed, ["search_text"], batch_size=batch_size)
        total += len(changed)
    return total


def filter_by_terms(queryset, terms):
    """Rows of ``queryset`` (a searchable model) whose ``search_text`` has every term."""
    for term in terms:
        queryset = queryset.filter(search_text__contains=term)
    return queryset


def filter_queryset_by_text(queryset, fields: list[str], q: str):
    """Rows of ``queryset`` that match the search ``q`` in ``fields``.

    ``fields`` are field names of the queryset's model; translated fields are
    searched in every language. A query with no words (empty, or only spaces
    and punctuation) leaves the queryset as it is. The caller checks the length
    of ``q`` (see ``MAX_QUERY_LENGTH``).

    When ``fields`` are the model's ``SEARCH_FIELDS`` (as for every list page),
    the stored ``search_text`` answers alone. Fewer fields: ``search_text``
    narrows the rows, then the chosen columns are folded in SQL and matched.
    Other fields, or a model without ``search_text``: the SQL folding alone.
    """
    terms = query_terms(q)
    if not terms:
        return queryset
    model = queryset.model
    columns = search_columns(model, fields)
    indexed = set(search_text_columns(model)) if model._meta.label in SEARCH_FIELDS else set()
    if set(columns) <= indexed:
        queryset = filter_by_terms(queryset, terms)
        if set(columns) == indexed:
            return queryset
    queryset = queryset.alias(search_document=search_expression(columns))
    for term in terms:
        queryset = queryset.filter(search_document__regex=term_pattern(term))
    return queryset


# --- The site search: one search over every public kind of record ----------


class SearchKind:
    """One kind of record the site search looks through."""

    def __init__(self, key, label, model_label, snippet_fields, get_queryset, get_url=None):
        self.key = key
        self.label = label
        self.fields = SEARCH_FIELDS[model_label]
        self.snippet_fields = tuple(snippet_fields)
        self._get_queryset = get_queryset
        self._get_url = get_url

    def queryset(self):
        return self._get_queryset()

    def search(self, terms):
        # Each kind's Meta.ordering ends with the primary key, so pages of
        # equal titles never repeat or skip a row.
        return filter_by_terms(self.queryset(), terms)

    def url(self, obj) -> str:
        return self._get_url(obj) if self._get_url else obj.get_absolute_url()

    def snippet(self, obj) -> str:
        for field in self.snippet_fields:
            value = getattr(obj, field, "") or ""
            if value.strip():
                return value
        return ""


def _associations():
    from associations.models import Association

    return Association.objects.published()


def _meetings():
    from meetings.models import Meeting

    return Meeting.objects.published()


def _presentations():
    from meetings.models import Presentation

    return Presentation.objects.filter(meeting__published=True).select_related("meeting")


def _projects():
    from projects.models import Project

    return Project.objects.published()


def _recommendations():
    from recommendations.models import Recommendation

    return Recommendation.objects.published()


def _presentation_url(presentation) -> str:
    return f"{presentation.meeting.get_absolute_url()}#presentation-{presentation.pk}"


def search_kinds() -> list[SearchKind]:
    from django.utils.translation import gettext_lazy as _

    return [
        SearchKind(
            "associations",
            _("Associations"),
            "associations.Association",
            ["description"],
            _associations,
        ),
        SearchKind(
            "meetings",
            _("Meetings"),
            "meetings.Meeting",
            ["summary", "slogan", "venue"],
            _meetings,
        ),
        SearchKind(
            "presentations",
            _("Presentations"),
            "meetings.Presentation",
            ["summary"],
            _presentations,
            _presentation_url,
        ),
        SearchKind(
            "projects",
            _("Projects"),
            "projects.Project",
            ["summary", "description", "location_name"],
            _projects,
        ),
        SearchKind(
            "recommendations",
            _("Recommendations"),
            "recommendations.Recommendation",
            ["text"],
            _recommendations,
        ),
    ]
