"""Every absolute address names the configured public origin, whatever Host a request came in by."""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"


@pytest.mark.parametrize("host", ["127.0.0.1:9999", "localhost"])
def test_pages_feeds_sitemap_and_robots_name_the_configured_origin_not_the_host(client, host):
    statement = StatementFactory(status="published")
    pages = [
        f"/en/statements/{statement.slug}/",
        "/en/",
        "/fr/feed/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for path in pages:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert ORIGIN in body, path
        assert host not in body, path


def test_a_page_cached_under_one_host_is_the_same_page_for_another(client):
    statement = StatementFactory(status="published")
    path = f"/en/statements/{statement.slug}/"
    first = client.get(path, HTTP_HOST="127.0.0.1:9999")
    second = client.get(path, HTTP_HOST="localhost")
    assert first["ETag"] == second["ETag"]
    assert f'<link rel="canonical" href="{ORIGIN}{path}">' in second.content.decode()


def test_the_origin_setting_must_be_a_scheme_and_host(monkeypatch):
    import importlib

    from django.core.exceptions import ImproperlyConfigured

    import archive.settings

    monkeypatch.setenv("ARCHIVE_SITE_URL", "example.org/path")
    with pytest.raises(ImproperlyConfigured):
        importlib.reload(archive.settings)
    monkeypatch.setenv("ARCHIVE_SITE_URL", "https://example.org/")
    assert importlib.reload(archive.settings).ARCHIVE_SITE_URL == "https://example.org"
