"""What a page says about itself in its <head>: addresses, description, image and icons."""

import datetime
import re

import pytest

from tests.factories import SessionFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"


def head(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    html = response.content.decode()
    return html[: html.index("</head>")]


def meta(html, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)
    return match and match.group(1)


def test_a_missing_page_has_no_canonical_address_nor_translations(client):
    html = head(client, "/en/no-such-page/", status=404)
    assert 'rel="canonical"' not in html
    assert "hreflang" not in html
    assert "og:url" not in html
    assert '<meta name="robots" content="noindex">' in html


def test_an_existing_page_names_its_canonical_address(client):
    html = head(client, "/fr/2020/")
    assert f'<link rel="canonical" href="{ORIGIN}/fr/2020/">' in html


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_every_page_has_the_open_graph_card_of_its_language_and_our_icons(client, language):
    html = head(client, f"/{language}/")
    assert meta(html, "property", "og:image") == f"{ORIGIN}/static/archive/og/{language}.png"
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert '<link rel="icon" href="/static/archive/icons/icon.svg" type="image/svg+xml">' in html
    assert '<link rel="apple-touch-icon" href="/static/archive/icons/apple-touch-icon.png">' in html


def test_home_year_session_and_topic_pages_each_have_their_own_description(client):
    topic = TopicFactory(description_en="")
    session = SessionFactory()
    StatementFactory(title_en="A made-up proposal on rural broadband", topics=[topic], session=session)
    StatementFactory(title_en="A made-up speech on batteries", kind="speech", session=session)
    urls = ["/en/", "/en/2020/", session.get_absolute_url(), topic.get_absolute_url(), "/en/2019/"]
    descriptions = [meta(head(client, url), "name", "description") for url in urls]
    assert len(set(descriptions)) == len(urls), descriptions
    home, year, in_session, on_topic, empty_year = descriptions
    assert "1 proposal, 1 speech" in home and "2020" in home
    assert "2020" in year and "rural broadband" in year and "1 speech" in year
    assert "Third Session of the 13th National People&#x27;s Congress" in in_session
    assert "22 May 2020 to 28 May 2020" in in_session
    assert topic.name_en in on_topic and "1 proposal" in on_topic and "batteries" not in on_topic
    assert "nothing is archived yet" in empty_year


def test_descriptions_are_written_in_the_readers_language(client):
    session = SessionFactory()
    StatementFactory(title_fr="Une proposition inventée", title_zh_hans="虚构的建议", session=session)
    french = meta(head(client, "/fr/2020/"), "name", "description")
    chinese = meta(head(client, "/zh-hans/2020/"), "name", "description")
    assert "Une proposition inventée" in french and "1 proposition" in french
    assert "虚构的建议" in chinese


def test_a_topic_with_its_own_description_uses_it(client):
    topic = TopicFactory(description_en="Made-up: what he proposed about test matters.")
    StatementFactory(topics=[topic])
    assert meta(head(client, topic.get_absolute_url()), "name", "description") == (
        "Made-up: what he proposed about test matters."
    )


def test_og_description_follows_the_page_description(client):
    StatementFactory(date=datetime.date(2021, 3, 6), session=None, title_en="A made-up 2021 proposal")
    html = head(client, "/en/2021/")
    assert meta(html, "property", "og:description") == meta(html, "name", "description")
    assert "A made-up 2021 proposal" in meta(html, "name", "description")
