"""HTTP done right: conditional requests, cache headers, CORS for GET, a per-client rate limit,
a fixed number of queries per endpoint, and JSON errors (never a 500) for any parameters."""

from urllib.parse import quote

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/",
    "/api/v1/statements/",
    "/api/v1/topics/",
    "/api/v1/sessions/",
    "/api/v1/sources/",
    "/api/v1/withdrawals/",
    "/api/v1/search/?q=test",
]


@pytest.mark.parametrize("path", ENDPOINTS)
def test_an_unchanged_answer_is_a_304_by_etag_or_by_date(client, archive, path):
    first = client.get(path)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "public" in first["Cache-Control"] and "max-age=60" in first["Cache-Control"]
    by_etag = client.get(path, headers={"if-none-match": first["ETag"]})
    assert by_etag.status_code == 304 and by_etag.content == b""
    by_date = client.get(path, headers={"if-modified-since": first["Last-Modified"]})
    assert by_date.status_code == 304


def test_a_change_to_the_content_gives_a_new_etag_and_date(client, archive):
    first = client.get("/api/v1/statements/")
    sat = archive["sat"]
    sat.title_fr = "Titre corrigé"
    sat.save()
    again = client.get(
        "/api/v1/statements/",
        headers={"if-none-match": first["ETag"], "if-modified-since": first["Last-Modified"]},
    )
    assert again.status_code == 200 and "Titre corrigé" in again.content.decode()
    assert again["ETag"] != first["ETag"]


def test_errors_are_not_cached(client, archive):
    response = client.get("/api/v1/statements/?year=x")
    assert response.status_code == 400 and "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("path", ENDPOINTS + ["/api/v1/schema/"])
def test_any_origin_may_read_the_api(client, archive, path):
    response = client.get(path, headers={"origin": "https://notebook.example.net"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_cors_preflight_allows_get_only(client):
    response = client.options(
        "/api/v1/statements/",
        headers={"origin": "https://notebook.example.net", "access-control-request-method": "GET"},
    )
    assert response.status_code == 200
    assert set(response["Access-Control-Allow-Methods"].replace(" ", "").split(",")) == {
        "GET",
        "HEAD",
        "OPTIONS",
    }


def test_the_readers_pages_send_no_cors_header(client, archive):
    response = client.get("/en/", headers={"origin": "https://notebook.example.net"})
    assert "Access-Control-Allow-Origin" not in response


def test_the_api_does_not_take_writes(client, archive):
    assert client.post("/api/v1/statements/", {}).status_code == 405
    assert client.delete(f"/api/v1/statements/{archive['sat'].pk}/").status_code == 405


@override_settings(ARCHIVE_API_RATE="3/min")
def test_each_client_has_its_own_rate_limit(client, archive):
    for _ in range(3):
        assert client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.1").status_code == 200
    limited = client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.1")
    assert limited.status_code == 429 and int(limited["Retry-After"]) > 0
    assert "detail" in limited.json()
    # Another client is not held back, and a forged X-Forwarded-For does not make a new client.
    assert client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.2").status_code == 200
    forged = client.get("/api/v1/topics/", REMOTE_ADDR="192.0.2.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert forged.status_code == 429


@override_settings(ARCHIVE_API_RATE="2/min", REST_FRAMEWORK={"NUM_PROXIES": 1})
def test_behind_a_trusted_proxy_the_client_is_the_forwarded_address(client, archive):
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(2):
        assert client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 200
    assert client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy).status_code == 429
    assert client.get("/api/v1/topics/", HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy).status_code == 200


def test_the_schema_and_the_docs_are_served(client):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/json"})
    assert schema.status_code == 200
    assert schema.json()["openapi"].startswith("3.")
    assert "/api/v1/statements/" in schema.json()["paths"]
    assert schema.json()["servers"] == [{"url": "https://archive.example.org"}]
    docs = client.get("/api/v1/docs/")
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in html
    assert "<script>" not in html and "<style" not in html and "https://" not in html
    # The site's policy, with data: images only, for Swagger UI's icons: no inline script or style.
    policy = docs["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "img-src 'self' data:" in policy
    assert "unsafe-inline" not in policy
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in script.content.decode()


def _populate(n, archive):
    for i in range(n):
        StatementFactory(slug=f"test-bulk-{i}", session=archive["s2020"], topics=[archive["space"]])


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/api/v1/statements/", 6),
        ("/api/v1/statements/?topic=test-space&session=13-3&language=fr&page_size=100", 8),
        ("/api/v1/topics/", 2),
        ("/api/v1/sessions/", 3),
        ("/api/v1/sources/?page_size=100", 2),
        ("/api/v1/withdrawals/", 2),
    ],
)
def test_each_endpoint_makes_a_fixed_number_of_queries(
    client, archive, django_assert_max_num_queries, path, most
):
    for size in (0, 12):
        _populate(size, archive) if size else None
        with django_assert_max_num_queries(most):
            assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/api/v1/statements/{sat}/", 4),
        ("/api/v1/topics/test-space/", 1),
        ("/api/v1/sessions/13-3/", 2),
        ("/api/v1/sources/{source}/", 1),
    ],
)
def test_each_detail_makes_a_fixed_number_of_queries(
    client, archive, django_assert_max_num_queries, path, most
):
    path = path.format(sat=archive["sat"].pk, source=archive["session_source"].pk)
    with django_assert_max_num_queries(most):
        assert client.get(path).status_code == 200


PARAMETER_NAMES = [
    "year", "year_from", "year_to", "session", "kind", "topic", "language", "updated_since",
    "ordering", "page", "page_size", "q", "sort", "since", "other",
]  # fmt: skip
VALUES = st.one_of(
    st.text(max_size=30),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(
        ["2020", "13-3", "13-99", "test-space", "proposal", "fr", "2025-01-01T00:00:00Z", "-date"]
    ),
)


@pytest.mark.parametrize(
    "path", ["/api/v1/statements/", "/api/v1/search/", "/api/v1/withdrawals/", "/api/v1/topics/"]
)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=st.dictionaries(st.sampled_from(PARAMETER_NAMES), VALUES, max_size=4))
def test_any_parameters_get_a_json_answer_never_a_server_error(client, archive, path, params):
    response = client.get(path, params)
    assert response.status_code in (200, 400), (params, response.content[:300])
    body = response.json()
    if response.status_code == 400:
        assert body["errors"] and all(isinstance(r, str) and r for rs in body["errors"].values() for r in rs)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.text(max_size=25))
def test_any_address_under_the_api_is_json_or_a_plain_404(client, key):
    for base in ("/api/v1/statements/", "/api/v1/topics/", "/api/v1/sessions/", "/api/v1/sources/"):
        response = client.get(base + quote(key, safe="") + "/")
        assert response.status_code in (200, 404), (base, key)
