"""Folding, particles, light stems and one-letter slips: the text side of the search."""

import pytest

from portal.text import (
    clitic_forms,
    edit_distance_at_most_one,
    equivalents,
    fold_word,
    normalize,
    query_terms,
    stem,
    words,
)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("مسؤول", "مسوول"),  # hamza on waw
        ("رئيس", "رييس"),  # hamza on yaa
        ("بناء", "بنا"),  # hamza alone
        ("ݣلميم", "كلميم"),  # Moroccan gaf
        ("گلميم", "كلميم"),  # Persian gaf
        ("ڭلميم", "كلميم"),
        ("کلمیم", "كلميم"),  # keheh and Persian yeh
        ("ڤيلا", "فيلا"),
        ("٢٠٠٩", "2009"),  # Eastern Arabic digits
        ("۲۰۰۹", "2009"),  # Persian digits
        ("التَّنْمِيَة", "التنميه"),
        ("مستشفى", "مستشفي"),
        ("Médiathèque", "mediatheque"),
    ],
)
def test_spellings_fold_to_the_same_text(one, other):
    assert normalize(one) == normalize(other)


def test_arabic_punctuation_separates_words():
    assert words("كلميم،تارودانت؛ الرباط؟") == ["كلميم", "تارودانت", "رباط"]


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("ولجمعيات", ["لجمعيات", "جمعيات"]),
        ("بحديقه", ["حديقه"]),
        ("وللتنميه", ["تنميه", "لتنميه"]),
        ("والي", ["الي"]),
        ("لقا", []),  # too short to lose a letter
        ("ecole", []),
    ],
)
def test_particles_come_off_while_three_letters_remain(word, forms):
    assert clitic_forms(word) == forms


@pytest.mark.parametrize(
    ("forms", "shared"),
    [
        (["جمعية", "جمعيات"], "جمع"),
        (["مشروع", "مشاريع", "مشروعات"], "مشروع"),
        (["محلي", "المحلية", "المحليين"], "محل"),
        (["منتدى", "منتديات"], "منتد"),
        (["مدرسة", "مدارس"], "مدرس"),
        (["طريق", "الطرق", "طرقات"], "طريق"),
        (["مغطى", "مغطاة"], "مغط"),
        (["شؤون", "شئون"], "شان"),
        (["développement", "developpements"], "developp"),
        (["projets", "projet"], "projet"),
    ],
)
def test_a_word_and_its_plurals_share_one_stem(forms, shared):
    assert {stem(fold_word(form)) for form in forms} == {shared}


def test_digits_stay_in_a_query_single_letters_do_not():
    assert query_terms("محمد ٦") == ["محمد", "6"]
    assert query_terms("l'école") == ["ecole"]


def test_equivalents_join_scripts_and_numbers():
    assert "guelmim" in equivalents("كلميم")
    assert {"سادس", "vi"} <= set(equivalents("6"))
    assert "مسبح" in equivalents(fold_word("بيسين"))


@pytest.mark.parametrize(
    ("a", "b", "near"),
    [
        ("taroudant", "taroudnat", True),  # two letters swapped
        ("taroudant", "tarodant", True),  # one removed
        ("كلميم", "كلمييم", True),  # one added
        ("كورنيش", "كورنيس", True),  # one changed
        ("taroudant", "troudnat", False),
        ("كلميم", "كلميم", True),
        ("abcdef", "abcdefgh", False),
    ],
)
def test_edit_distance_of_one(a, b, near):
    assert edit_distance_at_most_one(a, b) is near
    assert edit_distance_at_most_one(b, a) is near
