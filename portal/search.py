"""Arabic-aware text search that gives the same answers on SQLite and PostgreSQL.

Design
------
The spellings of a word are folded to one by :mod:`portal.text`, in Python,
on both sides: the query and the stored text.

Each searchable model (a :class:`portal.models.Searchable`, which declares
its ``search_fields``) keeps two derived columns, refreshed by ``save()`` and
recomputed by the ``rebuild_search_index`` command after writes that bypass
it (``bulk_create``, ``QuerySet.update``, SQL loads):

* ``search_text`` (:func:`document_text`): every word of its searchable
  columns (each language, and the other spellings of its ``aliases``),
  folded and without its article, then the word's other forms, each marked
  with ``~``: the word without the particles in front of it (ولجمعيات →
  ~جمعيات) and the light stems (~جمع, ~developp). ``" مجلس بلدي لكلميم ~مجلس
  ~كلميم ~بلد "``.
* ``search_title`` (:func:`document_title`): the words of its title fields,
  one segment per language and per other spelling: ``"| دار شباب مسيره |
  maison jeunes al massira |"``. Ranking reads it.

A query (:func:`plan_query`) becomes, for each of its words, a list of
:class:`Form`: the word itself (found at the start of a stored word, so that
"مدرس" finds "مدرسه"); then, one level below, the word found behind a stored
particle, the query word without its own particles, its stem among the
stored stems, and the words of ``portal.lexicon.EQUIVALENTS``; last, for an
unknown word of five letters or more, the indexed words one letter away
(:func:`slip_words`, from the table of indexed words, :class:`SearchWord`).
Every query word must be found in one of its forms (AND of ORs of ``LIKE
'% form%'`` on ``search_text``).

Ranking (:func:`rank`) puts first the rows where every word was found as
typed, then those that needed a stem, a particle or an equivalent, then those
that needed a slip; within each, the title decides: the query is a whole
title, then a phrase in the title, then all words in the title, then some;
then recency (each model's ``search_order``).

Why this design:

* The same answers on both databases: the folding, the forms and the ranking
  happen in Python; the database only does plain substring tests on already
  folded text and prefix tests on the table of words. The tests pin the
  exact same results on SQLite and PostgreSQL (see ``tests/site``).
* Fast: nothing is recomputed per row at query time. On PostgreSQL a
  ``pg_trgm`` GIN index on ``search_text`` (and on ``search_title``) answers
  the ``LIKE`` tests; the table of words has prefix indexes for the one-letter
  slips, on the word and on the word written backwards. A page ranks a
  bounded number of rows per kind (see ``portal/site/search.py``).
* The price is derived columns to keep in sync: ``save()`` covers forms, the
  admin and the demo loader; bulk writes run ``rebuild_search_index``.

A search restricted to fewer fields than a model's ``search_fields`` (see
:func:`filter_queryset_by_text`) narrows with ``search_text`` first, then
checks the chosen columns with a folding SQL expression and a regular
expression (``search_expression`` / ``term_pattern``), which is slower and
knows only the words as typed.
"""

import functools
from dataclasses import dataclass, field

from django.apps import apps
from django.db.models import BooleanField, Case, F, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Lower, Replace
from modeltranslation.translator import NotRegistered, translator

from . import languages
from .text import (
    REMOVALS,
    clitic_forms,
    document_variants,
    edit_distance_at_most_one,
    equivalents,
    normalize,
    query_terms,
    stem,
    term_pattern,
    words,
)

#: Longest query accepted, in characters.
MAX_QUERY_LENGTH = 200

#: Rows per ``bulk_update`` when ``search_text`` is recomputed in bulk.
REBUILD_BATCH_SIZE = 1000

#: A slip of one letter is forgiven in words this long or longer.
SLIP_MIN_LENGTH = 5
#: Words of the table of indexed words: long enough to be a slip's target.
VOCABULARY_MIN_LENGTH = SLIP_MIN_LENGTH - 1
#: At most this many indexed words stand in for one mistyped query word.
MAX_SLIPS_PER_WORD = 8

#: Marks a stored form that is not the word as written (a stem, the word
#: without its particles): never found by a query word as typed.
VARIANT_MARK = "~"
#: Separates the title's segments (languages, other spellings).
SEGMENT_MARK = "|"

# How a query word was found in a row, best first.
EXACT, VARIANT, SLIP = 3, 2, 1


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
    try:
        translated = translator.get_options_for_model(model).all_fields
    except NotRegistered:
        translated = {}
    columns = []
    for name in fields:
        if name in translated:
            columns += languages.columns(name)
        else:
            columns.append(name)
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


