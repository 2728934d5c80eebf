"""The data page and the API's documentation in a real browser: they load with no console error,
with no request leaving the site, and with no serious accessibility violation on our page."""

import pytest

from tests.factories import StatementFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def watch(page, live_server):
    """Console errors, failed requests, and requests to any other origin."""
    problems = []

    def console(message):
        # A failed load is reported by URL below, where the site's missing favicon can be told apart.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(f"console error: {message.text}")

    def response(r):
        if r.status >= 400 and not r.url.endswith("/favicon.ico"):
            problems.append(f"{r.status}: {r.url}")

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith((live_server.url, "data:", "blob:"))
            else problems.append(f"external: {r.url}")
        ),
    )
    return problems


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_the_data_page_offers_every_file(live_server, make_page, screenshot, axe_violations, language):
    StatementFactory(title_zh_hans="关于卫星互联网的测试建议", topics=[TopicFactory()])
    page = make_page(locale="zh-CN" if language == "zh-hans" else "en-GB")
    problems = watch(page, live_server)
    page.goto(f"{live_server.url}/{language}/")
    page.locator("footer a[href$='/data/']").click()
    page.wait_for_url(f"**/{language}/data/")
    assert page.locator("table tbody tr").count() == 8
    screenshot(page, "data")
    with page.expect_download() as download:
        page.locator("a[href='/data/statements.csv']").click()
    content = open(download.value.path(), "rb").read()
    assert content.startswith(b"\xef\xbb\xbf") and "关于卫星互联网的测试建议".encode() in content
    assert axe_violations(page) == []
    assert problems == []


def test_the_api_docs_load_from_our_own_files(live_server, make_page, screenshot):
    page = make_page()
    problems = watch(page, live_server)
    page.goto(f"{live_server.url}/en/")
    page.locator("footer a[href='/api/v1/docs/']").click()
    page.wait_for_url("**/api/v1/docs/")
    # Swagger UI has read the schema and drawn the operations.
    page.get_by_text("/api/v1/statements/{id}/", exact=True).first.wait_for(timeout=20_000)
    screenshot(page, "api-docs")
    page.get_by_text("Lei Jun at the National People's Congress: API").first.wait_for()
    assert problems == []
