"""A search feed's title repeats the query: control characters typed into it (which XML 1.0
cannot hold) are left out of the feed rather than making it a server error."""

import xml.etree.ElementTree as ET  # noqa: S405 - parsing our own responses

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def test_a_search_feed_with_control_characters_in_the_query_is_a_feed_not_a_500(client):
    StatementFactory(title_en="Tomato growers")
    response = client.get("/en/search/feed/", {"q": "tomato\x01\x1f"})
    assert response.status_code == 200
    feed = ET.fromstring(response.content)  # noqa: S314 - our own response
    assert "tomato" in feed.find(f"{ATOM}title").text
    assert "\x01" not in feed.find(f"{ATOM}title").text
