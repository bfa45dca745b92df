"""Folding Arabic and French text so that different spellings of a word compare equal.

A leaf module: it imports nothing of ours but the word tables of
:mod:`portal.lexicon` (data only), so the search, the models and any script
can use it.

Arabic text is written with many spellings of "the same" word: the hamza forms
of alef (أ إ آ ٱ), hamza on waw and on yaa or alone (مسؤول / مسوول, رئيس / رييس,
بناء / بنا), taa marbuta or haa at the end (مدرسة / مدرسه), alef maqsura or yaa
(مستشفى / مستشفي), the Moroccan and Persian letters for g, k, v, p and y
(ݣ ڭ گ ک, ڤ, پ, ی ې), Eastern Arabic and Persian digits (٢٠٠٩ / ۲۰۰۹ / 2009),
optional diacritics (التَّنْمِيَة), tatweel used to stretch a word (تنـــمية), and
the definite article glued to the word (التنمية / تنمية). French adds accents
and case.

Two small tables say which spellings are the same, and :func:`normalize`
applies them, in Python, to both the query and the stored text:

* ``REMOVALS``: characters dropped or expanded (diacritics, tatweel, the
  hamza alone, œ → oe).
* ``LETTER_VARIANTS``: letters with several spellings (أ إ آ ٱ ا, ة ه, ى ئ ي…,
  é è ê ë e…, ٦ ۶ 6), each folded to its plain letter.

Beyond one spelling per word, :func:`words` cuts folded text into words
without their article, :func:`clitic_forms` takes off the one-letter
particles glued in front of a word (و ف ب ل ك: ولجمعيات → جمعيات), and
:func:`stem` reduces a word to a light stem: Arabic sound-plural, feminine
and nisba suffixes and the broken plurals of ``portal.lexicon`` (مشاريع and
مشروعات → مشروع), French words with the Snowball French stemmer.
"""

import functools
import re

import snowballstemmer

from .lexicon import BROKEN_PLURALS, EQUIVALENTS

_ARABIC_DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
_TATWEEL = "\u0640"
_DIGITS = "0123456789"
_ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
_PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"

# Letters written in several ways: (canonical letter, every way to write it).
# ``normalize`` maps each way to the canonical letter; in SQL a query letter
# becomes a character class of all of them (see ``term_pattern``).
LETTER_VARIANTS: tuple[tuple[str, str], ...] = (
    # Hamza forms of alef and alef wasla; taa marbuta; alef maqsura, hamza on
    # yaa and the Persian yeh forms; hamza on waw.
    ("ا", "اأإآٱ"),
    ("ه", "هة"),
    ("ي", "يىئیېۍ"),
    ("و", "وؤ"),
    # The Moroccan gaf (ݣ, ڭ), the Persian gaf and keheh, written for g and k.
    ("ك", "كݣڭگکڪ"),
    # ڤ for v and پ for p in names and French words.
    ("ف", "فڤ"),
    ("ب", "بپ"),
    # Eastern Arabic and Persian digits.
    *(
        (digit, digit + arabic + persian)
        for digit, arabic, persian in zip(
            _DIGITS, _ARABIC_INDIC_DIGITS, _PERSIAN_DIGITS, strict=True
        )
    ),
    # French accents, lower and upper case (SQLite's LOWER is ASCII-only).
    ("e", "eéèêëÉÈÊË"),
    ("a", "aàâäÀÂÄ"),
    ("c", "cçÇ"),
    ("i", "iîïÎÏ"),
    ("o", "oôöÔÖ"),
    ("u", "uùûüÙÛÜ"),
)

# Characters removed or expanded before comparing, in Python and in SQL:
# Arabic diacritics (fathatan … sukun, superscript alef), tatweel, the hamza
# alone (people often leave it out: بناء / بنا), ligatures.
REMOVALS: tuple[tuple[str, str], ...] = (
    *((mark, "") for mark in _ARABIC_DIACRITICS),
    (_TATWEEL, ""),
    ("ء", ""),
    ("œ", "oe"),
    ("Œ", "oe"),
    ("æ", "ae"),
    ("Æ", "ae"),
)

