"""Every endpoint answers with the public archive only, every language at once, with provenance."""

import pytest

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"


def get(client, path, **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/json"
    return response.json()


def slugs(body):
    return [item["slug"] for item in body["results"]]


def test_root_lists_every_endpoint_at_the_public_origin(client, archive):
    body = get(client, "/api/v1/")
    assert body["statement"] == f"{ORIGIN}/api/v1/statements/"
    assert body["search"] == f"{ORIGIN}/api/v1/search/"
    assert set(body) == {"statement", "topic", "session", "source", "withdrawal", "search", "schema", "docs"}


def test_statement_list_is_published_statements_in_date_order_with_a_total(client, archive):
    body = get(client, "/api/v1/statements/")
    assert slugs(body) == ["test-old", "test-sat", "test-quote", "test-english-only"]
    assert body["count"] == 4
    assert body["next"] is None and body["previous"] is None


def test_statement_detail_has_every_language_with_provenance_and_page_addresses(client, archive):
    sat = archive["sat"]
    body = get(client, f"/api/v1/statements/{sat.pk}/")
    assert body["id"] == sat.pk and body["slug"] == "test-sat" and body["kind"] == "proposal"
    assert body["date"] == "2020-05-22"
    assert body["official_title"] == "关于加快卫星互联网建设的建议"
    assert body["spoken_language"] == "zh-hans"
    assert set(body["texts"]) == {"en", "fr", "zh-hans"}
    assert body["texts"]["zh-hans"]["title"] == "关于卫星互联网的测试建议"
    assert body["texts"]["zh-hans"]["provenance"] == "translation"
    assert body["texts"]["en"]["provenance"] == "report"
    assert body["texts"]["en"]["notes"] == "Sources disagree on the day."
    assert body["texts"]["en"]["text"] == sat.text_en
    assert body["urls"] == {
        "en": f"{ORIGIN}/en/statements/test-sat/",
        "fr": f"{ORIGIN}/fr/statements/test-sat/",
        "zh-hans": f"{ORIGIN}/zh-hans/statements/test-sat/",
    }
    assert body["session"]["key"] == "13-3"
    assert body["session"]["name"]["zh-hans"] == "第十三届全国人民代表大会第三次会议"
    assert body["topics"] == [
        {
            "id": archive["space"].pk,
            "slug": "test-space",
            "name": {"en": "Test space", "fr": archive["space"].name_fr, "zh-hans": "测试太空"},
        }
    ]
    source = sat.sources.get()
    assert body["sources"] == [
        {
            "id": source.pk,
            "publisher": source.publisher,
            "title": source.title,
            "language": "en",
            "published_on": "2020-05-22",
            "url": source.url,
            "consulted_on": "2026-11-21",
            "notes": "",
        }
    ]
    assert body["parent"] is None
    assert [part["slug"] for part in body["parts"]] == ["test-quote"]
    assert body["parts"][0]["api_url"] == f"{ORIGIN}/api/v1/statements/{archive['quote'].pk}/"
    assert body["created"] and body["updated"] and body["published"]


def test_a_missing_language_is_empty_not_filled_from_another(client, archive):
    body = get(client, f"/api/v1/statements/{archive['english_only'].pk}/")
    french = body["texts"]["fr"]
    assert {k: french[k] for k in ("title", "summary", "text", "notes", "provenance")} == dict.fromkeys(
        ("title", "summary", "text", "notes", "provenance"), ""
    )
    assert french["translated_from"] == ""
    assert body["session"] is None


def test_a_quote_names_its_statement(client, archive):
    body = get(client, f"/api/v1/statements/{archive['quote'].pk}/")
    assert body["parent"]["slug"] == "test-sat" and body["kind"] == "quote"


@pytest.mark.parametrize("which", ["draft", "draft_quote"])
def test_drafts_are_404_exactly_like_a_missing_id(client, archive, which):
    draft = client.get(f"/api/v1/statements/{archive[which].pk}/")
    missing = client.get("/api/v1/statements/999999/")
    assert draft.status_code == missing.status_code == 404
    assert draft.content == missing.content
    assert draft["Content-Type"] == missing["Content-Type"] == "application/json"


def test_drafts_appear_nowhere_even_to_a_signed_in_editor(editor_client, archive):
    for path in ["/api/v1/statements/", "/api/v1/statements/?page_size=100", "/api/v1/search/?q=secret"]:
        content = editor_client.get(path).content.decode()
        assert "test-draft" not in content and "Secret draft" not in content
    parts = get(editor_client, f"/api/v1/statements/{archive['sat'].pk}/")["parts"]
    assert [p["slug"] for p in parts] == ["test-quote"]
    sources = get(editor_client, "/api/v1/sources/", page_size=100)
    assert "Draft-only Wire" not in [s["publisher"] for s in sources["results"]]


def test_topics_with_public_counts_and_pages(client, archive):
    body = get(client, "/api/v1/topics/")
    space = next(t for t in body["results"] if t["slug"] == "test-space")
    assert space["statement_count"] == 2  # the proposal and its quote; not the draft
    assert space["urls"]["fr"] == f"{ORIGIN}/fr/topics/test-space/"
    assert get(client, "/api/v1/topics/test-space/")["name"]["zh-hans"] == "测试太空"
    assert client.get("/api/v1/topics/no-such-topic/").status_code == 404


def test_sessions_with_dates_sources_and_counts(client, archive):
    body = get(client, "/api/v1/sessions/")
    assert [s["key"] for s in body["results"]] == ["13-2", "13-3"]
    session = get(client, "/api/v1/sessions/13-3/")
    assert session["opened_on"] == "2020-05-22" and session["closed_on"] == "2020-05-28"
    assert session["statement_count"] == 2
    assert [s["publisher"] for s in session["sources"]] == ["Session Test Wire"]
    assert session["urls"]["zh-hans"] == f"{ORIGIN}/zh-hans/sessions/13-3/"
    assert client.get("/api/v1/sessions/13-9/").status_code == 404


def test_sources_are_those_cited_publicly(client, archive):
    body = get(client, "/api/v1/sources/", page_size=100)
    publishers = [s["publisher"] for s in body["results"]]
    assert "Session Test Wire" in publishers and "Draft-only Wire" not in publishers
    one = body["results"][0]
    assert get(client, f"/api/v1/sources/{one['id']}/") == one
