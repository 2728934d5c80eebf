"""An editor's work in the admin, through the real forms."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from archive.models import Session, Statement
from tests.factories import QuoteFactory, StatementFactory, TopicFactory

pytestmark = pytest.mark.django_db

ADD_URL = reverse("admin:archive_statement_add")


def statement_form(session, source, topic, **overrides):
    data = {
        "kind": "proposal",
        "status": "draft",
        "slug": "2020-test-warning-proposal",
        "date": "2020-05-22",
        "session": session.pk,
        "parent": "",
        "title_en": "A test proposal on warnings",
        "title_fr": "Une proposition de test sur l'alerte",
        "title_zh_hans": "关于预警的测试建议",
        "summary_en": "English summary, made up for the test.",
        "summary_fr": "Résumé français, inventé pour le test.",
        "summary_zh_hans": "中文摘要，为测试而编写。",
        "text_en": "English text.",
        "text_fr": "Texte français.",
        "text_zh_hans": "中文全文。",
        "provenance_en": "report",
        "provenance_fr": "translation",
        "provenance_zh_hans": "translation",
        "notes_en": "",
        "notes_fr": "",
        "notes_zh_hans": "",
        "spoken_language": "zh-hans",
        "topics": [topic.pk],
        "sources": [source.pk],
        # Required on edits of published statements; harmless elsewhere.
        "change_reason": "A test edit",
        # The quotes inline's management form (change pages of quotable kinds show it).
        "quotes-TOTAL_FORMS": "0",
        "quotes-INITIAL_FORMS": "0",
    }
    data.update(overrides)
    return data


def change_url(statement):
    return reverse("admin:archive_statement_change", args=[statement.pk])


def test_editor_adds_a_draft_in_three_languages_that_the_public_cannot_see(editor_client, client, parts):
    response = editor_client.post(ADD_URL, statement_form(*parts))
    assert response.status_code == 302, response.context["adminform"].form.errors
    statement = Statement.objects.get(slug="2020-test-warning-proposal")
    assert (statement.title_en, statement.title_fr, statement.title_zh_hans) == (
        "A test proposal on warnings",
        "Une proposition de test sur l'alerte",
        "关于预警的测试建议",
    )
    assert statement.status == "draft"
    editor_client.logout()
    assert client.get(statement.get_absolute_url()).status_code == 404
    assert "A test proposal on warnings" not in client.get("/en/").content.decode()


def test_editor_previews_a_draft_marked_as_such(editor_client, parts):
    statement = StatementFactory(status="draft")
    response = editor_client.get(statement.get_absolute_url())
    assert response.status_code == 200
    assert "Preview" in response.content.decode()
    assert "no-cache" in response["Cache-Control"]


def test_editor_publishes_edits_and_restores_an_earlier_version(editor_client, client, parts):
    session, source, topic = parts
    editor_client.post(ADD_URL, statement_form(*parts))
    statement = Statement.objects.get(slug="2020-test-warning-proposal")

    response = editor_client.post(
        reverse("admin:archive_statement_changelist"),
        {"action": "publish", "_selected_action": [statement.pk]},
    )
    assert response.status_code == 302
    assert client.get(statement.get_absolute_url()).status_code == 200

    other_topic = TopicFactory()
    edited = statement_form(
        session,
        source,
        other_topic,
        status="published",
        title_en="Changed English",
        title_fr="Français changé",
        title_zh_hans="中文已改",
    )
    # A published statement's edit needs a reason, which the history keeps.
    refused = editor_client.post(change_url(statement), {**edited, "change_reason": ""})
    assert "change_reason" in refused.context["adminform"].form.errors
    edited["change_reason"] = "Corrected all three titles"
    assert editor_client.post(change_url(statement), edited).status_code == 302
    assert statement.history.latest("history_date").history_change_reason == "Corrected all three titles"
    statement.refresh_from_db()
    assert statement.title_fr == "Français changé"

    # The version saved as a draft, before publishing and editing.
    first = statement.history.order_by("history_date").first()
    history_page = editor_client.get(reverse("admin:archive_statement_history", args=[statement.pk]))
    assert history_page.status_code == 200
    restore_url = reverse("admin:archive_statement_simple_history", args=[statement.pk, first.history_id])
    form_page = editor_client.get(restore_url)
    assert form_page.status_code == 200
    assert "Une proposition de test sur l&#x27;alerte" in form_page.content.decode()

    restored = statement_form(session, source, topic, status="published", change_reason="Back to the first")
    assert editor_client.post(restore_url, restored).status_code == 302
    statement.refresh_from_db()
    assert statement.title_en == "A test proposal on warnings"
    assert statement.title_fr == "Une proposition de test sur l'alerte"
    assert statement.title_zh_hans == "关于预警的测试建议"
    assert list(statement.topics.all()) == [topic]


def test_the_restore_form_offers_the_old_versions_topics(editor_client, parts):
    statement = StatementFactory(topics=[parts[2]])
    first = statement.history.latest("history_date")
    statement.topics.set([TopicFactory()])
    page = editor_client.get(
        reverse("admin:archive_statement_simple_history", args=[statement.pk, first.history_id])
    )
    assert page.context["adminform"].form.initial["topics"] == [parts[2].pk]


def test_a_deleted_draft_can_be_recovered(editor_client, parts):
    statement = StatementFactory(status="draft", title_fr="Brouillon supprimé")
    pk = statement.pk
    response = editor_client.post(reverse("admin:archive_statement_delete", args=[pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Statement.objects.filter(pk=pk).exists()

    deleted_list = editor_client.get(reverse("admin:archive_historicalstatement_changelist"))
    assert (
        "Brouillon supprimé" in deleted_list.content.decode()
        or statement.slug in deleted_list.content.decode()
    )
    version = Statement.history.filter(id=pk).exclude(history_type="-").latest("history_date")
    restore_url = reverse("admin:archive_statement_simple_history", args=[pk, version.history_id])
    form = editor_client.get(restore_url).context["adminform"].form
    data = {name: form.initial.get(name, "") for name in form.fields}
    data["date"] = statement.date.isoformat()
    data["session"] = statement.session_id
    data["parent"] = ""
    data["sources"] = [s.pk for s in statement.sources.all()]
    data["topics"] = []
    data = {k: ("" if v is None else v) for k, v in data.items()}
    assert editor_client.post(restore_url, data).status_code == 302
    assert Statement.objects.get(pk=pk).title_fr == "Brouillon supprimé"


def test_editors_cannot_delete_a_published_statement(editor_client):
    statement = StatementFactory(status="published")
    response = editor_client.post(
        reverse("admin:archive_statement_delete", args=[statement.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Statement.objects.filter(pk=statement.pk).exists()
    changelist = editor_client.get(reverse("admin:archive_statement_changelist"))
    assert "delete_selected" not in changelist.content.decode()


def test_editors_cannot_manage_users(editor_client):
    assert editor_client.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor_client.get(reverse("admin:auth_group_changelist")).status_code == 403


def test_editors_group_permissions_are_content_only():
    from django.contrib.auth.models import Group

    codenames = set(Group.objects.get(name="Editors").permissions.values_list("codename", flat=True))
    assert {
        "add_statement",
        "change_statement",
        "delete_statement",
        "change_source",
        "add_topic",
    } <= codenames
    assert not {c for c in codenames if c.endswith("_user") or c.endswith("_group")}


@pytest.mark.parametrize(
    "overrides, field",
    [
        ({"title_en": ""}, "title_en"),
        ({"title_en": "   "}, "title_en"),
        ({"date": "2020-09-30"}, "date"),
        ({"date": "not a date"}, "date"),
        ({"status": "published", "sources": []}, "sources"),
    ],
)
def test_bad_statement_input_is_a_form_error(editor_client, parts, overrides, field):
    response = editor_client.post(ADD_URL, statement_form(*parts, **overrides))
    assert response.status_code == 200
    assert field in response.context["adminform"].form.errors


def test_a_duplicate_slug_is_a_form_error(editor_client, parts):
    StatementFactory(slug="2020-test-warning-proposal")
    response = editor_client.post(ADD_URL, statement_form(*parts))
    assert response.status_code == 200
    assert "slug" in response.context["adminform"].form.errors


def test_a_session_closing_before_it_opens_is_a_form_error(editor_client):
    response = editor_client.post(
        reverse("admin:archive_session_add"),
        {
            "congress": 14,
            "number": 4,
            "year": 2026,
            "opened_on": "2026-03-12",
            "closed_on": "2026-03-05",
            "name_en": "Fourth Session of the 14th National People's Congress",
            "name_fr": "",
            "name_zh_hans": "",
            "notes": "",
        },
    )
    assert response.status_code == 200
    assert "The closing date cannot be before the opening date." in response.content.decode()
    assert not Session.objects.filter(congress=14, number=4).exists()


def test_admin_search_finds_french_and_chinese_text(editor_client):
    StatementFactory(title_fr="Internet par satellite", title_zh_hans="卫星互联网", slug="sat")
    StatementFactory(slug="other")
    url = reverse("admin:archive_statement_changelist")
    for query in ("satellite", "卫星互联网"):
        response = editor_client.get(url, {"q": query})
        assert [s.slug for s in response.context["cl"].result_list] == ["sat"], query


def test_admin_filters_by_missing_language(editor_client):
    StatementFactory(slug="complete")
    StatementFactory(slug="no-chinese", title_zh_hans="")
    response = editor_client.get(reverse("admin:archive_statement_changelist"), {"missing": "zh-hans"})
    assert [s.slug for s in response.context["cl"].result_list] == ["no-chinese"]


def test_the_form_has_one_labelled_language_switch_and_no_tabs(editor_client, parts):
    html = editor_client.get(ADD_URL).content.decode()
    assert html.count('class="language-switch"') == 1
    assert "/static/archive/admin-languages.js" in html
    assert "jquery-ui" not in html and "googleapis" not in html and "cdn" not in html.lower()
    assert "<script>" not in html.replace(" ", "")  # no inline script: a strict CSP is coming
    # Each language's input says its language; its label names it.
    assert 'data-translation-language="fr"' in html and 'lang="zh-hans"' in html
    assert "Title (French)" in html


def test_the_language_switch_speaks_the_admins_language(editor_client, parts):
    editor_client.cookies["django_language"] = "zh-hans"
    html = editor_client.get(ADD_URL, HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert ">简体中文<" in html and ">法语<" in html
    assert "标题 (法语)" in html
    assert '<a href="/admin/archive/">档案</a>' in html  # the app's name too


def test_dates_are_iso_in_every_language(editor_client, parts):
    statement = StatementFactory(date="2020-05-22")
    for language in ("en", "fr", "zh-hans"):
        editor_client.cookies["django_language"] = language
        html = editor_client.get(change_url(statement), HTTP_ACCEPT_LANGUAGE=language).content.decode()
        assert 'value="2020-05-22"' in html, language
    editor_client.cookies["django_language"] = "fr"
    data = statement_form(*parts, date="06/03/2020")
    response = editor_client.post(ADD_URL, data, HTTP_ACCEPT_LANGUAGE="fr")
    assert "date" in response.context["adminform"].form.errors


def test_an_empty_slug_is_made_from_the_year_and_the_english_title(editor_client, parts):
    StatementFactory(slug="2020-a-test-proposal-on-warnings")
    response = editor_client.post(ADD_URL, statement_form(*parts, slug=""))
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Statement.objects.filter(slug="2020-a-test-proposal-on-warnings-2").exists()


def test_the_list_shows_newest_first_with_completeness_and_last_change(editor_client):
    StatementFactory(slug="older", date="2019-03-05", session=None)
    StatementFactory(slug="newer", date="2021-03-05", session=None, title_fr="")
    response = editor_client.get(reverse("admin:archive_statement_changelist"))
    assert [s.slug for s in response.context["cl"].result_list] == ["newer", "older"]
    html = response.content.decode()
    assert 'class="completeness missing">FR' in html
    assert "column-last_change" in html and "column-session" not in html


def test_quotes_are_edited_inline_under_remarks(editor_client):
    remarks = StatementFactory(kind="remarks")
    QuoteFactory(parent=remarks, title_en="A quoted phrase")
    html = editor_client.get(change_url(remarks)).content.decode()
    assert "A quoted phrase" in html
    assert "quotes and reported points from this statement" in html.lower()


def test_create_editor_command_makes_a_staff_member_of_editors(monkeypatch):
    from django.core.management import call_command

    monkeypatch.setenv("ARCHIVE_EDITOR_PASSWORD", "a-long-test-password-42")
    call_command("create_editor", "marie", "marie@example.test")
    user = User.objects.get(username="marie")
    assert user.is_staff and not user.is_superuser
    assert user.groups.filter(name="Editors").exists()
    assert user.check_password("a-long-test-password-42")


def test_create_editor_asks_for_the_password_twice_until_both_match(monkeypatch, capsys):
    from django.core.management import call_command

    monkeypatch.delenv("ARCHIVE_EDITOR_PASSWORD", raising=False)
    answers = iter(["a-long-test-password-42", "a-long-test-password-43", "a-long-test-password-42"] * 2)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_editor", "lea", "lea@example.test")
    assert "The two passwords differ" in capsys.readouterr().err
    assert User.objects.get(username="lea").check_password("a-long-test-password-42")


def test_create_editor_gives_up_without_creating_anyone_after_three_mismatches(monkeypatch):
    from django.core.management import CommandError, call_command

    monkeypatch.delenv("ARCHIVE_EDITOR_PASSWORD", raising=False)
    answers = iter(["first-long-password-1", "second-long-password-2"] * 3)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="nothing was created"):
        call_command("create_editor", "lea", "lea@example.test")
    assert not User.objects.filter(username="lea").exists()


def test_make_create_editor_works_without_an_exported_secret_key(tmp_path):
    """The README's command, as an editor would type it: the Makefile supplies the environment."""
    import os
    import shutil
    import subprocess
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    if not (root / ".venv" / "bin" / "python").exists():
        pytest.fail("run `make setup-test` first")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    env.update(
        ARCHIVE_EDITOR_PASSWORD="a-long-make-password-7",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        DJANGO_CACHE_DIR=str(tmp_path / "cache"),
    )
    result = subprocess.run(
        [shutil.which("make") or "make", "-s", "create-editor", "NAME=nina", "EMAIL=nina@example.test"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Editor nina created" in result.stdout


@pytest.mark.parametrize("model", ["topic", "session"])
def test_topic_and_session_forms_have_the_language_switch(editor_client, model):
    html = editor_client.get(reverse(f"admin:archive_{model}_add")).content.decode()
    assert html.count('class="language-switch"') == 1
    assert 'data-translation-language="zh-hans"' in html


def test_publishing_skips_a_quote_without_his_words_and_says_so(editor_client):
    remarks = StatementFactory(kind="remarks", topics=[TopicFactory()])
    wordless = StatementFactory(
        kind="quote", parent=remarks, status="draft", provenance_en="report", slug="test-wordless-quote"
    )
    quote = QuoteFactory(parent=remarks, status="draft")
    response = editor_client.post(
        reverse("admin:archive_statement_changelist"),
        {"action": "publish", "_selected_action": [wordless.pk, quote.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "Not published: test-wordless-quote. A published quote needs his own words" in page
    wordless.refresh_from_db(), quote.refresh_from_db()
    assert (wordless.status, quote.status) == ("draft", "published")


def test_an_editor_cannot_publish_a_quote_without_his_words(editor_client, parts):
    remarks = StatementFactory(kind="remarks", session=parts[0])
    response = editor_client.post(
        ADD_URL,
        statement_form(*parts, kind="quote", parent=remarks.pk, status="published", slug="2020-wordless"),
    )
    assert response.status_code == 200
    assert "A published quote needs his own words" in response.content.decode()
    response = editor_client.post(
        ADD_URL,
        statement_form(
            *parts, kind="quote", parent=remarks.pk, status="published", provenance_zh_hans="original"
        ),
    )
    assert response.status_code == 302
    assert Statement.objects.get(slug="2020-test-warning-proposal").is_public
