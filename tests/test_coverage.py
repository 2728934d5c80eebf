"""docs/coverage.md from the content files: reported against archived, each gap with its reason."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.content import read_content
from archive.coverage import coverage_markdown
from tests.test_content_loading import write_content


def _with_coverage(directory, coverage):
    path = directory / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["coverage"] = coverage
    path.write_text(json.dumps(data))


def test_the_coverage_page_sets_each_years_reported_proposals_against_the_archived_ones(tmp_path):
    write_content(tmp_path)
    _with_coverage(
        tmp_path,
        {
            "reported": 3,
            "reported_by": ["rep"],
            "note": "The test wire reports three.",
            "missing": [{"subject": "A made-up third proposal", "reason": "Title unknown."}],
        },
    )
    text = coverage_markdown(read_content(tmp_path))
    assert "| [2020](#2020) | 3 | 1 | 1 |" in text
    assert "| [2013](#2013) | not reported | 0 | none known |" in text
    assert "Example Test Wire, “Test report”, 2020-05-22" in text
    assert (
        "- official title not found (see its notes): A made-up test proposal (`2020-test-proposal`)" in text
    )
    assert "- A made-up third proposal: Title unknown." in text


@pytest.mark.parametrize(
    "coverage, message",
    [
        ({"reported": 2, "note": "x"}, "name the source"),
        ({"reported": "two", "reported_by": ["rep"]}, "a number of proposals"),
        ({"reported": 2, "reported_by": ["nowhere"]}, "unknown source 'nowhere'"),
        ({"reported": None, "missing": [{"subject": "A proposal"}]}, "the reason it is missing"),
    ],
)
def test_a_wrong_coverage_entry_stops_the_command_with_a_message(tmp_path, settings, coverage, message):
    write_content(tmp_path)
    _with_coverage(tmp_path, coverage)
    settings.CONTENT_DIR = tmp_path
    with pytest.raises(CommandError, match=message):
        call_command("write_coverage_doc")
