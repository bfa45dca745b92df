"""Every interface string has its Arabic and French translation."""

from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE = Path(settings.BASE_DIR) / "locale"


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_catalog_has_no_untranslated_or_fuzzy_entry(language):
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    missing = [entry.msgid for entry in catalog.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    assert missing == []
    assert fuzzy == []


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_every_plural_entry_has_as_many_forms_as_its_language(language):
    """A missing form makes gettext fall back to another language for those counts."""
    catalog = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / "django.po"))
    header = catalog.metadata["Plural-Forms"]
    forms = int(header.split("nplurals=")[1].split(";")[0])
    short = [
        entry.msgid
        for entry in catalog
        if entry.msgid_plural
        and not entry.obsolete
        and sorted(entry.msgstr_plural) != list(range(forms))
    ]
    assert short == []


@pytest.mark.parametrize(
    ("language", "count", "expected"),
    [
        ("fr", 2, "2 projets"),
        ("fr", 19, "19 projets"),
        ("fr", 1, "1 projet"),
        ("en", 2, "2 projects"),
    ],
)
def test_counts_read_in_the_pages_language(language, count, expected):
    with translation.override(language):
        text = translation.ngettext("%(counter)s project", "%(counter)s projects", count)
    assert text % {"counter": count} == expected


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_compiled_catalog_sits_beside_each_po_file(language):
    assert (LOCALE / language / "LC_MESSAGES" / "django.mo").is_file()


def test_arabic_dates_use_moroccan_month_names_and_western_digits():
    import datetime

    from django.template import Context, Template

    with translation.override("ar"):
        rendered = Template("{{ a|date }} / {{ b|date }} / {{ c|date }}").render(
            Context(
                {
                    "a": datetime.date(2012, 5, 3),
                    "b": datetime.date(2009, 8, 14),
                    "c": datetime.date(2010, 12, 1),
                }
            )
        )
    assert rendered == "3 ماي 2012 / 14 غشت 2009 / 1 دجنبر 2010"
