"""The site search page: one query over every public kind of record, best match first.

The kinds are collected from the models: every searchable model
(``portal.models.Searchable``) says what it searches, what a result shows, its
key in the address and the order that breaks ties; its manager's ``public()``
says what a visitor may find.

The work per kind is bounded, whatever the number of matching rows: a kind
reads at most ``OVERVIEW_COUNT_CAP + 1`` matching rows (most recent first),
and, when there are more, also the most recent rows whose title holds the
words, so that the best matches are among those ranked; its count then says
"100+". The page of one kind ranks at most ``KIND_RANK_LIMIT`` rows the same
way. Ranking (``portal.search``) happens on those rows in Python, the same on
every database; the records shown are then read in one query per kind.

Each kind's statements take the query's texts as values: they are compiled
once per shape in a process (``portal.statements``), and a page runs them
without building querysets (building one costs about as much as running it).
"""

import math
import re
import time

from django.core.paginator import Paginator
from django.db.models import F, OrderBy, Q
from django.shortcuts import render
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from portal import statements
from portal.search import (
    EXACT,
    MAX_QUERY_LENGTH,
    SLIP,
    VARIANT,
    TermList,
    match_condition,
    match_quality,
    matched_slips,
    plan_query,
    searchable_models,
    title_place,
)
from portal.statements import Bindings
from portal.text import fold_word

#: The overview counts at most this many matches per kind, then says "100+".
OVERVIEW_COUNT_CAP = 100
#: Rows of a kind whose title holds the words, read beside the most recent matches,
#: first among this many newest rows.
TITLE_CANDIDATES = 20
TITLE_WINDOW = 512
#: Every query word in the title (see ``portal.search.title_place``).
TITLE_PLACE = 2
#: The newest rows of a kind a broad query reads first, at least, and per row wanted.
WINDOW = 2048
WINDOW_PER_ROW = 16
#: A common word with too few matches in the first window: a larger window of
#: the newest rows, sized from the rate found there with this margin, is read
#: the same way, up to this many rows; a rarer word is looked for everywhere
#: through the index (see ``SearchKind._narrow_rows``).
WINDOW_MARGIN = 1.5
MAX_WINDOW = 16_384
#: A narrow query: the visible rows are read among at most this many matching
#: keys, of at most NARROW_KEYS read.
NARROW_CAP = 1_000
NARROW_KEYS = 10_000
#: How long a process remembers where a kind's window of newest rows starts.
WINDOW_START_SECONDS = 30

# (model label, window size) → (time.monotonic(), first primary key of the window);
# bounded: the first window's size and powers of two up to MAX_WINDOW.
_window_starts: dict[tuple[str, int], tuple[float, object]] = {}
#: The "all kinds" list: the best matches of every kind, best first.
BEST_SIZE = 20
PAGE_SIZE = 20
#: The page of one kind ranks at most this many matches.
KIND_RANK_LIMIT = 500
SNIPPET_WORDS = 30
#: Between equally good matches of different kinds, the order of the "all
#: kinds" list: places and what is built there first, then who, then what
#: was said; kinds not named here come after, in the order of the apps.
KIND_PRIORITY = (
    "communes",
    "projects",
    "associations",
    "meetings",
    "institutions",
    "people",
    "recommendations",
    "petitions",
    "workshops",
    "presentations",
    "sessions",
    "speeches",
    "site_visits",
    "certificates",
    "stops",
)

# A word of a text to show, with the marks Arabic writes on it.
_WORD = re.compile(r"[\w\u0640\u064b-\u0652\u0670]+")


