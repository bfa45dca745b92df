"""The languages of the interface and of the texts staff write.

One list, ``settings.LANGUAGES`` (Arabic first); settings derives
``MODELTRANSLATION_LANGUAGES`` from it, and code reads the codes here.
"""

from django.conf import settings


def codes() -> tuple[str, ...]:
    """Every language code, the default (Arabic) first."""
    return tuple(settings.MODELTRANSLATION_LANGUAGES)


def columns(*names: str, prefix: str = "") -> list[str]:
    """Each translated field's column in every language: ``title`` → ``title_ar``, …"""
    return [f"{prefix}{name}_{code}" for name in names for code in codes()]
