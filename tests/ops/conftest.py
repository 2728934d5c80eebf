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
def editors_group(db):
    """The Editors group as migration 0002 makes it: a test that flushed the database (a
    transactional one) removed it."""
    import importlib

    from django.contrib.auth.models import Group, Permission

    editors = importlib.import_module("archive.migrations.0002_editors_group").EDITOR_PERMISSIONS
    group, _created = Group.objects.get_or_create(name="Editors")
    codenames = [f"{action}_{model}" for model, actions in editors.items() for action in actions]
    group.permissions.set(
        Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
    )
    return group


@pytest.fixture
def postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("needs the PostgreSQL cluster of scripts/with-postgres (make test-postgres)")
