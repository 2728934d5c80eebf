import pytest
from django.contrib.auth.models import Group, User

from tests.factories import StatementFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_editor_switches_between_the_three_language_tabs(live_server, make_page, screenshot):
    editor = User.objects.create_user("tabs-editor", password="a-test-password-for-tabs", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    statement = StatementFactory(title_fr="Titre français de test", title_zh_hans="测试中文标题")
    page = make_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "tabs-editor")
    page.fill("#id_password", "a-test-password-for-tabs")
    page.click("input[type=submit]")
    page.goto(f"{live_server.url}/admin/archive/statement/{statement.pk}/change/")

    french_title = page.locator("#id_title_fr")
    assert not french_title.is_visible(), "the French field should wait behind its tab"
    # jQuery UI (served from our static files) turns each translated field into tabs.
    page.locator(".ui-tabs-nav a", has_text="FR").first.click()
    assert french_title.is_visible()
    assert french_title.input_value() == "Titre français de test"
    screenshot(page, "french-tab")
    page.locator(".ui-tabs-nav a", has_text="ZH").first.click()
    assert page.locator("#id_title_zh_hans").input_value() == "测试中文标题"
    screenshot(page, "chinese-tab")
