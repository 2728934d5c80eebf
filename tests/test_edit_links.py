"""Signed-in staff get a link from each public page to its admin form; readers never, even cached."""

import pytest
from django.urls import reverse

from tests.factories import StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db


def pages():
    topic = TopicFactory()
    statement = StatementFactory(topics=[topic])
    session = statement.session
    return [
        (statement.get_absolute_url(), reverse("admin:archive_statement_change", args=[statement.pk])),
        (topic.get_absolute_url(), reverse("admin:archive_topic_change", args=[topic.pk])),
        (session.get_absolute_url(), reverse("admin:archive_session_change", args=[session.pk])),
    ]


def test_staff_see_edit_in_the_admin_on_statement_topic_and_session_pages(editor_client):
    for page, admin_url in pages():
        html = editor_client.get(page).content.decode()
        assert f'<a href="{admin_url}">Edit in the admin</a>' in html, page


def test_readers_never_see_it_even_after_an_editor_visited(client, editor):
    addresses = pages()
    client.force_login(editor)
    for page, _admin_url in addresses:
        assert "Edit in the admin" in client.get(page).content.decode()
    client.logout()
    for page, _admin_url in addresses:
        for _visit in range(2):  # the second visit is served from the page cache
            assert "Edit in the admin" not in client.get(page).content.decode(), page
