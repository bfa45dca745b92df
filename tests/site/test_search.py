"""The site search: Arabic and French spelling variants, visibility, grouping, paging."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from associations.models import Association
from portal.search import filter_queryset_by_text, plan_query, searchable_models
from portal.text import normalize, query_terms
from tests import factories

pytestmark = pytest.mark.django_db


def search(client, q, **params):
    return client.get(reverse("search:index"), {"q": q, **params})


def found(client, q):
    """{(kind, title)} of every result the "all kinds" list shows for ``q``."""
    response = search(client, q)
    assert response.status_code == 200
    return {(result["kind"].key, result["heading"]) for result in response.context["best"]}


@pytest.fixture
def corpus(db):
    """Published records in several spellings, and unpublished ones that must never show."""
    welcome = factories.MeetingFactory(
        title_ar="الاستقبال السنوي للجمعيات", title_fr="Accueil annuel des associations"
    )
    factories.PresentationFactory(meeting=welcome, title_ar="عرض حول الإستقبال")
    factories.ProjectFactory(title_ar="بناء مدرسه جماعاتية", title_fr="Construction d'une École")
    factories.ProjectFactory(
        title_ar="توسعة مستشفي إقليمي", title_fr="Extension de l'hôpital provincial"
    )
    factories.AssociationFactory(
        name_ar="جمعية التَّنْمِيَة المحلية", name_fr="Association pour le Développement Local"
    )
    factories.RecommendationFactory(
        title_ar="دعم تنـــمية القرى", title_fr="Soutenir le développement rural"
    )
    # Never public: unpublished records, and what hangs off an unpublished meeting.
    factories.ProjectFactory(title_ar="مدرسة غير منشورة", published=False)
    factories.AssociationFactory(name_ar="جمعية مدرسة مخفية", published=False)
    hidden = factories.MeetingFactory(title_ar="لقاء مدرسة مخفي", published=False)
    factories.PresentationFactory(meeting=hidden, title_ar="عرض مدرسة مخفي")
    factories.RecommendationFactory(meeting=hidden, title_ar="توصية مدرسة مخفية")
    factories.RecommendationFactory(title_ar="توصية مدرسة غير منشورة", published=False)


WELCOME = {("meetings", "الاستقبال السنوي للجمعيات"), ("presentations", "عرض حول الإستقبال")}
SCHOOL = {("projects", "بناء مدرسه جماعاتية")}
HOSPITAL = {("projects", "توسعة مستشفي إقليمي")}
DEVELOPMENT = {("associations", "جمعية التَّنْمِيَة المحلية"), ("recommendations", "دعم تنـــمية القرى")}

# The fixed suite: the same expected titles on every database.
SUITE = [
    ("الإستقبال", WELCOME),
    ("الاستقبال", WELCOME),
    ("استقبال", WELCOME),
    ("إستقبال", WELCOME),
    ("مدرسة", SCHOOL),
    ("مدرسه", SCHOOL),
    ("المدرسة", SCHOOL),
    ("مستشفى", HOSPITAL),
    ("مستشفي", HOSPITAL),
    ("المستشفى", HOSPITAL),
    ("التَّنْمِيَة", DEVELOPMENT),
    ("تنـــمية", DEVELOPMENT),
    ("التنمية", DEVELOPMENT),
    ("تنمية", DEVELOPMENT),
    ("للتنمية", DEVELOPMENT),
    ("école", SCHOOL),
    ("ECOLE", SCHOOL),
    ("Hôpital", HOSPITAL),
    ("developpement", DEVELOPMENT),
    ("DÉVELOPPEMENT rural", {("recommendations", "دعم تنـــمية القرى")}),
    ("تنمية القرى", {("recommendations", "دعم تنـــمية القرى")}),
    ("accueil, annuel!", {("meetings", "الاستقبال السنوي للجمعيات")}),
    ("مدرسة مستشفى", set()),
    ("لا يوجد", set()),
]


@pytest.mark.parametrize(("q", "expected"), SUITE, ids=[q for q, _ in SUITE])
def test_fixed_query_suite_finds_exactly_the_expected_titles(client, corpus, q, expected):
    assert found(client, q) == expected


def test_hamza_forms_of_alef_match_each_other(client, corpus):
    assert found(client, "الإستقبال") == found(client, "الاستقبال") == WELCOME


def test_taa_marbuta_and_haa_match_each_other(client, corpus):
    assert found(client, "مدرسة") == found(client, "مدرسه") == SCHOOL


def test_alef_maqsura_and_yaa_match_each_other(client, corpus):
    assert found(client, "مستشفى") == found(client, "مستشفي") == HOSPITAL


def test_diacritics_are_ignored_in_query_and_text(client, corpus):
    assert found(client, "التَّنْمِيَة") == DEVELOPMENT
    assert normalize("التَّنْمِيَة") == "التنميه"


def test_tatweel_is_ignored_in_query_and_text(client, corpus):
    assert found(client, "تنـــمية") == DEVELOPMENT
    assert normalize("تنـــمية") == "تنميه"


def test_definite_article_does_not_stop_a_match_either_way(client, corpus):
    # The text has "التنمية" (association) and "تنمية" (recommendation).
    assert found(client, "التنمية") == DEVELOPMENT
    assert found(client, "تنمية") == DEVELOPMENT


def test_french_accents_and_case_are_ignored(client, corpus):
    assert found(client, "école") == found(client, "ECOLE") == found(client, "École") == SCHOOL


def test_unpublished_records_and_children_of_unpublished_meetings_are_absent(client, corpus):
    titles = {title for _kind, title in found(client, "مدرسة")}
    assert titles == {"بناء مدرسه جماعاتية"}


def test_presentation_links_to_its_meeting_anchor(client, corpus):
    presentation = factories.PresentationFactory(title_ar="عرض الميزانية")
    response = search(client, "الميزانية")
    (result,) = [r for r in response.context["best"] if r["kind"].key == "presentations"]
    expected = f"{presentation.meeting.get_absolute_url()}#presentation-{presentation.pk}"
    assert result["url"] == expected
    assert expected in response.content.decode()
    meeting_page = client.get(presentation.meeting.get_absolute_url()).content.decode()
    assert f'id="presentation-{presentation.pk}"' in meeting_page


def test_result_shows_title_snippet_and_link(client, db):
    project = factories.ProjectFactory(
        title_ar="حديقة عمومية", summary_ar="تهيئة حديقة في وسط المدينة"
    )
    response = search(client, "حديقة")
    html = response.content.decode()
    # The matched word is highlighted in the title and in the snippet.
    assert "<mark>حديقة</mark> عمومية" in html
    assert "تهيئة <mark>حديقة</mark> في وسط المدينة" in html
    assert f'href="{project.get_absolute_url()}"' in html


BLANK_MESSAGE = {
    "ar": "يرجى كتابة كلمة واحدة على الأقل للبحث عنها.",
    "fr": "Saisissez au moins un mot à rechercher.",
}


def search_in(client, language, **params):
    with translation.override(language):
        path = reverse("search:index")
    return client.get(path, params)


def assert_blank_search_message(response, language):
    assert response.status_code == 200
    assert "groups" not in response.context
    assert "page" not in response.context
    assert response.context["error"] == BLANK_MESSAGE[language]
    assert 'role="alert">' + BLANK_MESSAGE[language] in response.content.decode()


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("q", ["     ", "", "\t \u00a0\u3000 "], ids=["spaces", "empty", "unicode"])
def test_a_query_of_only_spaces_gives_a_message_and_no_search(client, corpus, language, q):
    assert_blank_search_message(search_in(client, language, q=q), language)


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("q", ["،؟!?...--", "  ، ؟ ! ... -- ", "« » ; : ' \""])
def test_a_query_of_only_punctuation_gives_a_message_and_no_search(client, corpus, language, q):
    assert_blank_search_message(search_in(client, language, q=q), language)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_a_blank_query_in_one_kind_gives_the_message_too(client, corpus, language):
    assert_blank_search_message(search_in(client, language, q="   ", kind="projects"), language)


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_the_search_page_without_a_query_shows_the_form_without_error(client, db, language):
    response = search_in(client, language)
    assert response.status_code == 200
    assert "groups" not in response.context
    assert "error" not in response.context
    assert 'role="alert"' not in response.content.decode()
    assert 'name="q"' in response.content.decode()


def test_a_thousand_character_query_is_refused_politely(client, corpus):
    response = search(client, "مدرسة " * 167)  # 1,002 characters
    assert response.status_code == 400
    assert "groups" not in response.context
    assert "200" in response.context["error"]
    assert response.context["error"] in response.content.decode()


def test_results_are_counted_by_kind_and_listed_best_first(client, db):
    for n in range(7):
        factories.ProjectFactory(title_ar=f"طريق رقم {n}")
    factories.MeetingFactory(title_ar="لقاء حول الطريق")
    response = search(client, "طريق")
    groups = {g["kind"].key: g for g in response.context["groups"]}
    assert groups["projects"]["count"] == 7
    assert groups["meetings"]["count"] == 1
    assert groups["associations"]["count"] == 0
    assert len(response.context["best"]) == 8
    html = response.content.decode()
    nav = html.split('class="search-kinds"')[1].split("</nav>")[0]
    assert "kind=projects" in nav and "(7)" in nav
    assert "kind=meetings" in nav and "(1)" in nav
    assert "kind=associations" not in nav


def test_paging_within_one_kind(client, db):
    for n in range(25):
        factories.ProjectFactory(title_ar=f"ساحة {n:02d}")
    first = search(client, "ساحة", kind="projects")
    second = search(client, "ساحة", kind="projects", page=2)
    assert first.context["page"].paginator.count == 25
    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 5
    titles = [r["title"] for r in first.context["results"] + second.context["results"]]
    assert len(set(titles)) == 25
    assert "page=2" in first.content.decode()


def presentations_of_one_meeting():
    meeting = factories.MeetingFactory(title_ar="لقاء")
    return lambda: factories.PresentationFactory(meeting=meeting, title_ar="عرض الساحة")


def meetings_on_one_day():
    day = factories.MeetingFactory.build().start_date
    return lambda: factories.MeetingFactory(title_ar="لقاء الساحة", start_date=day)


# Rows of one kind that tie on everything but their primary key: the same
# title, and the same date where the kind's recency is a date.
SAME_TITLE = {
    "projects": lambda: lambda: factories.ProjectFactory(title_ar="ساحة عمومية"),
    "associations": lambda: lambda: factories.AssociationFactory(name_ar="جمعية الساحة"),
    "meetings": meetings_on_one_day,
    "presentations": presentations_of_one_meeting,
}


@pytest.mark.parametrize("kind", SAME_TITLE)
def test_pages_of_rows_that_tie_never_repeat_or_skip_a_row(client, db, kind):
    make = SAME_TITLE[kind]()
    rows = [make() for _ in range(25)]

    first = search(client, "ساحة", kind=kind, page=1)
    second = search(client, "ساحة", kind=kind, page=2)
    urls = [r["url"] for r in first.context["results"] + second.context["results"]]

    assert (len(first.context["results"]), len(second.context["results"])) == (20, 5)
    # The rows tie on the title and the date: the newest record comes first,
    # the same order on every database.
    newest_first = sorted(rows, key=lambda row: row.pk, reverse=True)
    assert urls == [row.get_absolute_url() for row in newest_first]


def test_the_overview_breaks_ties_by_recency(client, db):
    rows = [factories.ProjectFactory(title_ar="ساحة عمومية") for _ in range(7)]

    response = search(client, "ساحة")

    shown = [result["url"] for result in response.context["best"]]
    assert shown == [row.get_absolute_url() for row in sorted(rows, key=lambda r: -r.pk)]


def test_unknown_kind_falls_back_to_the_overview(client, corpus):
    response = search(client, "مدرسة", kind="nonsense")
    assert response.status_code == 200
    assert "groups" in response.context


@pytest.fixture
def fresh_window_starts(monkeypatch):
    """Every request looks up where its windows start, as the first one after a while does.

    (Otherwise what earlier tests left in this process decides which request
    makes those queries.)
    """
    from portal.site import search as search_views

    monkeypatch.setattr(search_views, "_window_starts", {})
    monkeypatch.setattr(search_views, "WINDOW_START_SECONDS", 0)


def _queries_for(client, q, **params):
    with CaptureQueriesContext(connection) as ctx:
        assert search(client, q, **params).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("params", [{}, {"kind": "presentations"}])
def test_query_count_does_not_grow_with_matching_rows(client, db, params, fresh_window_starts):
    meeting = factories.MeetingFactory(title_ar="سوق")
    factories.PresentationFactory(meeting=meeting, title_ar="سوق 0")
    factories.ProjectFactory(title_ar="سوق 0")
    few = _queries_for(client, "سوق", **params)
    for n in range(1, 8):
        factories.PresentationFactory(meeting=meeting, title_ar=f"سوق {n}")
        factories.ProjectFactory(title_ar=f"سوق {n}")
    many = _queries_for(client, "سوق", **params)
    assert few == many


def test_query_count_stays_bounded_by_the_kinds_past_the_cap(
    client, db, monkeypatch, fresh_window_starts
):
    """Past the cap a kind reads its titles too: one query more per kind, never per row."""
    from portal.site import search as search_views

    monkeypatch.setattr(search_views, "OVERVIEW_COUNT_CAP", 3)
    kinds = len(search_views.search_kinds())
    for n in range(4):
        factories.ProjectFactory(title_ar=f"سوق {n}")
    four = _queries_for(client, "سوق")
    for n in range(4, 30):
        factories.ProjectFactory(title_ar=f"سوق {n}")
    thirty = _queries_for(client, "سوق")
    assert four == thirty
    # Per kind: where its window starts and its rows; per capped kind, the
    # same for its titles; one per kind shown.
    assert thirty <= 3 * kinds


def test_filter_queryset_by_text_searches_every_language(db):
    factories.AssociationFactory(name_ar="جمعية الأمل", name_fr="Association l'Espoir")
    factories.AssociationFactory(name_ar="جمعية النور", name_fr="Association la Lumière")
    queryset = Association.objects.all()
    assert [a.name_ar for a in filter_queryset_by_text(queryset, ["name"], "espoir")] == [
        "جمعية الأمل"
    ]
    assert [a.name_ar for a in filter_queryset_by_text(queryset, ["name"], "امل")] == [
        "جمعية الأمل"
    ]
    assert filter_queryset_by_text(queryset, ["name"], "lumiere").count() == 1
    assert filter_queryset_by_text(queryset, ["name"], " ; ").count() == 2


@pytest.mark.parametrize(
    ("q", "terms"),
    [
        ("الإستقبال", ["استقبال"]),
        ("وال", ["وال"]),
        ("والتنمية", ["تنميه"]),
        ("بالمدرسة", ["مدرسه"]),
        ("للتنمية", ["تنميه"]),
        ("الي", ["الي"]),
        ("L'École Œuvre", ["ecole", "oeuvre"]),
        ("a", ["a"]),
        ("!!", []),
    ],
)
def test_query_terms(q, terms):
    assert query_terms(q) == terms


def test_overview_count_stops_at_the_cap_and_says_more(client, db, monkeypatch):
    from portal.site import search as search_views

    monkeypatch.setattr(search_views, "OVERVIEW_COUNT_CAP", 3)
    for _ in range(4):
        factories.ProjectFactory(title_ar="تهيئة الحديقة")
    factories.AssociationFactory(name_ar="جمعية الحديقة")
    response = client.get("/en/search/?q=حديقه")
    groups = {group["kind"].key: group for group in response.context["groups"]}
    assert (groups["projects"]["count"], groups["projects"]["capped"]) == (3, True)
    assert (groups["associations"]["count"], groups["associations"]["capped"]) == (1, False)
    html = response.content.decode()
    assert "Projects (3+)" in html
    assert "Associations (1)" in html


def _records_of_every_kind(word, n):
    """``n`` records of each kind, every one holding ``word`` in its title."""
    for i in range(n):
        commune = factories.CommuneFactory(name_ar=f"{word} {i}")
        meeting = factories.MeetingFactory(title_ar=f"لقاء {word} {i}", commune=commune)
        institution = factories.InstitutionFactory(name_ar=f"مؤسسة {word} {i}")
        person = factories.PersonFactory(full_name_ar=f"{word} {i}", institution=institution)
        association = factories.AssociationFactory(name_ar=f"جمعية {word} {i}", commune=commune)
        project = factories.ProjectFactory(title_ar=f"مشروع {word} {i}", commune=commune)
        factories.RecommendationFactory(title_ar=f"توصية {word} {i}", meeting=meeting)
        factories.PetitionFactory(title=f"عريضة {word} {i}", commune=commune)
        factories.PresentationFactory(title_ar=f"عرض {word} {i}", meeting=meeting)
        factories.SessionFactory(title_ar=f"جلسة {word} {i}", meeting=meeting)
        factories.SpeechFactory(title_ar=f"كلمة {word} {i}", meeting=meeting, speaker=person)
        factories.WorkshopFactory(theme_ar=f"ورشة {word} {i}", meeting=meeting)
        visit = factories.SiteVisitFactory(title_ar=f"زيارة {word} {i}", meeting=meeting)
        factories.SiteVisitStopFactory(visit=visit, project=project, notes_ar=f"{word} {i}")
        factories.CertificateFactory(
            meeting=meeting, recipient_association=association, citation_ar=f"{word} {i}"
        )


@pytest.mark.parametrize("key", [model.search_key for model in searchable_models()])
def test_the_results_shown_cost_one_query_per_kind(db, key):
    # The records shown are read once per kind, with what their heading,
    # context and address read (``search_related``): never once per result.
    from portal.site import search as search_views

    _records_of_every_kind("واحة", 2)
    terms = plan_query("واحة")
    kind = next(kind for kind in search_views.search_kinds() if kind.key == key)
    found = kind.candidates(terms, 10)
    assert len(found) == 2
    with CaptureQueriesContext(connection) as ctx:
        results = search_views.present(found, terms)
    assert len(results) == 2
    assert all(result["url"] and result["heading"] for result in results)
    assert len(ctx.captured_queries) == 1
