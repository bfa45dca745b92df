"""Best match first: exact titles, then phrases, then words; stems and slips never above exact."""

import pytest
from django.urls import reverse

from portal.search import plan_query, title_from_values, title_place
from tests import factories

pytestmark = pytest.mark.django_db


def best(client, q, **params):
    response = client.get(reverse("search:index"), {"q": q, **params})
    assert response.status_code == 200
    return response


def headings(response):
    return [result["heading"] for result in response.context["best"]]


def test_an_exact_title_comes_first_even_when_older(client):
    exact = factories.ProjectFactory(title_ar="دار الشباب")
    factories.ProjectFactory(title_ar="توسعة دار الشباب المسيرة")
    factories.ProjectFactory(title_ar="دار الثقافة", summary_ar="دار الشباب")
    assert headings(best(client, "دار الشباب"))[0] == exact.title_ar


def test_a_phrase_in_the_title_comes_before_the_words_apart(client):
    factories.ProjectFactory(title_ar="مركز الشباب ودار الثقافة")  # newer, words apart
    phrase = factories.ProjectFactory(title_ar="بناء دار الشباب بالحي")
    apart = factories.ProjectFactory(title_ar="دار الحي للشباب")
    order = headings(best(client, "دار الشباب"))
    assert order.index(phrase.title_ar) < order.index(apart.title_ar)


def test_words_in_the_title_come_before_words_in_the_text(client):
    in_text = factories.ProjectFactory(title_ar="تهيئة", summary_ar="حديقة عمومية")
    in_title = factories.ProjectFactory(title_ar="حديقة عمومية كبيرة")
    order = headings(best(client, "حديقة عمومية"))
    assert order.index(in_title.title_ar) < order.index(in_text.title_ar)


def test_a_stem_match_in_the_title_never_comes_above_an_exact_match(client):
    # The plural asked for is only in the text of the older record; the newer
    # record has the singular in its title.
    exact = factories.ProjectFactory(title_ar="برنامج", summary_ar="مشاريع كثيرة")
    stem_only = factories.ProjectFactory(title_ar="مشروع كبير")
    response = best(client, "مشاريع")
    order = headings(response)
    assert order == [exact.title_ar, stem_only.title_ar]
    approximate = [result["approximate"] for result in response.context["best"]]
    assert approximate == [False, True]


def test_a_slip_never_comes_above_an_exact_match(client):
    slip_only = factories.ProjectFactory(title_ar="تارودانت")
    response = best(client, "تارودات")
    assert headings(response) == [slip_only.title_ar]
    assert response.context["best"][0]["approximate"] is True
    # Once a record holds the word as typed, the slip is no longer guessed:
    # the exact match alone answers.
    exact = factories.ProjectFactory(title_ar="بناء", summary_ar="تارودات")
    response = best(client, "تارودات")
    assert headings(response) == [exact.title_ar]
    assert response.context["best"][0]["approximate"] is False


def test_recency_breaks_ties_between_kinds_records(client):
    older = factories.MeetingFactory(title_ar="لقاء الساحة", start_date="2010-01-01")
    newer = factories.MeetingFactory(title_ar="لقاء الساحة", start_date="2015-01-01")
    assert headings(best(client, "لقاء الساحة")) == [newer.title_ar, older.title_ar]


def test_a_mistyped_word_finds_the_word_and_suggests_it(client):
    project = factories.ProjectFactory(title_ar="كورنيش أم العشار")
    response = best(client, "كورنيس")
    assert headings(response) == [project.title_ar]
    assert response.context["suggestion"] == "كورنيش"
    html = response.content.decode()
    assert "Did you mean:" in html or "هل تقصد" in html
    assert "?q=%D9%83%D9%88%D8%B1%D9%86%D9%8A%D8%B4" in html


def test_a_known_word_is_not_taken_for_a_slip_of_another(client):
    factories.ProjectFactory(title_ar="كورنيش")
    factories.ProjectFactory(title_ar="كورنيس")  # a word of its own in a record
    response = best(client, "كورنيس")
    assert headings(response) == ["كورنيس"]
    assert response.context["suggestion"] == ""


def test_no_suggestion_from_an_unpublished_record(client):
    factories.ProjectFactory(title_ar="كورنيش", published=False)
    response = best(client, "كورنيس")
    assert response.context["best"] == []
    assert response.context["suggestion"] == ""


def test_matched_words_are_highlighted_and_the_rest_escaped(client):
    factories.ProjectFactory(title_ar="حديقة <b>كبيرة</b>", summary_ar="سقي الحدائق & غرس")
    html = best(client, "الحدائق").content.decode()
    assert "<mark>حديقة</mark> &lt;b&gt;كبيرة&lt;/b&gt;" in html
    assert "سقي <mark>الحدائق</mark> &amp; غرس" in html


def test_the_page_of_one_kind_is_ranked_the_same_way(client):
    factories.ProjectFactory(title_ar="ملعب", summary_ar="دار الشباب")
    exact = factories.ProjectFactory(title_ar="دار الشباب")
    response = best(client, "دار الشباب", kind="projects")
    assert [r["heading"] for r in response.context["results"]][0] == exact.title_ar


def test_a_broad_query_reads_the_newest_rows_and_a_narrow_one_every_row(client, monkeypatch):
    from portal.site import search as search_views

    monkeypatch.setattr(search_views, "WINDOW", 4)
    monkeypatch.setattr(search_views, "WINDOW_PER_ROW", 0)
    monkeypatch.setattr(search_views, "OVERVIEW_COUNT_CAP", 2)
    rare = factories.ProjectFactory(title_ar="ساحة نادرة")  # the oldest row
    newer = [factories.ProjectFactory(title_ar=f"ساحة {n}") for n in range(6)]

    broad = best(client, "ساحة")
    groups = {group["kind"].key: group for group in broad.context["groups"]}
    assert (groups["projects"]["count"], groups["projects"]["capped"]) == (2, True)
    assert headings(broad)[:2] == [newer[-1].title_ar, newer[-2].title_ar]

    # Beyond the window of the newest rows, a narrow query still finds it.
    assert headings(best(client, "نادرة")) == [rare.title_ar]


@pytest.mark.parametrize(
    "values, place",
    [
        (["الساحة"], 4),  # the whole title
        (["Place Al Massira", "الساحة"], 4),  # the whole of another spelling
        (["تهيئة الساحة"], 3),  # among other words
        (["دار الشباب", "Maison des jeunes"], 0),
        ([], 0),
    ],
)
def test_where_one_word_stands_in_a_title(values, place):
    assert title_place(plan_query("ساحة"), title_from_values(values)) == place


@pytest.mark.parametrize(
    "values, place",
    [
        (["دار الشباب"], 4),
        (["بناء دار الشباب بالحي"], 3),
        (["دار الثقافة والشباب"], 2),
        (["دار الثقافة"], 1),
        (["ملعب القرب"], 0),
    ],
)
def test_where_two_words_stand_in_a_title(values, place):
    assert title_place(plan_query("دار الشباب"), title_from_values(values)) == place
