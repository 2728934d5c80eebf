"""The search page as a reader sees it."""

import pytest
from django.urls import reverse

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def test_the_search_page_has_an_address_in_every_language():
    assert reverse("archive:search") == "/en/search/"


def test_an_empty_query_shows_the_help(client):
    response = client.get("/en/search/")
    assert response.status_code == 200
    assert "How to search" in response.content.decode()
    assert response.context["results"] is None


def test_results_show_the_title_in_the_readers_language_and_a_snippet_from_the_matching_one(client, corpus):
    response = client.get("/fr/search/", {"q": "卫星"})
    html = response.content.decode()
    assert "Proposition de test sur l&#x27;internet par satellite" in html
    assert "用<mark>卫星</mark>连接偏远村庄" in html
    hit = response.context["results"].hits[0]
    assert hit.language == "zh-hans"


def test_a_snippet_prefers_the_readers_language_when_several_match(client, corpus):
    response = client.get("/fr/search/", {"q": "xiaomi"})
    assert response.context["results"].hits[0].language == "fr"
    response = client.get("/en/search/", {"q": "xiaomi"})
    assert response.context["results"].hits[0].language == "en"


def test_the_result_shows_date_kind_and_session(client, corpus):
    html = client.get("/en/search/", {"q": "earthquake"}).content.decode()
    assert 'datetime="2020-05-23"' in html
    assert "Proposal" in html
    assert "Third Session of the 13th National People" in html


def test_highlighting_escapes_the_text_before_marking_it(client):
    StatementFactory(summary_en='Test <script>alert("x")</script> about turbines & <b>wind</b>.')
    html = client.get("/en/search/", {"q": "turbines"}).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html
    assert "<mark>turbines</mark> &amp; &lt;b&gt;wind&lt;/b&gt;" in html


def test_facets_count_what_each_value_would_leave(client, corpus):
    response = client.get("/en/search/", {"q": "satellite"})
    facets = {
        f["name"]: {str(v["label"]): v["count"] for v in f["values"]} for f in response.context["facets"]
    }
    assert facets["year"] == {"2020": 2, "2019": 1}
    assert facets["kind"] == {"Proposal": 1, "Remarks": 1, "Quote": 1}
    assert facets["topic"] == {"Test space": 3}
    assert facets["language"] == {"English": 3, "French": 3}
    # With a kind chosen, the year facet counts within it; the kind facet still offers the others.
    response = client.get("/en/search/", {"q": "satellite", "kind": "remarks"})
    facets = {
        f["name"]: {str(v["label"]): v["count"] for v in f["values"]} for f in response.context["facets"]
    }
    assert facets["year"] == {"2019": 1}
    assert facets["kind"] == {"Proposal": 1, "Remarks": 1, "Quote": 1}


def test_facet_links_keep_the_query_and_go_back_to_the_first_page(client, corpus):
    response = client.get("/en/search/", {"q": "satellite", "page": "1"})
    year = next(f for f in response.context["facets"] if f["name"] == "year")
    assert year["values"][0]["url"] == "?q=satellite&year=2020"


def test_results_are_paginated(client, corpus):
    for n in range(25):
        StatementFactory(title_en=f"Test statement number {n} on windmills")
    first = client.get("/en/search/", {"q": "windmills"})
    assert (first.context["results"].total, first.context["results"].num_pages) == (25, 2)
    assert len(first.context["results"].hits) == 20
    assert 'rel="next" href="?q=windmills&amp;page=2"' in first.content.decode()
    second = client.get("/en/search/", {"q": "windmills", "page": "2"})
    assert len(second.context["results"].hits) == 5
    beyond = client.get("/en/search/", {"q": "windmills", "page": "999"})
    assert beyond.status_code == 200
    assert beyond.context["results"].page == 2


def test_the_search_page_runs_a_fixed_number_of_queries(client, corpus, django_assert_max_num_queries):
    for n in range(30):
        StatementFactory(title_en=f"Test statement number {n} on satellites")
    # Matches (with exclusions and title matches), the page's statements, session names, topic
    # names; the first search after a change reads the index's filter columns again, and the
    # topics' names, the concept groups and the vocabulary (three more, and the generation token
    # before them the first time a process searches); a topic and a session filter add one each.
    # However many results.
    with django_assert_max_num_queries(9):
        client.get("/en/search/", {"q": "satellite"})
    with django_assert_max_num_queries(4):
        client.get("/en/search/", {"q": "satellite"})
    with django_assert_max_num_queries(6):
        client.get("/en/search/", {"q": "satellite -rockets", "topic": "test-space", "session": "13-3"})


