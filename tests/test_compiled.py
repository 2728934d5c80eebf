"""Key queries compiled once give what the ORM gives, for every reader and every request's values."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive import compiled, timeline
from archive.listing import card_keys
from archive.models import Statement
from archive.search.query import _hit_rows
from tests.factories import QuoteFactory, StatementFactory

pytestmark = pytest.mark.django_db

READER = AnonymousUser()


@pytest.fixture
def statements(db):
    """Three published statements in 2020 (two on one day), a draft between them, a 2021 one, and
    quotes under the middle one: one published, one draft."""
    first = StatementFactory(date=datetime.date(2020, 3, 5))
    middle = StatementFactory(date=datetime.date(2020, 3, 5))
    StatementFactory(date=datetime.date(2020, 4, 1), status=Statement.Status.DRAFT)
    last = StatementFactory(date=datetime.date(2020, 6, 1))
    StatementFactory(date=datetime.date(2021, 3, 5))
    quote = QuoteFactory(parent=middle, date=datetime.date(2020, 3, 5))
    QuoteFactory(parent=middle, date=datetime.date(2020, 3, 6), status=Statement.Status.DRAFT)
    return first, middle, last, quote


def orm_neighbours(statement, user):
    siblings = Statement.objects.visible_to(user).filter(parent_id=statement.parent_id)
    if statement.parent_id is None:
        siblings = Statement.objects.visible_to(user).filter(parent__isnull=True)
    earlier = [s for s in siblings.chronological() if (s.date, s.pk) < (statement.date, statement.pk)]
    later = [s for s in siblings.chronological() if (s.date, s.pk) > (statement.date, statement.pk)]
    return tuple(
        (s.pk, s.updated_at) if s else None
        for s in (earlier[-1] if earlier else None, later[0] if later else None)
    )


@pytest.mark.parametrize("audience", ["reader", "editor"])
def test_the_statement_pages_keys_are_the_orms(statements, editor, audience):
    user = READER if audience == "reader" else editor
    every = Statement.objects.all()
    for statement in every:  # each call with other values than the one that compiled the query
        key = timeline.statement_key(statement.slug, user)
        if not Statement.objects.visible_to(user).filter(pk=statement.pk).exists():
            assert key is None
            continue
        parent = statement.parent
        assert key == (
            statement.pk,
            statement.updated_at,
            statement.date,
            statement.parent_id,
            parent.updated_at if parent else None,
        )
        assert timeline.neighbours(statement.pk, statement.date, statement.parent_id, user) == orm_neighbours(
            statement, user
        )
        quotes = Statement.objects.visible_to(user).filter(parent=statement).chronological()
        assert timeline.quote_keys(statement.pk, user) == list(quotes.values_list("pk", "updated_at"))
    assert timeline.statement_key("no-such-statement", user) is None


@pytest.mark.parametrize("audience", ["reader", "editor"])
def test_a_years_cards_are_the_orms(statements, editor, audience):
    user = READER if audience == "reader" else editor
    for year in (2019, 2020, 2021):
        expected = card_keys(
            timeline.with_quote_counts(
                Statement.objects.visible_to(user).top_level().in_year(year), user
            ).chronological()
        )
        page = timeline.year_page(year, user)
        assert [
            (c.pk, c.updated_at, c.date, c.kind, c.quote_count, c.reported_count)
            for c in page.statements.cards
        ] == list(expected)
    drafts = [
        c.pk
        for c in timeline.year_page(2020, user).statements.cards
        if c.pk not in {s.pk for s in statements}
    ]
    assert bool(drafts) == (audience == "editor")


def test_search_hits_read_their_texts_for_any_number_of_hits(statements):
    first, middle, last, quote = statements
    for ids in ([first.pk], [last.pk, first.pk, middle.pk], [quote.pk, first.pk]):
        found = _hit_rows(ids, {"en", "fr"})
        assert set(found) == set(ids)
        for pk in ids:
            statement = Statement.objects.get(pk=pk)
            updated_at, texts = found[pk]
            assert updated_at == statement.updated_at
            assert texts["summary_fr"] == statement.summary_fr and texts["text_en"] == statement.text_en
    draft = Statement.objects.filter(status=Statement.Status.DRAFT).first()
    assert draft.pk not in _hit_rows([draft.pk, first.pk], {"zh-hans"})


def test_a_compiled_query_is_built_once_and_run_every_time(statements):
    first, middle, *_ = statements

    def key(slug):
        return Statement.objects.filter(slug=slug).values_list("pk", "date")

    with CaptureQueriesContext(connection) as captured:
        assert compiled.rows("test-key", Statement, key, slug=first.slug) == [(first.pk, first.date)]
        assert compiled.rows("test-key", Statement, key, slug=middle.slug) == [(middle.pk, middle.date)]
        assert compiled.rows("test-key", Statement, key, slug="nothing") == []
    assert len(captured) == 3
    assert ("test-key", "default", "en", ()) in compiled._compiled


def test_a_value_the_query_does_not_use_is_an_error_not_a_wrong_answer(statements):
    with pytest.raises(ValueError, match="does not use slug"):
        compiled.rows("test-unused", Statement, lambda slug: Statement.objects.values_list("pk"), slug="x")
    with pytest.raises(TypeError):
        compiled.rows(
            "test-bool", Statement, lambda flag: Statement.objects.filter(is_published=flag), flag=True
        )
