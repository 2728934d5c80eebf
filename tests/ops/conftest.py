import pytest
from django.db import connection

from tests.ops import servers


@pytest.fixture(scope="session")
def static_root(tmp_path_factory):
    """collectstatic once: the production settings serve hashed names from a manifest."""
    target = tmp_path_factory.mktemp("static")
    servers.collect_static(target)
    return target


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL cluster of scripts/with-postgres (make test-postgres)")
