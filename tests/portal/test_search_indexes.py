"""The stored search text and its PostgreSQL trigram indexes."""

import importlib
import io

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from associations.models import Association
from meetings.models import Meeting
from portal.models import SearchWord
from portal.search import (
    EXACT,
    MAX_DOCUMENT_BYTES,
    MAX_WORD_LENGTH,
    SLIP,
    VARIANT,
    document_text,
    document_title,
    filter_by_terms,
    filter_queryset_by_text,
    like_condition,
    match_condition,
    plan_query,
    search_text_columns,
    search_title_columns,
    searchable_models,
)
from portal.text import query_terms
from projects.models import Project
from tests import factories

migration = importlib.import_module("portal.migrations.0005_search_text_indexes")
kinds_migration = importlib.import_module("portal.migrations.0013_search_forms_and_more_kinds")
petitions_migration = importlib.import_module(
    "petitions.migrations.0002_council_staff_group_and_search_indexes"
)
vectors_migration = importlib.import_module("portal.migrations.0015_search_vectors")
petitions_vector_migration = importlib.import_module("petitions.migrations.0003_search_vector")
#: Every searchable kind frozen by a migration: portal's 0013, then the kinds added later.
ALL_KINDS = [*kinds_migration.KINDS, *petitions_migration.KINDS]
#: Every kind given a vector of words on PostgreSQL: portal's 0015, then the later ones.
ALL_VECTOR_KINDS = [*vectors_migration.KINDS, *petitions_vector_migration.KINDS]

pytestmark = pytest.mark.django_db


def test_migration_freezes_the_columns_of_the_search_text_and_title():
    frozen = {f"{app}.{model}": rest for app, model, *rest in ALL_KINDS}
    assert set(frozen) == {model._meta.label for model in searchable_models()}
    for model in searchable_models():
        _text_index, _title_index, text, title = frozen[model._meta.label]
        assert text == search_text_columns(model), model._meta.label
        assert title == search_title_columns(model), model._meta.label


def text_index_of(model):
    """The trigram index 0005 or 0013 made on ``search_text``, dropped by 0015 for the vector."""
    names = {f"{app}.{model}": name for app, model, name in ALL_VECTOR_KINDS}
    return names[model._meta.label]


def test_every_searchable_kind_has_one_trigram_index_on_its_title_and_a_vector():
    title_indexes = [title for _app, _model, _text, title, *_ in ALL_KINDS]
    assert len(set(title_indexes)) == len(searchable_models())
    assert {f"{app}.{model}" for app, model, _index in ALL_VECTOR_KINDS} == {
        model._meta.label for model in searchable_models()
    }
    assert all(text_index_of(model) for model in searchable_models())


def test_saving_a_record_refreshes_its_search_text():
    project = factories.ProjectFactory(title_ar="بناء مدرسة", title_fr="Construction d'une École")
    project.refresh_from_db()
    assert "مدرسه" in project.search_text
    assert "ecole" in project.search_text

    assert project.search_title.startswith("| بنا مدرسه | construction d une ecole |")

    project.title_ar = "تهيئة السّاحة العمومية"
    project.title_fr = "Aménagement de la Place"
    project.save()
    project.refresh_from_db()
    assert "ساحه" in project.search_text
    assert "amenagement" in project.search_text
    assert "مدرسه" not in project.search_text
    assert project.search_text == document_text(project)
    assert project.search_title == document_title(project)


def test_saving_a_record_adds_its_words_to_the_table_of_words():
    factories.AssociationFactory(name_ar="جمعية الواحة الخضراء", aliases="Oasis verte")
    known = set(SearchWord.objects.values_list("word", flat=True))
    assert {"جمعيه", "واحه", "خضرا", "oasis", "verte"} <= known
    word = SearchWord.objects.get(word="جمعيه")
    assert (word.reversed_word, word.length) == ("هيعمج", 5)