_CANONICAL = {variant: letter for letter, variants in LETTER_VARIANTS for variant in variants}
# The same two steps as one regular expression each (every key is one
# character, and no replacement holds a key of its own step, so one pass is
# the same as replacing one character after another): about twice as fast as
# a lookup per character on a long text, and str.translate is slower still.
_REMOVAL_MAP = dict(REMOVALS)
_CHANGED = {variant: letter for variant, letter in _CANONICAL.items() if variant != letter}
_REMOVABLE = re.compile("[" + "".join(re.escape(char) for char in _REMOVAL_MAP) + "]")
_VARIANT = re.compile("[" + "".join(re.escape(char) for char in _CHANGED) + "]")


def _removed(match: re.Match) -> str:
    return _REMOVAL_MAP[match.group()]


def _canonical(match: re.Match) -> str:
    return _CHANGED[match.group()]


_CLASSES = {letter: f"[{variants}]" for letter, variants in LETTER_VARIANTS}

# The article alone, then the article behind a one-letter prefix: wa-, bi-,
# fa-, ka-, and li- (ل + ال is written لل). The article is dropped when at
# least two letters remain; a prefixed article when at least three remain, so
# that short words such as والي keep their own letters.
_ARTICLE_PREFIXES = (("وال", 3), ("بال", 3), ("فال", 3), ("كال", 3), ("لل", 3), ("ال", 2))
_ARTICLE_FIRST_LETTERS = frozenset(prefix[0] for prefix, _keep in _ARTICLE_PREFIXES)

# One-letter particles written against the next word: a conjunction (و, ف)
# then a preposition (ب, ل, ك), each optional: ولجمعيات, فبالمدينة, كمركز.
_CONJUNCTIONS = "وف"
_PREPOSITIONS = "بلك"
# A particle comes off only when this many letters remain: والي, بنك, لقاء
# keep theirs.
_CLITIC_MIN_REST = 3

_WORD_SEPARATORS = re.compile(r"[\W_]+")
_ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")
_LATIN_WORD = re.compile(r"^[a-z]+$")


def normalize(text: str) -> str:
    """Fold ``text``: lower case, ``REMOVALS``, and each spelling to its plain letter."""
    return _VARIANT.sub(_canonical, _REMOVABLE.sub(_removed, (text or "").lower()))


def strip_article(word: str) -> str:
    """Drop a leading definite article from an already normalised word."""
    if word[:1] not in _ARTICLE_FIRST_LETTERS:  # most words: no prefix can match
        return word
    for prefix, keep in _ARTICLE_PREFIXES:
        if word.startswith(prefix):
            rest = word[len(prefix) :]
            return rest if len(rest) >= keep else word
    return word


def words(text: str) -> list[str]:
    """The folded words of ``text``, each without its article, in order."""
    return [strip_article(w) for w in _WORD_SEPARATORS.split(normalize(text)) if w]


@functools.lru_cache(maxsize=16384)
def fold_word(word: str) -> str:
    """One word as :func:`words` writes it: folded, without its article.

    Remembered: a search page folds the same words of many snippets.
    """
    return strip_article(normalize(word))


def query_terms(q: str) -> list[str]:
    """The normalised words of a query, each to be found in the text.

    Words are split on anything that is not a letter or a digit. Single
    letters are ignored when the query has longer words ("l'école" looks
    for "ecole", not for every "l"); a digit stays ("محمد 6").
    """
    found = words(q)
    kept = [w for w in found if len(w) > 1 or w.isdigit()]
    return list(dict.fromkeys(kept or found))


def is_arabic(word: str) -> bool:
    return bool(_ARABIC_LETTER.search(word))


def clitic_forms(word: str) -> list[str]:
    """``word`` (folded, article already off) without the particles in front of it.

    ولجمعيات → لجمعيات, جمعيات; فالمدينة is handled by the article already.
    Each form keeps at least three letters, and a form that starts with an
    article loses it too (وللتنمية → تنميه).
    """
    if not is_arabic(word):
        return []
    forms = []
    rest = word
    if rest[:1] in _CONJUNCTIONS and len(rest) - 1 >= _CLITIC_MIN_REST:
        rest = rest[1:]
        forms.append(strip_article(rest))
    if rest[:1] in _PREPOSITIONS and len(rest) - 1 >= _CLITIC_MIN_REST:
        forms.append(strip_article(rest[1:]))
    return [form for form in dict.fromkeys(forms) if form != word]


