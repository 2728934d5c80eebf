"""The page cache's fast path answers readers exactly as the full stack does, and never editors."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from archive.caching import PageCacheMiddleware
from tests.factories import QuoteFactory, SessionFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive(db):
    session = SessionFactory()
    topic = TopicFactory()
    statement = StatementFactory(status="published", session=session, date=session.opened_on)
    statement.topics.add(topic)
    return statement, topic, session


def public_pages(statement, topic, session):
    """One address of every cached page type, in each language where pages have one."""
    pages = ["/sitemap.xml"]
    for code in ("en", "fr", "zh-hans"):
        pages += [
            f"/{code}/",
            f"/{code}/{statement.date.year}/",
            f"/{code}/statements/{statement.slug}/",
            f"/{code}/statements/{statement.slug}/?compare={'fr' if code == 'en' else 'en'}",
            f"/{code}/topics/{topic.slug}/",
            f"/{code}/topics/{topic.slug}/feed/",
            f"/{code}/sessions/{session.key}/",
            f"/{code}/feed/",
        ]
    return pages


def test_a_cached_answer_is_the_full_stacks_answer_header_for_header(archive, django_assert_num_queries):
    for path in public_pages(*archive):
        reader = Client()
        full = reader.get(path)
        assert full.status_code == 200, path
        with django_assert_num_queries(0):
            fast = reader.get(path)
        assert fast.content == full.content, path
        assert dict(fast.items()) == dict(full.items()), path
        assert "ETag" in fast and "Last-Modified" in fast and "Content-Length" in fast, path


def test_a_reader_with_a_session_cookie_gets_the_same_page_through_the_full_stack(archive):
    for path in public_pages(*archive):
        fast = Client().get(path)
        with_cookie = Client()
        with_cookie.cookies["sessionid"] = "not-a-session"
        full = with_cookie.get(path)
        assert full.content == fast.content, path
        # The full stack also tells the browser to drop the unknown session cookie; nothing else differs.
        assert {k: v for k, v in full.items() if k != "Set-Cookie"} == dict(fast.items()), path


def test_the_fast_path_answers_304_like_the_full_stack(archive):
    statement, _topic, _session = archive
    path = statement.get_absolute_url()
    first = Client().get(path)
    fast = Client().get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert fast.status_code == 304
    assert Client().get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert Client().get(path, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_editors_never_get_or_leave_a_cached_page(archive, editor_client):
    statement, _topic, _session = archive
    draft = StatementFactory(status="draft", date=statement.date)
    path = f"/en/{statement.date.year}/"
    Client().get(path)  # a reader's page is now cached
    with CaptureQueriesContext(connection) as queries:
        page = editor_client.get(path).content.decode()
    assert queries.captured_queries, "an editor's page is built afresh"
    assert draft.title_en in page
    assert draft.title_en not in Client().get(path).content.decode()
    assert "private" in editor_client.get(path)["Cache-Control"]


def test_unknown_parameters_and_unsafe_methods_are_never_cached(archive):
    statement, _topic, _session = archive
    path = statement.get_absolute_url()
    Client().get(path + "?utm=1")
    with CaptureQueriesContext(connection) as queries:
        Client().get(path + "?utm=1")
    assert queries.captured_queries, "a page with an unknown parameter is built afresh"
    with CaptureQueriesContext(connection) as queries:
        Client().post(path)
    assert queries.captured_queries, "a POST never gets a cached page"


def test_each_process_keeps_a_bounded_number_of_pages_in_memory(archive, settings):
    middleware = PageCacheMiddleware(lambda request: None)
    for n in range(600):
        middleware._remember(f"key-{n}", (200, [], b""))
    assert len(middleware.memory) <= 500 and "key-599" in middleware.memory


def test_a_first_view_reuses_the_cards_of_statements_that_did_not_change(archive, settings):
    from django.core.cache import caches

    statement, topic, _session = archive
    other = StatementFactory(status="published", date=statement.date)
    path = f"/en/{statement.date.year}/"

    def stored_cards():
        return [key for key in caches["fragments"]._cache if ":archive:card:" in key]

    Client().get(path)
    cards = len(stored_cards())
    assert cards == 2
    other.title_en = "A corrected title"
    other.save()  # a new page generation: the page is built again, one card with it
    page = Client().get(path).content.decode()
    assert "A corrected title" in page and statement.title_en in page
    assert len(stored_cards()) == cards + 1


def test_renaming_a_topic_renews_every_card_that_names_it(archive):
    statement, topic, _session = archive
    path = f"/en/{statement.date.year}/"
    Client().get(path)
    topic.name_en = "A renamed topic"
    topic.save()
    assert "A renamed topic" in Client().get(path).content.decode()


def test_publishing_a_quote_renews_its_statements_card(archive):
    statement, _topic, _session = archive
    quote = QuoteFactory(parent=statement, status="draft", date=statement.date)
    path = f"/en/{statement.date.year}/"
    assert "1 quote" not in Client().get(path).content.decode()
    quote.publish()
    assert "1 quote" in Client().get(path).content.decode()


def test_a_statements_citations_and_columns_are_built_once_per_change(archive):
    from django.core.cache import caches

    statement, _topic, _session = archive
    path = statement.get_absolute_url()
    first = Client().get(path).content.decode()
    pieces = len(caches["fragments"]._cache)
    statement.summary_en = "A corrected summary."
    statement.save()
    second = Client().get(path).content.decode()
    assert "A corrected summary." in second and "A corrected summary." not in first
    # Its citations and its columns again (new keys); nothing else on the page is a fragment.
    assert len(caches["fragments"]._cache) == pieces + 2


def test_a_first_view_after_an_edit_elsewhere_renders_nothing_again(archive):
    """The page cache starts a new generation at every edit; a statement page whose statement,
    quotes and neighbours did not change is then served from the fragments cache, unrendered."""
    from django.core.cache import caches

    statement, _topic, _session = archive
    elsewhere = StatementFactory(status="published", date=statement.date.replace(year=2013, month=3, day=1))
    StatementFactory(status="published", date=statement.date.replace(year=2013, month=3, day=2))  # between
    first = Client().get(statement.get_absolute_url()).content
    pieces = len(caches["fragments"]._cache), len(caches["rendered"]._cache)
    elsewhere.title_en = "An edit elsewhere"
    elsewhere.save()
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(statement.get_absolute_url()).content
    assert again == first and (len(caches["fragments"]._cache), len(caches["rendered"]._cache)) == pieces
    # The statement, its quotes and its two neighbours: no sources, topics or template work.
    assert len(queries.captured_queries) == 4


def test_a_statement_page_kept_whole_follows_its_neighbours_quotes_and_topics(archive):
    statement, topic, _session = archive
    path = statement.get_absolute_url()
    neighbour = StatementFactory(status="published", date=statement.date, title_en="The neighbour")
    assert "The neighbour" in Client().get(path).content.decode()
    neighbour.title_en = "The renamed neighbour"
    neighbour.save()
    assert "The renamed neighbour" in Client().get(path).content.decode()
    quote = QuoteFactory(parent=statement, status="draft", date=statement.date)
    assert quote.slug not in Client().get(path).content.decode()
    quote.publish()
    assert quote.slug in Client().get(path).content.decode()
    topic.name_en = "A renamed topic"
    topic.save()
    assert "A renamed topic" in Client().get(path).content.decode()


def test_editors_never_get_or_leave_a_page_kept_whole(archive, editor_client):
    from django.core.cache import caches

    statement, _topic, _session = archive
    draft_quote = QuoteFactory(parent=statement, status="draft", date=statement.date)
    html = editor_client.get(statement.get_absolute_url()).content.decode()
    assert draft_quote.slug in html
    assert not caches["rendered"]._cache
    assert draft_quote.slug not in Client().get(statement.get_absolute_url()).content.decode()


def test_a_year_page_after_an_edit_in_another_year_costs_one_query(archive):
    statement, _topic, _session = archive
    elsewhere = StatementFactory(status="published", date=statement.date.replace(year=2013, month=3, day=1))
    path = f"/en/{statement.date.year}/"
    first = Client().get(path).content
    elsewhere.title_en = "An edit in 2013"
    elsewhere.save()
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(path).content
    assert again == first and len(queries.captured_queries) == 1  # the year's statements' keys


def test_a_page_kept_whole_is_never_one_asked_with_other_parameters(archive):
    """The language links repeat the query: a page asked with ?utm_source=… is built for it and not
    kept, and the plain address never shows that query."""
    from django.core.cache import caches

    statement, _topic, _session = archive
    path = statement.get_absolute_url()
    assert "utm_source=feed" in Client().get(path + "?utm_source=feed").content.decode()
    assert not caches["rendered"]._cache
    assert "utm_source" not in Client().get(path).content.decode()
    assert 'href="/fr/statements/' in Client().get(path + "?compare=fr").content.decode()
    assert len(caches["rendered"]._cache) == 2  # the plain page and its comparison with French
