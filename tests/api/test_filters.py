"""List filters, ordering and pagination of /api/v1/statements/, and the withdrawals a harvester reads."""

import datetime

import pytest
from django.utils import timezone

from archive.models import Statement
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def slugs(client, **params):
    response = client.get("/api/v1/statements/", params)
    assert response.status_code == 200, response.content
    return [item["slug"] for item in response.json()["results"]]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"year": 2020}, ["test-sat", "test-quote"]),
        ({"year_from": 2020}, ["test-sat", "test-quote", "test-english-only"]),
        ({"year_to": 2020}, ["test-old", "test-sat", "test-quote"]),
        ({"year_from": 2020, "year_to": 2020}, ["test-sat", "test-quote"]),
        ({"session": "13-2"}, ["test-old"]),
        ({"kind": "quote"}, ["test-quote"]),
        ({"kind": "speech"}, ["test-old"]),
        ({"topic": "test-space"}, ["test-sat", "test-quote"]),
        ({"topic": "test-economy", "year": 2020}, []),
        ({"language": "fr"}, ["test-old", "test-sat", "test-quote"]),
        ({"language": "en"}, ["test-old", "test-sat", "test-quote", "test-english-only"]),
        ({"ordering": "-date"}, ["test-english-only", "test-quote", "test-sat", "test-old"]),
    ],
)
def test_filters_and_ordering(client, archive, params, expected):
    assert slugs(client, **params) == expected


def test_updated_since_lists_what_changed_after_a_moment(client, archive):
    moment = timezone.now()
    assert slugs(client, updated_since=moment.isoformat()) == []
    sat = archive["sat"]
    sat.summary_fr = "Résumé corrigé."
    sat.save()
    assert slugs(client, updated_since=moment.isoformat()) == ["test-sat"]
    assert slugs(client, updated_since=moment.isoformat(), ordering="-updated") == ["test-sat"]


def test_pages_are_stable_and_cover_everything_once(client, archive):
    # Statements on one date: the id breaks the tie, so no statement is on two pages or none.
    for n in range(7):
        StatementFactory(slug=f"test-same-day-{n}", date=datetime.date(2020, 5, 22), session=archive["s2020"])
    expected = list(Statement.objects.published().order_by("date", "id").values_list("slug", flat=True))
    seen, url = [], "/api/v1/statements/?page_size=3"
    while url:
        body = client.get(url).json()
        assert body["count"] == len(expected) == 11
        assert body["num_pages"] == 4
        seen += [item["slug"] for item in body["results"]]
        url = body["next"]
        if url:
            assert url.startswith("https://archive.example.org/api/v1/statements/?")
            url = url.removeprefix("https://archive.example.org")
    assert seen == expected
    last = client.get("/api/v1/statements/?page_size=3&page=4").json()
    assert last["previous"] == "https://archive.example.org/api/v1/statements/?page=3&page_size=3"


def test_page_size_has_a_maximum(client, archive):
    response = client.get("/api/v1/statements/", {"page_size": 101})
    assert response.status_code == 400
    assert "100" in response.json()["errors"]["page_size"][0]
    assert client.get("/api/v1/statements/", {"page_size": 100}).status_code == 200


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"year": "2020a"}, "year"),
        ({"year": "3000"}, "year"),
        ({"year_from": "2021", "year_to": "2019"}, "year_to"),
        ({"session": "13"}, "session"),
        ({"session": "99-1"}, "session"),
        ({"kind": "poem"}, "kind"),
        ({"topic": "no-such-topic"}, "topic"),
        ({"topic": "not a slug!"}, "topic"),
        ({"language": "zh-hant"}, "language"),
        ({"updated_since": "yesterday"}, "updated_since"),
        ({"ordering": "title"}, "ordering"),
        ({"page": "0"}, "page"),
        ({"page": "2"}, "page"),  # past the last page
        ({"page_size": "many"}, "page_size"),
        ({"yaer": "2020"}, "yaer"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_the_field_and_the_reason(client, archive, params, field):
    response = client.get("/api/v1/statements/", params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field] and all(isinstance(reason, str) and reason for reason in errors[field])


def test_a_parameter_given_twice_is_refused(client, archive):
    response = client.get("/api/v1/statements/?year=2019&year=2020")
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["year"]


def test_withdrawals_list_what_left_since_a_date_without_any_text(client, archive):
    before = timezone.now()
    assert client.get("/api/v1/withdrawals/").json()["results"] == []
    sat, old = archive["sat"], archive["old"]
    sat.unpublish()  # its quote leaves with it
    old.delete()
    body = client.get("/api/v1/withdrawals/", {"since": before.isoformat()}).json()
    assert [(w["slug"], w["reason"]) for w in body["results"]] == [
        ("test-sat", "unpublished"),
        ("test-quote", "unpublished"),
        ("test-old", "deleted"),
    ]
    assert set(body["results"][0]) == {"id", "slug", "withdrawn_at", "reason"}
    assert body["results"][0]["id"] == sat.pk
    later = client.get("/api/v1/withdrawals/", {"since": timezone.now().isoformat()}).json()
    assert later["count"] == 0


def test_a_statement_published_again_is_no_longer_withdrawn(client, archive):
    sat = archive["sat"]
    sat.unpublish()
    sat.publish()
    assert client.get("/api/v1/withdrawals/").json()["count"] == 0


def test_drafts_that_never_were_public_are_never_listed_as_withdrawn(client, archive):
    archive["draft"].delete()
    archive["english_only"].save()
    assert client.get("/api/v1/withdrawals/").json()["count"] == 0


def test_withdrawals_refuse_a_bad_date(client, archive):
    response = client.get("/api/v1/withdrawals/", {"since": "last week"})
    assert response.status_code == 400 and list(response.json()["errors"]) == ["since"]