class SearchKind:
    """One kind of record the site search looks through: a searchable model."""

    def __init__(self, model, position: int):
        self.model = model
        self.position = position
        self.key = model.search_key
        self.label = capfirst(model._meta.verbose_name_plural)
        self.order = [name.lstrip("-") for name in model.search_order]
        # What ranking reads of a row: each name once (a name twice in
        # ``values_list`` reorders its columns).
        self.columns = ["pk", "search_title", "search_quality"]
        self.columns += [name for name in self.order if name not in self.columns]
        # Recency: the kind's order but the primary key, which breaks the
        # ties last (each kind's rows come newest first; the sort is stable).
        self.recency_columns = [self.columns.index(name) for name in self.order if name != "pk"]
        assert all(name.startswith("-") for name in model.search_order), model
        self._public = None

    def public(self):
        """The rows a visitor may find; built once per kind and page, then cloned by each use."""
        if self._public is None:
            self._public = self.model.objects.public()
        return self._public

    def candidates(self, terms, limit: int) -> list["Candidate"]:
        """At most ``limit`` matching rows, most recent first, with what ranking needs."""
        return self._newest((SLIP, "search_text"), terms, limit)

    def title_candidates(self, terms, limit: int, among=None) -> list["Candidate"]:
        """The most recent rows whose title holds every word (as typed or in a close form).

        ``among``: (rows, found) when the candidates already read about that
        many newest rows and found the words in that many titles; the rate
        sizes the first window, as a first window's would (none found among
        at least ``TITLE_WINDOW`` rows: the titles are looked for through
        the index at once).
        """
        size = TITLE_WINDOW
        if among:
            rows, found = among
            if found:
                size = max(size, _power_of_two(math.ceil(rows * limit * WINDOW_MARGIN / found)))
            elif rows >= TITLE_WINDOW:
                size = MAX_WINDOW + 1
        return self._newest((VARIANT, "search_title"), terms, limit, size=size)

    def _newest(self, match, terms, limit: int, size=None) -> list["Candidate"]:
        """At most ``limit`` of the newest visible rows that meet ``match`` (level, column).

        The newest rows are tried first: a window of the newest rows by
        primary key (those from the key found that many rows back), where the
        matches are looked for one by one, newest first, so that a broad query
        stops after ``limit`` of them, however many rows match (the ranking
        then orders them by the kind's own recency). When the first window
        (``window_for(limit)`` rows) holds too few matches, the rate found
        there says how many newest rows would hold ``limit``: up to
        ``MAX_WINDOW`` rows, that larger window is read the same way (a common
        word); beyond, or when the first window holds none, the query is
        narrow and every row is looked through, where the index finds its few
        matches (``_narrow_rows``); so is it at once when ``size`` is beyond
        ``MAX_WINDOW``. Either way the rows found are the ``limit`` newest
        matches.
        """
        size = size or window_for(limit)
        if size > MAX_WINDOW:  # known to be narrow
            rows = self._narrow_rows(match, terms, limit)
            return [Candidate(self, terms, *row) for row in rows]
        while True:
            first_of_window = self._window_start(size)
            if first_of_window is None:  # the window is the whole table
                rows = self._rows(match, terms, limit, order=("pk",))
                break
            rows = self._rows(match, terms, limit, order=("pk",), start=first_of_window)
            if len(rows) >= limit:
                break
            needed = math.ceil(size * limit * WINDOW_MARGIN / len(rows)) if rows else None
            if needed is None or needed > MAX_WINDOW or size >= MAX_WINDOW:
                rows = self._narrow_rows(match, terms, limit)
                break
            size = min(MAX_WINDOW, _power_of_two(needed))
        return [Candidate(self, terms, *row) for row in rows]

    def _narrow_rows(self, match, terms, limit: int):
        """The ``limit`` most recent rows meeting ``match`` of a narrow query, in two steps.

        First the keys of every matching row, with no order, which the index
        (of words, or of a title's trigrams) answers at once; then, if there
        are at most ``NARROW_CAP``, the visible rows among them, in the
        kind's order. In one query, ordered by a column of another table (a
        meeting's date), the planner may instead walk that order and test
        every row, expecting matches it does not find. More matches than
        ``NARROW_CAP``: one query, ordered without an index.
        """
        bind = Bindings()
        condition = match_condition(terms, *match, bind=bind)

        # At most NARROW_KEYS, far more than NARROW_CAP: with a limit close to
        # its estimate of the matches, PostgreSQL reads the whole table in the
        # hope of stopping early, and a narrow query does not stop early.
        def build():
            keys = self.model._base_manager.filter(condition).order_by()
            return keys.values_list("pk")[:NARROW_KEYS]

        key = (self.model._meta.label, "keys", str(condition), NARROW_KEYS)
        keys = [row[0] for row in statements.run(key, build, bind, ["pk"])]
        if len(keys) <= NARROW_CAP:
            if not keys:
                return []
            matching = self.public().filter(pk__in=keys)
            rows = self._values(matching, match_quality(terms), self.order, limit)
            return self._shape(list(rows))
        return self._rows(match, terms, limit, by_index=False)

    def _window_start(self, size: int):
        """The primary key ``size`` rows back from the newest, or None if there are fewer rows.

        Remembered for ``WINDOW_START_SECONDS`` in this process: an older
        answer still gives a window of the newest rows (rows added since are
        inside it, so it is only larger; rows deleted make it smaller), and
        whatever the window, the rows found are the newest matches or the
        search looks everywhere.
        """
        key = (self.model._meta.label, size)
        now = time.monotonic()
        known = _window_starts.get(key)
        if known and now - known[0] < WINDOW_START_SECONDS:
            return known[1]
        start = (
            self.model._base_manager.order_by("-pk")
            .values_list("pk", flat=True)[size - 1 : size]
            .first()
        )
        _window_starts[key] = (now, start)
        return start

    def _rows(self, match, terms, limit, by_index=True, order=None, start=None):
        """``limit`` visible rows meeting ``match``, most recent first, with their quality.

        ``start``: only the rows from this primary key on (a window of the
        newest). ``by_index=False`` when few rows match: the order is then
        written so that no index can give it (``pk + 0``), and PostgreSQL
        finds the matches with the index of words (or of a title's trigrams)
        and sorts them, instead of walking the primary key backwards through
        every row in search of matches its estimate wrongly expects to be
        many. The statement is compiled once per shape (``portal.statements``):
        the page runs the same few statements for every kind and query.
        """
        bind = Bindings()
        condition = match_condition(terms, *match, bind=bind)
        if start is not None:
            condition &= Q(pk__gte=bind.number(start))
        quality = match_quality(terms, bind)
        order = tuple(order or self.order)
        key = (self.model._meta.label, str(condition), str(quality), order, by_index, limit)

        def build():
            matching = self.public().filter(condition)
            return self._values(matching, quality, order, limit, by_index)

        return self._shape(statements.run(key, build, bind, self.columns))

    def _values(self, queryset, quality, order, limit, by_index=True):
        """The columns ranking needs of ``queryset``'s first ``limit`` rows in ``order``."""
        order = [
            OrderBy(F(name) + 0 if name == "pk" and not by_index else F(name), descending=True)
            for name in order
        ]
        queryset = queryset.annotate(**quality).order_by(*order)
        return queryset.values_list(*self.columns)[:limit]

    def _shape(self, rows):
        """(pk, title, quality, the values of the kind's order) of each row."""
        recency = self.recency_columns
        return [(row[0], row[1], row[2], tuple(row[i] for i in recency)) for row in rows]

    def objects(self, pks) -> dict:
        """The records shown, by key: without their search text (up to 512 KB each)
        or the relations a result does not read (``search_related``)."""
        records = self.public().prefetch_related(None).defer("search_text")
        related = self.model.search_related
        if related is not None:
            records = records.select_related(None)
            if related:
                records = records.select_related(*related)
        return records.in_bulk(pks)

    def snippet_source(self, obj, terms) -> str:
        """The first snippet field where a word is found, else the first that is not empty."""
        values = [getattr(obj, name, "") or "" for name in self.model.search_snippet_fields]
        values = [value for value in values if value.strip()]
        for value in values:
            # Each distinct word once: long texts repeat theirs.
            if any(_word_level(word, terms) for word in set(_WORD.findall(value))):
                return value
        return values[0] if values else ""


