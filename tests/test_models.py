import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from archive.models import Provenance, Session, Statement
from tests.factories import QuoteFactory, SessionFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


def create_session(**fields):
    """Straight to the database, past the model's validation: the constraints must hold alone."""
    values = {
        "congress": 13,
        "number": 3,
        "year": 2020,
        "name_en": "x",
        "opened_on": datetime.date(2020, 5, 22),
        "closed_on": datetime.date(2020, 5, 28),
    }
    return Session.objects.create(**{**values, **fields})


def test_session_closing_before_opening_is_refused_by_the_database():
    with pytest.raises(IntegrityError), transaction.atomic():
        create_session(opened_on=datetime.date(2020, 5, 28), closed_on=datetime.date(2020, 5, 22))


@pytest.mark.parametrize("congress, number", [(13, 0), (13, 6), (0, 1)])
def test_session_numbers_out_of_range_are_refused_by_the_database(congress, number):
    with pytest.raises(IntegrityError), transaction.atomic():
        create_session(congress=congress, number=number)


def test_the_same_session_cannot_be_entered_twice():
    SessionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        create_session(name_en="again")


def test_only_a_quote_can_have_a_parent_in_the_database():
    remarks = StatementFactory(kind=Statement.Kind.REMARKS)
    with pytest.raises(IntegrityError), transaction.atomic():
        StatementFactory(kind=Statement.Kind.PROPOSAL, parent=remarks)


def test_a_statement_far_from_its_session_does_not_validate():
    statement = StatementFactory.build(session=SessionFactory(), date=datetime.date(2020, 9, 1))
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert "date" in error.value.message_dict


def test_a_statement_a_week_before_its_session_validates():
    statement = StatementFactory.build(session=SessionFactory(), date=datetime.date(2020, 5, 15))
    statement.full_clean()


def test_a_quote_cannot_come_from_another_quote():
    remarks = StatementFactory(kind=Statement.Kind.REMARKS)
    first = QuoteFactory(parent=remarks)
    quote = QuoteFactory.build(parent=first, session=first.session)
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "parent" in error.value.message_dict


def test_published_excludes_drafts():
    published = StatementFactory()
    StatementFactory(status=Statement.Status.DRAFT)
    assert list(Statement.objects.published()) == [published]


def test_in_year_filters_by_the_statement_date():
    StatementFactory(date=datetime.date(2020, 5, 22))
    other = StatementFactory(date=datetime.date(2019, 3, 5), session=None)
    assert list(Statement.objects.in_year(2019)) == [other]


def test_missing_language_finds_statements_without_french_title_or_summary():
    complete = StatementFactory()
    no_french = StatementFactory(title_fr="")
    no_chinese_summary = StatementFactory(summary_zh_hans="")
    assert set(Statement.objects.missing_language("fr")) == {no_french}
    assert set(Statement.objects.missing_language("zh-hans")) == {no_chinese_summary}
    assert complete.missing_languages() == []
    assert no_french.missing_languages() == ["fr"]


def test_publishing_stamps_the_first_publication_time_once():
    statement = StatementFactory(status=Statement.Status.DRAFT, topics=[TopicFactory()])
    assert statement.published_at is None
    statement.publish()
    first = statement.published_at
    assert first is not None
    statement.unpublish()
    statement.publish()
    assert statement.published_at == first


def test_a_source_needs_a_title_or_an_address():
    source = SourceFactory.build(title="", url="")
    with pytest.raises(ValidationError):
        source.full_clean()
    SourceFactory.build(title="", url="https://example.test/x").full_clean()


def test_two_sources_cannot_share_an_address():
    SourceFactory(url="https://example.test/same")
    with pytest.raises(IntegrityError), transaction.atomic():
        SourceFactory(url="https://example.test/same")


def test_a_published_quote_must_have_his_own_words_in_some_language():
    parent = StatementFactory(kind="remarks", topics=[TopicFactory()])
    wordless = StatementFactory.build(
        kind=Statement.Kind.QUOTE, parent=parent, session=parent.session, provenance_en="report"
    )
    with pytest.raises(ValidationError, match="needs his own words"):
        wordless.full_clean()
    # An 'original' label on an empty text is not his words either.
    wordless.provenance_fr, wordless.text_fr = Provenance.ORIGINAL, ""
    with pytest.raises(ValidationError, match="needs his own words"):
        wordless.full_clean()
    # The database refuses it too, whatever writes it (an import, a script, a bulk update).
    with pytest.raises(IntegrityError), transaction.atomic():
        wordless.save()
    wordless.status = Statement.Status.DRAFT
    wordless.full_clean()
    wordless.save()
    with pytest.raises(ValidationError):
        wordless.publish()
    assert Statement.objects.get(pk=wordless.pk).status == Statement.Status.DRAFT
    wordless.kind = Statement.Kind.REPORTED
    wordless.publish()
    assert wordless.is_public


def test_null_texts_are_not_his_words_either():
    """A check constraint passes when its condition is NULL: texts left NULL (a script, an ORM
    create without them) must not make a published quote acceptable."""
    parent = StatementFactory(kind="remarks", topics=[TopicFactory()])
    quote = QuoteFactory(parent=parent, session=parent.session)
    assert quote.is_published
    nulls = {
        f"{name}_{suffix}": None for name in ("text", "provenance") for suffix in ("en", "fr", "zh_hans")
    }
    for labelled in ({}, {"provenance_en": Provenance.ORIGINAL}):
        with pytest.raises(IntegrityError), transaction.atomic():
            Statement.objects.filter(pk=quote.pk).update(**{**nulls, **labelled})
    Statement.objects.filter(pk=quote.pk).update(
        **{**nulls, "provenance_en": Provenance.ORIGINAL, "status": Statement.Status.DRAFT}
    )
    quote.refresh_from_db()
    assert quote.text_en is None
    quote.status = Statement.Status.PUBLISHED
    with pytest.raises(ValidationError):
        quote.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Statement.objects.filter(pk=quote.pk).update(status=Statement.Status.PUBLISHED)