# --- The stored search text ---------------------------------------------------


def searchable_models() -> list:
    """Every model that declares ``search_fields``, in the order of INSTALLED_APPS."""
    return [model for model in apps.get_models() if getattr(model, "search_fields", ())]


def search_text_columns(model) -> list[str]:
    """The columns ``search_text`` is made of, for a searchable ``model``."""
    return search_columns(model, model.search_fields)


def search_title_columns(model) -> list[str]:
    """The columns ``search_title`` is made of: the title fields, then ``aliases``."""
    return search_columns(model, model.search_title_fields)


def normalized_document(values) -> str:
    """``values`` (strings or ``None``) joined with spaces and normalised."""
    return normalize(" ".join(value or "" for value in values))


def _values(instance, columns):
    return [getattr(instance, column) or "" for column in columns]


def document_words(values) -> list[str]:
    """The distinct folded words of ``values``, in order."""
    return list(dict.fromkeys(word for value in values for word in words(value)))


def text_from_words(found: list[str]) -> str:
    """``search_text`` for these words: each word, then its marked other forms."""
    variants = dict.fromkeys(
        VARIANT_MARK + form for word in found for form in (*document_variants(word), stem(word))
    )
    return f" {' '.join([*found, *variants])} " if found else ""


def document_text(instance) -> str:
    """The ``search_text`` of ``instance``: its words, then their other forms."""
    return text_from_words(document_words(_values(instance, search_text_columns(type(instance)))))


def title_from_values(values) -> str:
    """``search_title`` for these values: one segment per value (an alias per line)."""
    segments = []
    for value in values:
        for line in value.splitlines():
            segment = " ".join(words(line))
            if segment and segment not in segments:
                segments.append(segment)
    if not segments:
        return ""
    joiner = f" {SEGMENT_MARK} "
    return f"{SEGMENT_MARK} {joiner.join(segments)} {SEGMENT_MARK}"


def document_title(instance) -> str:
    return title_from_values(_values(instance, search_title_columns(type(instance))))


def indexed_words(text: str) -> list[str]:
    """The words of a ``search_text`` that go into the table of indexed words."""
    return [
        word
        for word in text.split()
        if not word.startswith(VARIANT_MARK) and len(word) >= VOCABULARY_MIN_LENGTH
    ]


def _vocabulary():
    # Read through the app registry: portal.models imports this module.
    return apps.get_model("portal", "SearchWord")


def register_words(found) -> None:
    """Add ``found`` words to the table of indexed words (those already there stay)."""
    SearchWord = _vocabulary()
    rows = [SearchWord.for_word(word) for word in dict.fromkeys(found)]
    if rows:
        SearchWord.objects.bulk_create(rows, ignore_conflicts=True, batch_size=REBUILD_BATCH_SIZE)


def refresh_search_text(model, batch_size: int = REBUILD_BATCH_SIZE) -> tuple[int, set[str]]:
    """Recompute ``search_text`` and ``search_title`` for every row of ``model``.

    Reads the rows in chunks and writes only the rows whose text changed, with
    ``bulk_update`` in batches of ``batch_size``. Returns how many rows changed
    and the words of the table of indexed words found in them (not registered).
    """
    text_columns = search_text_columns(model)
    title_columns = search_title_columns(model)
    rows = model._base_manager.order_by("pk").only(
        "pk", "search_text", "search_title", *text_columns, *title_columns
    )
    changed, total, vocabulary = [], 0, set()
    for obj in rows.iterator(chunk_size=batch_size):
        text = document_text(obj)
        title = document_title(obj)
        vocabulary.update(indexed_words(text))
        if text != obj.search_text or title != obj.search_title:
            obj.search_text, obj.search_title = text, title
            changed.append(obj)
        if len(changed) >= batch_size:
            model._base_manager.bulk_update(changed, ["search_text", "search_title"])
            total += len(changed)
            changed = []
    if changed:
        model._base_manager.bulk_update(changed, ["search_text", "search_title"])
        total += len(changed)
    return total, vocabulary


def rebuild_search_text(model, batch_size: int = REBUILD_BATCH_SIZE) -> int:
    """Recompute ``search_text`` and ``search_title`` for every row; return how many changed.

    Every word read goes into the table of indexed words.
    """
    total, vocabulary = refresh_search_text(model, batch_size)
    register_words(sorted(vocabulary))
    return total


def replace_vocabulary(found) -> int:
    """Make the table of indexed words exactly ``found``; return its size."""
    SearchWord = _vocabulary()
    SearchWord.objects.all().delete()
    found = sorted(set(found))
    register_words(found)
    return len(found)


