"""Each page's hreflang and x-default links say exactly what the sitemap says about that page."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.pages import PAGE_TYPES, all_pages, make_content, runs_once

pytestmark = [pytest.mark.django_db, pytest.mark.pages, runs_once]

ORIGIN = "https://archive.example.org"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML_LINK = "{http://www.w3.org/1999/xhtml}link"
ALTERNATE = re.compile(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">')


def sitemap_alternates(client):
    root = ET.fromstring(client.get("/sitemap.xml").content)  # noqa: S314
    alternates = {}
    for url in root:
        links = {link.get("hreflang"): link.get("href") for link in url.iter(XHTML_LINK)}
        alternates[url.find(f"{SITEMAP}loc").text] = links
    return alternates


def test_every_page_in_the_sitemap_declares_the_same_alternates_as_the_sitemap(client):
    content = make_content()
    sitemap = sitemap_alternates(client)
    checked = 0
    for page, _language, url in all_pages(content):
        if not page.in_sitemap:
            continue
        html = client.get(url).content.decode()
        declared = dict(ALTERNATE.findall(html[: html.index("</head>")]))
        assert declared == sitemap[f"{ORIGIN}{url}"], url
        assert declared["x-default"] == declared["en"]
        checked += 1
    assert checked == 3 * sum(page.in_sitemap for page in PAGE_TYPES)


def test_pages_outside_the_sitemap_point_their_alternates_at_pages_in_it_or_have_none(client):
    content = make_content()
    sitemap = sitemap_alternates(client)
    for page, _language, url in all_pages(content):
        if page.in_sitemap:
            continue
        html = client.get(url).content.decode()
        declared = dict(ALTERNATE.findall(html[: html.index("</head>")]))
        if page.status == 404:
            assert declared == {}, url
        elif f"{ORIGIN}{url.split('?')[0]}" in sitemap:
            # ?compare=… is the same page as its canonical address, which the sitemap lists.
            assert declared == sitemap[f"{ORIGIN}{url.split('?')[0]}"], url
