"""Outages: a real PostgreSQL stopped and started under a real gunicorn; the health probe; logs."""

import io
import json
import logging

import pytest
from django.db import connection

from archive.search.models import SearchDocument
from tests.factories import StatementFactory
from tests.ops import servers

CACHED = ["/en/", "/en/2020/", "/fr/2020/"]
UNCACHED = ["/en/search/?q=statement", "/fr/search/?q=statement", "/zh-hans/search/?q=statement"]


@pytest.mark.django_db(transaction=True)
def test_a_database_outage_serves_cached_pages_and_a_translated_503_then_recovers(
    postgres_only, static_root, tmp_path
):
    statement = StatementFactory()
    cached = [*CACHED, statement.get_absolute_url()]
    cluster = servers.Cluster()
    log = tmp_path / "gunicorn.log"
    with servers.gunicorn(servers.server_env(tmp_path, static_root), log, workers=2) as base:
        for path in cached + UNCACHED * 3:  # fills the cache; both workers keep a connection open
            assert servers.get(base + path)[0] == 200, path
        try:
            # A restart between two requests: every kept connection is dead, and each is checked
            # (CONN_HEALTH_CHECKS) and replaced before use, so not one request fails.
            cluster.stop()
            cluster.start()
            for path in UNCACHED * 4:
                assert servers.get(base + path)[0] == 200, path

            # A longer outage: cached pages as before; the others a translated 503, never a 500.
            cluster.stop()
            for path in cached * 2:
                status, _headers, body = servers.get(base + path)
                title = statement.title_fr if path.startswith("/fr/") else statement.title_en
                assert status == 200 and title in body, path
            for path, title in zip(
                UNCACHED,
                ["Temporarily unavailable", "Momentanément indisponible", "暂时无法访问"],
                strict=True,
            ):
                status, headers, body = servers.get(base + path)
                assert status == 503, path
                assert headers["Retry-After"] == "30"
                assert title in body
                assert "Content-Security-Policy" in headers
            status, _headers, body = servers.get(base + "/healthz")
            assert status == 503 and json.loads(body)["database"] == "failing"
        finally:
            cluster.start()
            connection.close()  # this process's own connection died with the server too
        for path in UNCACHED * 2 + ["/healthz"]:
            assert servers.get(base + path)[0] == 200, path
    output = log.read_text()
    assert "database unavailable: GET /en/search/?q=statement -> 503" in output
    assert "[GET /fr/search/ ?q=statement" not in output  # the request is named once, whole
    assert "[GET /fr/search/?q=statement host='127.0.0.1:" in output
    assert "Traceback" not in output and "Internal Server Error" not in output


@pytest.mark.django_db
def test_healthz_answers_any_host_and_is_never_cached(client, django_assert_max_num_queries):
    StatementFactory()
    for host in ("10.0.0.7:8000", "evil.example", "127.0.0.1"):
        response = client.get("/healthz", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert json.loads(response.content) == {
            "status": "ok",
            "database": "ok",
            "cache": "ok",
            "search_index": "ok",
        }
        assert response["Cache-Control"] == "no-store"
    with django_assert_max_num_queries(1):  # SELECT 1; the index check is kept a minute
        client.get("/healthz")


@pytest.mark.django_db
def test_healthz_fails_when_the_search_index_is_behind(client):
    StatementFactory()
    SearchDocument.objects.all().delete()  # as a loaddata would leave it: no signal, no documents
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["search_index"] == "failing"


@pytest.mark.django_db
def test_a_bad_host_header_is_logged_in_one_line_without_traceback(client):
    # The handler LOGGING configures for it, written to a buffer instead of the console.
    logger = logging.getLogger("django.security.DisallowedHost")
    (handler,) = [handler for handler in logger.handlers if handler.name == "console_one_line"]
    buffer = io.StringIO()
    previous = handler.setStream(buffer)
    try:
        assert client.get("/en/", HTTP_HOST="evil.example").status_code == 400
    finally:
        handler.setStream(previous)
    logged = [line for line in buffer.getvalue().splitlines() if line.strip()]
    assert len(logged) == 1, logged
    assert "Invalid HTTP_HOST header: 'evil.example'" in logged[0]
    assert "[GET /en/ host='evil.example'" in logged[0]
