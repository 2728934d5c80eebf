"""Every Atom feed is valid per RFC 4287, parses in feedparser, and has ids that never change."""

import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses

import feedparser
import pytest
from django.core.cache import cache
from django.utils import timezone

from archive.models import Statement
from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
ORIGIN = "https://archive.example.org"


def rfc3339(text):
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


def check_rfc4287(content):
    """The elements RFC 4287 requires of a feed and of each entry (sections 4.1.1 and 4.1.2)."""
    feed = ET.fromstring(content)  # noqa: S314
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
    rfc3339(feed.find(f"{ATOM}updated").text)
    # The feed has an author with a name (so entries need not each have one); and a self link.
    authors = feed.findall(f"{ATOM}author")
    assert authors and all(author.find(f"{ATOM}name").text for author in authors)
    assert [link.get("rel") for link in feed.findall(f"{ATOM}link")].count("self") == 1
    alternates = [(link.get("type"), link.get("hreflang")) for link in feed.findall(f"{ATOM}link")
                  if link.get("rel") in (None, "alternate")]  # fmt: skip
    assert len(alternates) == len(set(alternates))
    entries = feed.findall(f"{ATOM}entry")
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
        assert len(entry.findall(f"{ATOM}published")) <= 1
        rfc3339(entry.find(f"{ATOM}updated").text)
        # No atom:content, so a link rel="alternate" is required.
        assert entry.find(f"{ATOM}content") is None
        assert [link for link in entry.findall(f"{ATOM}link") if link.get("rel") in (None, "alternate")]
        assert entry.find(f"{ATOM}author/{ATOM}name").text in ("Lei Jun", "雷军")
    return feed, entries


def feed_urls(topic):
    return ["/en/feed/", f"/fr/topics/{topic.slug}/feed/", "/zh-hans/search/feed/?q=test", "/en/search/feed/"]


def test_every_feed_has_what_rfc_4287_requires_and_parses_cleanly(client):
    topic = TopicFactory()
    StatementFactory(topics=[topic], title_en="Test & <check>")
    StatementFactory(topics=[topic], kind="speech", session=None)
    for url in feed_urls(topic):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/atom+xml")
        _feed, entries = check_rfc4287(response.content)
        assert len(entries) == 2, url
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, (url, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.feed.author_detail.name


def test_entry_ids_are_tag_uris_of_the_permanent_id_and_survive_a_slug_correction(client):
    statement = StatementFactory()
    expected = f"tag:archive.example.org,2026:statement/{statement.pk}"
    before = feedparser.parse(client.get("/en/feed/").content).entries[0].id
    statement.slug = "a-corrected-slug"
    statement.save()
    cache.clear()
    after = feedparser.parse(client.get("/fr/feed/").content).entries[0]
    assert before == after.id == expected
    assert after.link == f"{ORIGIN}/fr/statements/a-corrected-slug/"


def test_published_is_when_it_entered_the_archive_and_updated_its_last_change(client):
    statement = StatementFactory(date=datetime.date(2019, 3, 8))
    first = timezone.now() - datetime.timedelta(days=10)
    Statement.objects.filter(pk=statement.pk).update(published_at=first)
    statement.refresh_from_db()
    entry = ET.fromstring(client.get("/en/feed/").content).find(f"{ATOM}entry")  # noqa: S314
    assert rfc3339(entry.find(f"{ATOM}published").text) == first
    assert rfc3339(entry.find(f"{ATOM}updated").text) == statement.updated_at
    # When he said it: in the title, and in the summary with the kind and session.
    assert entry.find(f"{ATOM}title").text == f"{statement.title_en} (March 8, 2019)"
    assert entry.find(f"{ATOM}summary").text.startswith("Proposal, March 8, 2019, Third Session")


def test_a_search_feed_lists_what_the_search_finds_with_the_same_filters(client):
    topic = TopicFactory()
    wanted = StatementFactory(title_en="Satellite internet", topics=[topic], date=datetime.date(2021, 3, 5))
    StatementFactory(title_en="Satellite factories", date=datetime.date(2021, 3, 6))  # not on the topic
    StatementFactory(title_en="Satellite internet again", topics=[topic], date=datetime.date(2019, 3, 6))
    StatementFactory(title_en="Electric cars", topics=[topic], date=datetime.date(2021, 3, 7))
    url = f"/en/search/feed/?q=satellite&topic={topic.slug}&year=2021"
    parsed = feedparser.parse(client.get(url).content)
    assert [entry.id for entry in parsed.entries] == [f"tag:archive.example.org,2026:statement/{wanted.pk}"]
    assert "satellite" in parsed.feed.title
    assert parsed.feed.link == f"{ORIGIN}/en/search/?q=satellite&topic={topic.slug}&year=2021"
    # The search page announces the same feed and offers to follow it.
    html = client.get(f"/en/search/?q=satellite&topic={topic.slug}&year=2021&page=1").content.decode()
    feed_href = f"/en/search/feed/?q=satellite&amp;topic={topic.slug}&amp;year=2021"
    assert (
        f'<link rel="alternate" type="application/atom+xml" title="This search" href="{feed_href}">' in html
    )
    assert f'<a href="{feed_href}" type="application/atom+xml">Follow this search</a>' in html


def test_a_search_feed_is_newest_first_and_leaves_drafts_out(client):
    older = StatementFactory(title_en="Robots one", date=datetime.date(2018, 3, 5))
    newer = StatementFactory(title_en="Robots two", date=datetime.date(2022, 3, 5))
    StatementFactory(title_en="Robots draft", status="draft")
    ids = [entry.id for entry in feedparser.parse(client.get("/fr/search/feed/?q=robots").content).entries]
    assert ids == [f"tag:archive.example.org,2026:statement/{s.pk}" for s in (newer, older)]


def test_a_search_feed_is_not_cached_but_answers_304_when_unchanged(client):
    StatementFactory(title_en="Robots")
    cache.clear()
    response = client.get("/en/search/feed/?q=robots")
    assert response.status_code == 200
    etag = response["ETag"]
    assert not [key for key in cache._cache if "archive:page:" in key]  # noqa: SLF001 - locmem's store
    assert client.get("/en/search/feed/?q=robots", headers={"if-none-match": etag}).status_code == 304


@pytest.mark.parametrize("query", ["year=abc", "topic=no-such-topic", "session=99-9", "kind=poem"])
def test_a_search_feed_with_bad_parameters_is_a_400_page_in_the_readers_language(client, query):
    response = client.get(f"/fr/search/feed/?{query}")
    assert response.status_code == 400
    assert '<html lang="fr">' in response.content.decode()