def test_a_query_of_punctuation_only_says_so(client):
    response = client.get("/en/search/", {"q": '"" * ( )'})
    assert response.status_code == 200
    assert "nothing to look for" in response.content.decode()


def test_a_long_query_is_cut_with_a_note(client, corpus):
    response = client.get("/en/search/", {"q": "satellite " + "x" * 300})
    assert response.status_code == 200
    assert "longer than 200 characters" in response.content.decode()


def test_the_search_page_is_not_indexed_by_search_engines(client):
    assert '<meta name="robots" content="noindex">' in client.get("/en/search/").content.decode()


def test_filters_without_words_list_the_matching_statements_newest_first(client, corpus):
    response = client.get("/en/search/", {"topic": "test-economy", "year_from": "2021"})
    assert response.status_code == 200
    results = response.context["results"]
    assert [hit.statement.slug for hit in results.hits] == ["test-elevee", "test-xiaomi"]
    assert results.total == 2
    assert "How to search" not in response.content.decode()
    kinds = next(f for f in response.context["facets"] if f["name"] == "kind")
    assert {str(v["label"]): v["count"] for v in kinds["values"]} == {"Proposal": 1, "Remarks": 1}


def test_filters_without_words_can_be_listed_oldest_first_and_never_list_drafts(client, corpus):
    response = client.get("/en/search/", {"topic": "test-space", "sort": "oldest"})
    slugs = [hit.statement.slug for hit in response.context["results"].hits]
    assert "test-draft" not in slugs
    dates = [hit.statement.date for hit in response.context["results"].hits]
    assert dates == sorted(dates) and len(dates) == response.context["results"].total > 0


def test_a_sort_alone_is_no_search_and_shows_the_help(client, corpus):
    response = client.get("/en/search/", {"sort": "oldest"})
    assert response.context["results"] is None
    assert "How to search" in response.content.decode()


# --- Valid HTML and a clear page after any input ------------------------------------------------


def test_the_search_form_names_its_address_and_the_sort_menu_shows_its_choice(client, corpus):
    html = client.get("/en/search/", {"q": "satellite"}).content.decode()
    assert '<form class="search-form" method="get" action="/en/search/"' in html
    assert 'action=""' not in html
    assert '<option value="relevance" selected>' in html
    html = client.get("/en/search/", {"q": "satellite", "sort": "oldest"}).content.decode()
    assert '<option value="oldest" selected>' in html
    assert '<option value="relevance" selected>' not in html


@pytest.mark.parametrize("bad", ["abc", "20x0", "1e3", "2020.5", "-"])
def test_a_bad_year_is_reported_but_never_echoed_into_the_number_box(client, bad):
    response = client.get("/en/search/", {"q": "x", "year_from": bad})
    html = response.content.decode()
    assert response.status_code == 400
    before, after = html.split('name="year_from"')
    box = before.rsplit("<input", 1)[1] + after.split(">")[0]
    assert "value=" not in box
    assert "From year" in html.split('class="search-errors"')[1]


@pytest.mark.parametrize("typed", ["2019", "+2019", "２０１９", " 2019 "])
def test_a_year_shows_in_its_box_as_it_was_understood(client, corpus, typed):
    html = client.get("/en/search/", {"q": "satellite", "year_from": typed}).content.decode()
    assert 'name="year_from" value="2019"' in html


def test_a_search_with_no_results_shows_a_message_and_no_empty_filters_or_sort(client, corpus):
    html = client.get("/en/search/", {"q": "zzzznotaword"}).content.decode()
    assert "No statement matches this search" in html
    assert '<p class="search-empty">' in html
    assert "search-facets" not in html
    assert "search-sort" not in html
    assert '<ol class="statement-list">' not in html


def test_a_filtered_search_with_no_results_keeps_the_way_back(client, corpus):
    html = client.get("/en/search/", {"q": "zzzznotaword", "kind": "speech"}).content.decode()
    facets = html.split('class="search-facets"')[1].split("</aside>")[0]
    assert ">Any</a>" in facets


def test_an_unknown_sort_still_shows_a_chosen_option(client):
    html = client.get("/en/search/", {"q": "x", "sort": "bogus"}).content.decode()
    assert '<option value="relevance" selected>' in html