def rebuild_vocabulary() -> int:
    """Empty the table of indexed words and fill it from every row; return its size.

    Words of deleted or changed rows leave the table this way (``save()`` only
    adds).
    """
    found = set()
    for model in searchable_models():
        for text in model._base_manager.values_list("search_text", flat=True).iterator():
            found.update(indexed_words(text))
    return replace_vocabulary(found)


# --- The query ----------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    """One way a query word may appear in ``search_text``.

    ``text`` is looked for at the start of a stored word when ``prefix``, as a
    whole stored word otherwise; ``marked`` forms are looked for among the
    marked forms (stems, words without particles). ``level`` says how good a
    match it is (``EXACT``, ``VARIANT``, ``SLIP``).
    """

    text: str
    level: int
    prefix: bool = True
    marked: bool = False

    @property
    def pattern(self) -> str:
        mark = VARIANT_MARK if self.marked else ""
        return f" {mark}{self.text}{'' if self.prefix else ' '}"

    def matches_word(self, word: str) -> bool:
        """Whether this form finds ``word`` (a folded title or snippet word)."""
        candidates = _marked_forms(word) if self.marked else (word,)
        if self.prefix:
            return any(candidate.startswith(self.text) for candidate in candidates)
        return self.text in candidates


@functools.lru_cache(maxsize=50_000)
def _marked_forms(word: str) -> tuple[str, ...]:
    """What ``search_text`` marks with ``~`` for a stored ``word``."""
    forms = clitic_forms(word)
    return tuple({stem(word), *forms, *(stem(form) for form in forms)})


@dataclass
class Term:
    """A query word and every form it is looked for in."""

    word: str
    forms: list[Form] = field(default_factory=list)
    # Levels of the words already checked: titles and snippets repeat words.
    _levels: dict = field(default_factory=dict, repr=False, compare=False)

    def add(self, form: Form) -> None:
        if form.text and all((f.text, f.marked) != (form.text, form.marked) for f in self.forms):
            self.forms.append(form)

    def at_least(self, level: int) -> list[Form]:
        return [form for form in self.forms if form.level >= level]

    def level_for_word(self, word: str) -> int:
        level = self._levels.get(word)
        if level is None:
            matching = (form.level for form in self.forms if form.matches_word(word))
            level = self._levels[word] = max(matching, default=0)
        return level

    @property
    def slips(self) -> list[str]:
        return [form.text for form in self.forms if form.level == SLIP]


def _short(word: str) -> bool:
    # Too short to be looked for at the start of words: "6" must not find "60".
    return len(word) <= 2


def term_forms(word: str, slips=()) -> Term:
    """Every form of one query word, best first (see the module's docstring)."""
    term = Term(word)
    term.add(Form(word, EXACT, prefix=not _short(word)))
    # The word behind a particle in the text (لكلميم for كلميم).
    if not _short(word):
        term.add(Form(word, VARIANT, prefix=True, marked=True))
    for form in clitic_forms(word):
        term.add(Form(form, VARIANT))
        term.add(Form(form, VARIANT, marked=True))
    for form in (word, *clitic_forms(word)):
        term.add(Form(stem(form), VARIANT, prefix=False, marked=True))
    for other in equivalents(word):
        term.add(Form(other, VARIANT, prefix=False))
    for slip in slips:
        term.add(Form(slip, SLIP, prefix=False))
    return term


def slip_words(terms: list[str]) -> dict[str, list[str]]:
    """For each unknown query word of five letters or more, the indexed words one letter away.

    A word is known when an indexed word starts with it. One letter added,
    removed, changed or two letters swapped leaves either the first half of
    the word or the rest after its middle letter in place, so the
    candidates are the indexed words that start with the first half or end
    with the rest (prefix tests on the word and on the word written
    backwards, both indexed); the exact distance is checked here.
    """
    long_words = [t for t in terms if len(t) >= SLIP_MIN_LENGTH and not t.isdigit()]
    if not long_words:
        return {}
    SearchWord = _vocabulary()
    condition = Q()
    for word in long_words:
        half = len(word) // 2
        lengths = Q(length__gte=len(word) - 1, length__lte=len(word) + 1)
        condition |= Q(word__startswith=word)
        condition |= Q(word__startswith=word[:half]) & lengths
        condition |= Q(reversed_word__startswith=word[half + 1 :][::-1]) & lengths
    candidates = sorted(SearchWord.objects.filter(condition).values_list("word", flat=True))
    slips = {}
    for word in long_words:
        if any(candidate.startswith(word) for candidate in candidates):
            continue  # a known word: no guessing
        near = [c for c in candidates if c != word and edit_distance_at_most_one(word, c)]
        if near:
            slips[word] = near[:MAX_SLIPS_PER_WORD]
    return slips


def plan_query(q: str) -> list[Term]:
    """The words of the query ``q`` with all their forms (one query for the slips)."""
    found = query_terms(q)
    slips = slip_words(found)
    return [term_forms(word, slips.get(word, ())) for word in found]


def _any_form(forms, column: str) -> Q:
    condition = Q()
    for form in forms:
        condition |= Q(**{f"{column}__contains": form.pattern})
    return condition


def match_condition(terms: list[Term], level: int = SLIP, column: str = "search_text") -> Q:
    """Rows where every term is found in one of its forms of at least ``level``."""
    condition = Q()
    for term in terms:
        forms = term.at_least(level)
        if column != "search_text":
            forms = [form for form in forms if not form.marked]
        condition &= _any_form(forms, column) if forms else Q(pk__in=[])
    return condition


def filter_by_terms(queryset, terms):
    """Rows of ``queryset`` (a searchable model) where every term is found.

    ``terms`` are :class:`Term` (see :func:`plan_query`) or plain query words,
    which are then looked for as typed and in their other forms, without slips.
    """
    terms = [term if isinstance(term, Term) else term_forms(term) for term in terms]
    return queryset.filter(match_condition(terms)) if terms else queryset


def annotate_match(queryset, terms: list[Term]):
    """Add ``search_exact`` (every word as typed) and ``search_close`` (no slip needed)."""

    def flag(level):
        return Case(
            When(match_condition(terms, level), then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        )

    return queryset.annotate(search_exact=flag(EXACT), search_close=flag(VARIANT))


def title_segments(search_title: str) -> list[list[str]]:
    return [
        segment.split() for segment in (search_title or "").split(SEGMENT_MARK) if segment.strip()
    ]


def title_place(terms: list[Term], search_title: str) -> int:
    """Where the query words stand in a title, best first.

    4: the query is a whole title (or one of its other spellings); 3: the words
    follow each other in a title; 2: every word is in the title; 1: some are;
    0: none.
    """
    segments = title_segments(search_title)
    if not segments or not terms:
        return 0
    every_word = {word for segment in segments for word in segment}
    found = [any(term.level_for_word(word) for word in every_word) for term in terms]
    if not any(found):
        return 0
    if not all(found):
        return 1
    n = len(terms)
    best = 2
    for segment in segments:
        for start in range(len(segment) - n + 1):
            window = segment[start : start + n]
            if all(term.level_for_word(word) for term, word in zip(terms, window, strict=True)):
                if len(segment) == n:
                    return 4
                best = 3
    return best


def quality(exact: bool, close: bool) -> int:
    return EXACT if exact else VARIANT if close else SLIP


def matched_slips(terms: list[Term], text: str) -> dict[str, str]:
    """For each term found only through a slip in ``text``, the word it stood for."""
    found = {}
    padded = f" {text} "
    for term in terms:
        if any(form.pattern in padded for form in term.forms if form.level > SLIP):
            continue
        for slip in term.slips:
            if f" {slip} " in padded:
                found[term.word] = slip
                break
    return found


def filter_queryset_by_text(queryset, fields: list[str], q: str):
    """Rows of ``queryset`` that match the search ``q`` in ``fields``.

    ``fields`` are field names of the queryset's model; translated fields are
    searched in every language. A query with no words (empty, or only spaces
    and punctuation) leaves the queryset as it is. The caller checks the length
    of ``q`` (see ``MAX_QUERY_LENGTH``).

    When ``fields`` are the model's ``search_fields`` (as for every list page),
    the stored ``search_text`` answers alone, with every form of each word
    (stems, particles, equivalents, one-letter slips). Fewer fields:
    ``search_text`` narrows the rows, then the chosen columns are folded in SQL
    and matched as typed. Other fields, or a model without ``search_text``:
    the SQL folding alone.
    """
    found = query_terms(q)
    if not found:
        return queryset
    model = queryset.model
    columns = search_columns(model, fields)
    indexed = set(search_text_columns(model)) if getattr(model, "search_fields", ()) else set()
    if set(columns) == indexed:
        return filter_by_terms(queryset, plan_query(q))
    if set(columns) <= indexed:
        queryset = queryset.filter(match_condition([term_forms(w) for w in found], EXACT))
    queryset = queryset.alias(search_document=search_expression(columns))
    for word in found:
        queryset = queryset.filter(search_document__regex=term_pattern(word))
    return queryset
