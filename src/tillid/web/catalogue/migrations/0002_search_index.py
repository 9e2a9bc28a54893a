"""The search index each database needs, made only on that database.

SQLite: an FTS5 table holding each entry's texts already stemmed in the entry's language (see
catalogue/text.py); `services` writes a row whenever an entry is saved, keyed by the entry's id.
PostgreSQL: a GIN index on the stored tsvector `Entry.search_vector`.
"""

from django.db import migrations

FTS_TABLE = "catalogue_entry_fts"
GIN_INDEX = "catalogue_entry_search_gin"


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        # remove_diacritics 0: "å", "ø" and "ö" are letters of their own in Danish and Swedish.
        schema_editor.execute(
            f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, body, "
            "tokenize = 'unicode61 remove_diacritics 0')"
        )
    elif vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX {GIN_INDEX} ON catalogue_entry USING gin (search_vector)"
        )


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        schema_editor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    elif vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [("catalogue", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
