"""Guards on the archive's real content: complete, sourced, dated, not duplicated, honestly labelled."""

import re
import unicodedata
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from archive.content import read_content, sources_markdown
from archive.coverage import coverage_markdown
from archive.models import LANGUAGE_CODES, Session, Statement
from archive.services import content_load

CONTENT = read_content(settings.CONTENT_DIR)
STATEMENTS = CONTENT.statements
SESSIONS = {s["key"]: s for s in CONTENT.sessions}


def ids(statement):
    return statement["slug"]


@pytest.mark.parametrize("statement", STATEMENTS, ids=ids)
def test_every_statement_is_complete_in_three_languages(statement):
    for field in ("title", "summary", "text"):
        for code in LANGUAGE_CODES:
            assert statement[field][code], f"{field} in {code} is missing"
    for code in LANGUAGE_CODES:
        assert statement["provenance"][code], f"provenance of the {code} text is missing"


@pytest.mark.parametrize("statement", STATEMENTS, ids=ids)
def test_every_statement_cites_a_source_found_at_an_address(statement):
    sources = [CONTENT.sources[key] for key in statement["sources"]]
    assert sources
    assert any(s["url"].startswith(("http://", "https://")) for s in sources)


@pytest.mark.parametrize("statement", STATEMENTS, ids=ids)
def test_every_statement_is_dated_in_its_year_and_near_its_session(statement):
    assert statement["slug"].startswith(str(statement["date"].year))
    if statement["session"]:
        session = SESSIONS[statement["session"]]
        assert session["year"] == statement["date"].year
        gap = max(
            (session["opened_on"] - statement["date"]).days, (statement["date"] - session["closed_on"]).days
        )
        assert gap <= 28, f"{gap} days away from its session"


@pytest.mark.parametrize("statement", STATEMENTS, ids=ids)
def test_only_a_chinese_quote_from_a_chinese_source_is_labelled_his_own_words(statement):
    for code, provenance in statement["provenance"].items():
        if provenance == "original":
            assert code == "zh-hans" and statement["kind"] == "quote"
            assert any(CONTENT.sources[key]["language"].startswith("zh") for key in statement["sources"])


@pytest.mark.parametrize("statement", [s for s in STATEMENTS if s["parent"]], ids=ids)
def test_every_quote_has_his_own_words_and_every_other_part_is_a_reported_point(statement):
    assert statement["kind"] in ("quote", "reported")
    texts, provenance = statement["text"], statement["provenance"]
    his_words = [code for code in LANGUAGE_CODES if provenance[code] == "original" and texts[code]]
    if statement["kind"] == "quote":
        assert his_words, "a quote without his own words: make it a reported point"
        # The archive's commentary goes in the notes, not in his words or their translation.
        commentary = r"According to|reports? (the same|that)|Selon l|rapporte|据.{0,6}报道"
        for code in LANGUAGE_CODES:
            assert not re.search(commentary, texts[code]), f"commentary in the {code} text of a quote"
    else:
        assert not his_words, "a reported point has no words of his: it is the archive's account"


PROPOSALS = [s for s in STATEMENTS if s["kind"] == "proposal"]


@pytest.mark.parametrize("statement", PROPOSALS, ids=ids)
def test_a_proposal_has_its_official_title_or_says_why_not_and_no_title_carries_title_marks(statement):
    official = statement["official_title"]
    if official:
        assert "《" not in official and "》" not in official
    else:
        assert re.search(r"title", statement["notes"]["en"]), "no official title: the notes must say why"
    for code in LANGUAGE_CODES:
        title = statement["title"][code]
        assert not (title.startswith("《") and title.endswith("》")), f"the {code} title is in title marks"


def test_official_titles_are_given_wherever_a_source_prints_them():
    # From 2017 on, the reports print the suggestions' titles in 《》 (2017-2025 checked); none for 2026 yet.
    for statement in PROPOSALS:
        if 2017 <= statement["date"].year <= 2025:
            assert statement["official_title"], statement["slug"]


def _normalised(text):
    return re.sub(r"\W+", "", unicodedata.normalize("NFKC", text).casefold())


