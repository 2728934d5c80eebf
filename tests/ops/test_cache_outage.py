"""With the shared Redis out of reach, readers still get every page (rendered afresh), an editor's
save is kept, and /healthz says the cache is failing: a real Redis client against a socket where no
Redis listens, so every call fails as it would in production."""

import json
import logging

import pytest

from archive.models import Statement
from archive.ops.cache_url import caches_from_url
from archive.ops.tolerant_cache import TolerantRedisCache
from tests.factories import StatementFactory
from tests.test_admin import change_url, statement_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def redis_down(settings, tmp_path):
    TolerantRedisCache._down_until = 0.0
    TolerantRedisCache._last_logged = 0.0
    unreachable = caches_from_url(f"unix://{tmp_path}/no-redis.sock", tmp_path)
    settings.CACHES = {**settings.CACHES, "default": unreachable}
    yield
    TolerantRedisCache._down_until = 0.0


def test_readers_get_every_page_while_the_cache_is_down(redis_down, client, caplog):
    statement = StatementFactory()
    with caplog.at_level(logging.ERROR, logger="archive.cache"):
        statement_page = f"/zh-hans/statements/{statement.slug}/"
        pages = ("/en/", "/fr/2020/", statement_page, "/en/search/?q=test", "/en/feed/")
        for path in pages:
            response = client.get(path)
            assert response.status_code == 200, path
        assert statement.title_en in client.get(f"/en/statements/{statement.slug}/").content.decode()
    assert any("cache unreachable" in record.getMessage() for record in caplog.records)


def test_an_editors_save_is_kept_while_the_cache_is_down(redis_down, editor_client, client, parts):
    statement = StatementFactory(slug="2020-test-warning-proposal", session=parts[0])
    form = statement_form(*parts, status="published", title_en="Edited while the cache was down")
    response = editor_client.post(change_url(statement), form)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Statement.objects.get(pk=statement.pk).title_en == "Edited while the cache was down"
    page = client.get(f"/en/statements/{statement.slug}/").content.decode()
    assert "Edited while the cache was down" in page


def test_health_says_the_cache_is_failing(redis_down, client):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["cache"] == "failing"
