"""A statement's quotes (his words beside the reader's language) and reported points in a browser."""

import pytest

from tests.factories import QuoteFactory, StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [360, 1280])
def test_quotes_and_reported_points_read_well_and_pass_axe(
    live_server, make_page, screenshot, axe_violations, width
):
    parent = StatementFactory(kind="remarks", slug="2020-made-up-remarks", title_fr="Propos inventés")
    QuoteFactory(
        parent=parent,
        text_zh_hans="第一段虚构的原话。\n\n第二段虚构的原话。",
        text_fr="Premier paragraphe inventé.\n\nSecond paragraphe inventé.",
        provenance_fr="translation",
    )
    StatementFactory(
        kind="reported", parent=parent, title_fr="Un point rapporté inventé", text_fr="Il a dit plus."
    )
    page = make_page(locale="fr-FR", width=width)
    page.goto(f"{live_server.url}/fr/statements/{parent.slug}/")
    quote = page.locator("#quotes .quote").first
    wordings = quote.locator(".quote-wording")
    assert wordings.count() == 2
    assert wordings.nth(0).locator("blockquote[lang=zh-hans] p").count() == 2
    if width > 640:  # beside each other when there is room, his words on the left
        first, second = wordings.nth(0).bounding_box(), wordings.nth(1).bounding_box()
        assert first["x"] < second["x"] and abs(first["y"] - second["y"]) < 2
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.locator("#reported .reported-point").count() == 1
    screenshot(page, f"quotes-{width}")
    assert axe_violations(page) == []