# Suffixes of the light Arabic stemmer, longest first: nisba plurals, sound
# plurals and duals, nisba and feminine endings (مغطاة beside مغطى), attached
# "her/its".
_ARABIC_SUFFIXES = ("يات", "يين", "يون", "ات", "ون", "ين", "ان", "يه", "اه", "ها", "ه", "ي")
_STEM_MIN = 3


def _fold_table(table: dict[str, str]) -> dict[str, str]:
    return {fold_word(plural): fold_word(singular) for plural, singular in table.items()}


_SINGULARS = _fold_table(BROKEN_PLURALS)


@functools.cache
def _french_stemmer():
    return snowballstemmer.stemmer("french")


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The light stem of a folded word (article off): what its other forms share.

    Arabic: a broken plural becomes its singular (``portal.lexicon``), then
    suffixes come off while at least three letters remain, so that the
    singular and its plurals meet (جمعيه, جمعيات → جمع; مشاريع, مشروعات →
    مشروع; محلي, محليه, محليين → محل). French and other Latin words: the
    Snowball French stemmer (développement, developpements → developp).
    Digits and short words are their own stem.
    """
    if is_arabic(word):
        for _ in range(4):
            if word in _SINGULARS:
                word = _SINGULARS[word]
                continue
            for suffix in _ARABIC_SUFFIXES:
                if word.endswith(suffix) and len(word) - len(suffix) >= _STEM_MIN:
                    word = word[: -len(suffix)]
                    break
            else:
                break
        return word
    if _LATIN_WORD.match(word) and len(word) > 3:
        return _french_stemmer().stemWord(word)
    return word


def document_variants(word: str) -> list[str]:
    """The other forms a stored word is found by, below the word itself.

    The word without its particles, and the stems of both, so that a query
    for a singular finds a plural and a query without a particle finds
    ولجمعيات. Forms equal to the word are left out.
    """
    forms = [*clitic_forms(word)]
    forms += [stem(form) for form in (word, *forms)]
    return [form for form in dict.fromkeys(forms) if form and form != word]


def _equivalence_groups() -> dict[str, tuple[str, ...]]:
    groups: dict[str, tuple[str, ...]] = {}
    for group in EQUIVALENTS:
        folded = tuple(dict.fromkeys(fold_word(entry) for entry in group))
        for entry in folded:
            groups[entry] = tuple(dict.fromkeys(groups.get(entry, ()) + folded))
    return groups


_EQUIVALENTS = _equivalence_groups()


def equivalents(word: str) -> list[str]:
    """Words of ``portal.lexicon.EQUIVALENTS`` that name what ``word`` names."""
    return [other for other in _EQUIVALENTS.get(word, ()) if other != word]


def edit_distance_at_most_one(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with at most one letter added, removed, changed or swapped."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    start = 0
    while start < min(la, lb) and a[start] == b[start]:
        start += 1
    if la == lb:
        if a[start + 1 :] == b[start + 1 :]:
            return True  # one letter changed
        swapped = start + 1 < la and a[start] == b[start + 1] and a[start + 1] == b[start]
        return swapped and a[start + 2 :] == b[start + 2 :]
    if la > lb:
        return a[start + 1 :] == b[start:]
    return a[start:] == b[start + 1 :]


def term_pattern(term: str) -> str:
    """A regular expression that finds the normalised ``term`` in text folded in SQL.

    Each letter with several spellings becomes a character class (``[اأإآٱ]``).
    Terms hold letters and digits only (see ``query_terms``), so nothing needs
    escaping; the same pattern means the same thing to Python's ``re`` (SQLite's
    REGEXP) and to PostgreSQL's ``~``.
    """
    return "".join(_CLASSES.get(char, char) for char in term)