class Candidate:
    """A matching row of one kind, and how well it matches."""

    def __init__(self, kind, terms, pk, search_title, quality, recency):
        self.kind = kind
        self.pk = pk
        self.quality = quality
        self.place = title_place(terms, search_title)
        self.recency = recency

    def sort_key(self):
        """Best first: how the words were found, where in the title, then the kind's order."""
        return (-self.quality, -self.place, self.kind.position)


def _recent_first(candidates):
    # Every kind's order is descending (most recent first); None last.
    return sorted(
        candidates,
        key=lambda c: tuple((value is not None, value) for value in c.recency),
        reverse=True,
    )


def rank(candidates):
    """``candidates`` best first; recency breaks ties, then the primary key."""
    return sorted(_recent_first(candidates), key=Candidate.sort_key)


def search_kinds() -> list[SearchKind]:
    """Every searchable kind, in the order of ``KIND_PRIORITY``."""

    def priority(model):
        key = model.search_key
        return KIND_PRIORITY.index(key) if key in KIND_PRIORITY else len(KIND_PRIORITY)

    models = sorted(searchable_models(), key=priority)
    return [SearchKind(model, position) for position, model in enumerate(models)]


def _word_level(word: str, terms) -> int:
    if isinstance(terms, TermList):
        return terms.word_level(word)
    folded = fold_word(word)
    return max((term.level_for_word(folded) for term in terms), default=0)


