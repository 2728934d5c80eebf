"""The topics and sessions indexes, the about page, and the agenda picture on the home page."""

import datetime
import re
import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses

import pytest
from django.utils import timezone, translation
from django.utils.html import escape

from archive.models import Provenance
from tests.factories import QuoteFactory, SessionFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def svgs(html):
    return [ET.fromstring(block) for block in re.findall(r"<svg\b.*?</svg>", html, re.S)]  # noqa: S314


def test_the_topics_index_lists_every_topic_with_its_count_and_a_bar_per_year(client):
    busy, quiet, empty = TopicFactory(), TopicFactory(), TopicFactory()
    StatementFactory(topics=[busy], date=datetime.date(2019, 3, 5))
    parent = StatementFactory(topics=[busy, quiet], date=datetime.date(2021, 3, 5))
    StatementFactory(topics=[busy], date=datetime.date(2021, 3, 6))
    QuoteFactory(parent=parent, topics=[busy])  # a part of one: not counted again
    StatementFactory(topics=[busy], status="draft")
    html = page(client, "/fr/topics/")
    names = re.findall(r'<h2><a href="/fr/topics/([^/]+)/"', html)
    assert names == [busy.slug, quiet.slug, empty.slug]  # busiest first
    assert "3 déclarations" in html and "1 déclaration" in html and "0 déclaration" in html
    charts = svgs(html)
    assert len(charts) == 2  # a topic with no statement has no chart
    busy_chart = charts[0]
    assert busy_chart.get("role") == "img"
    assert busy_chart.find(f"{SVG}title").text.endswith("2019: 1; 2021: 2")
    bars = busy_chart.findall(f"{SVG}rect")
    assert len(bars) == timezone.localdate().year - 2013 + 1
    heights = {int(bar.get("height")) for bar in bars if "empty" not in bar.get("class")}
    assert heights == {16, 32}  # 1 and 2 statements, scaled to the busiest year
    assert "style=" not in html and "<script" not in html


def test_the_sessions_index_lists_every_session_with_dates_and_counts(client):
    first = SessionFactory(
        congress=13,
        number=2,
        year=2019,
        opened_on=datetime.date(2019, 3, 5),
        closed_on=datetime.date(2019, 3, 15),
        name_zh_hans="第十三届全国人民代表大会第二次会议",
    )
    second = SessionFactory()
    parent = StatementFactory(session=second)
    StatementFactory(session=second)
    QuoteFactory(parent=parent, session=second)
    StatementFactory(session=second, status="draft")
    html = page(client, "/zh-hans/sessions/")
    row = r"<tr>\s*<th scope=\"row\"><a href=\"([^\"]+)\"[^>]*>([^<]+)</a></th>(.*?)</tr>"
    rows = re.findall(row, html, re.S)
    assert [(href, name) for href, name, _rest in rows] == [
        ("/zh-hans/sessions/13-2/", first.name_zh_hans),
        ("/zh-hans/sessions/13-3/", second.name_zh_hans),
    ]
    assert re.findall(r'<td class="number">(\d+)</td>', rows[0][2]) == ["0", "0"]
    assert re.findall(r'<td class="number">(\d+)</td>', rows[1][2]) == ["2", "1"]
    assert '<time datetime="2020-05-22">2020年5月22日</time>' in rows[1][2]


def test_the_about_page_explains_provenance_with_anchors_the_licence_and_corrections(client, settings):
    settings.ARCHIVE_CORRECTIONS_EMAIL = "corrections@example.test"
    html = page(client, "/en/about/")
    for label in ("original", "report", "translation", "machine"):
        assert f'id="provenance-{label}"' in html
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license"' in html
    assert "Quoted sources keep their own rights" in html
    assert 'href="mailto:corrections@example.test"' in html
    assert '<a href="/en/data/">data page</a>' in html
    # How to cite the archive itself: the four styles, with the origin's address.
    assert html.count('<p class="citation">') == 4
    assert "https://archive.example.org/en/" in html
    assert "CC BY 4.0" in page(client, "/zh-hans/about/") or "署名 4.0" in page(client, "/zh-hans/about/")


def test_every_page_links_to_the_indexes_and_the_about_page(client):
    html = page(client, "/fr/")
    for url in ("/fr/topics/", "/fr/sessions/", "/fr/about/"):
        assert f'href="{url}"' in html


def test_the_home_page_shows_the_agenda_as_an_accessible_picture_with_a_table(client):
    space = TopicFactory(name_en="Space")
    cars = TopicFactory(name_en="Cars")
    StatementFactory(topics=[space], date=datetime.date(2020, 5, 22))
    StatementFactory(topics=[space], date=datetime.date(2020, 5, 23))
    StatementFactory(topics=[cars], date=datetime.date(2021, 3, 5))
    html = page(client, "/en/")
    [grid] = svgs(html)
    # A group named by its title and described by its desc; each cell link is named by its own title.
    assert grid.get("role") == "group"
    assert (grid.get("aria-labelledby"), grid.get("aria-describedby")) == ("agenda-title", "agenda-desc")
    assert grid.find(f"{SVG}title").text and grid.find(f"{SVG}desc").text
    links = {a.get("href"): a.find(f"{SVG}title").text for a in grid.iter(f"{SVG}a")}
    assert links == {
        f"/en/search/?topic={space.slug}&year=2020": "Space, 2020: 2",
        f"/en/search/?topic={cars.slug}&year=2021": "Cars, 2021: 1",
    }
    # The text alternative: a table with the same counts and links.
    assert f'<a href="/en/search/?topic={space.slug}&amp;year=2020">2</a>' in html
    # Each cell leads to a search that finds exactly those statements.
    search = page(client, f"/en/search/?topic={space.slug}&year=2020")
    assert "2 statements found" in search


def test_the_home_page_has_no_agenda_before_any_topic_is_raised(client):
    StatementFactory()
    assert "agenda-heading" not in page(client, "/en/")


def test_the_sitemap_lists_the_indexes_and_the_about_page(client):
    xml = page(client, "/sitemap.xml")
    for code in ("en", "fr", "zh-hans"):
        for path in ("topics/", "sessions/", "about/"):
            assert f"<loc>https://archive.example.org/{code}/{path}</loc>" in xml


def test_the_archive_is_cited_with_its_own_name_as_author_and_its_last_change_as_date(client):
    statement = StatementFactory()
    html = page(client, "/en/about/")
    changed = timezone.localdate(statement.updated_at)
    assert f"Lei Jun at the NPC. {changed.year}." in html  # Chicago: the site as author, then the year
    assert f"({changed.isoformat()})[{timezone.localdate().isoformat()}]" in html  # GB/T: updated, accessed


def test_the_about_page_names_each_provenance_as_the_pages_label_it(client):
    html = page(client, "/fr/about/")
    with translation.override("fr"):
        for value, label in Provenance.choices:
            assert f'<span class="provenance provenance-{value}">{escape(str(label))}</span>' in html
