"""The statement admin's bulk import, through the real admin: upload, preview, confirm."""

import json

import pytest
from django.contrib.auth.models import Permission, User
from django.test import override_settings

from archive.models import Statement
from tests.factories import QuoteFactory, StatementFactory
from tests.imports.conftest import IMPORT_URL, confirm, csv_file, upload

pytestmark = pytest.mark.django_db


def plan_of(response):
    assert response.status_code == 200
    return response.context["plan"]


def test_the_preview_lists_every_error_by_row_and_column_and_writes_nothing(editor_client, new_row):
    StatementFactory(slug="2020-already-here")
    rows = [
        new_row("2020-fine"),
        new_row("2020-bad-date", date="06/03/2026"),
        new_row("2020-unknown-links", topics="no-such-topic", source_ids="999999", session="13-9"),
        new_row("2020-no-provenance", provenance_fr=""),
        new_row("2010-too-early", date="2010-03-05", session=""),
        new_row("2020-no-english", title_en="", summary_en=""),
        new_row("2020-fine", title_en="The same slug twice"),
        new_row("2020-no-topic", topics="", source_ids=""),
        new_row("2020-already-here"),
        new_row("2020-bad-choices", kind="poem", provenance_en="rumour"),
        new_row("2020-no-such-day", date="2020-02-30", published="2026-13-01"),
        new_row("2020-control", title_en="A bell\x07 in the title"),
    ]
    response = upload(editor_client, csv_file(rows))
    errors = {(row, column) for row, column, _message in plan_of(response).errors}
    assert errors == {
        (3, "date"),
        (4, "topics"),
        (4, "source_ids"),
        (4, "session"),
        (5, "provenance_fr"),
        (6, "date"),
        (7, "title_en"),
        (7, "summary_en"),
        (8, "slug"),
        (9, "topics"),
        (9, "source_ids"),
        (10, "slug"),
        (11, "kind"),
        (11, "provenance_en"),
        (12, "date"),
        (12, "published"),
        (13, "title_en"),
    }
    page = response.content.decode()
    assert "is not a date: write it YYYY-MM-DD" in page
    assert "French: a text in this language needs a provenance" in page
    assert "Confirm the import" not in page
    assert not Statement.objects.exclude(slug="2020-already-here").exists()


def test_a_quote_published_by_import_needs_his_own_words(editor_client, new_row):
    parent = StatementFactory(slug="2020-parent")
    row = new_row("2020-a-quote", kind="quote", parent_id=str(parent.pk))
    errors = plan_of(upload(editor_client, csv_file([row]))).errors
    assert [(number, column) for number, column, _message in errors] == [(2, "")]
    assert "needs his own words" in errors[0][2]
    row.update(text_zh_hans="测试用的虚构引语。", provenance_zh_hans="original")
    assert plan_of(upload(editor_client, csv_file([row]))).valid


def test_new_statements_are_created_each_with_one_version_and_the_reason(editor, editor_client, new_row):
    second = new_row("2020-second", published="", spoken_language="", notes_en="")
    preview = upload(editor_client, csv_file([new_row("2020-first", spoken_language="en"), second]))
    plan = plan_of(preview)
    assert (plan.created, plan.updated, plan.unchanged, plan.errors) == (2, 0, 0, [])
    assert "Row 2: new statement 2020-first" in preview.content.decode()
    assert not Statement.objects.exists()  # a preview writes nothing

    response = confirm(editor_client, preview)
    assert response.status_code == 302
    first, second = Statement.objects.get(slug="2020-first"), Statement.objects.get(slug="2020-second")
    assert first.is_published and first.published_at and not second.is_published
    assert first.title_fr == "Déclaration importée 2020-first" and first.session.key == "13-3"
    assert (first.spoken_language, second.spoken_language) == ("en", "zh-hans")  # empty: the default
    assert [t.slug for t in first.topics.all()] == ["test-import-topic"]
    for statement in (first, second):
        versions = list(statement.history.all())
        assert len(versions) == 1
        assert versions[0].history_change_reason == "Imported from statements.csv"
        assert versions[0].history_user == editor
        assert [row.topic.slug for row in versions[0].topics.all()] == ["test-import-topic"]


