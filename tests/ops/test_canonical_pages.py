"""Only canonical variants of a page are cached: bounded ?compare= and ?p=, no Host in the key."""

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["de", "", "EN", "zh-Hans", "fr ", "en", "none2", "x" * 300])
def test_an_unknown_compare_value_redirects_to_the_canonical_address(client, value):
    statement = StatementFactory()
    response = client.get(statement.get_absolute_url(), {"compare": value})
    assert response.status_code == 302
    assert response["Location"] == statement.get_absolute_url()


@pytest.mark.parametrize("value", ["fr", "zh-hans", "none"])
def test_known_compare_values_are_pages_of_their_own(client, value):
    statement = StatementFactory()
    assert client.get(statement.get_absolute_url(), {"compare": value}).status_code == 200


def test_repeating_a_parameter_makes_no_new_cached_page(client, django_assert_num_queries):
    statement = StatementFactory()
    url = statement.get_absolute_url()
    first = client.get(url + "?compare=fr")
    with django_assert_num_queries(0):
        again = client.get(url + "?compare=zh-hans&compare=fr")
    assert again.content == first.content


def test_the_host_header_and_its_port_make_no_new_cached_page(client, django_assert_num_queries):
    StatementFactory()
    first = client.get("/en/2020/", HTTP_HOST="localhost")
    with django_assert_num_queries(0):
        again = client.get("/en/2020/", HTTP_HOST="localhost:8443")
    assert again.content == first.content
    assert "https://archive.example.org/en/2020/" in again.content.decode()


def test_a_parameter_a_page_does_not_read_is_not_cached(client, django_assert_max_num_queries):
    StatementFactory()
    client.get("/en/2020/?compare=fr")
    # Years do not compare languages: the same address again is rendered again, not cached.
    with django_assert_max_num_queries(50) as queries:
        client.get("/en/2020/?compare=fr")
    assert len(queries) > 0


@pytest.mark.parametrize("page", ["01", "1.0", " 1", "0", "-1", "１", "9999999", "abc", ""])
def test_the_sitemap_page_number_is_bounded(client, page):
    StatementFactory()
    assert client.get("/sitemap.xml", {"p": page}).status_code == 404


def test_the_sitemap_first_page_is_served(client):
    StatementFactory()
    assert client.get("/sitemap.xml").status_code == 200
    assert client.get("/sitemap.xml", {"p": "1"}).status_code == 200
    assert client.get("/sitemap.xml", {"p": "2"}).status_code == 404
