"""Fill the search text of every searchable kind in its new shape, and index it.

``search_text`` now holds the words of a record without their articles, then
their other forms (stems, the word without its particles) marked with ``~``;
``search_title`` the words of its title fields and other spellings, one
segment each (see ``portal.search``). Communes, institutions, people,
sessions, speeches, workshops, site visits and their stops, and
certificates are searchable too.

The column lists are frozen here; ``tests/portal/test_search_indexes.py``
checks that they still match the models. The text functions used are pure
(text in, text out), so importing them is safe.

On PostgreSQL each kind gets a ``pg_trgm`` GIN index on ``search_text`` (the
five kinds of ``0005`` keep theirs) and one on ``search_title``. The table of
indexed words is filled from every row.
"""

from django.db import migrations

from portal.search import document_words, indexed_words, text_from_words, title_from_values

LANGS = ("ar", "fr", "en")
BATCH_SIZE = 1000


def _translated(*fields):
    return [f"{field}_{lang}" for field in fields for lang in LANGS]


# (app label, model, search_text index (None: made by 0005), search_title index,
#  columns of search_text, columns of search_title) — frozen.
KINDS = [
    (
        "portal",
        "Commune",
        "commune_search_text_trgm",
        "commune_search_title_trgm",
        [*_translated("name", "province", "region"), "aliases"],
        [*_translated("name"), "aliases"],
    ),
    (
        "portal",
        "Institution",
        "institution_search_text_trgm",
        "institution_search_title_trgm",
        [*_translated("name"), "acronym", "country", "aliases"],
        [*_translated("name"), "acronym", "aliases"],
    ),
    (
        "portal",
        "Person",
        "person_search_text_trgm",
        "person_search_title_trgm",
        [*_translated("full_name", "role"), "aliases"],
        [*_translated("full_name"), "aliases"],
    ),
    (
        "associations",
        "Association",
        None,
        "association_search_title_trgm",
        [*_translated("name"), "acronym", "aliases", *_translated("description")],
        [*_translated("name"), "acronym", "aliases"],
    ),
    (
        "meetings",
        "Meeting",
        None,
        "meeting_search_title_trgm",
        _translated("title", "slogan", "venue", "summary"),
        _translated("title"),
    ),
    (
        "meetings",
        "Session",
        "session_search_text_trgm",
        "session_search_title_trgm",
        _translated("title", "summary"),
        _translated("title"),
    ),
    (
        "meetings",
        "Speech",
        "speech_search_text_trgm",
        "speech_search_title_trgm",
        _translated("title", "summary"),
        _translated("title"),
    ),
    (
        "meetings",
        "Presentation",
        None,
        "presentation_search_title_trgm",
        _translated("title", "summary"),
        _translated("title"),
    ),
    (
        "meetings",
        "Workshop",
        "workshop_search_text_trgm",
        "workshop_search_title_trgm",
        _translated("theme", "outcomes"),
        _translated("theme"),
    ),
    (
        "meetings",
        "SiteVisit",
        "sitevisit_search_text_trgm",
        "sitevisit_search_title_trgm",
        _translated("title", "notes"),
        _translated("title"),
    ),
    (
        "meetings",
        "SiteVisitStop",
        "sitevisitstop_search_text_trgm",
        "sitevisitstop_search_title_trgm",
        _translated("notes"),
        [],
    ),
    (
        "meetings",
        "Certificate",
        "certificate_search_text_trgm",
        "certificate_search_title_trgm",
        [*_translated("citation"), "recipient_name"],
        ["recipient_name"],
    ),
    (
        "projects",
        "Project",
        None,
        "project_search_title_trgm",
        [
            *_translated("title"),
            "aliases",
            *_translated("summary", "description", "location_name"),
        ],
        [*_translated("title"), "aliases"],
    ),
    (
        "recommendations",
        "Recommendation",
        None,
        "recommendation_search_title_trgm",
        _translated("title", "text"),
        _translated("title"),
    ),
]


def fill_search_text(apps, schema_editor):
    alias = schema_editor.connection.alias
    SearchWord = apps.get_model("portal", "SearchWord")
    vocabulary = set()
    for app_label, model_name, _text, _title, text_columns, title_columns in KINDS:
        model = apps.get_model(app_label, model_name)
        manager = model._base_manager.using(alias)
        rows = manager.order_by("pk").only("pk", *text_columns, *title_columns)
        batch = []
        for obj in rows.iterator(chunk_size=BATCH_SIZE):
            values = [getattr(obj, column) or "" for column in text_columns]
            obj.search_text = text_from_words(document_words(values))
            obj.search_title = title_from_values(
                getattr(obj, column) or "" for column in title_columns
            )
            vocabulary.update(indexed_words(obj.search_text))
            batch.append(obj)
            if len(batch) >= BATCH_SIZE:
                manager.bulk_update(batch, ["search_text", "search_title"])
                batch = []
        if batch:
            manager.bulk_update(batch, ["search_text", "search_title"])
    SearchWord.objects.using(alias).bulk_create(
        [
            SearchWord(word=word[:100], reversed_word=word[:100][::-1], length=len(word[:100]))
            for word in sorted(vocabulary)
        ],
        ignore_conflicts=True,
        batch_size=BATCH_SIZE,
    )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    quote = schema_editor.quote_name
    for app_label, model_name, text_index, title_index, _text, _title in KINDS:
        table = quote(apps.get_model(app_label, model_name)._meta.db_table)
        for name, column in ((text_index, "search_text"), (title_index, "search_title")):
            if name:
                schema_editor.execute(
                    f"CREATE INDEX {quote(name)} ON {table} USING gin ({quote(column)} gin_trgm_ops)"
                )


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _app, _model, text_index, title_index, _text, _title in KINDS:
        for name in (text_index, title_index):
            if name:
                schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0012_search_title_aliases"),
        ("associations", "0006_search_title_aliases"),
        ("meetings", "0005_search_title_aliases"),
        ("projects", "0008_search_title_aliases"),
        ("recommendations", "0005_search_title_aliases"),
    ]

    operations = [
        migrations.RunPython(fill_search_text, migrations.RunPython.noop, elidable=False),
        migrations.RunPython(create_indexes, drop_indexes, elidable=False),
    ]
