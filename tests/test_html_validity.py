"""Every public page type, in the three languages, is valid HTML for the Nu Html Checker.

The checker is npm's vnu-jar, run here on the machine's Java with no network (`make setup-test`
installs both); all pages go to one run of the checker, which takes a few seconds to start.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pages import all_pages, make_content, runs_once

pytestmark = [pytest.mark.django_db, pytest.mark.pages, runs_once]

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def nu_html_checker(files):
    """The checker's errors, as (file name, line, message)."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.exists():
        pytest.fail("The Nu Html Checker needs Java and node_modules/vnu-jar: run `make setup-test`.")
    result = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stdout)["messages"]
    return [(Path(m.get("url", "")).name, m.get("lastLine"), m["message"]) for m in messages]


def test_every_page_type_in_every_language_has_no_html_error(client, tmp_path):
    content = make_content()
    files = []
    for page, language, url in all_pages(content):
        response = client.get(url)
        assert response.status_code == page.status, url
        path = tmp_path / f"{page.name}.{language}.html"
        path.write_bytes(response.content)
        files.append(path)
    errors = nu_html_checker(files)
    assert errors == [], "\n".join(f"{name}:{line}: {message}" for name, line, message in errors)


def test_the_checker_finds_errors_so_a_clean_run_means_something(tmp_path):
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><form action=""></form></html>')
    assert any("action" in message for _name, _line, message in nu_html_checker([broken]))
