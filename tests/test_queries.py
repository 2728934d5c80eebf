"""Each public page reads the database a fixed number of times, whether it holds 3 statements or 300."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from archive.models import Statement
from tests.factories import SessionFactory, SourceFactory, TopicFactory

pytestmark = pytest.mark.django_db

# The most queries any public page may make; the same bound for 3 statements and for 300.
MAX_QUERIES = 8


def populate(count):
    """`count` published statements in 2020, a third of them quotes, all sharing two topics and a source."""
    session = SessionFactory()
    topics = [TopicFactory(), TopicFactory()]
    source = SourceFactory()
    now = timezone.now()

    def statement(n, **extra):
        return Statement(
            slug=f"bulk-{n}",
            kind=extra.pop("kind", Statement.Kind.PROPOSAL),
            title_en=f"Bulk statement {n}",
            title_fr=f"Déclaration en nombre {n}",
            title_zh_hans=f"批量声明{n}",
            summary_en="A made-up summary.",
            summary_fr="Un résumé inventé.",
            summary_zh_hans="虚构摘要。",
            text_en="Made-up text.",
            provenance_en="report",
            date=datetime.date(2020, 5, 22) + datetime.timedelta(days=n % 6),
            session=session,
            status=Statement.Status.PUBLISHED,
            published_at=now,
            **extra,
        )

    parents = Statement.objects.bulk_create([statement(n) for n in range(count - count // 3)])
    quotes = Statement.objects.bulk_create(
        [
            statement(
                n,
                kind=Statement.Kind.QUOTE,
                parent=parents[n % len(parents)],
                text_zh_hans="虚构引语。",
                provenance_zh_hans="original",
            )
            for n in range(len(parents), count)
        ]
    )
    everything = parents + quotes
    Statement.topics.through.objects.bulk_create(
        [Statement.topics.through(statement=s, topic=t) for s in everything for t in topics]
    )
    Statement.sources.through.objects.bulk_create(
        [Statement.sources.through(statement=s, source=source) for s in everything]
    )
    return parents[len(parents) // 2], topics[0]


def public_pages(statement, topic):
    return [
        "/en/",
        "/fr/2020/",
        f"/zh-hans/topics/{topic.slug}/",
        "/en/sessions/13-3/",
        f"/fr/statements/{statement.slug}/",
        f"/en/statements/{statement.slug}/?compare=zh-hans",
        "/en/feed/",
        f"/fr/topics/{topic.slug}/feed/",
        "/sitemap.xml",
        "/en/topics/",
        "/fr/sessions/",
        "/zh-hans/about/",
        f"/zh-hans/statements/{statement.slug}/cite.bib",
        f"/fr/statements/{statement.slug}/cite.json",
        f"/en/search/feed/?topic={topic.slug}",
        "/fr/search/feed/?q=bulk",
    ]


@pytest.mark.parametrize("count", [3, 300])
def test_public_pages_make_a_fixed_number_of_queries(client, django_assert_max_num_queries, count):
    statement, topic = populate(count)
    assert Statement.objects.count() == count
    for url in public_pages(statement, topic):
        with django_assert_max_num_queries(MAX_QUERIES):
            response = client.get(url)
        assert response.status_code == 200, url


def test_the_number_of_queries_does_not_grow_with_the_archive(client):
    def queries(urls):
        counts = []
        for url in urls:
            cache.clear()
            with CaptureQueriesContext(connection) as captured:
                assert client.get(url).status_code == 200, url
            counts.append(len(captured))
        return counts

    small = queries(public_pages(*populate(3)))
    Statement.objects.all().delete()
    assert queries(public_pages(*populate(300))) == small


@pytest.mark.parametrize("count", [3, 300])
def test_the_indexes_and_citations_make_exactly_these_queries(client, django_assert_num_queries, count):
    statement, topic = populate(count)
    expected = {
        "/en/topics/": 2,  # topics; counts by topic and year
        "/fr/sessions/": 1,  # sessions with their counts
        "/zh-hans/about/": 1,  # the archive's last change, for its citation's date
        f"/zh-hans/statements/{statement.slug}/cite.bib": 3,  # statement; sources; topics
        f"/en/search/feed/?topic={topic.slug}": 3,  # topic; the search's statements; their topics
    }
    for url, queries in expected.items():
        cache.clear()
        with django_assert_num_queries(queries):
            assert client.get(url).status_code == 200, url
