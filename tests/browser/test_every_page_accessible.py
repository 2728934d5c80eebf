"""axe-core over every public page type (tests/pages.py), in light and dark mode, at 360 px and
1280 px: zero violations of any impact. One browser, one tab per language, each page loaded once.

ARCHIVE_SCREENSHOTS=1 also saves a screenshot of each page in each mode and width, to look at.
"""

import os

import pytest
from django.db import connection

from tests.browser.conftest import ARTIFACTS
from tests.pages import LANGUAGES, all_pages, make_content, runs_once

pytestmark = [pytest.mark.browser, pytest.mark.pages, pytest.mark.django_db(transaction=True), runs_once]

WIDTHS = (360, 1280)
SCHEMES = ("light", "dark")
BROWSER_LOCALES = {"en": "en-GB", "fr": "fr-FR", "zh-hans": "zh-CN"}


@pytest.fixture
def all_violations():
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def run(page):
        results = axe.run(page)
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
            for v in results.response["violations"]
        ]

    return run


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_has_no_axe_violation_in_light_and_dark_on_phone_and_desktop(
    language, live_server, make_page, all_violations
):
    content = make_content()
    tab = make_page(locale=BROWSER_LOCALES[language])
    folder = ARTIFACTS / connection.vendor / "every-page"
    screenshots = os.environ.get("ARCHIVE_SCREENSHOTS") == "1"
    if screenshots:
        folder.mkdir(parents=True, exist_ok=True)
    problems = []
    for page, page_language, url in all_pages(content):
        if page_language != language:
            continue
        response = tab.goto(f"{live_server.url}{url}")
        assert response.status == page.status, url
        for width in WIDTHS:
            tab.set_viewport_size({"width": width, "height": 900})
            overflow = tab.evaluate("document.documentElement.scrollWidth")
            if overflow > width:
                problems.append(f"{url} at {width}px: {overflow}px wide")
            for scheme in SCHEMES:
                tab.emulate_media(color_scheme=scheme)
                problems += [f"{url} {scheme} {width}px: {v}" for v in all_violations(tab)]
                if screenshots:
                    name = f"{page.name}.{language}.{width}.{scheme}.png"
                    tab.screenshot(path=str(folder / name), full_page=True)
    assert problems == [], "\n".join(problems)
