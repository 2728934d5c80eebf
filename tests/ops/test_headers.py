"""Every kind of page carries the security headers; public pages allow nothing inline."""

import base64
import hashlib
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from tests.factories import StatementFactory

# A <script> without src that is not a JSON-LD data block (data, never executed).
INLINE_SCRIPT = r'<script(?![^>]*\ssrc=)(?![^>]*type="application/ld\+json")'

pytestmark = pytest.mark.django_db


def policy(response):
    """The Content-Security-Policy header as {directive: [values]}."""
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


@pytest.fixture
def statement(db):
    statement = StatementFactory()
    statement.topics.add(*statement.topics.all())
    return statement


def public_addresses(statement):
    topic = statement.topics.first()
    addresses = [
        "/en/",
        "/fr/2020/",
        statement.get_absolute_url(),
        statement.get_absolute_url() + "?compare=fr",
        f"/zh-hans/sessions/{statement.session.key}/",
        "/en/feed/",
        "/en/search/",
        "/en/search/?q=statement",
        "/en/search/?year=1",  # a form error (400)
        "/sitemap.xml",
        "/robots.txt",
        "/en/no-such-page/",  # 404
    ]
    if topic is not None:
        addresses += [topic.get_absolute_url(), topic.get_absolute_url() + "feed/"]
    return addresses


def assert_common_headers(response):
    assert response["Permissions-Policy"].startswith("accelerometer=()")
    assert "camera=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


def test_public_pages_have_a_strict_policy_and_nothing_inline(client, statement):
    for address in public_addresses(statement):
        for attempt in ("rendered", "from the cache"):
            response = client.get(address)
            assert response.status_code in {200, 400, 404}, address
            assert_common_headers(response)
            directives = policy(response)
            assert directives["default-src"] == ["'self'"], (address, attempt)
            assert directives["object-src"] == ["'none'"] and directives["base-uri"] == ["'none'"]
            assert directives["frame-ancestors"] == ["'none'"]
            assert set(directives) == {
                "default-src",
                "base-uri",
                "object-src",
                "form-action",
                "frame-ancestors",
            }
            assert "nonce" not in response["Content-Security-Policy"]
            body = response.content.decode()
            # No inline script or style that the policy would block.
            assert not re.search(INLINE_SCRIPT + r"|<style|\sstyle=|\son[a-z]+=", body), address


def test_the_health_probe_is_json_that_no_one_caches(client, statement):
    # Answered above the security headers, on purpose (settings.MIDDLEWARE): a probe is not a page.
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health["Content-Type"] == "application/json"
    assert health["Cache-Control"] == "no-store"


def test_the_admin_allows_only_its_own_inline_styles(editor_client, statement):
    assert_admin_policy(Client().get(reverse("admin:login")), reverse("admin:login"))
    pages = [
        reverse("admin:index"),
        reverse("admin:archive_statement_changelist"),
        reverse("admin:archive_statement_change", args=[statement.pk]),
        reverse("admin:archive_statement_history", args=[statement.pk]),
        reverse("admin:archive_historicalstatement_changelist"),
    ]
    for address in pages:
        assert_admin_policy(editor_client.get(address), address)


def assert_admin_policy(response, address):
    assert response.status_code == 200, address
    assert_common_headers(response)
    directives = policy(response)
    # Scripts: files from the site only, as on the public pages.
    assert directives["default-src"] == ["'self'"]
    assert "script-src" not in directives
    assert "'unsafe-inline'" not in directives["style-src-elem"]
    assert directives["style-src-attr"] == ["'unsafe-inline'"]
    body = response.content.decode()
    assert not re.search(INLINE_SCRIPT + r"|\son[a-z]+=", body), address
    # Every inline <style> block the admin writes is allowed by its hash.
    for block in re.findall(r"<style>(.*?)</style>", body, flags=re.S):
        digest = base64.b64encode(hashlib.sha256(block.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in directives["style-src-elem"], address


def test_an_admin_list_without_action_bars_writes_a_style_block_the_policy_allows(
    client, statement, monkeypatch
):
    # Django writes its one inline <style> when a list has its action bars switched off.
    from django.contrib import admin

    from archive.models import Statement

    model_admin = admin.site._registry[Statement.history.model]
    monkeypatch.setattr(model_admin, "actions_on_top", False)
    monkeypatch.setattr(model_admin, "actions_on_bottom", False)
    client.force_login(User.objects.create_superuser("root", "root@example.test", "a-test-password"))
    response = client.get(reverse("admin:archive_historicalstatement_changelist"))
    assert "<style>" in response.content.decode()
    assert_admin_policy(response, "deleted statements")
