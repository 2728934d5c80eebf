"""Input that used to answer 500, and its kind: never a 500, always 200, 302, 400 or 404."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import SessionFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

# Digits that str.isdigit() accepts and int() refuses, digits int() accepts but are not ASCII,
# and numbers out of every range.
ODD_NUMBERS = ["²", "¹²", "١٣", "１３", "0", "00", "-1", "99999", "1e3", " 13", "13 ", "", "𝟙"]


@pytest.mark.parametrize("session", ["\u00b2-1", "13-\u00b2", "١٣-٣", "１３-３", "13-3-1", "-", "9999-1"])
def test_an_odd_session_in_a_search_is_a_form_error(client, session):
    SessionFactory()
    response = client.get("/en/search/", {"session": session})
    assert response.status_code == 400
    assert "There is no such session" in response.content.decode()


def test_the_search_still_finds_a_real_session(client):
    statement = StatementFactory()
    response = client.get("/en/search/", {"session": statement.session.key})
    assert response.status_code == 200
    assert statement.title_en in response.content.decode()


@pytest.mark.parametrize("year", ["0", "99999", "²⁰²⁰", "２０２０", "0000", "-2020", "20.2"])
def test_an_odd_year_in_the_admin_filter_is_refused_without_error(editor_client, year):
    StatementFactory()
    response = editor_client.get(reverse("admin:archive_statement_changelist"), {"year": year})
    # The admin's own answer to a bad filter: back to the list, with ?e=1.
    assert response.status_code == 302
    assert response["Location"].endswith("?e=1")


def test_the_admin_year_filter_still_filters(editor_client):
    in_2020 = StatementFactory(date="2020-05-22")
    in_2021 = StatementFactory(date="2021-03-05")
    page = editor_client.get(reverse("admin:archive_statement_changelist"), {"year": "2021"})
    assert page.status_code == 200
    assert in_2021.title_en in page.content.decode()
    assert in_2020.title_en not in page.content.decode()


CHANGELISTS = [
    "admin:archive_statement_changelist",
    "admin:archive_source_changelist",
    "admin:archive_topic_changelist",
    "admin:archive_session_changelist",
    "admin:archive_historicalstatement_changelist",
]
# Every filter and parameter the admin's lists read: list_filter, date_hierarchy, search, order,
# page, the popup parameters, and a few they do not.
PARAMETERS = [
    "year",
    "missing",
    "session__id__exact",
    "kind__exact",
    "topics__id__exact",
    "status__exact",
    "language__exact",
    "publisher",
    "date__year",
    "date__month",
    "date__day",
    "published_on__year",
    "published_on__month",
    "published_on__day",
    "q",
    "o",
    "p",
    "e",
    "all",
    "_to_field",
    "_popup",
    "_changelist_filters",
    "id__in",
    "slug",
]
values = st.one_of(
    st.sampled_from(ODD_NUMBERS + ["1", "2020", "13", "zh-hans", "draft", "proposal", "1.-2", "en"]),
    st.text(max_size=12),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)


@pytest.fixture
def some_content(db):
    for date in ("2016-03-05", "2020-05-22"):
        statement = StatementFactory(date=date)
        statement.topics.add(TopicFactory())
    SourceFactory()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    url=st.sampled_from(CHANGELISTS),
    query=st.lists(st.tuples(st.sampled_from(PARAMETERS), values), min_size=1, max_size=4),
)
def test_no_admin_list_filter_value_is_a_server_error(editor_client, some_content, url, query):
    response = editor_client.get(reverse(url), query)
    assert response.status_code in {200, 302, 400, 404}, (url, query, response.status_code)


def test_trace_is_refused(client):
    for path in ("/en/", "/admin/login/", "/static/archive/site.css", "/healthz"):
        response = client.generic("TRACE", path)
        assert response.status_code == 405
        assert "TRACE" not in response["Allow"]


@pytest.mark.parametrize("odd", ["abc", "0", "99999999999999999999", "²", "-1", "1.5", "%00"])
def test_odd_object_ids_in_admin_addresses_are_not_server_errors(editor_client, odd):
    statement = StatementFactory()
    addresses = [
        f"/admin/archive/statement/{odd}/change/",
        f"/admin/archive/statement/{odd}/history/",
        f"/admin/archive/statement/{odd}/delete/",
        f"/admin/archive/statement/{odd}/history/{odd}/",
        f"/admin/archive/statement/{statement.pk}/history/{odd}/",
        f"/admin/archive/topic/{odd}/change/",
        f"/admin/archive/statement/autocomplete/?term={odd}",
        f"/admin/autocomplete/?app_label=archive&model_name=statement&field_name={odd}&term=x",
        f"/admin/autocomplete/?app_label=archive&model_name=statement&field_name=topics&term={odd}",
    ]
    for address in addresses:
        assert editor_client.get(address).status_code in {200, 302, 400, 403, 404}, address


@pytest.mark.parametrize(
    "address",
    [
        "/admin/archive/statement/?q=%00",
        "/admin/autocomplete/?app_label=archive&model_name=statement&field_name=topics&term=a%00b",
        "/admin/archive/statement/%00/history/",
    ],
)
def test_a_nul_character_in_the_admin_is_a_translated_400(editor_client, address):
    StatementFactory()
    response = editor_client.get(address, HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()