def test_rebuild_search_index_drops_the_words_no_record_has(capsys):
    association = factories.AssociationFactory(name_ar="جمعية الواحة", description_ar="")
    assert SearchWord.objects.filter(word="واحه").exists()
    association.delete()
    call_command("rebuild_search_index")
    assert not SearchWord.objects.filter(word="واحه").exists()
    assert "indexed words:" in capsys.readouterr().out


def test_search_text_holds_words_then_their_marked_forms():
    project = factories.ProjectFactory(
        title_ar="مشاريع لجمعيات المدينة",
        title_fr="",
        title_en="",
        summary_ar="",
        description_ar="",
    )
    words, _, forms = project.search_text.strip().partition(" ~")
    assert words.split() == ["مشاريع", "لجمعيات", "مدينه"]
    # The singular of the broken plural, the word without its particle, stems.
    assert {"~مشروع", "~جمعيات", "~جمع", "~مدين"} <= set(("~" + forms).split())


def test_save_with_update_fields_also_writes_the_search_text():
    meeting = factories.MeetingFactory(title_ar="اللقاء الأول")
    meeting.title_ar = "الاستقبال السنوي"
    meeting.save(update_fields=["title_ar"])
    meeting.refresh_from_db()
    assert "استقبال" in meeting.search_text


def test_rebuild_search_index_fixes_rows_written_without_save():
    commune = factories.CommuneFactory()
    Association.objects.bulk_create(
        [Association(name_ar="جمعية الأمل", name_fr="Espoir", slug="espoir", commune=commune)]
    )
    project = factories.ProjectFactory(title_ar="بناء مدرسة")
    Project.objects.filter(pk=project.pk).update(title_ar="توسعة مستشفى")
    assert not Association.objects.filter(search_text__contains="امل").exists()
    assert not Project.objects.filter(search_text__contains="مستشفي").exists()

    call_command("rebuild_search_index", stdout=io.StringIO())

    assert Association.objects.filter(search_text__contains="امل").count() == 1
    assert Association.objects.filter(search_text__contains="espoir").count() == 1
    assert Project.objects.filter(search_text__contains="مستشفي").count() == 1
    assert not Project.objects.filter(search_text__contains="مدرسه").exists()


def test_rebuild_search_index_leaves_correct_rows_alone(capsys):
    factories.MeetingFactory(title_ar="الاستقبال")
    Meeting.objects.update(search_text="")
    call_command("rebuild_search_index")
    assert "meetings.Meeting: 1 updated" in capsys.readouterr().out
    call_command("rebuild_search_index")
    assert "meetings.Meeting: 0 updated" in capsys.readouterr().out


def test_list_search_over_the_search_fields_reads_only_the_stored_text():
    factories.AssociationFactory(name_ar="جمعية الأمل")
    queryset = filter_queryset_by_text(
        Association.objects.all(), Association.search_fields, "الأمل"
    )
    assert "search_document" not in queryset.query.annotations
    assert [a.name_ar for a in queryset] == ["جمعية الأمل"]


def test_search_over_fewer_fields_ignores_the_other_fields():
    factories.AssociationFactory(
        name_ar="جمعية النور", name_fr="Lumière", description_ar="دعم المدرسة"
    )
    queryset = Association.objects.all()
    assert filter_queryset_by_text(queryset, ["name"], "مدرسه").count() == 0
    assert filter_queryset_by_text(queryset, ["description"], "مدرسه").count() == 1
    assert filter_queryset_by_text(queryset, ["name"], "LUMIERE").count() == 1
    assert filter_queryset_by_text(queryset, ["name", "description"], "نور مدرسة").count() == 1


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the vector of words is PostgreSQL-only"
)


@postgresql_only
@pytest.mark.parametrize("model", searchable_models(), ids=lambda model: model._meta.label)
def test_postgresql_planner_uses_the_index_of_the_vector_of_words(model):
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The base table alone and unordered: the plan is about the text filter.
    queryset = model._base_manager.order_by()
    plan = filter_by_terms(queryset, query_terms("التنمية école")).explain()
    assert vectors_migration.vector_index(model._meta.model_name) in plan
    assert "search_vector @@" in plan


