"""The downloadable dataset: every file, readable by the tools researchers use, drafts never in it."""

import csv
import hashlib
import io
import json
import zipfile

import pytest

from archive.data.models import DatasetFile
from archive.data.services import dataset_build
from tests.api.conftest import archive  # noqa: F401 - the API tests' small archive

pytestmark = pytest.mark.django_db

FILES = {
    "leijun-npc-archive.zip",
    "statements.csv",
    "statements.json",
    "statements.jsonl",
    "sources.csv",
    "topics.csv",
    "sessions.csv",
    "datapackage.json",
}


def download(client, name):
    response = client.get(f"/data/{name}")
    assert response.status_code == 200, name
    return response


def read_csv(content):
    assert content.startswith(b"\xef\xbb\xbf"), "UTF-8 with a byte-order mark"
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def test_every_file_is_built_and_served_with_its_checksum(client, archive):  # noqa: F811
    built = {file.name: file for file in dataset_build()}
    assert set(built) == FILES
    for name, file in built.items():
        response = download(client, name)
        assert response["ETag"] == f'"{file.sha256}"'
        assert f"-{file.version}." in response["Content-Disposition"]
        assert hashlib.sha256(response.content).hexdigest() == file.sha256


def test_the_csv_has_every_language_as_columns_with_chinese_intact(client, archive):  # noqa: F811
    dataset_build()
    rows = read_csv(download(client, "statements.csv").content)
    assert [row["slug"] for row in rows] == ["test-old", "test-sat", "test-quote", "test-english-only"]
    sat = rows[1]
    assert sat["official_title"] == "关于加快卫星互联网建设的建议"
    assert sat["title_zh_hans"] == "关于卫星互联网的测试建议"
    assert sat["provenance_zh_hans"] == "translation" and sat["provenance_en"] == "report"
    assert sat["notes_en"] == "Sources disagree on the day."
    assert sat["text_en"] == "Made-up text.\n\nA second paragraph."  # line breaks survive quoting
    assert sat["url_fr"] == "https://archive.example.org/fr/statements/test-sat/"
    assert sat["session"] == "13-3" and sat["topics"] == "test-space"
    assert rows[2]["parent_id"] == sat["id"]
    for language in ("en", "fr", "zh_hans"):
        for field in ("title", "summary", "text", "notes", "provenance"):
            assert f"{field}_{language}" in sat


def test_drafts_are_in_no_file(client, archive):  # noqa: F811
    dataset_build()
    for name in FILES - {"leijun-npc-archive.zip"}:
        content = download(client, name).content.decode("utf-8-sig")
        assert (
            "test-draft" not in content and "Secret draft" not in content and "Draft-only Wire" not in content
        )
    with zipfile.ZipFile(io.BytesIO(download(client, "leijun-npc-archive.zip").content)) as zipped:
        for name in zipped.namelist():
            assert b"Secret draft" not in zipped.read(name)


def test_json_and_json_lines_hold_the_apis_statements(client, archive):  # noqa: F811
    dataset_build()
    document = json.loads(download(client, "statements.json").content)
    assert document["licence"]["name"] == "CC-BY-4.0" and document["version"]
    lines = [json.loads(line) for line in download(client, "statements.jsonl").content.decode().splitlines()]
    assert lines == document["statements"]
    api = client.get(f"/api/v1/statements/{archive['sat'].pk}/").json()
    assert lines[1] == api


def test_sources_topics_and_sessions_files(client, archive):  # noqa: F811
    dataset_build()
    sources = read_csv(download(client, "sources.csv").content)
    assert "Session Test Wire" in {row["publisher"] for row in sources}
    topics = {row["slug"]: row for row in read_csv(download(client, "topics.csv").content)}
    assert (
        topics["test-space"]["name_zh_hans"] == "测试太空" and topics["test-space"]["statement_count"] == "2"
    )
    sessions = read_csv(download(client, "sessions.csv").content)
    assert [row["key"] for row in sessions] == ["13-2", "13-3"]
    assert sessions[1]["name_zh_hans"] == "第十三届全国人民代表大会第三次会议"


def test_the_zip_is_a_data_package_with_licence_citation_and_checksums(client, archive):  # noqa: F811
    built = {file.name: file for file in dataset_build()}
    with zipfile.ZipFile(io.BytesIO(download(client, "leijun-npc-archive.zip").content)) as zipped:
        names = {name.split("/", 1)[1] for name in zipped.namelist()}
        assert names == FILES - {"leijun-npc-archive.zip"}
        descriptor = json.loads(zipped.read("leijun-npc-archive/datapackage.json"))
        for resource in descriptor["resources"]:
            content = zipped.read(f"leijun-npc-archive/{resource['path']}")
            assert resource["hash"] == f"sha256:{built[resource['path']].sha256}"
            assert resource["bytes"] == len(content)
            if resource["path"].endswith(".json"):
                assert json.loads(content)["statements"]
            if not resource["path"].endswith(".csv"):
                continue
            header = next(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
            assert header == [field["name"] for field in resource["schema"]["fields"]]
            assert all(field["description"] for field in resource["schema"]["fields"])
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert "keep their rights" in descriptor["rights"]
    assert descriptor["version"] == built["datapackage.json"].version
    assert descriptor["citation"].startswith("Lei Jun at the National People's Congress (dataset)")


def test_an_unknown_file_is_a_404(client, archive):  # noqa: F811
    dataset_build()
    assert client.get("/data/secrets.csv").status_code == 404
    # The data page has a language; /data/ leads to the reader's one.
    assert client.get("/data/")["Location"] == "/en/data/"


def test_a_file_is_a_304_when_unchanged(client, archive):  # noqa: F811
    dataset_build()
    first = download(client, "statements.csv")
    assert client.get("/data/statements.csv", headers={"if-none-match": first["ETag"]}).status_code == 304


def test_the_files_are_stored_in_the_database_not_a_folder(archive):  # noqa: F811
    dataset_build()
    assert bytes(DatasetFile.objects.get(name="statements.csv").content).startswith(b"\xef\xbb\xbf")
