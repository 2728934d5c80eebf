"""Citation downloads round-trip through the parsers reference managers use, in every language."""

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pytest
import rispy
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.factories import QuoteFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ORIGIN = "https://archive.example.org"
CSL_SCHEMA = json.loads((Path(__file__).parent / "csl-data.json").read_text())
AUTHORS = {"en": "Lei Jun", "fr": "Lei Jun", "zh-hans": "雷军"}
ARCHIVE = {}
for _code in ("en", "fr", "zh-hans"):
    with translation.override(_code):
        ARCHIVE[_code] = gettext("Lei Jun at the National People's Congress")
OFFICIAL = "关于加快卫星互联网建设的建议"


@pytest.fixture
def proposal():
    return StatementFactory(
        official_title=OFFICIAL,
        title_en="Satellite internet: R&D at 100% {fast}",
        title_fr="L’internet par satellite",
        title_zh_hans="加快卫星互联网建设",
        sources=[SourceFactory(publisher="Xinhua"), SourceFactory(publisher="人民日报")],
        topics=[TopicFactory(name_en="Space", name_fr="Espace", name_zh_hans="航天")],
    )


TITLES = {
    "en": f"{OFFICIAL} [Satellite internet: R&D at 100% {{fast}}]",
    "fr": f"{OFFICIAL} [L’internet par satellite]",
    "zh-hans": f"{OFFICIAL} [加快卫星互联网建设]",
}


def download(client, language, statement, extension):
    response = client.get(f"/{language}/statements/{statement.slug}/cite.{extension}")
    assert response.status_code == 200
    assert response["Content-Type"].endswith("charset=utf-8")
    assert f"leijun-npc-{statement.pk}-{language}.{extension}" in response["Content-Disposition"]
    return response.content.decode()


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_bibtex_round_trips_through_bibtexparser(client, proposal, language):
    library = bibtexparser.parse_string(download(client, language, proposal, "bib"))
    assert not library.failed_blocks
    [entry] = library.entries
    assert entry.entry_type == "misc"
    assert entry.key == f"leijun-npc-{proposal.pk}"
    fields = entry.fields_dict
    # A literal name in braces: BibTeX never splits it into "Jun, Lei" or "Lei, J.".
    assert fields["author"].value == "{" + AUTHORS[language] + "}"
    assert re.sub(r"\\([&%{}])", r"\1", fields["title"].value) == TITLES[language]
    assert fields["howpublished"].value == ARCHIVE[language]
    assert fields["date"].value == "2020-05-22"
    assert fields["url"].value == f"{ORIGIN}/{language}/statements/{proposal.slug}/"
    assert fields["urldate"].value == timezone.localdate().isoformat()
    assert "Xinhua" in fields["note"].value and "人民日报" in fields["note"].value


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_ris_round_trips_through_rispy(client, proposal, language):
    text = download(client, language, proposal, "ris")
    assert "\r\n" in text
    [record] = rispy.loads(text)
    assert record["type_of_reference"] == "GOVDOC"
    assert record["authors"] == [AUTHORS[language]]
    assert record["title"] == TITLES[language]
    assert record["secondary_title"] == ARCHIVE[language]
    assert record["date"] == "2020/05/22"
    assert record["access_date"] == timezone.localdate().strftime("%Y/%m/%d")
    assert record["urls"] == [f"{ORIGIN}/{language}/statements/{proposal.slug}/"]
    assert record["keywords"] == [{"en": "Space", "fr": "Espace", "zh-hans": "航天"}[language]]
    assert "Xinhua" in " ".join(record["notes"]) and "人民日报" in " ".join(record["notes"])


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_csl_json_is_valid_against_the_csl_schema(client, proposal, language):
    data = json.loads(download(client, language, proposal, "json"))
    jsonschema.validate(data, CSL_SCHEMA)
    [item] = data
    assert item["id"] == f"leijun-npc-{proposal.pk}"
    assert item["type"] == "document"
    assert item["author"] == [{"literal": AUTHORS[language]}]
    assert item["title"] == TITLES[language]
    assert item["container-title"] == ARCHIVE[language]
    assert item["issued"] == {"date-parts": [[2020, 5, 22]]}
    today = timezone.localdate()
    assert item["accessed"] == {"date-parts": [[today.year, today.month, today.day]]}
    assert (
        item["event"]
        == {
            "en": "Third Session of the 13th National People's Congress",
            "fr": "troisième session de la 13e Assemblée populaire nationale",
            "zh-hans": "第十三届全国人民代表大会第三次会议",
        }[language]
    )
    assert "Xinhua" in item["note"]


def test_a_statement_without_an_official_title_is_cited_by_its_title_in_the_readers_language(client):
    speech = StatementFactory(kind="speech", title_fr="« Un discours »")
    [item] = json.loads(download(client, "fr", speech, "json"))
    assert item["title"] == "Un discours"
    assert item["type"] == "speech"
    jsonschema.validate([item], CSL_SCHEMA)


def test_a_quote_is_cited_as_part_of_its_statement(client, proposal):
    quote = QuoteFactory(parent=proposal, title_en="“Do better”")
    [item] = json.loads(download(client, "en", quote, "json"))
    assert item["title"] == "Do better"
    assert item["type"] == "document"  # the kind of what it is quoted from
    assert item["collection-title"] == proposal.title_en
    jsonschema.validate([item], CSL_SCHEMA)


def test_a_drafts_citation_is_not_found(client):
    draft = StatementFactory(status="draft")
    for extension in ("bib", "ris", "json"):
        assert client.get(f"/en/statements/{draft.slug}/cite.{extension}").status_code == 404
    assert client.get("/en/statements/no-such-statement/cite.bib").status_code == 404


def test_an_editor_can_cite_a_draft(editor_client):
    draft = StatementFactory(status="draft")
    assert editor_client.get(f"/en/statements/{draft.slug}/cite.bib").status_code == 200
