"""The analyser: what becomes a token, in each language, for documents and for queries."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archive.search.analysis import (
    ANALYSER_VERSION,
    GAP,
    SPLIT,
    fold,
    index_tokens,
    load_dictionary,
    query_tokens,
    tokenize,
)
from archive.search.query import parse


def words(text, language):
    return [t.text for t in tokenize(text, language) if not t.extra]


def test_folding_removes_accents_and_case_and_applies_nfkc():
    assert fold("Économie") == "economie"
    assert fold("ÉLEVÉE") == "elevee"
    assert fold("ＡＩｏＴ") == "aiot"
    assert fold("ﬁn") == "fin"


def test_accents_are_folded_before_french_stemming():
    assert query_tokens("économie", "fr") == query_tokens("economie", "fr") == ["econom"]
    assert query_tokens("élevée", "fr") == query_tokens("elevee", "fr")
    assert query_tokens("économique", "fr") == query_tokens("économie", "fr")


def test_english_words_are_stemmed():
    assert query_tokens("satellites", "en") == query_tokens("Satellite", "en")
    assert query_tokens("warnings", "en") == query_tokens("warning", "en")


def test_chinese_is_segmented_into_words_and_two_character_words_are_found():
    assert words("建设卫星互联网", "zh-hans") == ["建设", "卫星", "互联网"]
    stream = index_tokens("地震预警系统", "zh-hans").split()
    assert "地震" in stream and "预警" in stream


def test_search_mode_sub_words_follow_a_gap_after_the_words_in_reading_order():
    stream = index_tokens("中华人民共和国", "zh-hans").split()
    assert stream[0] == "中华人民共和国"
    assert stream[1] == GAP
    assert "人民" in stream[2:]


def test_queries_use_accurate_mode_without_sub_words():
    assert query_tokens("中华人民共和国", "zh-hans") == ["中华人民共和国"]


def test_latin_words_and_numbers_inside_chinese_are_words():
    assert words("小米发布5G手机和AIoT设备105款", "zh-hans") == [
        "小米",
        "发布",
        "5g",
        "手机",
        "和",
        "aiot",
        "设备",
        "105",
        "款",
    ]


def test_traditional_characters_in_a_query_find_simplified_text():
    assert query_tokens("衛星", "zh-hans") == ["卫星"]
    assert query_tokens("地震預警", "zh-hans") == ["地震", "预警"]


def test_offsets_point_into_the_original_text():
    text = "Le satellite et 卫星互联网"
    for token in tokenize(text, "fr"):
        assert text[token.start : token.end]


def test_dictionary_loads_once_and_can_be_asked_again():
    load_dictionary()
    load_dictionary()


def test_analyser_version_names_the_segmenter_version():
    assert "jieba" in ANALYSER_VERSION


@given(st.text(max_size=80), st.sampled_from(["en", "fr", "zh-hans"]))
def test_stored_tokens_hold_only_letters_and_digits(text, language):
    for token in index_tokens(text, language).split():
        assert token == GAP or SPLIT.fullmatch(token), token
        assert "'" not in token and '"' not in token and "\\" not in token


@pytest.mark.parametrize(
    ("query", "clauses", "negatives"),
    [
        ("a b", [["a"], ["b"]], []),
        ('"a b" c', [["a b"], ["c"]], []),
        ("a -b", [["a"]], ["b"]),
        ("a OR b c", [["a", "b"], ["c"]], []),
        ("OR a", [["a"]], []),
        ("a AND b", [["a"], ["b"]], []),
        ("- a", [["a"]], []),
        ('"unclosed phrase', [["unclosed phrase"]], []),
        ("(a)", [["a"]], []),
    ],
)
def test_query_syntax(query, clauses, negatives):
    parsed = parse(query)
    assert [[t.text for t in clause] for clause in parsed.clauses] == clauses
    assert [t.text for t in parsed.negatives] == negatives
