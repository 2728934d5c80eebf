"""The content loader: idempotent, and never overwrites what an editor changed."""

import json

import pytest
from django.core.management import CommandError, call_command

from archive.models import ContentRecord, Session, Source, Statement, Topic
from archive.services import content_load

pytestmark = pytest.mark.django_db

PROVENANCE = {"en": "report", "fr": "translation", "zh-hans": "translation"}
TEXT = {"en": "Made-up English.", "fr": "Français inventé.", "zh-hans": "虚构的中文。"}


def write_content(directory, title_en="A made-up test proposal", with_quote=True):
    (directory / "statements").mkdir(parents=True, exist_ok=True)
    (directory / "topics.json").write_text(json.dumps([{"slug": "test-topic", "name": TEXT}]))
    (directory / "sessions.json").write_text(
        json.dumps(
            {
                "sources": [
                    {
                        "key": "cal",
                        "publisher": "Example Test Wire",
                        "title": "Test calendar",
                        "language": "en",
                        "url": "https://example.test/calendar",
                    }
                ],
                "sessions": [
                    {
                        "congress": 13,
                        "number": 3,
                        "year": 2020,
                        "opened_on": "2020-05-22",
                        "closed_on": "2020-05-28",
                        "name": TEXT,
                        "sources": ["cal"],
                    }
                ],
            }
        )
    )
    remarks = {
        "slug": "2020-test-remarks",
        "kind": "remarks",
        "date": "2020-05-22",
        "session": "13-3",
        "topics": ["test-topic"],
        "sources": ["rep"],
        "title": TEXT,
        "summary": TEXT,
        "provenance": PROVENANCE,
        "quotes": [
            {
                "slug": "2020-test-quote",
                "title": TEXT,
                "summary": TEXT,
                "text": TEXT,
                "provenance": {"en": "translation", "fr": "translation", "zh-hans": "original"},
            }
        ]
        if with_quote
        else [],
    }
    proposal = {
        **remarks,
        "slug": "2020-test-proposal",
        "kind": "proposal",
        "quotes": [],
        "title": {**TEXT, "en": title_en},
    }
    (directory / "statements" / "2020.json").write_text(
        json.dumps(
            {
                "year": 2020,
                "search_log": ["test"],
                "sources": [
                    {
                        "key": "rep",
                        "publisher": "Example Test Wire",
                        "title": "Test report",
                        "language": "en",
                        "published_on": "2020-05-22",
                        "url": "https://example.test/report",
                    }
                ],
                "statements": [remarks, proposal],
            }
        )
    )
    return directory


def counts():
    return tuple(m.objects.count() for m in (Topic, Source, Session, Statement))


def test_loading_twice_duplicates_nothing(tmp_path):
    write_content(tmp_path)
    first = content_load(directory=tmp_path)
    assert len(first.created) == 7
    before = counts()
    second = content_load(directory=tmp_path)
    assert second.created == [] and second.updated == []
    assert counts() == before == (1, 2, 1, 3)


def test_loaded_statements_are_published_with_their_sources_quotes_and_history(tmp_path):
    content_load(directory=write_content(tmp_path))
    quote = Statement.objects.get(slug="2020-test-quote")
    assert quote.kind == "quote" and quote.parent.slug == "2020-test-remarks"
    assert quote.session.key == "13-3" and quote.sources.count() == 1
    assert Statement.objects.published().count() == 3
    assert Session.objects.get().sources.count() == 1
    latest = quote.history.latest("history_date")
    assert (latest.title_en, latest.title_fr, latest.title_zh_hans) == (
        TEXT["en"],
        TEXT["fr"],
        TEXT["zh-hans"],
    )


def test_a_corrected_content_file_updates_what_no_editor_touched(tmp_path):
    content_load(directory=write_content(tmp_path))
    report = content_load(directory=write_content(tmp_path, title_en="A corrected test title"))
    assert report.updated == ["statement:2020-test-proposal"]
    assert Statement.objects.get(slug="2020-test-proposal").title_en == "A corrected test title"


