"""Whatever arrives in the address, the search page answers 200 or 400: never a 500, never a
database error reaching the reader."""

from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    '"',
    '""',
    '"unclosed',
    "((a)",
    ")",
    "*",
    "a*",
    "NEAR",
    "NEAR(a b)",
    "a NEAR b",
    "AND",
    "OR",
    "a OR",
    "OR OR OR",
    "NOT",
    "-",
    "- -",
    "-a",
    "a -",
    "\x00",
    "a\x00b",
    "\ud800",
    "🛰️ 卫星 🚀",
    "🙂",
    "مرحبا بالعالم",
    "\u202eevil\u202c",
    "'; DROP TABLE archive_statement; --",
    "1' OR '1'='1",
    "title_tokens:a",
    "{title_tokens}: a",
    "a:b",
    "^a",
    "a & b | !c",
    "'a' <-> 'b'",
    "\\",
    "%",
    "_",
    "x" * 5000,
    "卫" * 300,
    # Prefixes, operator words in three languages, long expansions.
    "**",
    "*a",
    "a**",
    "sa*",
    "sat**",
    "-sat*",
    "卫*",
    '"sat*"',
    "or",
    "OU ou 或 OR or",
    "a or",
    "或",
    "-a -b -c",
    "- * -*",
    "AI " * 60,
    "人工智能 " * 60,
    "the of and le la les de 的 是",
    "satelite manufactoring éconnomie",
    "晶片 軟體 網路 智慧",
]

BAD_PARAMS = [
    {"page": "0"},
    {"page": "-1"},
    {"page": "1000000000"},
    {"page": "abc"},
    {"page": "1.5"},
    {"page": ""},
    {"topic": "no-such-topic"},
    {"topic": "not a slug!"},
    {"session": "99-9"},
    {"session": "abc"},
    {"session": "1-"},
    {"session": "99999999999999999999-1"},
    {"kind": "bogus"},
    {"language": "xx"},
    {"sort": "rank; DROP"},
    {"year": "abc"},
    {"year": "99999999999999999999"},
    {"year_from": "2030", "year_to": "2010"},
    {"year": "-5"},
]


def get(client, query_string):
    return client.get("/en/search/", QUERY_STRING=query_string)


def encode(params):
    # quote() with surrogatepass: the test client itself cannot encode a lone surrogate.
    return "&".join(f"{quote(k)}={quote(v, errors='surrogatepass')}" for k, v in params.items())


@pytest.mark.parametrize("q", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_odd_queries_get_an_answer_not_an_error(client, corpus, q):
    response = get(client, encode({"q": q}))
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("params", BAD_PARAMS, ids=[str(p) for p in BAD_PARAMS])
def test_odd_parameters_get_an_answer_or_a_clear_message(client, corpus, params):
    response = get(client, encode({"q": "satellite", **params}))
    assert response.status_code in (200, 400)
    if response.status_code == 400:
        assert "This search could not be run" in response.content.decode()


def test_null_bytes_get_a_clear_message(client):
    response = get(client, encode({"q": "a\x00b"}))
    assert response.status_code == 400
    assert "Null characters are not allowed" in response.content.decode()


def test_invalid_utf8_in_the_address_is_answered(client):
    assert get(client, "q=%ff%fe%80").status_code in (200, 400)


def test_repeated_parameters_are_answered(client, corpus):
    assert get(client, "q=satellite&page=1&page=2&kind=quote&kind=speech").status_code in (200, 400)


PARAM_NAMES = st.sampled_from(
    ["q", "page", "year", "year_from", "year_to", "session", "kind", "topic", "language", "sort", "other"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.dictionaries(PARAM_NAMES, st.text(max_size=60), max_size=5))
def test_any_parameters_get_200_or_400(client, corpus, params):
    assert get(client, encode(params)).status_code in (200, 400)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec=None), max_size=80))
def test_any_query_gets_200_or_400(client, corpus, q):
    assert get(client, encode({"q": q})).status_code in (200, 400)


# Pieces of the query syntax, so that random queries exercise operators, prefixes and expansions.
SYNTAX = st.sampled_from(
    ["OR", "or", "OU", "ou", "或", "-", "*", '"', "AI", "IA", "人工智能", "sat", "satellite*", "晶片",
     "the", "的", "a*", "-satellite", "licence", "colour", "卫星", "(", ")", ":", "^", "NEAR"]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(SYNTAX, st.text(max_size=8)), max_size=12).map(" ".join))
def test_any_mix_of_the_query_syntax_gets_200_or_400(client, corpus, q):
    assert get(client, encode({"q": q})).status_code in (200, 400)
    assert get(client, encode({"q": q, "exact": "1"})).status_code in (200, 400)