def test_no_two_statements_duplicate_one_another():
    for field in ("title", "summary"):
        for code in LANGUAGE_CODES:
            seen = {}
            for statement in STATEMENTS:
                key = _normalised(statement[field][code])
                assert key not in seen, f"{statement['slug']} repeats the {code} {field} of {seen.get(key)}"
                seen[key] = statement["slug"]


def test_the_session_calendar_covers_every_year_of_his_time_as_a_deputy():
    years = sorted(s["year"] for s in CONTENT.sessions)
    assert years == list(range(2013, 2027))
    expected = (
        [(12, n) for n in range(1, 6)] + [(13, n) for n in range(1, 6)] + [(14, n) for n in range(1, 5)]
    )
    assert [(s["congress"], s["number"]) for s in CONTENT.sessions] == expected
    for session in CONTENT.sessions:
        assert session["sources"], f"session {session['key']} cites no source for its dates"
        assert all(session["name"][code] for code in LANGUAGE_CODES)


def test_the_archive_covers_at_least_forty_statements_over_ten_years():
    assert len(STATEMENTS) >= 40
    assert len({s["date"].year for s in STATEMENTS}) >= 10


def test_the_seed_sources_are_represented():
    proposals_2020 = [s for s in STATEMENTS if s["session"] == "13-3" and s["kind"] == "proposal"]
    assert len(proposals_2020) >= 4
    corridor = [s for s in STATEMENTS if s["kind"] == "remarks" and str(s["date"]) == "2025-03-05"]
    assert corridor, "the 5 March 2025 representatives' corridor remarks"
    quotes = [s for s in STATEMENTS if s["parent"] in {c["slug"] for c in corridor}]
    assert len(quotes) >= 5
    texts = " ".join(s["text"]["fr"] + s["summary"]["fr"] for s in corridor + quotes)
    assert "105" in texts and "30" in texts


def test_docs_sources_md_is_up_to_date():
    doc = Path(settings.BASE_DIR) / "docs" / "sources.md"
    assert doc.read_text(encoding="utf-8") == sources_markdown(CONTENT), "run manage.py write_sources_doc"


@pytest.mark.django_db
def test_the_content_loads_twice_without_duplicates_and_every_published_statement_has_a_source():
    content_load(directory=settings.CONTENT_DIR)
    counts = Statement.objects.count(), Session.objects.count()
    report = content_load(directory=settings.CONTENT_DIR)
    assert report.created == [] and report.updated == []
    assert (Statement.objects.count(), Session.objects.count()) == counts
    assert Statement.objects.count() == len(STATEMENTS)
    assert not Statement.objects.published().filter(sources__isnull=True).exists()
    for code in LANGUAGE_CODES:
        assert not Statement.objects.published().missing_language(code).exists()


def test_docs_coverage_md_is_up_to_date():
    doc = Path(settings.BASE_DIR) / "docs" / "coverage.md"
    assert doc.read_text(encoding="utf-8") == coverage_markdown(CONTENT), "run manage.py write_coverage_doc"


def test_every_year_says_how_many_proposals_were_reported_and_accounts_for_each_one():
    proposals = {}
    for statement in STATEMENTS:
        if statement["kind"] == "proposal":
            proposals.setdefault(statement["date"].year, []).append(statement)
    for year in range(2013, 2027):
        coverage = CONTENT.years[year]["coverage"]
        assert coverage is not None, f"{year}: no coverage"
        assert coverage["note"], f"{year}: say what the sources report about the number"
        if coverage["reported"] is not None:
            assert coverage["reported_by"], f"{year}: which source reports {coverage['reported']}?"
            # Every reported proposal is archived or listed as missing with its reason.
            assert len(proposals.get(year, [])) + len(coverage["missing"]) >= coverage["reported"], year


@pytest.mark.django_db
def test_every_loaded_statement_keeps_the_publication_rules():
    """Provenance for every written language, a date from 2013 to today near its session, topics, sources."""
    content_load(directory=settings.CONTENT_DIR)
    broken = {}
    for statement in Statement.objects.prefetch_related("topics", "sources").select_related("session"):
        try:
            statement.check_publishable()
        except ValidationError as error:
            broken[statement.slug] = error.message_dict
    assert broken == {}
    assert Statement.objects.published().count() == len(STATEMENTS)
