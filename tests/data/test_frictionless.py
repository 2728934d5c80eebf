"""Frictionless `validate` on the data package as downloaded: every file against its schema."""

import io
import zipfile

import pytest
from frictionless import Package, validate

from archive.data.services import dataset_build
from tests.api.conftest import archive  # noqa: F401 - the API tests' small archive

pytestmark = pytest.mark.django_db


def test_the_downloaded_package_is_valid(client, archive, tmp_path):  # noqa: F811
    dataset_build()
    content = client.get("/data/leijun-npc-archive.zip").content
    with zipfile.ZipFile(io.BytesIO(content)) as zipped:
        zipped.extractall(tmp_path)
    descriptor = tmp_path / "leijun-npc-archive" / "datapackage.json"
    report = validate(str(descriptor))
    assert report.valid, report.flatten(["resourceName", "rowNumber", "fieldName", "type", "note"])
    package = Package(str(descriptor))
    statements = package.get_resource("statements").read_rows()
    assert [row["slug"] for row in statements] == ["test-old", "test-sat", "test-quote", "test-english-only"]
    assert statements[1]["title_zh_hans"] == "关于卫星互联网的测试建议"
    assert statements[2]["parent_id"] == statements[1]["id"]
    assert package.get_resource("topics").read_rows()[1]["name_zh_hans"] == "测试太空"


def test_validation_would_catch_a_damaged_file(client, archive, tmp_path):  # noqa: F811
    dataset_build()
    with zipfile.ZipFile(io.BytesIO(client.get("/data/leijun-npc-archive.zip").content)) as zipped:
        zipped.extractall(tmp_path)
    folder = tmp_path / "leijun-npc-archive"
    csv_file = folder / "statements.csv"
    csv_file.write_bytes(csv_file.read_bytes().replace(b"2020-05-22", b"22/05/2020", 1))
    report = validate(str(folder / "datapackage.json"))
    assert not report.valid
    # The changed bytes no longer match the recorded hash, and the date is no longer a date.
    errors = {(task.name, error.type) for task in report.tasks for error in task.errors}
    assert ("statements", "type-error") in errors
    assert ("statements", "hash-count") in errors
