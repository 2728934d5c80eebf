"""The history an editor reads: one version per save with its reason, any two versions compared,
restore with the right breadcrumb, unpublishing with a reason."""

import pytest
from django.urls import reverse

from archive.models import Statement
from archive.services import content_load
from tests.factories import SourceFactory, StatementFactory, TopicFactory
from tests.test_admin import ADD_URL, change_url, statement_form
from tests.test_content_loading import write_content

pytestmark = pytest.mark.django_db


def history_url(statement):
    return reverse("admin:archive_statement_history", args=[statement.pk])


def compare_url(statement):
    return reverse("admin:archive_statement_compare", args=[statement.pk])


def test_one_save_in_the_admin_is_one_version_with_its_topics_and_sources(editor_client, parts):
    session, source, topic = parts
    editor_client.post(ADD_URL, statement_form(*parts))
    statement = Statement.objects.get()
    [version] = statement.history.all()
    assert [row.topic for row in version.topics.all()] == [topic]
    assert [row.source for row in version.sources.all()] == [source]

    other = SourceFactory()
    edited = statement_form(session, other, topic, title_fr="Titre corrigé")
    assert editor_client.post(change_url(statement), edited).status_code == 302
    assert statement.history.count() == 2
    latest = statement.history.latest("history_date")
    assert latest.title_fr == "Titre corrigé"
    assert [row.source for row in latest.sources.all()] == [other]


def test_a_quote_saved_inline_is_one_version_too(editor_client, parts):
    session, source, topic = parts
    remarks = StatementFactory(
        kind="remarks", status="draft", session=session, topics=[topic], sources=[source]
    )
    data = statement_form(session, source, topic, kind="remarks", slug=remarks.slug)
    data.update(
        {
            "quotes-TOTAL_FORMS": "1",
            "quotes-0-kind": "quote",
            "quotes-0-slug": "2020-test-inline-quote",
            "quotes-0-date": "2020-05-22",
            "quotes-0-status": "draft",
            "quotes-0-title_en": "An inline quote",
            "quotes-0-summary_en": "Made up.",
            "quotes-0-provenance_en": "report",
        }
    )
    response = editor_client.post(change_url(remarks), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    quote = Statement.objects.get(slug="2020-test-inline-quote")
    assert quote.history.count() == 1
    assert quote.sources.get() == source


def test_loading_content_writes_one_version_per_statement(tmp_path):
    content_load(directory=write_content(tmp_path))
    for statement in Statement.objects.all():
        [version] = statement.history.all()
        assert version.history_change_reason == "Loaded from the archive's content files"
        assert version.sources.count() == 1 and version.topics.count() == 1


def test_the_history_shows_each_reason_and_the_fields_changed(editor_client, parts):
    statement = StatementFactory(topics=[parts[2]], summary_en="First summary.")
    data = statement_form(*parts, slug=statement.slug, summary_en="Second summary.", status="published")
    data["change_reason"] = "Clearer wording"
    assert editor_client.post(change_url(statement), data).status_code == 302
    page = editor_client.get(history_url(statement)).content.decode()
    assert "Clearer wording" in page
    assert "None" not in page
    assert "summary [en]" in page
    assert page.count("summary") == page.count("summary ["), "the untranslated copy is not listed"
    assert "chars]" not in page


def test_two_versions_compared_side_by_side_per_language(editor_client, parts):
    statement = StatementFactory(
        topics=[parts[2]], title_en="The satellite network plan", title_zh_hans="关于卫星互联网的建议"
    )
    first = statement.history.latest("history_date")  # the factory saves twice (sources after)
    statement.title_en = "The satellite internet plan"
    statement.title_zh_hans = "关于卫星通信的建议"
    statement.save()
    statement.title_fr = "Un troisième titre"
    statement.save()
    latest = statement.history.latest("history_date")

    response = editor_client.get(compare_url(statement), {"old": first.history_id, "new": latest.history_id})
    assert response.status_code == 200
    page = response.content.decode()
    assert "<del>network</del>" in page and "<ins>internet</ins>" in page
    assert "<del>互联网</del>" in page and "<ins>通信</ins>" in page
    assert "<ins>Un troisième titre</ins>" not in page  # 'Un' and 'titre' are words of both
    for language in ("English", "French", "Simplified Chinese"):
        assert f"<h2>{language}</h2>" in page


def test_the_comparison_survives_odd_parameters_and_unknown_statements(editor_client):
    statement = StatementFactory()
    assert editor_client.get(compare_url(statement), {"old": "x", "new": "999999"}).status_code == 200
    missing = reverse("admin:archive_statement_compare", args=[999999])
    assert editor_client.get(missing).status_code == 404


def test_restoring_a_live_statement_has_the_statements_breadcrumb(editor_client):
    statement = StatementFactory()
    version = statement.history.latest("history_date")
    url = reverse("admin:archive_statement_simple_history", args=[statement.pk, version.history_id])
    page = editor_client.get(url).content.decode()
    breadcrumbs = page[page.index('class="breadcrumbs"') :][:900]
    assert "Deleted statements" not in breadcrumbs
    assert reverse("admin:archive_statement_changelist") in breadcrumbs


def test_restoring_a_deleted_statement_keeps_the_deleted_breadcrumb(editor_client):
    statement = StatementFactory(status="draft")
    version = statement.history.latest("history_date")
    statement.delete()
    url = reverse("admin:archive_statement_simple_history", args=[version.id, version.history_id])
    page = editor_client.get(url).content.decode()
    breadcrumbs = page[page.index('class="breadcrumbs"') :][:900]
    assert "Deleted statements" in breadcrumbs


def test_unpublishing_asks_for_a_reason_that_the_history_keeps(editor_client):
    statement = StatementFactory(topics=[TopicFactory()])
    changelist = reverse("admin:archive_statement_changelist")
    asked = editor_client.post(changelist, {"action": "unpublish", "_selected_action": [statement.pk]})
    assert asked.status_code == 200 and "reason" in asked.content.decode().lower()
    statement.refresh_from_db()
    assert statement.status == "published"

    empty = editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [statement.pk], "reason": ""}
    )
    assert empty.status_code == 200
    statement.refresh_from_db()
    assert statement.status == "published"

    done = editor_client.post(
        changelist, {"action": "unpublish", "_selected_action": [statement.pk], "reason": "Source withdrawn"}
    )
    assert done.status_code == 302
    statement.refresh_from_db()
    assert statement.status == "draft"
    assert statement.history.latest("history_date").history_change_reason == "Source withdrawn"
