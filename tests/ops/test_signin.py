"""Sign-in throttling: lockout by user name and by address (kept in the database), unlocked by an
administrator's command; the client's address from the proxy only when the proxy is trusted; at
most one password check at a time per machine."""

import fcntl

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

pytestmark = pytest.mark.django_db
LOGIN = reverse("admin:login")
PASSWORD = "a-test-password"


def sign_in(client, username="editor", password=PASSWORD, address="192.0.2.1", **headers):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
        **headers,
    )


def fail(client, times, **kwargs):
    for _ in range(times):
        response = sign_in(client, password="wrong-password", **kwargs)
        assert response.status_code in {200, 429}


def test_five_wrong_passwords_lock_the_user_out_even_with_the_right_one(client, editor):
    fail(client, settings.AXES_FAILURE_LIMIT - 1)
    assert sign_in(client).status_code == 302  # still allowed, and a success starts the count again
    client.logout()
    fail(client, settings.AXES_FAILURE_LIMIT)
    refused = sign_in(client)
    assert refused.status_code == 429
    assert "Signing in is blocked for now" in refused.content.decode()
    # Kept in the database, shared by every worker and machine; nothing in the page cache.
    assert AccessAttempt.objects.filter(username="editor").exists()
    assert not any("axes" in str(key) for key in getattr(cache, "_cache", {}))


def test_the_lockout_is_by_user_name_from_any_address(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, 1, address=f"192.0.2.{10 + number}")
    assert sign_in(client, address="198.51.100.7").status_code == 429


def test_the_lockout_is_by_address_for_any_user_name(client, editor):
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, 1, username=f"guess-{number}", address="192.0.2.66")
    assert sign_in(client, address="192.0.2.66").status_code == 429
    assert sign_in(client, address="192.0.2.67").status_code == 302


@pytest.mark.parametrize(
    ("language", "message"),
    [("fr", "La connexion est bloquée pour l’instant"), ("zh-hans", "暂时无法登录")],
)
def test_the_lockout_message_is_in_the_editors_language(client, editor, language, message):
    fail(client, settings.AXES_FAILURE_LIMIT)
    refused = sign_in(client, HTTP_ACCEPT_LANGUAGE=language)
    assert refused.status_code == 429
    assert message in refused.content.decode()


@pytest.mark.parametrize(
    "command", [["axes_reset"], ["axes_reset_username", "editor"], ["axes_reset_ip", "192.0.2.1"]]
)
def test_an_administrator_unlocks_with_axes_reset(client, editor, command):
    fail(client, settings.AXES_FAILURE_LIMIT)
    assert sign_in(client).status_code == 429
    call_command(*command, verbosity=0)
    if command[0] == "axes_reset_ip":
        # The address is free again; the user name is still locked from everywhere.
        assert sign_in(client, username="nobody", password="x").status_code == 200
    else:
        assert sign_in(client).status_code == 302


def test_a_forwarded_address_is_ignored_unless_the_proxy_is_trusted(client, editor):
    # Not behind a trusted proxy (the default): X-Real-IP is the client's own invention.
    assert settings.AXES_IPWARE_META_PRECEDENCE_ORDER == ("REMOTE_ADDR",)
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(
            client, 1, username=f"guess-{number}", address="192.0.2.80", HTTP_X_REAL_IP=f"203.0.113.{number}"
        )
    assert sign_in(client, address="192.0.2.80", HTTP_X_REAL_IP="203.0.113.99").status_code == 429


@override_settings(AXES_IPWARE_META_PRECEDENCE_ORDER=("HTTP_X_REAL_IP", "REMOTE_ADDR"))
def test_behind_a_trusted_proxy_one_guesser_does_not_lock_out_every_editor(client, editor):
    # Every request comes from the proxy (127.0.0.1); the proxy says who the client is.
    for number in range(settings.AXES_FAILURE_LIMIT):
        fail(client, 1, username=f"guess-{number}", address="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5")
    assert sign_in(client, address="127.0.0.1", HTTP_X_REAL_IP="203.0.113.5").status_code == 429
    assert sign_in(client, address="127.0.0.1", HTTP_X_REAL_IP="198.51.100.20").status_code == 302


def test_the_behind_proxy_setting_chooses_the_forwarded_header(monkeypatch):
    import importlib

    import archive.settings as archive_settings

    monkeypatch.setenv("ARCHIVE_BEHIND_PROXY", "1")
    try:
        assert importlib.reload(archive_settings).AXES_IPWARE_META_PRECEDENCE_ORDER[0] == "HTTP_X_REAL_IP"
    finally:
        monkeypatch.delenv("ARCHIVE_BEHIND_PROXY")
        importlib.reload(archive_settings)


def test_a_sign_in_while_another_is_being_checked_is_answered_at_once(client, editor):
    with open(settings.ARCHIVE_SIGNIN_LOCK_FILE, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # another worker is hashing a password
        busy = sign_in(client, HTTP_ACCEPT_LANGUAGE="fr")
        assert busy.status_code == 429
        assert busy["Retry-After"] == "2"
        assert "Une autre connexion est en cours de vérification" in busy.content.decode()
        assert not AccessAttempt.objects.exists()  # not counted as a failure
        assert client.get("/en/").status_code == 200  # readers are not held up
        fcntl.flock(lock, fcntl.LOCK_UN)
    assert sign_in(client).status_code == 302


def test_editors_sign_in_normally(client, editor):
    assert sign_in(client).status_code == 302
    assert client.get("/admin/").status_code == 200
    assert User.objects.get(username="editor").last_login is not None
