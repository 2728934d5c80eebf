import pytest

from tests.factories import StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_reader_opens_a_statement_from_the_home_page(live_server, make_page, screenshot, axe_violations):
    statement = StatementFactory(title_en="A made-up proposal on warnings")
    page = make_page()
    page.goto(f"{live_server.url}/en/")
    screenshot(page, "home")
    page.get_by_role("link", name="A made-up proposal on warnings").click()
    page.wait_for_url(f"**{statement.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "A made-up proposal on warnings"
    screenshot(page, "statement")
    assert axe_violations(page) == []
