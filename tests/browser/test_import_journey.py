"""An editor imports statements in a real browser: upload, preview, confirm, in English and in
French or Chinese, with axe-core on the import and preview pages."""

import pytest

from archive.models import Statement
from tests.browser.test_admin_journey import assert_fits, sign_in
from tests.factories import SessionFactory, SourceFactory, StatementFactory, TopicFactory
from tests.imports.conftest import csv_file

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WORDS = {
    "en": {
        "import": "Import statements",
        "preview": "Preview the import",
        "confirm": "Confirm the import",
        "update": "Update existing statements",
        "errors": "Errors",
        "done": "Imported from statements.csv",
    },
    "fr": {
        "import": "Importer des déclarations",
        "preview": "Voir l’aperçu de l’import",
        "confirm": "Confirmer l’import",
        "update": "Mettre à jour les déclarations existantes",
        "errors": "Erreurs",
        "done": "Importé de statements.csv",
    },
    "zh-hans": {
        "import": "导入言论",
        "preview": "预览导入",
        "confirm": "确认导入",
        "update": "更新已有言论",
        "errors": "错误",
        "done": "已从statements.csv导入",
    },
}


def row(slug, source, **values):
    return {
        "slug": slug,
        "kind": "proposal",
        "date": "2020-05-22",
        "session": "13-3",
        "topics": "browser-import-topic",
        "source_ids": str(source.pk),
        "title_en": f"Imported in the browser: {slug}",
        "summary_en": "Made up for the browser test.",
        "provenance_en": "report",
        "published": "2026-11-30",
        **values,
    }


def assert_accessible(page, axe_violations):
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    assert_fits(page)


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_an_editor_previews_then_confirms_an_import(
    live_server, make_page, axe_violations, screenshot, tmp_path, language
):
    words = WORDS[language]
    SessionFactory()
    TopicFactory(slug="browser-import-topic")
    source = SourceFactory()
    StatementFactory(slug="2020-already-in-the-archive")
    page = sign_in(live_server, make_page, language)

    page.goto(f"{live_server.url}/admin/archive/statement/")
    page.get_by_role("link", name=words["import"]).click()
    assert_accessible(page, axe_violations)
    screenshot(page, "form")

    # Not a file it can read: the form says why, beside the field.
    odd = tmp_path / "statements.xlsx"
    odd.write_bytes(b"PK\x03\x04")
    page.locator("#id_file").set_input_files(str(odd))
    page.get_by_role("button", name=words["preview"]).click()
    assert page.locator("#id_file_error").is_visible()
    assert page.locator("#id_file").get_attribute("aria-invalid") == "true"
    assert_accessible(page, axe_violations)

    # A file with errors: shown by row and column, with no way to confirm.
    bad = tmp_path / "statements.csv"
    bad.write_bytes(
        csv_file([row("2020-browser-one", source), row("2020-browser-two", source, date="22/05/2020")])
    )
    page.locator("#id_file").set_input_files(str(bad))
    page.get_by_role("button", name=words["preview"]).click()
    assert page.get_by_role("heading", name=words["errors"]).is_visible()
    assert page.locator(".import-table td", has_text="date").first.is_visible()
    assert page.get_by_role("button", name=words["confirm"]).count() == 0
    assert_accessible(page, axe_violations)
    screenshot(page, "errors")

    # The corrected file, which also changes an existing statement: the editor chooses to update.
    (tmp_path / "corrected").mkdir()
    good = tmp_path / "corrected" / "statements.csv"
    good.write_bytes(
        csv_file(
            [
                row("2020-browser-one", source),
                row("2020-already-in-the-archive", source, title_en="A title corrected by import"),
            ]
        )
    )
    page.goto(f"{live_server.url}/admin/archive/statement/import/")
    page.locator("#id_file").set_input_files(str(good))
    page.get_by_label(words["update"]).check()
    page.get_by_role("button", name=words["preview"]).click()
    assert page.locator("td", has_text="A title corrected by import").is_visible()
    assert not Statement.objects.filter(slug="2020-browser-one").exists()
    assert_accessible(page, axe_violations)
    screenshot(page, "preview")

    page.get_by_role("button", name=words["confirm"]).click()
    assert words["done"] in page.locator(".messagelist").inner_text()
    assert Statement.objects.get(slug="2020-browser-one").is_published
    corrected = Statement.objects.get(slug="2020-already-in-the-archive")
    assert corrected.title_en == "A title corrected by import"
    assert corrected.history.first().history_change_reason == words["done"]
    screenshot(page, "done")


def test_a_new_topics_slug_is_made_from_its_english_name(live_server, make_page, axe_violations):
    page = sign_in(live_server, make_page, "fr")
    page.goto(f"{live_server.url}/admin/archive/topic/add/")
    page.get_by_role("group").get_by_role("button", name="anglais").click()
    page.locator("#id_name_en").fill("Satellite internet")
    page.locator("#id_name_en").blur()
    assert page.input_value("#id_slug") == "satellite-internet"