def highlight(text: str, terms):
    """``text`` escaped, with each word a query word found in a ``<mark>``."""
    parts, end = [], 0
    for match in _WORD.finditer(text):
        if _word_level(match.group(), terms):
            parts.append(format_html("{}<mark>{}</mark>", text[end : match.start()], match.group()))
            end = match.end()
    parts.append(format_html("{}", text[end:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece went through format_html


def snippet(text: str, terms, size: int = SNIPPET_WORDS):
    """About ``size`` words of ``text`` around the first word found, highlighted."""
    found = list(_WORD.finditer(text))
    if not found:
        return ""
    first = next((i for i, m in enumerate(found) if _word_level(m.group(), terms)), 0)
    start = max(0, first - size // 3)
    stop = min(len(found), start + size)
    begin = found[start].start() if start else 0
    finish = found[stop - 1].end() if stop < len(found) else len(text)
    body = highlight(text[begin:finish], terms)
    return format_html("{}{}{}", "… " if start else "", body, " …" if stop < len(found) else "")


def present(candidates, terms) -> list[dict]:
    """What the page shows of ``candidates``: one query per kind for the records."""
    by_kind = {}
    for candidate in candidates:
        by_kind.setdefault(candidate.kind.key, (candidate.kind, []))[1].append(candidate.pk)
    objects = {key: kind.objects(pks) for key, (kind, pks) in by_kind.items()}
    results = []
    for candidate in candidates:
        obj = objects[candidate.kind.key].get(candidate.pk)
        if obj is None:  # gone between the two queries
            continue
        results.append(
            {
                "kind": candidate.kind,
                "heading": obj.search_heading(),
                "title": highlight(obj.search_heading(), terms),
                "context": obj.search_context(),
                "snippet": snippet(candidate.kind.snippet_source(obj, terms), terms),
                "url": obj.get_absolute_url(),
                "approximate": candidate.quality < EXACT,
            }
        )
    return results


def _power_of_two(rows: int) -> int:
    """The window of at least ``rows``: a few sizes per kind, so few starts to remember."""
    return 1 << (rows - 1).bit_length()


def window_for(limit: int) -> int:
    """How many of a kind's newest rows a broad query reads to find ``limit`` matches."""
    return max(WINDOW, WINDOW_PER_ROW * limit)


def ranked_kind(kind, terms, limit: int, titles: int, order=True) -> tuple[list[Candidate], bool]:
    """Up to ``limit`` matches of ``kind`` ranked (unordered without ``order``), and whether
    there were more."""
    read = kind.candidates(terms, limit + 1)
    capped = len(read) > limit
    candidates = read[:limit]
    in_titles = sum(c.place >= TITLE_PLACE for c in candidates)
    if capped and in_titles < titles:
        # Many matches, few of them in a title: the best may be older than
        # the most recent ones read. (A broad word is in many titles too, and
        # then the recent ones are enough.) The rows read say how rare the
        # words are in titles: the keys they span, about the newest rows.
        keys = [c.pk for c in read]
        spanned = max(keys) - min(keys) + 1 if all(type(k) is int for k in keys) else 0
        among = (spanned, in_titles) if spanned else None
        seen = set(keys[:limit])
        extra = [c for c in kind.title_candidates(terms, titles, among) if c.pk not in seen]
        candidates += extra
    return rank(candidates) if order else candidates, capped


def overview(kind, terms, cap=None) -> dict:
    """The matches of one kind to rank with the others, and their number, counted up to `cap`."""
    cap = OVERVIEW_COUNT_CAP if cap is None else cap
    # The page ranks every kind's matches together.
    found, capped = ranked_kind(kind, terms, cap, TITLE_CANDIDATES, order=False)
    return {
        "kind": kind,
        "count": min(len(found), cap) if capped else len(found),
        "capped": capped,
        "found": found,
    }


def did_you_mean(q: str, terms, best) -> str:
    """The query with each word found only through a slip replaced by the word it stood for."""
    if best is None or best.quality > SLIP:
        return ""
    text = (
        best.kind.model._base_manager.filter(pk=best.pk)
        .values_list("search_text", flat=True)
        .first()
    )
    replaced = matched_slips(terms, text or "")
    if not replaced:
        return ""
    return " ".join(replaced.get(term.word, term.word) for term in terms)


def index(request):
    q = request.GET.get("q", "").strip()
    kinds = search_kinds()
    chosen = next((k for k in kinds if k.key == request.GET.get("kind")), None)
    context = {"q": q, "kinds": kinds, "kind": chosen, "max_length": MAX_QUERY_LENGTH}

    if len(q) > MAX_QUERY_LENGTH:
        context["error"] = _("Your search is too long. Please use at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        return render(request, "search/index.html", context, status=400)

    if "q" not in request.GET:  # the search page itself, before any search
        return render(request, "search/index.html", context)
    terms = plan_query(q)
    if not terms:  # empty, only spaces, or only punctuation
        context["error"] = _("Please type at least one word to search for.")
        return render(request, "search/index.html", context)

    if chosen:
        ranked, capped = ranked_kind(chosen, terms, KIND_RANK_LIMIT, PAGE_SIZE)
        page = Paginator(ranked, PAGE_SIZE).get_page(request.GET.get("page"))
        context.update(page=page, capped=capped, rank_limit=KIND_RANK_LIMIT)
        context["results"] = present(page.object_list, terms)
        best = ranked[0] if ranked else None
    else:
        groups = [overview(kind, terms) for kind in kinds]
        best_list = rank([c for group in groups for c in group.pop("found")])[:BEST_SIZE]
        context["groups"] = groups
        context["best"] = present(best_list, terms)
        context["count_cap"] = OVERVIEW_COUNT_CAP
        context["total"] = sum(group["count"] for group in groups)
        best = best_list[0] if best_list else None
    context["suggestion"] = did_you_mean(q, terms, best)
    return render(request, "search/index.html", context)
