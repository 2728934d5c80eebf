import pytest
from django.contrib.auth.models import Group, User


@pytest.fixture
def editor(db):
    user = User.objects.create_user("editor", "editor@example.test", "a-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no cached page or fragment, so one test's pages never answer another's."""
    from django.core.cache import caches

    for alias in ("default", "fragments", "rendered"):
        caches[alias].clear()
    yield
    for alias in ("default", "fragments", "rendered"):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def english_by_default():
    """A request leaves its language active; each test starts in English, so reverse() is /en/…."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def parts(db):
    """A session, a source and a topic: what a statement form needs."""
    from tests.factories import SessionFactory, SourceFactory, TopicFactory

    return SessionFactory(), SourceFactory(), TopicFactory()
