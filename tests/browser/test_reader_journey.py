"""A reader's journey in a real browser, in each language: home, a year, a statement, another
language, the side-by-side view, a topic; axe-core on every page type."""

import pytest

from tests.factories import StatementFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLES = {
    "en": "A made-up proposal on warnings",
    "fr": "Une proposition inventée sur l'alerte",
    "zh-hans": "虚构的预警建议",
}
BROWSER_LOCALES = {"en": "en-GB", "fr": "fr-FR", "zh-hans": "zh-CN"}
OTHER = {"en": "fr", "fr": "zh-hans", "zh-hans": "en"}
TOPIC = {"en": "Made-up warnings", "fr": "Alertes inventées", "zh-hans": "虚构预警"}


@pytest.fixture
def statement():
    topic = TopicFactory(
        slug="made-up-warnings", name_en=TOPIC["en"], name_fr=TOPIC["fr"], name_zh_hans=TOPIC["zh-hans"]
    )
    return StatementFactory(
        slug="2020-made-up-warning-proposal",
        title_en=TITLES["en"],
        title_fr=TITLES["fr"],
        title_zh_hans=TITLES["zh-hans"],
        text_fr="Texte français inventé.",
        text_zh_hans="虚构的中文全文。",
        topics=[topic],
    )


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_a_reader_goes_from_home_to_a_statement_and_reads_it_beside_a_translation(
    language, statement, live_server, make_page, screenshot, axe_violations
):
    page = make_page(locale=BROWSER_LOCALES[language])
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(f"{live_server.url}/")
    assert page.url == f"{live_server.url}/{language}/"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "the home page fits a phone"
    page.set_viewport_size({"width": 1280, "height": 900})
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, "1-home")
    assert axe_violations(page) == []

    page.locator("#year-2020 h3 a").click()
    page.wait_for_url(f"**/{language}/2020/")
    screenshot(page, "2-year")
    assert axe_violations(page) == []

    page.get_by_role("link", name=TITLES[language]).first.click()
    page.wait_for_url(f"**/{language}/statements/{statement.slug}/")
    assert page.locator("h1").inner_text() == TITLES[language]
    screenshot(page, "3-statement")
    assert axe_violations(page) == []

    other = OTHER[language]
    page.locator(f"nav.languages a[hreflang='{other}']").click()
    page.wait_for_url(f"**/{other}/statements/{statement.slug}/")
    assert page.locator("h1").inner_text() == TITLES[other]
    screenshot(page, "4-other-language")

    page.select_option("#compare", language)
    page.locator(".compare-form button").click()
    page.wait_for_url(f"**compare={language}**")
    versions = page.locator(".versions .version")
    assert versions.count() == 2
    first, second = versions.nth(0).bounding_box(), versions.nth(1).bounding_box()
    assert abs(first["y"] - second["y"]) < 5 and second["x"] > first["x"] + first["width"] / 2, "two columns"
    screenshot(page, "5-side-by-side")
    assert axe_violations(page) == []

    page.set_viewport_size({"width": 360, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "nothing wider than a phone"
    first, second = versions.nth(0).bounding_box(), versions.nth(1).bounding_box()
    assert second["y"] >= first["y"] + first["height"] - 1, "stacked on a phone"
    screenshot(page, "6-side-by-side-phone")

    page.locator(".topic-tags a").first.click()
    page.wait_for_url(f"**/{other}/topics/made-up-warnings/")
    assert TOPIC[other] in page.locator("h1").inner_text()
    assert page.get_by_role("link", name=TITLES[other]).count() >= 1
    screenshot(page, "7-topic")
    assert axe_violations(page) == []
