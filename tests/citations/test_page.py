"""A statement page shows formatted citations and embeds what reference managers detect."""

import json
import re
from html.parser import HTMLParser

import pytest
from django.utils import timezone

from archive.citations.reference import cited_title
from tests.factories import QuoteFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"
OFFICIAL = "关于加快卫星互联网建设的建议"


class HeadReader(HTMLParser):
    """<meta name content> pairs, JSON-LD blocks and formatted citations' text."""

    def __init__(self):
        super().__init__()
        self.meta, self.json_ld, self.citations = [], [], []
        self._in_json_ld = self._in_citation = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and "name" in attrs:
            self.meta.append((attrs["name"], attrs.get("content")))
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True
            self.json_ld.append("")
        elif tag == "p" and "citation" in (attrs.get("class") or "").split():
            self._in_citation = True
            self.citations.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_json_ld = False
        elif tag == "p":
            self._in_citation = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld[-1] += data
        elif self._in_citation:
            self.citations[-1] += data


def read(client, url):
    response = client.get(url)
    assert response.status_code == 200
    reader = HeadReader()
    reader.feed(response.content.decode())
    return reader


def test_the_cited_title_is_the_official_one_with_the_readers_in_brackets():
    assert cited_title(OFFICIAL, "Satellite internet") == f"{OFFICIAL} [Satellite internet]"
    assert cited_title(f"《{OFFICIAL}》", OFFICIAL) == OFFICIAL
    assert cited_title("", "“Do better”") == "Do better"


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_every_style_is_shown_with_the_official_title_and_a_literal_author(client, language):
    statement = StatementFactory(official_title=OFFICIAL)
    citations = read(client, f"/{language}/statements/{statement.slug}/").citations
    assert len(citations) == 4  # Chicago, APA, MLA, GB/T 7714-2015
    author = "雷军" if language == "zh-hans" else "Lei Jun"
    for text in citations:
        assert OFFICIAL in text
        assert author.upper() in text.upper()
        assert f"{ORIGIN}/{language}/statements/{statement.slug}/" in text
        # Never split and abbreviated: not "Lei, J." nor "雷, . 军 .".
        assert "Lei, J" not in text and "雷, " not in text
    gb = citations[3]
    # GB/T 7714: the document type and medium, and the access date (the day of consultation).
    assert "[Z/OL]" in gb
    assert f"[{timezone.localdate().isoformat()}]" in gb


def test_citations_escape_what_they_quote(client):
    statement = StatementFactory(title_en="<script>alert(1)</script> R&D")
    html = client.get(statement.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; R&amp;D" in html


def test_the_page_links_to_every_download_and_to_a_quotes_citation(client):
    statement = StatementFactory()
    quote = QuoteFactory(parent=statement)
    html = client.get(statement.get_absolute_url()).content.decode()
    for extension in ("bib", "ris", "json"):
        assert f'href="/en/statements/{statement.slug}/cite.{extension}"' in html
    assert f'href="/en/statements/{quote.slug}/#cite"' in html
    # The copy button is an external script only; no inline script runs on the page.
    assert '<script src="/static/archive/copy-citation.js" defer></script>' in html
    assert not re.search(r"<script(?![^>]*(src=|application/ld\+json))", html)


def test_highwire_and_dublin_core_tags(client):
    statement = StatementFactory(
        official_title=OFFICIAL,
        title_zh_hans="卫星互联网",
        sources=[SourceFactory(url="https://example.test/a")],
    )
    meta = dict(read(client, f"/zh-hans/statements/{statement.slug}/").meta)
    assert meta["citation_title"] == f"{OFFICIAL} [卫星互联网]"
    assert meta["citation_author"] == "雷军"
    assert meta["citation_publication_date"] == "2020/05/22"
    assert meta["citation_language"] == "zh-Hans"
    assert meta["citation_public_url"] == f"{ORIGIN}/zh-hans/statements/{statement.slug}/"
    assert meta["DC.creator"] == "雷军"
    assert meta["DC.date"] == "2020-05-22"
    assert meta["DC.identifier"] == f"{ORIGIN}/zh-hans/statements/{statement.slug}/"
    assert meta["DC.source"] == "https://example.test/a"


def test_json_ld_describes_the_work_its_sources_and_what_it_translates(client):
    statement = StatementFactory(
        official_title=OFFICIAL,
        spoken_language="zh-hans",
        title_zh_hans="卫星互联网",
        provenance_zh_hans="original",
        provenance_fr="translation",
        sources=[SourceFactory(publisher="Xinhua", url="https://example.test/x", language="zh-hans")],
    )
    [data] = [json.loads(block) for block in read(client, f"/fr/statements/{statement.slug}/").json_ld]
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "CreativeWork"
    assert data["author"]["name"] == "Lei Jun" and "雷军" in data["author"]["alternateName"]
    assert data["datePublished"] == "2020-05-22"
    assert data["inLanguage"] == "fr"
    assert data["isBasedOn"] == [
        {
            "@type": "CreativeWork",
            "name": statement.sources.get().title,
            "url": "https://example.test/x",
            "publisher": {"@type": "Organization", "name": "Xinhua"},
            "datePublished": "2020-05-22",
            "inLanguage": "zh-Hans",
        }
    ]
    assert data["translationOfWork"] == {
        "@type": "CreativeWork",
        "inLanguage": "zh-Hans",
        "name": "卫星互联网",
        "url": f"{ORIGIN}/zh-hans/statements/{statement.slug}/",
    }
    # His own words in Chinese are not a translation of anything.
    chinese_page = read(client, f"/zh-hans/statements/{statement.slug}/")
    [chinese] = [json.loads(block) for block in chinese_page.json_ld]
    assert "translationOfWork" not in chinese


def test_a_quote_is_a_quotation_part_of_its_statement(client):
    parent = StatementFactory()
    quote = QuoteFactory(parent=parent)
    [data] = [json.loads(block) for block in read(client, quote.get_absolute_url()).json_ld]
    assert data["@type"] == "Quotation"
    assert data["isPartOf"]["url"] == f"{ORIGIN}{parent.get_absolute_url()}"


def test_json_ld_cannot_close_its_script_element(client):
    statement = StatementFactory(summary_en="</script><script>alert(1)</script>")
    html = client.get(statement.get_absolute_url()).content.decode()
    block = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert json.loads(block)["abstract"] == "</script><script>alert(1)</script>"


def test_a_rendered_citation_is_reused_but_never_stale():
    from archive.citations import styles

    item = {"id": "x", "type": "document", "title": "First title", "author": [{"literal": "Lei Jun"}]}
    first = styles.render(item, "apa", "en-US")
    assert "First title" in first
    assert styles.render(dict(item), "apa", "en-US") == first
    # Any change to what it depends on is another rendering, never the cached one.
    assert "Second title" in styles.render({**item, "title": "Second title"}, "apa", "en-US")
    assert styles.render(item, "modern-language-association", "en-US") != first
