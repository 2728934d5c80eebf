"""One address per page: other spellings lead there permanently; /favicon.ico is ours."""

import datetime
import xml.etree.ElementTree as ET

import pytest

from tests.factories import SessionFactory, StatementFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"
XHTML = "{http://www.w3.org/1999/xhtml}link"


@pytest.mark.parametrize(
    ("asked", "sent_to"),
    [
        ("/zh/", "/zh-hans/"),
        ("/zh-cn/", "/zh-hans/"),
        ("/zh-tw/2020/", "/zh-hans/2020/"),
        ("/zh-hant/statements/x/", "/zh-hans/statements/x/"),
        ("/zh-Hans/", "/zh-hans/"),
        ("/zh_CN/search/?q=%E5%8D%AB%E6%98%9F", "/zh-hans/search/?q=%E5%8D%AB%E6%98%9F"),
    ],
)
def test_every_chinese_prefix_leads_to_the_simplified_chinese_site(client, asked, sent_to):
    response = client.get(asked)
    assert response.status_code == 301
    assert response["Location"] == sent_to


def test_the_simplified_chinese_site_itself_is_not_redirected(client):
    assert client.get("/zh-hans/").status_code == 200
    assert client.get("/zhx/").status_code == 404


@pytest.mark.parametrize(
    ("asked", "sent_to"),
    [
        ("/en/02020/", "/en/2020/"),
        ("/fr/002020/?compare=en", "/fr/2020/?compare=en"),
        ("/en/sessions/012-1/", "/en/sessions/12-1/"),
        ("/zh-hans/sessions/12-01/", "/zh-hans/sessions/12-1/"),
    ],
)
def test_numbers_with_leading_zeros_lead_to_the_canonical_address(client, asked, sent_to):
    SessionFactory(
        congress=12,
        number=1,
        year=2013,
        opened_on=datetime.date(2013, 3, 5),
        closed_on=datetime.date(2013, 3, 17),
    )
    response = client.get(asked)
    assert response.status_code == 301
    assert response["Location"] == sent_to
    assert client.get(sent_to).status_code == 200


def test_the_favicon_is_an_icon_at_the_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00", "an ICO header"
    assert b"\x89PNG" in body


def test_the_sitemap_and_the_pages_name_the_same_x_default(client):
    statement = StatementFactory()
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    defaults = {}
    for url in root:
        loc = url.find("{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text
        for link in url.iter(XHTML):
            if link.get("hreflang") == "x-default":
                defaults[loc] = link.get("href")
    french = f"{ORIGIN}/fr{statement.get_absolute_url()[3:]}"
    assert defaults[french] == f"{ORIGIN}{statement.get_absolute_url()}"
    assert defaults[f"{ORIGIN}/zh-hans/"] == f"{ORIGIN}/en/"
    assert all(href.startswith(f"{ORIGIN}/en/") for href in defaults.values())
    html = client.get("/fr" + statement.get_absolute_url()[3:]).content.decode()
    assert f'hreflang="x-default" href="{defaults[french]}"' in html
