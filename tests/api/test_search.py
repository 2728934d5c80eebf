"""/api/v1/search/ is the search page as JSON: same parameters, same engine, same results and order."""

import pytest

from tests.search.conftest import corpus  # noqa: F401 - the search tests' made-up corpus

pytestmark = pytest.mark.django_db

QUERIES = [
    {"q": "satellite"},
    {"q": "卫星"},
    {"q": "衛星"},
    {"q": "économie"},
    {"q": '"digital economy"'},
    {"q": "satellite -rockets"},
    {"q": "satellite OR earthquake", "sort": "oldest"},
    {"q": "test", "year_from": "2020", "year_to": "2021", "sort": "newest"},
    {"q": "测试", "kind": "proposal", "language": "zh-hans"},
    {"q": "test", "topic": "test-space"},
    {"q": "test", "session": "13-3", "page": "1"},
    {"year": "2021"},
    {"topic": "test-economy", "sort": "oldest"},
]


@pytest.mark.parametrize("params", QUERIES, ids=lambda p: "&".join(f"{k}={v}" for k, v in p.items()))
def test_the_api_returns_the_search_pages_results_in_its_order(client, corpus, params):  # noqa: F811
    page = client.get("/en/search/", params).context["results"]
    body = client.get("/api/v1/search/", params).json()
    assert [hit["statement"]["slug"] for hit in body["results"]] == [hit.statement.slug for hit in page.hits]
    assert [hit["language"] for hit in body["results"]] == [hit.language for hit in page.hits]
    assert body["count"] == page.total and body["num_pages"] == page.num_pages
    assert body["results"], "each of these queries finds something"
    assert body["facets"]["year"] == {str(year): n for year, n in page.facets["year"].items()}
    assert body["facets"]["kind"] == dict(page.facets["kind"])
    assert body["facets"]["language"] == dict(page.facets["language"])
    assert sum(body["facets"]["session"].values()) == sum(page.facets["session"].values())


def test_facets_name_sessions_by_key_and_topics_by_slug(client, corpus):  # noqa: F811
    body = client.get("/api/v1/search/", {"q": "satellite"}).json()
    assert body["facets"]["topic"] == {"test-space": 3}
    assert body["facets"]["session"] == {"13-2": 1, "13-3": 2}
    assert body["facets"]["year"] == {"2019": 1, "2020": 2}


def test_search_results_carry_the_whole_statement_and_a_marked_snippet(client, corpus):  # noqa: F811
    hit = client.get("/api/v1/search/", {"q": "卫星互联网"}).json()["results"][0]
    assert hit["statement"]["slug"] == "test-sat"
    assert hit["statement"]["texts"]["fr"]["title"] == "Proposition de test sur l'internet par satellite"
    assert hit["language"] == "zh-hans"
    assert "<mark>" in hit["snippet_html"]


def test_search_never_returns_drafts(client, corpus):  # noqa: F811
    body = client.get("/api/v1/search/", {"q": "quasars"}).json()
    assert body["count"] == 0 and body["results"] == []


def test_no_words_and_no_filter_is_an_empty_answer_like_the_page(client, corpus):  # noqa: F811
    body = client.get("/api/v1/search/").json()
    assert body["count"] == 0 and body["results"] == [] and body["understood"] is False


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "x", "year": "nineteen"}, "year"),
        ({"q": "x", "year": "1800"}, "year"),
        ({"q": "x", "session": "13-99"}, "session"),
        ({"q": "x", "topic": "no-such-topic"}, "topic"),
        ({"q": "x", "kind": "poem"}, "kind"),
        ({"q": "x", "language": "de"}, "language"),
        ({"q": "x", "page": "0"}, "page"),
    ],
)
def test_bad_search_parameters_are_400_with_the_field_and_the_reason(client, corpus, params, field):  # noqa: F811
    response = client.get("/api/v1/search/", params)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert list(errors) == [field] and errors[field][0]


def test_search_runs_a_fixed_number_of_queries(client, corpus, django_assert_max_num_queries):  # noqa: F811
    client.get("/api/v1/search/", {"q": "test"})  # the first search reads the index's table
    with django_assert_max_num_queries(10):
        body = client.get("/api/v1/search/", {"q": "test", "topic": "test-space", "session": "13-3"}).json()
    assert body["results"]
