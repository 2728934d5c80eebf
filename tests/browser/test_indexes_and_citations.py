"""The new pages in a real browser: no serious accessibility violation, in every language."""

import datetime

import pytest

from tests.factories import QuoteFactory, SessionFactory, StatementFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def archive():
    space, cars = TopicFactory(name_en="Space"), TopicFactory(name_en="Cars")
    SessionFactory()
    statement = StatementFactory(
        topics=[space], official_title="关于加快卫星互联网建设的建议", date=datetime.date(2020, 5, 22)
    )
    StatementFactory(topics=[space, cars], kind="speech", date=datetime.date(2021, 3, 5), session=None)
    QuoteFactory(parent=statement)
    return statement


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_the_new_pages_pass_axe(live_server, make_page, screenshot, axe_violations, archive, language):
    page = make_page(locale={"en": "en-GB", "fr": "fr-FR", "zh-hans": "zh-CN"}[language])
    for step, path in [
        ("home", ""),
        ("topics", "topics/"),
        ("sessions", "sessions/"),
        ("about", "about/"),
        ("statement", f"statements/{archive.slug}/"),
    ]:
        page.goto(f"{live_server.url}/{language}/{path}")
        screenshot(page, f"{language}-{step}")
        assert axe_violations(page) == [], (language, step)


def test_the_agenda_table_opens_and_its_cells_lead_to_the_search(live_server, make_page, archive):
    page = make_page()
    page.goto(f"{live_server.url}/en/")
    page.get_by_text("The same as a table").click()
    page.locator(".agenda-table a", has_text="1").first.click()
    page.wait_for_url("**/en/search/?topic=*&year=*")
    assert "1 statement found" in page.locator("#results-heading").inner_text()


def test_each_citation_gets_a_copy_button_from_the_external_script(live_server, make_page, archive):
    page = make_page()
    page.goto(f"{live_server.url}{archive.get_absolute_url()}")
    assert page.locator("button.copy-citation").count() == 4
    assert page.locator("p.citation").first.inner_text().startswith("Lei Jun. 2020.")
