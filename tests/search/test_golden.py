"""The golden set: each query, through the search page, returns exactly these statements in this
order. The suite runs on SQLite and on PostgreSQL, so passing on both proves they agree."""

import pytest

from archive.search.backends import postgresql
from archive.search.index import search_index_rebuild

pytestmark = pytest.mark.django_db

GOLDEN = [
    # Stems, in English and French.
    ("satellite", {}, ["sat", "quote", "satbody"]),
    ("satellites", {}, ["sat", "quote", "satbody"]),
    ("SATELLITE", {}, ["sat", "quote", "satbody"]),
    ("warning", {}, ["quake"]),
    ("séisme", {}, ["quake"]),
    # Accents folded before stemming.
    ("seismes", {}, ["quake"]),
    # The topic "Test economy" is named by the query: its statements match, weighted like a title.
    ("économie", {}, ["econ", "elevee", "xiaomi"]),
    ("economie", {}, ["econ", "elevee", "xiaomi"]),
    ("élevée", {}, ["elevee"]),
    ("elevee", {}, ["elevee"]),
    ("villages éloignés", {}, ["sat", "village"]),
    # Two-character Chinese words, and Traditional characters.
    ("卫星", {}, ["sat", "quote", "satbody"]),
    ("衛星", {}, ["sat", "quote", "satbody"]),
    ("地震", {}, ["quake"]),
    ("地震預警", {}, ["quake"]),
    ("小米", {}, ["xiaomi"]),
    ("偏远村庄", {}, ["sat", "village"]),
    ("智能汽车", {}, ["carszh"]),
    # Latin words and numbers, also inside Chinese text; full-width letters.
    ("xiaomi", {}, ["xiaomi"]),
    ("Ｘｉａｏｍｉ", {}, ["xiaomi"]),
    ("5G", {}, ["xiaomi"]),
    ("AIoT", {}, ["xiaomi"]),
    ("105", {}, ["xiaomi"]),
    # Phrases.
    ('"digital economy"', {}, ["econ"]),
    ('"economy digital"', {}, []),
    ('"卫星互联网"', {}, ["sat", "quote"]),
    ("«économie numérique»", {}, ["econ"]),
    # Exclusions, OR.
    ("satellite -rockets", {}, ["sat", "quote"]),
    ("卫星 -火箭", {}, ["sat", "quote"]),
    ("satellite -fusées", {}, ["sat", "quote"]),
    ("earthquake OR économie", {}, ["econ", "elevee", "xiaomi", "quake"]),
    # A title match ranks first; ties newest first.
    ("internet", {}, ["quote", "sat", "village"]),
    ("internet", {"sort": "oldest"}, ["village", "sat", "quote"]),
    ("internet", {"sort": "newest"}, ["quote", "sat", "village"]),
    # Filters.
    ("satellite", {"kind": "quote"}, ["quote"]),
    ("satellite", {"year": "2019"}, ["satbody"]),
    ("satellite", {"session": "13-3"}, ["sat", "quote"]),
    ("internet", {"topic": "test-safety"}, ["village"]),
    ("satellite", {"language": "fr"}, ["sat", "quote", "satbody"]),
    ("卫星", {"language": "fr"}, []),
    ("internet", {"year_from": "2019", "year_to": "2020", "kind": "proposal"}, ["sat", "village"]),
    # Only in one language; drafts never.
    ("electric cars", {}, ["encars"]),
    ("quasars", {}, []),
]


@pytest.fixture(params=["as-saved", "rebuilt", "rebuilt-then-edited"])
def index(request, corpus, monkeypatch):
    """The index as the editors' saves left it; rebuilt with every lexeme counted as common, so
    that PostgreSQL takes every word it can from the postings table; and then with some
    statements saved again, so that their documents are newer than the postings."""
    if request.param == "as-saved":
        return
    monkeypatch.setattr(postgresql, "POSTINGS_MIN_DOCUMENTS", 1)
    search_index_rebuild()
    if request.param == "rebuilt-then-edited":
        for key in ("sat", "econ", "encars"):
            corpus[key].save()


@pytest.mark.parametrize(("q", "params", "expected"), GOLDEN, ids=[f"{q} {p}" for q, p, _e in GOLDEN])
def test_golden_query_returns_these_statements_in_this_order(client, corpus, index, q, params, expected):
    response = client.get("/en/search/", {"q": q, **params})
    assert response.status_code == 200
    slugs = [hit.statement.slug for hit in response.context["results"].hits]
    assert slugs == [corpus[key].slug for key in expected]
    assert response.context["results"].total == len(expected)


def test_the_golden_set_is_large_enough():
    assert len(GOLDEN) >= 30
    languages_seen = {"en": "satellite", "fr": "économie", "zh": "卫星"}
    assert all(any(q == word for q, _p, _e in GOLDEN) for word in languages_seen.values())
