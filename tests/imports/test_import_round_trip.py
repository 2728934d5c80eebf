"""The downloads import back into the archive unchanged, and an import renews what is derived
from the content (pages, downloads, search index) once, not once per row.

These tests commit for real (transaction=True), as an editor's import does, so that the
downloads are rebuilt after the commit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.caching import content_changed, pages_generation
from archive.data.models import DatasetFile
from archive.data.services import dataset_build
from archive.models import Statement
from archive.search.models import SearchDocument
from tests.api.conftest import archive  # noqa: F401 - the API tests' small archive
from tests.data.test_rebuild import Builds
from tests.imports.conftest import confirm, csv_file, upload

pytestmark = pytest.mark.django_db(transaction=True)

DOWNLOADS = ("statements.csv", "statements.json", "statements.jsonl")


def download(client, name):
    response = client.get(f"/data/{name}")
    assert response.status_code == 200
    return response.content


def _texts(statement, code):
    return {name: value or "" for name, value in statement.text_in(code).items()}  # NULL or "": no text


@pytest.mark.parametrize("name", DOWNLOADS)
def test_a_download_imports_back_and_changes_nothing(editor_client, archive, name):  # noqa: F811
    dataset_build()
    content = download(editor_client, name)
    published = Statement.objects.published().count()
    before = {s.slug: (s.updated_at, s.history.count()) for s in Statement.objects.all()}
    for update in (False, True):
        plan = upload(editor_client, content, name=name, update=update).context["plan"]
        assert (plan.created, plan.updated, plan.unchanged, plan.errors) == (0, 0, published, [])
    assert {s.slug: (s.updated_at, s.history.count()) for s in Statement.objects.all()} == before


def test_a_deleted_statement_comes_back_from_the_download(editor_client, archive):  # noqa: F811
    dataset_build()
    content = download(editor_client, "statements.csv")
    old = Statement.objects.get(pk=archive["old"].pk)
    texts = {code: _texts(old, code) for code in ("en", "fr", "zh-hans")}
    topics, sources = set(old.topics.all()), set(old.sources.all())
    Statement.objects.filter(pk=old.pk).delete()

    preview = upload(editor_client, content)
    assert [row.slug for row in preview.context["plan"].rows if row.action == "create"] == ["test-old"]
    confirm(editor_client, preview)
    back = Statement.objects.get(slug="test-old")
    assert back.is_published and back.session == archive["s2019"] and back.kind == "speech"
    assert {code: _texts(back, code) for code in texts} == texts
    assert set(back.topics.all()) == topics and set(back.sources.all()) == sources
    plan = upload(editor_client, download(editor_client, "statements.csv")).context["plan"]
    assert (plan.created, plan.updated, plan.errors) == (0, 0, [])


def test_pages_downloads_and_search_are_renewed_once_for_the_whole_import(
    editor_client,
    archive,  # noqa: F811
    new_row,
):
    dataset_build()
    rows = [new_row(f"2020-bulk-{n}", topics="test-space", session="13-3") for n in range(6)]
    rows.append(new_row("test-sat", title_en="A corrected title", topics="test-space"))
    preview = upload(editor_client, csv_file(rows), update=True)
    assert preview.context["plan"].errors == []

    signals = []

    def count(**kwargs):
        signals.append(kwargs)

    content_changed.connect(count)
    builds = Builds()
    generation = pages_generation()
    try:
        with CaptureQueriesContext(connection) as queries:
            assert confirm(editor_client, preview).status_code == 302
    finally:
        content_changed.disconnect(count)

    assert Statement.objects.filter(slug__startswith="2020-bulk-").count() == 6
    assert len(signals) == 1  # one renewal of the pages' generation, which the downloads follow
    assert pages_generation() > generation
    assert builds.count == 1
    index_writes = [
        q
        for q in queries.captured_queries
        if q["sql"].startswith("UPDATE") and "searchindexstate" in q["sql"]
    ]
    assert len(index_writes) == 1
    assert SearchDocument.objects.filter(statement__slug="2020-bulk-5", language="en").exists()
    assert SearchDocument.objects.get(statement__slug="test-sat", language="en")
    assert "2020-bulk-5" in bytes(DatasetFile.objects.get(name="statements.csv").content).decode("utf-8-sig")
