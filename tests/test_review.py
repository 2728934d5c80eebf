"""Review of translations: a second editor marks a text reviewed; changes send it back; readers see
which translations nobody has checked yet."""

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.urls import reverse

from archive.models import ReviewState, Statement
from archive.review import review_dashboard, statement_review, text_author_id
from archive.services import content_load
from tests.factories import StatementFactory, TopicFactory
from tests.test_admin import change_url, statement_form
from tests.test_content_loading import write_content

pytestmark = pytest.mark.django_db

REVIEW_URL = reverse("admin:archive_statement_review")


@pytest.fixture
def second_editor(db):
    user = User.objects.create_user("second", "second@example.test", "a-test-password", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_loaded_texts_start_awaiting_review_with_their_source_language(tmp_path):
    content_load(directory=write_content(tmp_path))
    statement = Statement.objects.get(slug="2020-test-proposal")
    assert [statement.text_in(code)["review"] for code in ("en", "fr", "zh-hans")] == ["awaiting"] * 3
    # English is the report, French and Chinese are translated from it (not from the spoken Chinese).
    assert statement.translated_from_fr == "en" and statement.translated_from_zh_hans == "en"
    assert not statement.translated_from_en
    assert text_author_id(statement, "fr") is None  # no author: anyone may review


def test_the_author_of_a_text_cannot_review_it_but_another_editor_can(
    editor_client, editor, second_editor, parts
):
    session, source, topic = parts
    editor_client.post(reverse("admin:archive_statement_add"), statement_form(*parts))
    statement = Statement.objects.get()
    with pytest.raises(ValidationError, match="another editor must review it"):
        statement_review(statement=statement, language_code="fr", reviewer=editor)
    statement_review(statement=statement, language_code="fr", reviewer=second_editor)
    statement.refresh_from_db()
    assert statement.review_fr == ReviewState.REVIEWED
    latest = statement.history.latest("history_date")
    assert latest.history_user == second_editor
    assert latest.history_change_reason == "Reviewed the French text"


def test_changing_a_text_sends_it_and_its_translations_back_to_review(second_editor):
    statement = StatementFactory(topics=[TopicFactory()])  # English report, French and Chinese from it
    statement.refresh_from_db()
    for code in ("en", "fr", "zh-hans"):
        statement_review(statement=statement, language_code=code, reviewer=second_editor)
    statement.summary_en = "A corrected English summary."
    statement.save()
    statement.refresh_from_db()
    assert statement.review_en == ReviewState.AWAITING
    assert statement.review_fr == ReviewState.SOURCE_CHANGED
    assert statement.review_zh_hans == ReviewState.SOURCE_CHANGED
    statement.title_fr = "Titre corrigé"
    statement.save()
    statement.refresh_from_db()
    assert statement.review_fr == ReviewState.AWAITING


def test_the_dashboard_lists_what_awaits_what_changed_and_what_is_missing(
    editor_client, editor, second_editor
):
    awaiting = StatementFactory(slug="awaiting")
    no_chinese = StatementFactory(slug="no-chinese", title_zh_hans="", summary_zh_hans="")
    changed = StatementFactory(slug="changed")
    changed.refresh_from_db()
    statement_review(statement=changed, language_code="en", reviewer=second_editor)
    statement_review(statement=changed, language_code="fr", reviewer=second_editor)
    changed.title_en = "A changed English title"
    changed.save()

    board = review_dashboard(editor)
    pairs = {(item.statement.slug, item.language) for item in board["awaiting"]}
    assert ("awaiting", "fr") in pairs and ("changed", "en") in pairs and ("changed", "fr") not in pairs
    assert [(i.statement.slug, i.language) for i in board["source_changed"]] == [("changed", "fr")]
    assert [statement.slug for statement, _languages in board["missing"]] == [no_chinese.slug]
    page = editor_client.get(REVIEW_URL)
    assert page.status_code == 200
    assert "Mark the French text reviewed" in page.content.decode()
    assert awaiting.title_en in page.content.decode()


def test_an_editor_marks_a_loaded_text_reviewed_from_the_dashboard(editor_client, tmp_path):
    content_load(directory=write_content(tmp_path))
    statement = Statement.objects.get(slug="2020-test-proposal")
    response = editor_client.post(REVIEW_URL, {"statement": statement.pk, "language": "zh-hans"}, follow=True)
    assert "Marked reviewed" in response.content.decode()
    statement.refresh_from_db()
    assert statement.review_zh_hans == ReviewState.REVIEWED


@pytest.mark.parametrize(
    "data", [{"statement": "x", "language": "fr"}, {"statement": "1", "language": "xx"}, {}]
)
def test_bad_review_requests_are_messages_not_errors(editor_client, data):
    response = editor_client.post(REVIEW_URL, data, follow=True)
    assert response.status_code == 200
    assert "Choose a statement and a language" in response.content.decode()


def test_readers_see_a_discreet_note_beside_an_unreviewed_translation(client, second_editor):
    statement = StatementFactory(topics=[TopicFactory()])
    french = client.get(statement.get_absolute_url().replace("/en/", "/fr/")).content.decode()
    assert "traduction pas encore relue" in french
    statement.refresh_from_db()
    statement_review(statement=statement, language_code="fr", reviewer=second_editor)
    french = client.get(
        statement.get_absolute_url().replace("/en/", "/fr/") + "?compare=none"
    ).content.decode()
    assert "traduction pas encore relue" not in french


def test_editors_may_review():
    codenames = Group.objects.get(name="Editors").permissions.values_list("codename", flat=True)
    assert "review_statement" in codenames


def test_the_form_records_what_a_translation_was_made_from(editor_client, parts):
    statement = StatementFactory(status="draft", topics=[parts[2]])
    data = statement_form(*parts, slug=statement.slug, translated_from_fr="zh-hans")
    assert editor_client.post(change_url(statement), data).status_code == 302
    statement.refresh_from_db()
    assert statement.translated_from_fr == "zh-hans"
