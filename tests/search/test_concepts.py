"""Search that finds the concept: topic names, concept groups, spelling variants, regional Chinese,
prefixes, operators in three languages, common words, "did you mean". Through the search page."""

import datetime

import pytest
from django.urls import reverse

from archive.search.models import ConceptGroup
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


def found(client, q, **params):
    response = client.get("/en/search/", {"q": q, **params})
    assert response.status_code == 200
    return response


def slugs(response):
    return [hit.statement.slug for hit in response.context["results"].hits]


def test_a_concept_group_added_by_an_editor_applies_to_the_next_search(client, corpus):
    assert slugs(found(client, "tremor")) == []
    ConceptGroup.objects.create(key="quakes", terms_en="tremor\nearthquake", terms_zh_hans="地震")
    response = found(client, "tremor")
    assert slugs(response) == ["test-quake"]
    assert response.context["results"].also == ["earthquake", "地震"]
    page = response.content.decode()
    assert "Also searched:" in page and "exact=1" in page
    assert slugs(found(client, "tremor", exact="1")) == []
    ConceptGroup.objects.filter(key="quakes").delete()
    assert slugs(found(client, "tremor")) == []


def test_what_only_a_group_term_finds_ranks_below_the_words_as_typed(client, corpus):
    ConceptGroup.objects.create(key="space", terms_en="rockets\nsatellite")
    # satbody has "rockets" itself; sat and quote only "satellite".
    assert slugs(found(client, "rockets")) == ["test-satbody", "test-quote", "test-sat"]


def test_a_topic_named_by_the_query_brings_its_statements_and_follows_a_rename(client, corpus):
    # No text says "safety": the topic "Test safety" does.
    assert set(slugs(found(client, "safety"))) == {"test-quake", "test-village"}
    topic = corpus["quake"].topics.get()
    topic.name_en = "Test hazards"
    topic.save()
    assert slugs(found(client, "safety")) == []
    assert set(slugs(found(client, "hazards"))) == {"test-quake", "test-village"}
    assert slugs(found(client, "safety", exact="1")) == []


@pytest.fixture
def spellings(corpus):
    StatementFactory(
        slug="test-licence",
        date=datetime.date(2021, 3, 10),
        title_en="Test proposal on licence plates",
        summary_en="Made-up: the colour of plates should be organised by the programme.",
        title_fr="Proposition de test sur les plaques",
        summary_fr="Inventé : la crise des entreprises.",
        title_zh_hans="关于号牌的测试建议",
        summary_zh_hans="虚构：芯片和智能汽车。",
    )
    StatementFactory(
        slug="test-wisdom",
        date=datetime.date(2021, 3, 11),
        title_en="Test remarks on wisdom",
        summary_en="Made-up.",
        title_zh_hans="关于智慧的测试谈话",
        summary_zh_hans="虚构：智慧城市。",
    )


@pytest.mark.parametrize("q", ["license plate", "color", "organized", "program", "licence plates"])
def test_british_and_american_spellings_are_the_same_word_in_english(client, spellings, q):
    assert slugs(found(client, q)) == ["test-licence"]


def test_spelling_variants_are_english_only(client, spellings):
    # -ise/-ize is not a French rule: "crize" is not "crise".
    assert slugs(found(client, "crize")) == []
    assert slugs(found(client, "crise")) == ["test-licence"]


def test_taiwan_words_are_searched_as_the_mainland_writes_them_beside_the_words_typed(client, spellings):
    response = found(client, "晶片")
    assert slugs(response) == ["test-licence"]
    assert "芯片" in response.context["results"].also
    # 智慧 is a mainland word too, used by the archive: never turned into 智能.
    assert slugs(found(client, "智慧")) == ["test-wisdom"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ("satell*", ["test-sat", "test-quote", "test-satbody"]),
        ("SATELL*", ["test-sat", "test-quote", "test-satbody"]),
        # The index holds the stem "electr", which "electri" does not begin: the vocabulary does.
        ("electri*", ["test-encars"]),
        ("earthq* -phones", []),
        ("satellite -rock*", ["test-sat", "test-quote"]),
        ("earthq*", ["test-quake"]),
        ("séism*", ["test-quake"]),
        ("卫星*", ["test-sat", "test-quote", "test-satbody"]),
    ],
)
def test_prefixes_match_words_as_written(client, corpus, q, expected):
    assert slugs(found(client, q)) == expected


def test_a_prefix_too_short_is_refused_with_a_message(client, corpus):
    response = found(client, "a*")
    assert response.context["results"].short_prefixes == ["a*"]
    assert "needs at least 3 letters" in response.content.decode()
    response = found(client, "sa* satellite")
    assert slugs(response) == ["test-sat", "test-quote", "test-satbody"]
    assert "sa*" in response.content.decode()


