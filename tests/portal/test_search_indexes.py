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
    document_text,
    document_title,
    filter_by_terms,
    filter_queryset_by_text,
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
#: Every searchable kind frozen by a migration: portal's 0013, then the kinds added later.
ALL_KINDS = [*kinds_migration.KINDS, *petitions_migration.KINDS]

pytestmark = pytest.mark.django_db


def test_migration_freezes_the_columns_of_the_search_text_and_title():
    frozen = {f"{app}.{model}": rest for app, model, *rest in ALL_KINDS}
    assert set(frozen) == {model._meta.label for model in searchable_models()}
    for model in searchable_models():
        _text_index, _title_index, text, title = frozen[model._meta.label]
        assert text == search_text_columns(model), model._meta.label
        assert title == search_title_columns(model), model._meta.label


def text_index_of(model):
    """The trigram index on ``search_text``: made by 0005 for the first kinds, 0007 for the rest."""
    names = {f"{app}.{model}": name for app, model, name, _columns in migration.INDEXES}
    names |= {f"{app}.{model}": name for app, model, name, *_ in ALL_KINDS if name}
    return names[model._meta.label]


def test_every_searchable_kind_has_one_trigram_index_on_its_text_and_title():
    assert all(text_index_of(model) for model in searchable_models())
    title_indexes = [title for _app, _model, _text, title, *_ in ALL_KINDS]
    assert len(set(title_indexes)) == len(searchable_models())


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


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only")
@pytest.mark.parametrize("model", searchable_models(), ids=lambda model: model._meta.label)
def test_postgresql_planner_uses_the_trigram_index(model):
    index_name = text_index_of(model)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    # The base table alone and unordered: the plan is about the text filter.
    queryset = model._base_manager.order_by()
    plan = filter_by_terms(queryset, query_terms("التنمية école")).explain()
    assert index_name in plan


@pytest.mark.skipif(connection.vendor != "postgresql", reason="trigram indexes are PostgreSQL-only")
def test_postgresql_has_no_expression_index_left():
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%%_search_trgm'")
        assert cursor.fetchall() == []


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