def test_reloading_never_overwrites_an_editors_change(tmp_path):
    content_load(directory=write_content(tmp_path))
    statement = Statement.objects.get(slug="2020-test-proposal")
    statement.title_fr = "Titre corrigé par une éditrice"
    statement.save()
    report = content_load(directory=write_content(tmp_path, title_en="A corrected test title"))
    assert "statement:2020-test-proposal" in report.kept_for_editor
    statement.refresh_from_db()
    assert statement.title_fr == "Titre corrigé par une éditrice"
    assert statement.title_en == "A made-up test proposal"


def test_reloading_does_not_bring_back_what_an_editor_deleted(tmp_path):
    content_load(directory=write_content(tmp_path))
    Statement.objects.get(slug="2020-test-quote").delete()
    content_load(directory=write_content(tmp_path))
    assert not Statement.objects.filter(slug="2020-test-quote").exists()


def test_an_editors_own_statement_with_the_same_slug_is_left_alone(tmp_path):
    from tests.factories import StatementFactory

    StatementFactory(slug="2020-test-proposal", title_en="The editor's own")
    content_load(directory=write_content(tmp_path))
    assert Statement.objects.get(slug="2020-test-proposal").title_en == "The editor's own"
    assert not ContentRecord.objects.filter(key="statement:2020-test-proposal").exists()


def test_a_broken_content_file_stops_the_command_with_a_message_and_changes_nothing(tmp_path):
    write_content(tmp_path)
    path = tmp_path / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["statements"][1]["sources"] = ["no-such-source"]
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="unknown source 'no-such-source'"):
        call_command("load_content", directory=str(tmp_path))
    assert counts() == (0, 0, 0, 0)


def test_a_statement_outside_its_session_is_refused_whole(tmp_path):
    write_content(tmp_path)
    path = tmp_path / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["statements"][1]["date"] = "2020-12-01"
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="more than four weeks"):
        call_command("load_content", directory=str(tmp_path))
    assert counts() == (0, 0, 0, 0)


@pytest.mark.parametrize(
    "change",
    [
        {"provenance": {"en": "report", "fr": "translation", "zh-hans": "translation"}},  # no words of his
        {"text": {"en": "Made-up English."}},  # 'original' Chinese, but no Chinese text
    ],
)
def test_a_quote_without_his_own_words_is_refused_whole(tmp_path, change):
    write_content(tmp_path)
    path = tmp_path / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["statements"][0]["quotes"][0].update(change)
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match="2020-test-quote: a quote needs his own words"):
        call_command("load_content", directory=str(tmp_path))
    assert counts() == (0, 0, 0, 0)


def test_a_reported_point_loads_without_words_of_his(tmp_path):
    write_content(tmp_path)
    path = tmp_path / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["statements"][0]["quotes"][0].update(
        kind="reported", provenance={"en": "report", "fr": "translation", "zh-hans": "translation"}
    )
    path.write_text(json.dumps(data))
    content_load(directory=tmp_path)
    point = Statement.objects.get(slug="2020-test-quote")
    assert point.kind == "reported" and point.is_public


@pytest.mark.parametrize(
    "change, message",
    [
        ({"date": "2010-05-22", "session": None}, "before 2013"),
        ({"date": "2031-03-05", "session": None}, "in the future"),
        ({"provenance": {"en": "report", "fr": "", "zh-hans": "translation"}}, "French: a text"),
    ],
)
def test_the_loader_obeys_the_publication_rules(tmp_path, change, message):
    write_content(tmp_path)
    path = tmp_path / "statements" / "2020.json"
    data = json.loads(path.read_text())
    data["statements"][1].update(change)
    path.write_text(json.dumps(data))
    with pytest.raises(CommandError, match=message):
        call_command("load_content", directory=str(tmp_path))
    assert counts() == (0, 0, 0, 0)
