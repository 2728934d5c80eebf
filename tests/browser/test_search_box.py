import pytest

from tests.factories import StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_searches_from_the_header_in_traditional_characters(
    live_server, make_page, screenshot, axe_violations
):
    StatementFactory(
        title_en="A made-up satellite proposal",
        title_fr="Une proposition inventée sur les satellites",
        title_zh_hans="虚构的卫星互联网建议",
        summary_zh_hans="虚构摘要：发展卫星互联网。",
    )
    StatementFactory(title_en="A made-up proposal on something else", title_fr="Autre chose, inventé")
    page = make_page(locale="fr-FR")
    page.goto(f"{live_server.url}/fr/")
    page.fill("#site-search-q", "衛星")
    page.locator(".site-search button").click()
    page.wait_for_url("**/fr/search/?q=*")
    results = page.get_by_role("link", name="Une proposition inventée sur les satellites")
    assert results.count() == 1
    assert page.get_by_role("link", name="Autre chose, inventé").count() == 0
    assert page.locator("mark").first.inner_text() == "卫星"
    screenshot(page, "results")
    assert axe_violations(page) == []
