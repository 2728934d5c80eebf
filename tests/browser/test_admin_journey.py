"""An editor's day in the admin, in English, French and Chinese, with axe-core on every admin page."""

import datetime

import pytest
from django.contrib.auth.models import Group, User

from archive.models import Statement
from tests.factories import SessionFactory, SourceFactory, StatementFactory, TopicFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-test-password-for-the-admin"
LOCALES = {"en": "en-GB", "fr": "fr-FR", "zh-hans": "zh-CN"}


def editors_group():
    """The Editors group as the migrations make it (a transactional test before this one may have
    flushed it; permissions come back with the flush, groups do not)."""
    from importlib import import_module

    from django.contrib.auth.models import Permission

    group, created = Group.objects.get_or_create(name="Editors")
    if created:
        wanted = import_module("archive.migrations.0002_editors_group").EDITOR_PERMISSIONS
        codenames = [f"{action}_{model}" for model, actions in wanted.items() for action in actions]
        codenames.append("review_statement")
        group.permissions.set(
            Permission.objects.filter(content_type__app_label="archive", codename__in=codenames)
        )
    return group


def sign_in(live_server, make_page, language):
    editor = User.objects.create_user(f"editor-{language}", password=PASSWORD, is_staff=True)
    editor.groups.add(editors_group())
    page = make_page(locale=LOCALES[language])
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", editor.username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    return page


def assert_fits(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{width}px wide: the page scrolls sideways"


def test_an_editor_adds_a_statement_with_one_language_switch(
    live_server, make_page, axe_violations, screenshot
):
    SessionFactory()
    SourceFactory(title="Browser test report")
    TopicFactory(name_en="Browser test topic")
    StatementFactory(slug="2020-an-older-statement", title_fr="")
    page = sign_in(live_server, make_page, "en")

    page.goto(f"{live_server.url}/admin/archive/statement/")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    assert_fits(page)
    screenshot(page, "list")

    page.goto(f"{live_server.url}/admin/archive/statement/add/")
    switch = page.get_by_role("group", name="Language of the translated fields")
    assert switch.is_visible()
    assert page.locator("#id_title_en").is_visible() and not page.locator("#id_title_fr").is_visible()
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)

    page.fill("#id_date", "2020-05-22")
    page.fill("#id_title_en", "A browser test proposal")
    assert page.input_value("#id_slug") == "2020-a-browser-test-proposal"
    page.fill("#id_summary_en", "Made up for the browser test.")
    page.select_option("#id_provenance_en", "report")
    french = switch.get_by_role("button", name="French")
    assert "missing" in french.inner_text()
    french.click()
    assert page.locator("#id_title_fr").is_visible() and not page.locator("#id_title_en").is_visible()
    page.fill("#id_title_fr", "Une proposition de test")
    page.fill("#id_summary_fr", "Inventée pour le test.")
    assert "missing" not in french.inner_text()
    screenshot(page, "french")
    page.select_option("#id_kind", "proposal")
    page.select_option("#id_status", "published")
    with page.expect_navigation():
        page.click("input[name=_save]")

    # The French text has no provenance: refused, and the switch opens on the language with errors.
    assert page.locator(".errornote").is_visible()
    assert page.locator("#id_provenance_fr").is_visible()
    assert not Statement.objects.filter(slug="2020-a-browser-test-proposal").exists()
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    screenshot(page, "refused")

    # The choice of language is remembered from one form to the next.
    page.goto(f"{live_server.url}/admin/archive/statement/add/")
    assert page.locator("#id_title_fr").is_visible()
    today = datetime.date.today().isoformat()
    page.locator(".datetimeshortcuts a", has_text="Today").first.click()
    assert page.input_value("#id_date") == today


@pytest.mark.parametrize("language", ["fr", "zh-hans"])
def test_an_editor_compares_two_versions_and_restores_one(
    live_server, make_page, axe_violations, screenshot, language
):
    statement = StatementFactory(
        title_en="The satellite network plan", title_zh_hans="关于卫星互联网的建议", topics=[TopicFactory()]
    )
    before = statement.history.latest("history_date")  # with its topics and sources
    statement.title_en = "The satellite internet plan"
    statement.title_zh_hans = "关于卫星通信的建议"
    statement.save()
    page = sign_in(live_server, make_page, language)

    page.goto(f"{live_server.url}/admin/archive/statement/{statement.pk}/change/")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    buttons = page.locator(".language-switch button")
    expected = {"fr": ["Anglais", "Français", "Chinois simplifié"], "zh-hans": ["英语", "法语", "简体中文"]}
    # Named in the admin's language; none marked missing, as the statement has all three.
    assert buttons.all_inner_texts() == expected[language]
    screenshot(page, "form")

    page.goto(f"{live_server.url}/admin/archive/statement/{statement.pk}/history/")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    page.locator("#change-history a[href*='compare']").first.click()
    assert page.locator("del", has_text="network").count() == 1
    assert page.locator("ins", has_text="通信").count() == 1
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    screenshot(page, "compare")

    page.goto(f"{live_server.url}/admin/archive/statement/{statement.pk}/history/{before.history_id}/")
    breadcrumbs = page.locator(".breadcrumbs").inner_text()
    assert ("Déclarations" if language == "fr" else "言论") in breadcrumbs
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    page.fill("#id_change_reason", "Back to the first title")
    with page.expect_navigation():
        page.locator("input[type=submit]").first.click()
    statement.refresh_from_db()
    assert statement.title_en == "The satellite network plan"

    # The review dashboard: the restored texts await review; this editor did not write them.
    page.goto(f"{live_server.url}/admin/archive/statement/review/")
    violations = axe_violations(page)
    assert violations == [], "\n".join(violations)
    screenshot(page, "review")
    with page.expect_navigation():
        page.locator("#awaiting + table button").first.click()
    assert page.locator(".messagelist .success").is_visible()
