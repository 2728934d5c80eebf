"""A full round trip through `manage.py backup` and `restore`, on the database the tests run on."""

import datetime

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from archive.models import Statement
from archive.search.query import search
from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)
QUERIES = [("statement", "en"), ("déclaration", "fr"), ("测试", "zh-hans"), ("made-up summary", "en")]


def every_table():
    """Every row of every table Django knows of (auto-created link tables included), in order."""
    return {
        model._meta.db_table: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }


def search_results():
    return {
        (text, language): [
            (hit.statement.pk, hit.language) for hit in search(text=text, reader_language=language).hits
        ]
        for text, language in QUERIES
    }


def test_backup_then_restore_brings_back_every_table_text_history_and_search(client, tmp_path):
    topic = TopicFactory()
    kept = StatementFactory(title_fr="Une déclaration à garder", title_zh_hans="要保留的测试声明")
    kept.topics.add(topic)
    edited = StatementFactory(date=datetime.date(2021, 3, 5))
    edited.title_en = "A title as it was at the backup"
    edited.save()  # one more version in the history
    StatementFactory(status="draft", title_en="A draft statement, never public")
    before = every_table()
    results = search_results()
    assert any(results.values())
    assert before["archive_historicalstatement"] and before["archive_statement_topics"]

    call_command("backup", str(tmp_path / "archive.backup"))
    assert (tmp_path / "archive.backup").stat().st_size > 0

    # Life goes on after the backup: an edit, a deletion, a new statement; pages get cached.
    edited.title_en = "A title changed after the backup"
    edited.save()
    Statement.objects.get(pk=kept.pk).delete()
    StatementFactory(title_en="A statement added after the backup")
    assert "A title changed after the backup" in client.get(edited.get_absolute_url()).content.decode()
    assert every_table() != before

    call_command("restore", str(tmp_path / "archive.backup"), yes=True)

    after = every_table()
    # The one difference on purpose: the index's token is renewed, so that every process reloads
    # its in-memory copy of the index instead of keeping one from before the restore.
    assert after.pop("archive_searchindexstate") != before.pop("archive_searchindexstate")
    # The downloadable files are rebuilt from the restored content (a new version, new rows).
    assert [f["name"] for f in after.pop("archive_datasetfile")] == [
        f["name"] for f in before.pop("archive_datasetfile")
    ]
    assert after == before
    restored = Statement.objects.get(pk=kept.pk)
    assert (restored.title_en, restored.title_fr, restored.title_zh_hans) == (
        kept.title_en,
        "Une déclaration à garder",
        "要保留的测试声明",
    )
    assert [h.title_en for h in Statement.objects.get(pk=edited.pk).history.order_by("history_id")][-1] == (
        "A title as it was at the backup"
    )
    assert search_results() == results
    # The page cache was renewed: no page from after the backup is served.
    page = client.get(edited.get_absolute_url()).content.decode()
    assert "A title as it was at the backup" in page
    assert "A statement added after the backup" not in client.get("/en/").content.decode()
    # New rows get new keys after a restore (sequences came back with the data).
    assert StatementFactory().pk > max(row["id"] for row in before["archive_statement"])


def test_restoring_a_file_that_is_not_a_backup_fails_and_changes_nothing(tmp_path):
    StatementFactory()
    before = every_table()
    junk = tmp_path / "junk.backup"
    junk.write_text("not a backup")
    with pytest.raises(CommandError):
        call_command("restore", str(junk), yes=True)
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "missing.backup"), yes=True)
    assert every_table() == before