@postgresql_only
def test_postgresql_keeps_no_trigram_index_on_the_search_text():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_search_trgm'"
            " OR indexdef LIKE '%%(search_text gin_trgm_ops)%%'"
        )
        assert cursor.fetchall() == []


@postgresql_only
def test_the_vector_holds_exactly_the_words_of_the_search_text():
    project = factories.ProjectFactory(title_ar="مشاريع لجمعيات المدينة", title_fr="L'École")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT tsvector_to_array(search_vector) FROM projects_project WHERE id = %s",
            [project.pk],
        )
        (lexemes,) = cursor.fetchone()
    project.refresh_from_db()
    assert sorted(lexemes) == sorted(set(project.search_text.split()))


@postgresql_only
@pytest.mark.parametrize(
    "query",
    ["مدرس", "المدرسة", "ولجمعيات", "مشروع", "ecole", "écoles", "6", "كلميم", "guelmim", "it's"],
)
def test_the_vector_finds_the_rows_the_like_tests_find(query):
    for title in ("بناء مدرسة", "مشاريع لجمعيات المدينة", "L'École de Guelmim", "محمد 6", "It's"):
        factories.ProjectFactory(title_ar=title, title_fr=title, description_ar="")
    terms = plan_query(query)
    for level in (EXACT, VARIANT, SLIP):
        by_vector = set(
            Project.objects.filter(match_condition(terms, level)).values_list("pk", flat=True)
        )
        by_like = set(
            Project.objects.filter(like_condition(terms, level)).values_list("pk", flat=True)
        )
        assert by_vector == by_like, (query, level)
    assert "@@" in str(Project.objects.filter(match_condition(terms)).query)


def test_a_record_with_an_endless_word_or_text_saves_and_stays_searchable():
    endless_word = "ب" * 5000
    many_words = " ".join(f"كلمة{n}" for n in range(60_000))
    project = factories.ProjectFactory(
        title_ar="مدرسة", description_ar=f"{endless_word} {many_words}"
    )
    project.refresh_from_db()
    assert len(project.search_text.encode()) <= MAX_DOCUMENT_BYTES + 2
    assert max(len(word) for word in project.search_text.split()) <= MAX_WORD_LENGTH + 1
    for query in ("مدرسة", "ببببب", "كلمة0"):
        assert filter_by_terms(Project.objects.all(), query_terms(query)).get() == project


@pytest.mark.django_db(transaction=True)
def test_rebuild_search_index_in_parallel_gives_the_same_text_and_words(capsys):
    # On PostgreSQL each kind is recomputed in a worker process with its own
    # connection (the rows must be committed for the workers to see them);
    # elsewhere --jobs falls back to one process. Either way, the same result.
    commune = factories.CommuneFactory()
    Association.objects.bulk_create(
        [Association(name_ar="جمعية الأمل", name_fr="Espoir", slug="espoir", commune=commune)]
    )
    project = factories.ProjectFactory(title_ar="بناء مدرسة")
    Project.objects.filter(pk=project.pk).update(title_ar="توسعة مستشفى")
    SearchWord.objects.create(word="كلمهقديمه", reversed_word="هميدقهملك", length=9)

    call_command("rebuild_search_index", "--jobs", "2")

    output = capsys.readouterr().out
    assert "associations.Association: 1 updated" in output
    assert "projects.Project: 1 updated" in output
    assert Association.objects.filter(search_text__contains="امل").count() == 1
    assert Project.objects.filter(search_text__contains="مستشفي").count() == 1
    assert not Project.objects.filter(search_text__contains="مدرسه").exists()
    # The table of words is rebuilt from the same pass: new words in, stale out.
    assert SearchWord.objects.filter(word="مستشفي").exists()
    assert not SearchWord.objects.filter(word="كلمهقديمه").exists()
    if connection.vendor == "postgresql":
        assert "in 2 processes" in output


def test_rebuild_search_index_refuses_zero_jobs():
    with pytest.raises(CommandError, match="--jobs"):
        call_command("rebuild_search_index", "--jobs", "0")
