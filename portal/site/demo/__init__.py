"""Demo records built from the two seed articles (Guelmim and Taroudant).

The data lives in plain Python structures (``common``, ``guelmim``,
``taroudant``, ``accounts``); ``load`` turns them into rows and is what
``manage.py load_demo`` runs.
"""

from typing import NamedTuple


class T(NamedTuple):
    """One text in the three content languages: Arabic, French, English."""

    ar: str
    fr: str
    en: str
