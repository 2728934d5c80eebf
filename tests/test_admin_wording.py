"""The French admin names the archive as the glossary does: « l’archive », one work."""

import re

import pytest

from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

PLURAL_ARCHIVES = re.compile(r"\b(les|des|aux) archives\b", re.IGNORECASE)


@pytest.mark.parametrize(
    "address",
    [
        "/admin/",
        "/admin/archive/",
        "/admin/archive/statement/",
        "/admin/archive/statement/add/",
        "/admin/archive/statement/import/",
        "/admin/archive/statement/{pk}/change/",
    ],
)
def test_the_french_admin_never_says_les_archives(editor_client, address):
    statement = StatementFactory()
    response = editor_client.get(address.format(pk=statement.pk), HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    page = response.content.decode()
    assert 'lang="fr"' in page
    assert not PLURAL_ARCHIVES.search(page)
    assert "Traduction, par l’archive" in page or "/change/" not in address
