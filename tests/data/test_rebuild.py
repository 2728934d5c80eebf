"""The files follow the content: rebuilt once per transaction that changed it, never per request.

These tests commit for real (transaction=True), as an editor's save does, so that on_commit runs."""

import pytest
from django.db import transaction
from django.db.models import Max

from archive.data.models import DatasetFile
from tests.api.conftest import archive  # noqa: F401 - the API tests' small archive
from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db(transaction=True)

FILES_PER_BUILD = 8


def csv_text():
    return bytes(DatasetFile.objects.get(name="statements.csv").content).decode("utf-8-sig")


class Builds:
    """How many times the files were built: each build writes a new row for each file."""

    def __init__(self):
        self.start = DatasetFile.objects.aggregate(last=Max("pk"))["last"] or 0

    @property
    def count(self):
        last = DatasetFile.objects.aggregate(last=Max("pk"))["last"] or 0
        return (last - self.start) // FILES_PER_BUILD


def test_every_committed_save_outside_a_transaction_rebuilt_the_files(archive):  # noqa: F811
    assert "test-sat" in csv_text() and "test-draft" not in csv_text()


def test_one_rebuild_for_a_transaction_that_saves_many_rows(archive):  # noqa: F811
    builds = Builds()
    with transaction.atomic():
        topic = TopicFactory(slug="test-new-topic")
        for n in range(3):
            StatementFactory(slug=f"test-new-{n}", title_zh_hans=f"新的测试声明{n}", topics=[topic])
        sat = archive["sat"]
        sat.title_en = "Corrected title"
        sat.save()
        assert builds.count == 0  # nothing before the commit
    assert builds.count == 1
    text = csv_text()
    assert "新的测试声明2" in text and "Corrected title" in text and "test-new-topic" in text


def test_a_statement_withdrawn_leaves_the_files(archive):  # noqa: F811
    builds = Builds()
    archive["sat"].unpublish()
    assert builds.count == 1
    assert "test-sat" not in csv_text() and "test-quote" not in csv_text()


def test_a_rolled_back_change_rebuilds_nothing(archive):  # noqa: F811
    builds = Builds()
    with pytest.raises(RuntimeError), transaction.atomic():
        StatementFactory(slug="test-rolled-back")
        raise RuntimeError("the editor's save failed")
    assert builds.count == 0
    assert "test-rolled-back" not in csv_text()


def test_a_savepoint_rolled_back_does_not_cancel_the_transactions_rebuild(archive):  # noqa: F811
    builds = Builds()
    with transaction.atomic():
        with pytest.raises(RuntimeError), transaction.atomic():
            StatementFactory(slug="test-inner")
            raise RuntimeError("inner failure")
        StatementFactory(slug="test-outer")
    assert builds.count == 1
    assert "test-outer" in csv_text() and "test-inner" not in csv_text()


def test_reading_the_page_and_the_files_builds_nothing(client, archive):  # noqa: F811
    builds = Builds()
    for _ in range(3):
        assert client.get("/en/data/").status_code == 200
        assert client.get("/data/statements.csv").status_code == 200
    assert builds.count == 0


def test_a_new_database_builds_the_files_on_the_first_visit(client, archive):  # noqa: F811
    DatasetFile.objects.all().delete()
    assert client.get("/en/data/").status_code == 200
    assert DatasetFile.objects.count() == FILES_PER_BUILD