def test_an_existing_statement_changes_only_when_the_editor_chooses_to_update(editor_client, new_row):
    upload_and_confirm = upload(editor_client, csv_file([new_row("2020-kept")]))
    confirm(editor_client, upload_and_confirm)
    statement = Statement.objects.get(slug="2020-kept")
    updated_at = statement.updated_at
    changed = csv_file(
        [
            new_row(
                "2020-kept",
                title_fr="Un titre corrigé",
                summary_zh_hans="新的摘要。",
                provenance_zh_hans="translation",
            )
        ]
    )

    refused = plan_of(upload(editor_client, changed))
    assert [(row, column) for row, column, _message in refused.errors] == [(2, "slug")]
    assert "Update existing statements" in refused.errors[0][2]

    preview = upload(editor_client, changed, update=True)
    plan = plan_of(preview)
    assert (plan.created, plan.updated) == (0, 1)
    assert [(c.column, c.old, c.new) for c in plan.rows[0].changes] == [
        ("title_fr", "Déclaration importée 2020-kept", "Un titre corrigé"),
        ("summary_zh_hans", "", "新的摘要。"),
        ("provenance_zh_hans", "", "translation"),
    ]
    page = preview.content.decode()
    assert "Row 2: changes to 2020-kept" in page and "Déclaration importée 2020-kept" in page
    Statement.objects.filter(pk=statement.pk).update(notes_en="")  # the same as before: no new change
    confirm(editor_client, preview)
    statement.refresh_from_db()
    assert statement.title_fr == "Un titre corrigé" and statement.summary_zh_hans == "新的摘要。"
    assert statement.updated_at > updated_at
    assert statement.history.count() == 2


def test_reimporting_the_same_file_changes_nothing(editor_client, new_row):
    content = csv_file([new_row("2020-once"), new_row("2020-twice", published="")])
    confirm(editor_client, upload(editor_client, content))
    before = {s.slug: (s.updated_at, s.history.count()) for s in Statement.objects.all()}

    for update in (False, True):
        preview = upload(editor_client, content, update=update)
        plan = plan_of(preview)
        assert (plan.created, plan.updated, plan.unchanged, plan.errors) == (0, 0, 2, [])
        page = preview.content.decode()
        assert "No changes" in page and "Confirm the import" not in page
    assert {s.slug: (s.updated_at, s.history.count()) for s in Statement.objects.all()} == before


def test_an_import_never_unpublishes(editor_client, new_row):
    confirm(editor_client, upload(editor_client, csv_file([new_row("2020-public")])))
    plan = plan_of(upload(editor_client, csv_file([new_row("2020-public", published="")]), update=True))
    assert plan.unchanged == 1
    assert Statement.objects.get(slug="2020-public").is_published


def test_a_plan_that_changed_since_the_preview_writes_nothing(editor_client, new_row):
    preview = upload(editor_client, csv_file([new_row("2020-one"), new_row("2020-two")]))
    StatementFactory(slug="2020-two")  # another editor, meanwhile
    response = confirm(editor_client, preview)
    assert response.status_code == 200
    assert "The archive changed since the preview" in response.content.decode()
    assert [(row, column) for row, column, _m in response.context["plan"].errors] == [(3, "slug")]
    assert not Statement.objects.filter(slug="2020-one").exists()


def test_a_preview_is_confirmed_only_by_the_editor_who_made_it(editor_client, new_row, client):
    preview = upload(editor_client, csv_file([new_row()]))
    other = User.objects.create_user("other", password="x", is_staff=True, is_superuser=True)
    client.force_login(other)
    response = confirm(client, preview)
    assert response.status_code == 302 and response["Location"] == IMPORT_URL
    assert not Statement.objects.exists()


