"""Two app servers, one PostgreSQL and one Redis: an edit through one is visible through the other
at once; drafts are invisible on both. And CACHE_URL chooses the cache."""

import os

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from archive.models import Statement
from archive.ops.cache_url import caches_from_url
from tests.factories import SessionFactory, SourceFactory, StatementFactory, TopicFactory
from tests.ops import servers
from tests.test_admin import statement_form


def test_cache_url_chooses_the_backend(tmp_path):
    assert caches_from_url(None, tmp_path)["LOCATION"] == str(tmp_path)
    assert caches_from_url("file:///srv/cache", tmp_path)["LOCATION"] == "/srv/cache"
    redis = caches_from_url("redis://cache.internal:6379/1", tmp_path)
    assert redis["BACKEND"] == "archive.ops.tolerant_cache.TolerantRedisCache"
    assert redis["LOCATION"] == "redis://cache.internal:6379/1"
    assert caches_from_url("unix:///run/redis.sock?db=0", tmp_path)["BACKEND"].endswith("RedisCache")
    with pytest.raises(ImproperlyConfigured):
        caches_from_url("memcached://x", tmp_path)


@pytest.fixture
def shared_redis():
    url = os.environ.get("REDIS_URL", "")
    if not url.startswith(("redis://", "unix://")):
        pytest.skip("needs the Redis of scripts/with-redis (make test-postgres starts one)")
    return url


@pytest.mark.django_db(transaction=True)
def test_two_app_servers_share_one_database_and_one_cache(
    postgres_only, shared_redis, editors_group, static_root, tmp_path
):
    session, source, topic = SessionFactory(), SourceFactory(), TopicFactory()
    StatementFactory(title_en="A statement both servers show")
    # The servers run the production settings, which do not read the tests' fast MD5 hashes.
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher"]):
        editor = User.objects.create_user("editor", password="a-test-password", is_staff=True)
    editor.groups.add(editors_group)
    env = servers.server_env(tmp_path, static_root, CACHE_URL=shared_redis)
    # Each machine its own folders; only the database and Redis are shared.
    env_b = {
        **env,
        "DJANGO_CACHE_DIR": str(tmp_path / "b-cache"),
        "ARCHIVE_SIGNIN_LOCK_FILE": str(tmp_path / "b.lock"),
    }
    with (
        servers.gunicorn(env, tmp_path / "a.log", workers=1) as a,
        servers.gunicorn(env_b, tmp_path / "b.log", workers=1) as b,
    ):
        for base in (a, b):  # both fill the shared cache
            assert "A statement both servers show" in servers.get(base + "/en/2020/")[2]
        editor_on_a = servers.Visitor(a)
        editor_on_a.sign_in("editor", "a-test-password")

        # A draft added through A: on neither server's public pages.
        draft = statement_form(session, source, topic, slug="2020-a-draft", title_en="A draft added on A")
        status, _body = editor_on_a.post("/admin/archive/statement/add/", draft)
        assert status == 200 and Statement.objects.filter(slug="2020-a-draft").exists()
        for base in (a, b):
            for path in ("/en/2020/", "/en/", "/en/search/?q=draft+added", "/en/statements/2020-a-draft/"):
                assert "A draft added on A" not in servers.get(base + path)[2], (base, path)

        # Published through A: on B at once, from B's cached pages too.
        pk = Statement.objects.get(slug="2020-a-draft").pk
        publish = {"action": "publish", "_selected_action": [pk], "index": 0}
        assert editor_on_a.post("/admin/archive/statement/", publish)[0] == 200
        for path in ("/en/2020/", "/en/", "/en/statements/2020-a-draft/"):
            assert "A draft added on A" in servers.get(b + path)[2], path

        # And back to draft through A: gone from B at once.
        # (The action asks for a reason, which goes into the history.)
        unpublish = {"action": "unpublish", "_selected_action": [pk], "index": 0, "reason": "A test"}
        assert editor_on_a.post("/admin/archive/statement/", unpublish)[0] == 200
        for path in ("/en/2020/", "/en/"):
            assert "A draft added on A" not in servers.get(b + path)[2], path
        assert servers.get(b + "/en/statements/2020-a-draft/")[0] == 404
