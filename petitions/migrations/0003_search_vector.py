"""On PostgreSQL, petitions' search text gets its indexed vector of words (see portal's 0015)."""

from importlib import import_module

from django.db import migrations

vectors = import_module("portal.migrations.0015_search_vectors")

# (app label, model, trigram index on search_text to drop) — frozen.
KINDS = [("petitions", "Petition", "petition_search_text_trgm")]


class Migration(migrations.Migration):
    dependencies = [
        ("petitions", "0002_council_staff_group_and_search_indexes"),
        ("portal", "0015_search_vectors"),
    ]

    operations = [
        migrations.RunPython(
            vectors.add_vectors(KINDS), vectors.drop_vectors(KINDS), elidable=False
        ),
    ]
