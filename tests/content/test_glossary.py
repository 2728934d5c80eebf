"""The trilingual glossary (docs/glossary.json): complete enough to be one, applied everywhere."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from archive.editorial.glossary import entries, markdown, rejected_forms
from archive.editorial.texts import all_texts

TEXTS = list(all_texts())


def test_the_glossary_has_one_form_per_language_for_at_least_thirty_terms():
    assert len(entries()) >= 30
    ids = [entry["id"] for entry in entries()]
    assert len(ids) == len(set(ids))
    for entry in entries():
        for language in ("en", "fr", "zh-hans"):
            assert entry[language].strip(), f"{entry['id']} has no {language} form"
        for language, forms in entry.get("rejected", {}).items():
            assert language in ("en", "fr", "zh-hans")
            for form in forms:
                re.compile(form)
                assert not re.search(form, entry[language]), f"{entry['id']} rejects its own {language} form"


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_no_text_or_interface_string_uses_a_form_the_glossary_rejects(language):
    found = [
        f"{text.where} [{text.field}]: {entry_id} rejects {form!r}"
        for text in TEXTS
        if text.language == language
        for entry_id, form in rejected_forms(text.value, language)
    ]
    assert not found, "\n".join(found[:40])


def test_a_rejected_form_is_found_whatever_its_typographic_spaces():
    assert rejected_forms("au Palais du peuple", "fr") == [("great-hall", "Palais du peuple")]
    assert rejected_forms("dans les\u00a0archives", "fr")
    assert rejected_forms("les éditeurs d’applications", "fr") == []
    assert rejected_forms("Palais de l’Assemblée du peuple", "fr") == []


def test_docs_glossary_md_is_generated_from_the_data():
    written = Path(settings.BASE_DIR, "docs", "glossary.md").read_text(encoding="utf-8")
    assert written == markdown(), "run manage.py write_glossary"
