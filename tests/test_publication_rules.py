"""The archive's promises, kept on every path to the public: model validation, the admin's form and
actions. (The content loader's side is in tests/test_content_loading.py.)"""

import datetime

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from archive.models import Statement
from tests.factories import StatementFactory, TopicFactory
from tests.test_admin import ADD_URL, statement_form

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:archive_statement_changelist")


@pytest.mark.parametrize(
    "date, valid",
    [
        (datetime.date(2012, 12, 31), False),
        (datetime.date(2013, 1, 1), True),
        (None, True),  # today
        (datetime.timedelta(days=1), False),  # tomorrow
    ],
)
def test_a_statement_is_dated_from_2013_to_today(date, valid):
    today = timezone.localdate()
    if date is None:
        date = today
    elif isinstance(date, datetime.timedelta):
        date = today + date
    statement = StatementFactory.build(date=date, session=None, status="draft")
    if valid:
        statement.full_clean(exclude=["slug"])
    else:
        with pytest.raises(ValidationError) as raised:
            statement.full_clean()
        assert "date" in raised.value.message_dict


def test_a_language_with_text_needs_a_provenance_to_be_published():
    statement = StatementFactory.build(session=None, provenance_fr="", status="published")
    with pytest.raises(ValidationError) as raised:
        statement.full_clean()
    assert raised.value.message_dict == {
        "provenance_fr": ["French: a text in this language needs a provenance before it can be published."]
    }
    statement.status = "draft"
    statement.full_clean()  # a draft may wait for its provenance


def test_a_language_without_text_needs_no_provenance():
    statement = StatementFactory.build(
        session=None, title_fr="", summary_fr="", text_fr="", provenance_fr="", status="published"
    )
    statement.full_clean()


def test_the_messages_are_translated():
    from django.utils import translation

    statement = StatementFactory.build(session=None, provenance_zh_hans="", status="published")
    with translation.override("fr"), pytest.raises(ValidationError) as raised:
        statement.full_clean()
    assert raised.value.message_dict["provenance_zh_hans"] == [
        "Chinois simplifié\u00a0: un texte dans cette langue doit indiquer sa provenance avant d’être publié."
    ]


def test_publish_refuses_a_statement_without_topics_or_provenance():
    statement = StatementFactory(status="draft", provenance_zh_hans="")
    with pytest.raises(ValidationError) as raised:
        statement.publish()
    assert set(raised.value.message_dict) == {"provenance_zh_hans", "topics"}
    statement.refresh_from_db()
    assert statement.status == "draft" and statement.published_at is None


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"status": "published", "provenance_fr": ""}, "provenance_fr"),
        ({"status": "published", "topics": []}, "topics"),
        ({"date": "2010-05-22", "session": ""}, "date"),
        ({"date": "2031-03-05", "session": ""}, "date"),
    ],
)
def test_the_admin_form_refuses_to_break_a_rule(editor_client, parts, overrides, field):
    data = statement_form(*parts)
    data.update(overrides)
    response = editor_client.post(ADD_URL, data)
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors
    assert not Statement.objects.exists()


def test_the_publish_action_leaves_a_statement_that_breaks_a_rule_as_a_draft(editor_client):
    good = StatementFactory(status="draft", topics=[TopicFactory()])
    bad = StatementFactory(status="draft", topics=[TopicFactory()], provenance_fr="")
    response = editor_client.post(
        CHANGELIST, {"action": "publish", "_selected_action": [good.pk, bad.pk]}, follow=True
    )
    good.refresh_from_db()
    bad.refresh_from_db()
    assert good.status == "published" and bad.status == "draft"
    page = response.content.decode()
    assert f"Not published: {bad.slug}." in page
    assert "French: a text in this language needs a provenance" in page


def test_a_statement_once_published_cannot_be_deleted_by_an_editor_even_unpublished(editor_client):
    statement = StatementFactory(status="draft", topics=[TopicFactory()])
    statement.publish()
    statement.unpublish()
    url = reverse("admin:archive_statement_delete", args=[statement.pk])
    assert editor_client.post(url, {"post": "yes"}).status_code == 403
    assert Statement.objects.filter(pk=statement.pk).exists()


def test_a_superuser_may_delete_a_once_published_statement(client):
    admin = User.objects.create_superuser("admin", "admin@example.test", "a-test-password")
    client.force_login(admin)
    statement = StatementFactory(status="published")
    response = client.post(reverse("admin:archive_statement_delete", args=[statement.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Statement.objects.filter(pk=statement.pk).exists()
