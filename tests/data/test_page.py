"""The data page: every file with its size and checksum, the licence and the citation, in three languages."""

import pytest

from archive.data.models import DatasetFile
from archive.data.services import dataset_build
from tests.api.conftest import archive  # noqa: F401 - the API tests' small archive

pytestmark = pytest.mark.django_db


def test_the_page_lists_every_file_with_its_checksum(client, archive):  # noqa: F811
    dataset_build()
    html = client.get("/en/data/").content.decode()
    for file in DatasetFile.objects.all():
        assert f'href="/data/{file.name}"' in html
        assert file.sha256 in html
    version = DatasetFile.objects.first().version
    assert f"Version {version}" in html
    assert "https://creativecommons.org/licenses/by/4.0/" in html
    assert "keep their own rights" in html
    assert f"(dataset), version {version}, https://archive.example.org/en/data/" in html


@pytest.mark.parametrize(
    ("language", "heading"), [("fr", "Télécharger les données"), ("zh-hans", "下载数据")]
)
def test_the_page_speaks_the_readers_language(client, archive, language, heading):  # noqa: F811
    html = client.get(f"/{language}/data/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'lang="{language}"' in html


@pytest.mark.parametrize("language", ["en", "fr", "zh-hans"])
def test_the_footer_links_to_the_data_page_and_the_api(client, archive, language):  # noqa: F811
    html = client.get(f"/{language}/").content.decode()
    assert f'href="/{language}/data/"' in html
    assert 'href="/api/v1/docs/"' in html


def test_the_page_makes_a_fixed_number_of_queries(client, archive, django_assert_max_num_queries):  # noqa: F811
    dataset_build()
    with django_assert_max_num_queries(3):
        assert client.get("/en/data/").status_code == 200
