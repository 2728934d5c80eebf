"""Public pages cached per language for readers, renewed when content changes, never for editors."""

import datetime

import pytest
from django.utils.http import http_date

from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_readers_second_visit_is_served_from_the_cache(client, django_assert_num_queries):
    StatementFactory()
    first = client.get("/en/2020/")
    with django_assert_num_queries(0):
        second = client.get("/en/2020/")
    assert second.content == first.content


def test_each_language_is_cached_separately(client):
    statement = StatementFactory()
    assert statement.title_en in client.get("/en/2020/").content.decode()
    french = client.get("/fr/2020/").content.decode()
    assert statement.title_fr in french and statement.title_en not in french


def test_editing_a_statement_renews_the_cached_pages(client):
    statement = StatementFactory()
    client.get(statement.get_absolute_url())
    client.get("/en/2020/")
    statement.title_en = "A corrected title"
    statement.save()
    assert "A corrected title" in client.get(statement.get_absolute_url()).content.decode()
    assert "A corrected title" in client.get("/en/2020/").content.decode()


def test_publishing_unpublishing_and_deleting_renew_the_cached_pages(client):
    statement = StatementFactory(status="draft", topics=[TopicFactory()])
    assert statement.title_en not in client.get("/en/").content.decode()
    statement.publish()
    assert statement.title_en in client.get("/en/").content.decode()
    statement.unpublish()
    assert statement.title_en not in client.get("/en/").content.decode()
    statement.publish()
    client.get("/en/")
    statement.delete()
    assert statement.title_en not in client.get("/en/").content.decode()


def test_changing_a_statements_topics_renews_the_cached_pages(client):
    statement = StatementFactory()
    client.get(statement.get_absolute_url())
    topic = TopicFactory(name_en="A newly added topic")
    statement.topics.add(topic)
    assert "A newly added topic" in client.get(statement.get_absolute_url()).content.decode()


def test_editors_never_get_a_readers_cached_page(client, editor_client):
    draft = StatementFactory(status="draft")
    client.get("/en/2020/")  # a reader fills the cache without the draft
    editor_page = editor_client.get("/en/2020/")
    assert draft.title_en in editor_page.content.decode()
    assert "private" in editor_page["Cache-Control"]
    editor_client.logout()
    assert draft.title_en not in editor_client.get("/en/2020/").content.decode()


def test_an_editors_visit_leaves_no_cached_page_for_readers(editor_client, django_assert_max_num_queries):
    draft = StatementFactory(status="draft")
    assert draft.title_en in editor_client.get("/en/2020/").content.decode()
    editor_client.logout()
    reader_page = editor_client.get("/en/2020/").content.decode()
    assert draft.title_en not in reader_page and "preview" not in reader_page.lower()


def test_an_unchanged_page_answers_304_to_if_none_match(client):
    StatementFactory()
    response = client.get("/en/2020/")
    etag = response["ETag"]
    assert client.get("/en/2020/", headers={"if-none-match": etag}).status_code == 304
    assert client.get("/fr/2020/", headers={"if-none-match": etag}).status_code == 200


def test_an_unchanged_page_answers_304_to_if_modified_since(client):
    StatementFactory()
    response = client.get("/en/")
    last_modified = response["Last-Modified"]
    assert client.get("/en/", headers={"if-modified-since": last_modified}).status_code == 304


def test_a_changed_page_answers_200_to_a_stale_etag_or_date(client):
    statement = StatementFactory()
    response = client.get("/en/2020/")
    etag, last_modified = response["ETag"], response["Last-Modified"]
    statement.title_en = "Changed since"
    statement.save()
    assert client.get("/en/2020/", headers={"if-none-match": etag}).status_code == 200
    past = http_date((datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=1)).timestamp())
    assert client.get("/en/2020/", headers={"if-modified-since": past}).status_code == 200
    assert last_modified


def test_public_pages_ask_browsers_to_revalidate(client):
    StatementFactory()
    response = client.get("/en/")
    assert "max-age=0" in response["Cache-Control"]
    assert response.has_header("ETag") and response.has_header("Last-Modified")


def test_a_change_in_another_process_renews_the_pages_of_this_one(client, settings, tmp_path):
    """The content loader and each gunicorn worker are separate processes sharing the file cache."""
    import os
    import subprocess
    import sys

    from archive.models import Statement

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(tmp_path),
        },
        "fragments": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "other"},
        "rendered": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "other-pages"},
    }
    statement = StatementFactory()
    assert statement.title_en in client.get("/en/2020/").content.decode()
    Statement.objects.filter(pk=statement.pk).update(title_en="Changed behind the cache's back")
    assert "Changed behind" not in client.get("/en/2020/").content.decode()

    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(DJANGO_SETTINGS_MODULE="archive.settings", DJANGO_DEBUG="1", DJANGO_CACHE_DIR=str(tmp_path))
    subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); "
            "from archive.caching import everything_changed; everything_changed()",
        ],
        env=env,
        check=True,
        timeout=60,
    )
    assert "Changed behind the cache's back" in client.get("/en/2020/").content.decode().replace(
        "&#x27;", "'"
    )


def test_the_generation_is_renewed_again_when_the_change_is_committed(django_capture_on_commit_callbacks):
    from django.core.cache import cache

    from archive.caching import GENERATION_KEY, pages_generation

    statement = StatementFactory()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        statement.title_en = "Committed"
        statement.save()
        during = cache.get(GENERATION_KEY)
    assert callbacks
    assert pages_generation() > during
