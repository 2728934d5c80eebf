"""Changes in bulk: what is derived from the content is renewed once at the end of the batch."""

import pytest
from django.db import transaction

from archive.batching import changes_batched
from archive.caching import content_changed, pages_generation
from archive.search.table import generation_read
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def renewals():
    sent = []

    def count(**kwargs):
        sent.append(kwargs)

    content_changed.connect(count)
    yield sent
    content_changed.disconnect(count)


def test_saves_in_a_batch_renew_pages_and_index_once_at_its_end(renewals):
    statements = [StatementFactory() for _ in range(3)]
    renewals.clear()
    generation, index = pages_generation(), generation_read()
    with transaction.atomic(), changes_batched():
        for statement in statements:
            statement.title_en += " (changed)"
            statement.save()
        # Nothing renewed yet, inside the batch.
        assert (renewals, pages_generation(), generation_read()) == ([], generation, index)
    assert len(renewals) == 1
    assert pages_generation() > generation and generation_read() != index


def test_a_batch_that_fails_renews_nothing(renewals):
    statement = StatementFactory()
    renewals.clear()
    generation = pages_generation()
    with pytest.raises(RuntimeError), transaction.atomic(), changes_batched():
        statement.save()
        raise RuntimeError
    assert renewals == [] and pages_generation() == generation


def test_outside_a_batch_each_save_renews_at_once(renewals):
    statement = StatementFactory()
    renewals.clear()
    statement.save()
    statement.save()
    assert len(renewals) == 2
