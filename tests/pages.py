"""Every type of public page, in the three languages: the one list that page-level checks share.

The Nu Html Checker (tests/test_html_validity.py), axe-core in light and dark at phone and desktop
widths (tests/browser/test_every_page_accessible.py) and the hreflang/sitemap agreement
(tests/test_page_alternates.py) all read PAGE_TYPES, so a page added here is checked by all of them.
A new public page (from any issue) belongs here. The API's docs page is left out: it is a third
party's page, not ours to validate. Feeds, citation downloads and the sitemap are not HTML pages.

Each check is about the templates, not the database: the checks run once, on SQLite (see
`runs_once`), rather than again on PostgreSQL.
"""

import datetime
import os
from dataclasses import dataclass

import pytest

from archive.models import Provenance, Statement
from tests.factories import QuoteFactory, SessionFactory, SourceFactory, StatementFactory, TopicFactory

LANGUAGES = ("en", "fr", "zh-hans")
OTHER_LANGUAGE = {"en": "zh-hans", "fr": "en", "zh-hans": "fr"}

# The Makefile runs the suite on SQLite and again on PostgreSQL. These checks render templates and
# validate HTML; nothing in them differs between databases, and they are the slowest tests, so they
# run on the SQLite pass only.
runs_once = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="page-level validators run once, on the SQLite pass of `make test`",
)


@dataclass(frozen=True)
class PageType:
    name: str
    path: str  # after the language prefix, e.g. "2020/"; may hold {statement}, {quote}, {other}
    status: int = 200
    in_sitemap: bool = False

    def url(self, language, content):
        return f"/{language}/" + self.path.format(other=OTHER_LANGUAGE[language], **content)


PAGE_TYPES = [
    PageType("home", "", in_sitemap=True),
    PageType("year", "2020/", in_sitemap=True),
    PageType("empty-year", "2015/", in_sitemap=True),
    PageType("statement", "statements/{statement}/", in_sitemap=True),
    PageType("side-by-side", "statements/{statement}/?compare={other}"),
    PageType("reading-alone", "statements/{statement}/?compare=none"),
    PageType("quote", "statements/{quote}/", in_sitemap=True),
    PageType("reported-point", "statements/{reported}/", in_sitemap=True),
    PageType("statement-without-text", "statements/{plain}/", in_sitemap=True),
    PageType("topic-index", "topics/", in_sitemap=True),
    PageType("topic", "topics/{topic}/", in_sitemap=True),
    PageType("session-index", "sessions/", in_sitemap=True),
    PageType("session", "sessions/13-3/", in_sitemap=True),
    PageType("about", "about/", in_sitemap=True),
    PageType("data", "data/"),
    PageType("search-help", "search/"),
    PageType("search-results", "search/?q=satellite"),
    PageType("search-filtered", "search/?q=satellite&kind=proposal&year_from=2019&sort=oldest"),
    PageType("search-no-results", "search/?q=zzzznothing"),
    PageType("search-bad-input", "search/?q=satellite&year_from=abc&topic=no-such-topic", status=400),
    PageType("not-found", "no-such-page/", status=404),
]


def all_pages(content):
    """(page type, language, address) for every page type in every language."""
    return [(page, language, page.url(language, content)) for page in PAGE_TYPES for language in LANGUAGES]


def make_content():
    """Made-up content that puts every part of every template on a page: texts in three
    languages, Chinese inside English, notes on both sides, a quote, sources in two languages."""
    session = SessionFactory()
    topic = TopicFactory(
        slug="made-up-satellites",
        name_en="Made-up satellites",
        name_fr="Satellites inventés",
        name_zh_hans="虚构卫星",
        description_en="A made-up topic on 卫星互联网 for tests.",
    )
    chinese_source = SourceFactory(
        publisher="新华社", title="虚构：雷军谈卫星互联网", language="zh-hans", url="https://example.test/zh"
    )
    english_source = SourceFactory(title="A made-up report on satellites", url="")
    statement = StatementFactory(
        slug="2020-made-up-satellite-proposal",
        title_en="A made-up proposal on 《卫星互联网》 satellites",
        title_fr="Une proposition inventée sur les satellites",
        title_zh_hans="关于卫星互联网的虚构建议",
        summary_en="He proposed made-up satellite internet for villages, as 新华社 reported.",
        summary_fr="Il a proposé un internet par satellite inventé pour les villages.",
        summary_zh_hans="他提出为村庄发展虚构的卫星互联网。",
        text_en="Made-up text on satellites.\n\nA second paragraph.",
        text_zh_hans="虚构的全文。\n\n第二段。",
        notes_en="A made-up note.",
        notes_zh_hans="虚构的注释。",
        spoken_language="zh-hans",
        provenance_zh_hans=Provenance.ORIGINAL,
        topics=[topic],
        sources=[chinese_source, english_source],
        session=session,
    )
    quote = QuoteFactory(
        slug="2020-made-up-satellite-quote",
        parent=statement,
        title_en="A made-up quote on satellites",
        text_en="“Satellites for every village,” he said (made up).",
        text_zh_hans="“每个村庄都要有卫星。”（虚构）",
        session=session,
        date=datetime.date(2020, 5, 23),
    )
    reported = StatementFactory(
        slug="2020-made-up-reported-point",
        kind=Statement.Kind.REPORTED,
        parent=statement,
        title_en="A made-up reported point on ground stations",
        session=session,
        date=datetime.date(2020, 5, 24),
    )
    plain = StatementFactory(
        slug="2020-made-up-speech",
        kind=Statement.Kind.SPEECH,
        title_en="A made-up speech on batteries",
        text_en="",
        date=datetime.date(2020, 5, 25),
        session=session,
    )
    StatementFactory(
        slug="2019-made-up-remarks", kind=Statement.Kind.REMARKS, date=datetime.date(2019, 3, 6), session=None
    )
    return {
        "statement": statement.slug,
        "quote": quote.slug,
        "reported": reported.slug,
        "plain": plain.slug,
        "topic": topic.slug,
    }
