"""The index follows every editor's change at once, in the same transaction; drafts never show."""

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from archive.models import Statement
from archive.search.analysis import ANALYSER_VERSION
from archive.search.backends import postgresql
from archive.search.checks import search_index_current
from archive.search.index import search_index_rebuild
from archive.search.models import SearchDocument
from archive.search.query import Filters, search
from tests.factories import SessionFactory, SourceFactory, StatementFactory, TopicFactory
from tests.test_admin import statement_form

pytestmark = pytest.mark.django_db


def found(q, **kwargs):
    return [hit.statement.slug for hit in search(text=q, **kwargs).hits]


@pytest.fixture
def parts():
    return SessionFactory(), SourceFactory(), TopicFactory()


def test_a_published_statement_has_one_document_per_language_with_text():
    statement = StatementFactory(title_fr="", summary_fr="", text_fr="")
    languages = set(SearchDocument.objects.filter(statement=statement).values_list("language", flat=True))
    assert languages == {"en", "zh-hans"}


def test_drafts_have_no_documents_and_are_never_returned():
    StatementFactory(status="draft", title_en="A test draft about zeppelins")
    assert not SearchDocument.objects.exists()
    assert found("zeppelins") == []


def test_an_editors_admin_save_is_searchable_at_once(editor_client, parts):
    data = statement_form(*parts, status="published", title_en="A test proposal on zeppelins")
    assert editor_client.post(reverse("admin:archive_statement_add"), data).status_code == 302
    assert found("zeppelin") == ["2020-test-warning-proposal"]

    statement = Statement.objects.get(slug="2020-test-warning-proposal")
    data["title_en"] = "A test proposal on airships"
    url = reverse("admin:archive_statement_change", args=[statement.pk])
    assert editor_client.post(url, data).status_code == 302
    assert found("zeppelin") == []
    assert found("airships") == ["2020-test-warning-proposal"]


def test_admin_topic_change_updates_the_topic_filter(editor_client, parts):
    session, source, topic = parts
    other = TopicFactory()
    data = statement_form(session, source, topic, status="published", title_en="A test proposal on kites")
    editor_client.post(reverse("admin:archive_statement_add"), data)
    statement = Statement.objects.get(slug="2020-test-warning-proposal")
    assert found("kites", filters=Filters(topic_id=topic.pk)) == [statement.slug]
    data["topics"] = [other.pk]
    editor_client.post(reverse("admin:archive_statement_change", args=[statement.pk]), data)

    assert found("kites", filters=Filters(topic_id=other.pk)) == [statement.slug]
    assert found("kites", filters=Filters(topic_id=topic.pk)) == []


def test_publish_and_unpublish_actions_update_the_index_at_once(editor_client):
    statement = StatementFactory(
        status="draft", title_en="A test statement on gliders", topics=[TopicFactory()]
    )
    changelist = reverse("admin:archive_statement_changelist")
    editor_client.post(changelist, {"action": "publish", "_selected_action": [statement.pk]})
    assert found("gliders") == [statement.slug]
    editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [statement.pk], "reason": "A test"}
    )
    assert found("gliders") == []


def test_deleting_a_statement_removes_it_from_the_index(client):
    statement = StatementFactory(title_en="A test statement on balloons")
    assert found("balloons") == [statement.slug]
    admin = User.objects.create_superuser("root", "root@example.test", "a-test-password")
    client.force_login(admin)
    response = client.post(reverse("admin:archive_statement_delete", args=[statement.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert found("balloons") == []
    assert not SearchDocument.objects.exists()


def test_a_save_whose_indexing_fails_is_rolled_back_with_it(monkeypatch):
    statement = StatementFactory(title_en="A test statement on parachutes")

    def broken_index(**kwargs):
        raise RuntimeError("index unavailable")

    monkeypatch.setattr("archive.search.signals.statement_index", broken_index)
    statement.title_en = "A test statement on hang gliders"
    with pytest.raises(RuntimeError), transaction.atomic():
        statement.save()
    assert Statement.objects.get(pk=statement.pk).title_en == "A test statement on parachutes"
    assert found("parachutes") == [statement.slug]


def test_rebuild_command_catches_up_after_update_which_sends_no_signal():
    statement = StatementFactory(title_en="A test statement on canoes")
    Statement.objects.filter(pk=statement.pk).update(title_en="A test statement on kayaks")
    assert found("kayaks") == []
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert found("kayaks") == [statement.slug]


def test_an_index_from_another_analyser_version_is_reported():
    StatementFactory(title_en="A test statement on sledges")
    assert search_index_current(None, databases=["default"]) == []
    SearchDocument.objects.update(analyser_version="0-old")
    warnings = search_index_current(None, databases=["default"])
    assert [w.id for w in warnings] == ["archive.W001"]
    assert search(text="sledges").stale
    call_command("rebuild_search_index", "--if-stale", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert set(SearchDocument.objects.values_list("analyser_version", flat=True)) == {ANALYSER_VERSION}


def test_the_full_text_index_agrees_with_the_documents_table():
    StatementFactory(title_en="A test statement on rafts")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("INSERT INTO archive_search_fts(archive_search_fts) VALUES ('integrity-check')")
        else:
            cursor.execute("SELECT count(*) FROM archive_searchdocument WHERE vector IS NULL")
            assert cursor.fetchone()[0] == 0


def test_a_search_sees_a_change_made_since_the_previous_search():
    # The first search reads the documents' filter columns into memory; the save must renew them.
    statement = StatementFactory(title_en="A test statement on kites", kind="proposal")
    assert found("kites", filters=Filters(kind="proposal")) == [statement.slug]
    statement.kind = "remarks"
    statement.save()
    assert found("kites", filters=Filters(kind="proposal")) == []
    assert found("kites", filters=Filters(kind="remarks")) == [statement.slug]
    Statement.objects.filter(pk=statement.pk).update(kind="speech")  # no signal...
    call_command("rebuild_search_index", verbosity=0)  # ...so the rebuild catches up
    assert found("kites", filters=Filters(kind="speech")) == [statement.slug]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the postings table is PostgreSQL's")
def test_postgresql_takes_common_words_from_the_postings_and_newer_documents_from_the_index(monkeypatch):
    statements = [StatementFactory(title_en=f"Test statement {n} on kites") for n in range(3)]
    monkeypatch.setattr(postgresql, "POSTINGS_MIN_DOCUMENTS", 3)
    search_index_rebuild()
    with connection.cursor() as cursor:
        cursor.execute("SELECT lexeme FROM archive_searchposting")
        assert "kite" in {row[0] for row in cursor.fetchall()}
    statements.append(StatementFactory(title_en="Test statement 3 on kites"))  # after the rebuild
    statements[0].save()  # its documents are written again, under new ids
    for _search in range(2):  # a process that searched before the rebuild renews its plan once
        with CaptureQueriesContext(connection) as queries:
            assert sorted(found("kites")) == sorted(s.slug for s in statements)
    matching = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT -1")]
    assert "FROM archive_searchposting AS p WHERE p.lexeme" in matching[0]