def test_json_and_json_lines_in_the_downloads_shape_or_as_rows(editor_client, new_row):
    rows = [new_row("2020-from-json"), new_row("2020-from-json-2", topics=["test-import-topic"])]
    plan = plan_of(upload(editor_client, json.dumps(rows).encode(), name="rows.json"))
    assert (plan.created, plan.errors) == (2, [])
    lines = "\n".join(json.dumps(row) for row in rows).encode()
    plan = plan_of(upload(editor_client, lines, name="rows.jsonl"))
    assert (plan.created, plan.errors) == (2, [])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("statements.xlsx", b"PK\x03\x04", "Upload a .csv, .json or .jsonl file"),
        ("statements.csv", "slug,kind,date\r\n2020-é,proposal,2020-05-22\r\n".encode("latin-1"), "not UTF-8"),
        ("statements.csv", b"slug,kind\r\n2020-x,proposal\r\n", "Missing columns: date."),
        (
            "statements.csv",
            b"slug,kind,date,title\r\n2020-x,proposal,2020-05-22,T\r\n",
            "Unknown columns: title.",
        ),
        ("statements.csv", b"", "file is empty."),
        ("statements.csv", b"slug,kind,date\r\n", "a header but no statements"),
        ("statements.csv", b"slug,kind,date\r\n2020-x,proposal,2020-05-22,extra\r\n", "more cells"),
        ("statements.json", b"{not json", "not valid JSON"),
        ("statements.json", b'{"statements": 3}', "no list of statements"),
        ("statements.json", b'[{"texts": 1}]', "Item 1 is not a statement"),
        ("statements.jsonl", b'{"slug": "a"}\n[', "Line 2 is not valid JSON"),
        ("statements.csv", b"slug,kind,date\r\n\x00,proposal,2020-05-22\r\n", "null characters"),
    ],
)
def test_a_bad_file_is_a_form_error_never_a_server_error(editor_client, name, content, message):
    response = upload(editor_client, content, name=name)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not Statement.objects.exists()


@override_settings(ARCHIVE_IMPORT_MAX_BYTES=1000)
def test_a_file_too_big_is_a_form_error(editor_client, new_row):
    response = upload(editor_client, csv_file([new_row(f"2020-row-{n}") for n in range(20)]))
    assert "the largest accepted is 1000" in " ".join(response.context["form"].errors["file"])


def test_a_french_spreadsheet_with_semicolons_and_crlf_in_texts(editor_client, new_row):
    row = new_row("2020-semicolons", text_en="One.\r\n\r\nTwo.")
    content = csv_file([row]).decode("utf-8-sig").replace(",", ";").encode("utf-8-sig")
    confirm(editor_client, upload(editor_client, content))
    assert Statement.objects.get(slug="2020-semicolons").text_en == "One.\n\nTwo."


def test_only_editors_who_may_add_statements_can_import(client, editor_client, new_row):
    assert editor_client.get(IMPORT_URL).status_code == 200
    assert "Import statements" in editor_client.get("/admin/archive/statement/").content.decode()
    client.logout()
    assert client.get(IMPORT_URL).status_code == 302  # to the sign-in page
    viewer = User.objects.create_user("viewer", password="x", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_statement"))
    client.force_login(viewer)
    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, csv_file([new_row()])).status_code == 403
    assert "Import statements" not in client.get("/admin/archive/statement/").content.decode()
    adder = User.objects.create_user("adder", password="x", is_staff=True)
    adder.user_permissions.add(Permission.objects.get(codename="add_statement"))
    client.force_login(adder)
    assert upload(client, csv_file([new_row()])).status_code == 200
    assert upload(client, csv_file([new_row()]), update=True).status_code == 403


def test_a_quote_refers_to_its_statement_by_id(editor_client, new_row):
    parent = StatementFactory(slug="2020-its-statement")
    existing_quote = QuoteFactory(parent=parent)
    row = new_row(
        "2020-new-quote",
        kind="quote",
        parent_id=str(existing_quote.pk),
        text_zh_hans="引语。",
        provenance_zh_hans="original",
    )
    errors = plan_of(upload(editor_client, csv_file([row]))).errors
    assert {(n, c) for n, c, _m in errors} == {(2, "parent_id")}
    assert "Quotes can only come from a proposal, a speech or remarks." in [m for _n, _c, m in errors]
    row["parent_id"] = "12345678"
    assert [(n, c) for n, c, _m in plan_of(upload(editor_client, csv_file([row]))).errors] == [
        (2, "parent_id")
    ]
    row["parent_id"] = str(parent.pk)
    confirm(editor_client, upload(editor_client, csv_file([row])))
    assert Statement.objects.get(slug="2020-new-quote").parent == parent
