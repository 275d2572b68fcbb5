from django.db import migrations, models

SQLITE = [
    """CREATE VIRTUAL TABLE search_searchentry_fts USING fts5(
        title, text, content='search_searchentry', content_rowid='id',
        tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_searchentry_fts_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, title, text)
        VALUES (new.id, new.title, new.text);
    END""",
    """CREATE TRIGGER search_searchentry_fts_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
    END""",
    """CREATE TRIGGER search_searchentry_fts_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, title, text)
        VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO search_searchentry_fts(rowid, title, text)
        VALUES (new.id, new.title, new.text);
    END""",
]
SQLITE_UNDO = [
    "DROP TRIGGER IF EXISTS search_searchentry_fts_au",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_ad",
    "DROP TRIGGER IF EXISTS search_searchentry_fts_ai",
    "DROP TABLE IF EXISTS search_searchentry_fts",
]
# The same expression as oversight.search.engine's SearchVector, so the index is used.
POSTGRES = [
    """CREATE INDEX search_searchentry_vector ON search_searchentry USING gin ((
        setweight(to_tsvector('english'::regconfig, COALESCE(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, COALESCE(text, '')), 'B')))"""
]
POSTGRES_UNDO = ["DROP INDEX IF EXISTS search_searchentry_vector"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for sql in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    initial = True
    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=30)),
                ("object_id", models.PositiveBigIntegerField()),
                ("title", models.TextField()),
                ("text", models.TextField(blank=True)),
                ("body_id", models.PositiveBigIntegerField(blank=True, db_index=True, null=True)),
                ("indexed_at", models.DateTimeField(auto_now=True)),
            ],
            options={"verbose_name_plural": "search entries"},
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.UniqueConstraint(fields=("kind", "object_id"), name="search_entry_once"),
        ),
        migrations.RunPython(
            _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
            _run({"sqlite": SQLITE_UNDO, "postgresql": POSTGRES_UNDO}),
        ),
    ]
