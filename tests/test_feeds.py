"""Atom feeds per language and per topic; sitemap.xml with hreflang alternates; robots.txt."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses

import pytest
from django.utils import timezone

from archive.models import Statement
from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def parse(response):
    assert response.status_code == 200
    return ET.fromstring(response.content)  # noqa: S314


def test_the_feed_lists_new_statements_in_the_readers_language_newest_first(client):
    older = StatementFactory()
    newer = StatementFactory()
    Statement.objects.filter(pk=older.pk).update(published_at=timezone.now() - datetime.timedelta(days=2))
    StatementFactory(status="draft")
    response = client.get("/fr/feed/")
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = parse(response)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == [f"{newer.title_fr} (22 mai 2020)", f"{older.title_fr} (22 mai 2020)"]
    link = next(feed.iter(f"{ATOM}entry")).find(f"{ATOM}link").get("href")
    assert link == f"https://archive.example.org/fr/statements/{newer.slug}/"


def test_a_topics_feed_has_only_that_topics_statements(client):
    topic = TopicFactory()
    on_topic = StatementFactory(topics=[topic])
    StatementFactory()
    feed = parse(client.get(f"/zh-hans/topics/{topic.slug}/feed/"))
    titles = [entry.find(f"{ATOM}title").text for entry in feed.iter(f"{ATOM}entry")]
    assert titles == [f"{on_topic.title_zh_hans}（2020年5月22日）"]
    assert topic.name_zh_hans in feed.find(f"{ATOM}title").text


def test_feeds_are_announced_on_the_pages(client):
    topic = TopicFactory()
    StatementFactory(topics=[topic])
    home = client.get("/en/").content.decode()
    assert 'type="application/atom+xml" title="New statements" href="/en/feed/"' in home
    assert f'href="/en/topics/{topic.slug}/feed/"' in client.get(topic.get_absolute_url()).content.decode()


def test_the_sitemap_covers_every_page_in_every_language_with_alternates(client):
    topic = TopicFactory()
    statement = StatementFactory(topics=[topic])
    draft = StatementFactory(status="draft")
    urls = {}
    for url in parse(client.get("/sitemap.xml")).iter(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(f"{XHTML}link")}
        urls[url.find(f"{SITEMAP}loc").text] = links
    for code in ("en", "fr", "zh-hans"):
        for path in ["", "2013/", f"{timezone.localdate().year}/", f"statements/{statement.slug}/",
                     f"topics/{topic.slug}/", "sessions/13-3/"]:  # fmt: skip
            assert f"https://archive.example.org/{code}/{path}" in urls, (code, path)
    alternates = urls[f"https://archive.example.org/fr/statements/{statement.slug}/"]
    assert alternates["zh-hans"] == f"https://archive.example.org/zh-hans/statements/{statement.slug}/"
    assert alternates["en"] == f"https://archive.example.org/en/statements/{statement.slug}/"
    assert not any(draft.slug in loc for loc in urls)


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    text = response.content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: https://archive.example.org/sitemap.xml" in text


def test_a_feed_entry_names_its_kind_in_the_readers_language(client):
    StatementFactory(kind="reported", parent=StatementFactory(kind="remarks"))
    root = parse(client.get("/fr/feed/"))
    terms = [c.get("term") for entry in root.iter(f"{ATOM}entry") for c in entry.iter(f"{ATOM}category")]
    assert "Propos rapporté" in terms and "Propos" in terms
