"""Folding Arabic and French text so that different spellings of a word compare equal.

A leaf module: it imports nothing of ours, so the search, the models and any
script can use it.

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
"""

import re

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


def term_pattern(term: str) -> str:
    """A regular expression that finds the normalised ``term`` in text folded in SQL.

    Each letter with several spellings becomes a character class (``[اأإآٱ]``).
    Terms hold letters and digits only (see ``query_terms``), so nothing needs
    escaping; the same pattern means the same thing to Python's ``re`` (SQLite's
    REGEXP) and to PostgreSQL's ``~``.
    """
    return "".join(_CLASSES.get(char, char) for char in term)
