"""Defects found in review, pinned: control characters, feed escaping, cache filling, orphaned quotes."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from archive.models import Statement
from tests.factories import QuoteFactory, StatementFactory, TopicFactory
from tests.test_admin import ADD_URL, statement_form

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_control_character_in_a_text_is_a_form_error(editor_client, parts):
    response = editor_client.post(ADD_URL, statement_form(*parts, summary_fr="Ligne une\x0bligne deux"))
    assert response.status_code == 200
    assert "summary_fr" in response.context["adminform"].form.errors


def test_the_feed_survives_a_control_character_that_bypassed_validation(client):
    statement = StatementFactory()
    Statement.objects.filter(pk=statement.pk).update(summary_en="Line one\x0bline two")
    assert client.get("/en/feed/").status_code == 200


def test_feed_summaries_are_escaped_plain_text(client):
    StatementFactory(summary_en="Spending on <b>R&D</b> rose")
    feed = ET.fromstring(client.get("/en/feed/").content)
    summary = feed.find(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "html"
    assert "&lt;b&gt;R&amp;D&lt;/b&gt;" in summary.text


def test_unknown_query_parameters_are_answered_but_not_cached(client):
    statement = StatementFactory(summary_en="First summary, made up.")
    url = reverse("archive:year", args=[2020])
    client.get(url)  # cached
    client.get(url, {"junk": "1"})
    # A change that sends no signal, so the cached page stays as it was (the statement's own
    # fragments are keyed by its last change, which an update in bulk must set itself).
    Statement.objects.filter(pk=statement.pk).update(
        summary_en="Second summary, made up.", updated_at=timezone.now()
    )
    assert "First summary" in client.get(url).content.decode()
    assert "Second summary" in client.get(url, {"junk": "1"}).content.decode()


def test_quotes_leave_the_public_site_with_their_statement_and_come_back_with_it(client):
    remarks = StatementFactory(kind="remarks", topics=[TopicFactory()])
    quote = QuoteFactory(parent=remarks, title_en="A made-up quoted phrase")
    remarks.unpublish()
    assert client.get(quote.get_absolute_url()).status_code == 404
    assert "A made-up quoted phrase" not in client.get("/en/feed/").content.decode()
    assert "A made-up quoted phrase" not in client.get("/en/search/", {"q": "quoted phrase"}).content.decode()
    remarks.publish()
    assert client.get(quote.get_absolute_url()).status_code == 200
    assert "A made-up quoted phrase" in client.get("/en/search/", {"q": "quoted phrase"}).content.decode()