def test_a_prefix_that_begins_too_many_words_is_refused_with_a_message(client, corpus, monkeypatch):
    from archive.search import expansion

    monkeypatch.setattr(expansion, "MAX_PREFIX_WORDS", 1)
    response = found(client, "satell*")  # satellite, satellites
    assert response.context["results"].broad_prefixes == ["satell*"]
    assert "words begin like satell*" in response.content.decode()
    assert slugs(found(client, "earthq*")) == ["test-quake"]  # earthquake alone


OR_QUERIES = [
    "earthquake OR rockets",
    "earthquake or rockets",
    "séisme OU fusées",
    "séisme ou fusées",
    "地震 或 火箭",
]


@pytest.mark.parametrize("q", OR_QUERIES)
def test_or_in_three_languages(client, corpus, q):
    assert set(slugs(found(client, q))) == {"test-quake", "test-satbody"}


def test_or_inside_a_chinese_word_is_not_an_operator(client, corpus):
    assert slugs(found(client, "或许")) == []


def test_a_search_that_only_excludes_explains_itself(client, corpus):
    response = found(client, "-satellite")
    assert response.context["results"].only_exclusions
    assert "add a word to look for" in response.content.decode()


def test_common_words_are_ignored_beside_others_but_kept_in_phrases(client, corpus):
    assert slugs(found(client, "the internet")) == slugs(found(client, "internet"))
    assert slugs(found(client, '"the internet"')) == ["test-quote", "test-village"]
    assert len(slugs(found(client, "the"))) > 3  # alone, it is still searched


@pytest.mark.parametrize(("q", "suggested"), [("satelite", "satellite"), ("rockest", "rockets")])
def test_did_you_mean_for_a_search_that_finds_nothing(client, corpus, q, suggested):
    response = found(client, q)
    assert slugs(response) == []
    assert response.context["results"].suggestion == suggested
    assert f"q={suggested}" in response.content.decode()


def test_no_suggestion_when_something_is_found(client, corpus):
    assert found(client, "satellite").context["results"].suggestion is None


def test_editors_add_a_concept_group_in_the_admin(editor_client, client, corpus):
    response = editor_client.post(
        reverse("admin:archive_conceptgroup_add"),
        {"key": "tremors", "terms_en": "tremor\nearthquake", "terms_fr": "", "terms_zh_hans": ""},
    )
    assert response.status_code == 302
    assert slugs(found(client, "tremor")) == ["test-quake"]


def test_a_concept_group_needs_two_terms(editor_client):
    response = editor_client.post(
        reverse("admin:archive_conceptgroup_add"),
        {"key": "alone", "terms_en": "tremor", "terms_fr": "", "terms_zh_hans": ""},
    )
    assert response.status_code == 200
    assert "at least two terms" in response.content.decode()
    assert not ConceptGroup.objects.exists()


def test_a_group_term_holding_every_word_typed_is_not_asked_of_the_database_twice():
    from archive.search.expansion import Alternative, _without_subsumed

    typed = Alternative(("satellit", "internet"))
    phrase = Alternative(("internet", "par", "satellit"), phrase=True)
    wider = Alternative(("satellit", "internet", "access"))
    other = Alternative(("卫星", "互联网"), phrase=True)
    # Each dropped term finds only documents that `typed` finds already; the rest stay, in order.
    assert _without_subsumed([typed, phrase, other, wider]) == [typed, other]
    # A phrase does not subsume the plain words (they may be apart), nor a single word a phrase of it.
    assert _without_subsumed([Alternative(("a", "b"), phrase=True), Alternative(("b", "a"))]) == [
        Alternative(("b", "a"))
    ]
    assert _without_subsumed([phrase, Alternative(("satellit",), phrase=True)]) == [
        phrase,
        Alternative(("satellit",), phrase=True),
    ]


def test_a_group_whose_terms_hold_the_words_typed_finds_what_it_would_unpruned(client, corpus, monkeypatch):
    ConceptGroup.objects.create(
        key="satnet",
        terms_en="satellite internet",
        terms_fr="internet par satellite",
        terms_zh_hans="卫星互联网",
    )
    queries = ["satellite internet", "internet par satellite", "satellites", "卫星互联网"]
    pruned = {q: (slugs(r := found(client, q)), r.context["results"].also) for q in queries}
    assert "test-sat" in pruned["satellite internet"][0]
    assert pruned["satellite internet"][1] == ["internet par satellite", "卫星互联网"]
    monkeypatch.setattr("archive.search.expansion._without_subsumed", lambda alternatives: alternatives)
    assert {q: (slugs(r := found(client, q)), r.context["results"].also) for q in queries} == pruned
