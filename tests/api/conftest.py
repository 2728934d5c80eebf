import datetime

import pytest
from django.test import override_settings

from tests.factories import QuoteFactory, SessionFactory, SourceFactory, StatementFactory, TopicFactory

D = datetime.date


@pytest.fixture(autouse=True)
def no_rate_limit():
    """Most API tests make many requests; tests/api/test_http.py turns the limit back on."""
    with override_settings(ARCHIVE_API_RATE=None):
        yield


@pytest.fixture
def archive(db):
    """Two sessions, two topics, statements across three years, a quote, and a draft."""
    s2019 = SessionFactory(
        congress=13, number=2, year=2019, opened_on=D(2019, 3, 5), closed_on=D(2019, 3, 15)
    )
    s2020 = SessionFactory()
    space = TopicFactory(slug="test-space", name_en="Test space", name_zh_hans="测试太空")
    economy = TopicFactory(slug="test-economy", name_en="Test economy")
    session_source = SourceFactory(publisher="Session Test Wire")
    s2020.sources.add(session_source)
    made = {
        "old": StatementFactory(
            slug="test-old", date=D(2019, 3, 6), session=s2019, kind="speech", topics=[economy]
        ),
        "sat": StatementFactory(
            slug="test-sat",
            date=D(2020, 5, 22),
            session=s2020,
            topics=[space],
            official_title="关于加快卫星互联网建设的建议",
            title_zh_hans="关于卫星互联网的测试建议",
            notes_en="Sources disagree on the day.",
        ),
        "english_only": StatementFactory(
            slug="test-english-only",
            date=D(2021, 3, 7),
            session=None,
            title_fr="",
            summary_fr="",
            title_zh_hans="",
            summary_zh_hans="",
            provenance_fr="",
            provenance_zh_hans="",
        ),
    }
    made["quote"] = QuoteFactory(
        slug="test-quote",
        parent=made["sat"],
        date=D(2020, 5, 23),
        session=s2020,
        topics=[space],
    )
    made["draft"] = StatementFactory(
        slug="test-draft", status="draft", date=D(2020, 5, 24), session=s2020, topics=[space],
        title_en="Secret draft title", sources=[SourceFactory(publisher="Draft-only Wire")],
    )  # fmt: skip
    made["draft_quote"] = QuoteFactory(
        slug="test-draft-quote", parent=made["draft"], date=D(2020, 5, 24), session=s2020
    )
    made.update(s2019=s2019, s2020=s2020, space=space, economy=economy, session_source=session_source)
    return made
