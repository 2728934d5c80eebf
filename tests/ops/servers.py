"""Real servers for the operations tests: gunicorn running the production settings, and the
throwaway PostgreSQL cluster of scripts/with-postgres, stopped and started with pg_ctl."""

import contextlib
import glob
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url, headers=None, timeout=10):
    """(status, headers, body) for a GET, whatever the status."""
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 - loopback only
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - loopback only
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def test_database_url():
    """The URL of the database pytest-django made, for servers started outside this process."""
    settings = connection.settings_dict
    if connection.vendor != "postgresql":
        raise RuntimeError("only for PostgreSQL")
    return f"postgres://{settings['USER']}@/{settings['NAME']}?host={settings['HOST']}"


def server_env(tmp_path, static_root, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-secret-key-for-servers",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_CONN_MAX_AGE": "600",
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "DJANGO_STATIC_ROOT": str(static_root),
        "ARCHIVE_SIGNIN_LOCK_FILE": str(tmp_path / "signin.lock"),
        "ARCHIVE_SITE_URL": "https://archive.example.org",
        "DATABASE_URL": test_database_url(),
    }
    env.update(extra)
    return env


@contextlib.contextmanager
def gunicorn(env, log_path, workers=2, bind=None, extra_args=()):
    """A gunicorn serving the archive; yields its base URL once /healthz answers."""
    port = free_port()
    bind = bind or f"127.0.0.1:{port}"
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [str(GUNICORN), "archive.wsgi", "--bind", bind, "--workers", str(workers), *extra_args],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"gunicorn exited: {Path(log_path).read_text()[-3000:]}")
            if bind.startswith("unix:"):
                if os.path.exists(bind[5:]):
                    break
            else:
                try:
                    get(f"{base}/healthz", timeout=2)
                    break
                except OSError:
                    pass
            if time.monotonic() > deadline:
                raise RuntimeError("gunicorn did not start")
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def collect_static(target):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "tests-only-secret-key-for-servers",
        "DJANGO_STATIC_ROOT": str(target),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )


class Cluster:
    """The PostgreSQL cluster scripts/with-postgres started (its socket folder is PGHOST)."""

    def __init__(self):
        self.folder = Path(os.environ["PGHOST"])
        self.data = self.folder / "data"
        pg_ctl = shutil.which("pg_ctl") or sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))[-1]
        self.pg_ctl = [pg_ctl]
        if os.getuid() == 0:
            # The server runs as its folder's owner (postgres), as scripts/with-postgres starts it.
            self.pg_ctl = ["runuser", "-u", self.data.owner(), "--", pg_ctl]

    def stop(self):
        subprocess.run([*self.pg_ctl, "-D", str(self.data), "-m", "fast", "-w", "stop"], check=True)

    def start(self):
        options = (
            f"-c listen_addresses='' -c unix_socket_directories='{self.folder}' "
            "-c fsync=off -c full_page_writes=off"
        )
        subprocess.run(
            [
                *self.pg_ctl,
                "-D",
                str(self.data),
                "-l",
                str(self.folder / "server.log"),
                "-w",
                "-o",
                options,
                "start",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )


class Visitor:
    """A client with cookies, for signing in to a server's admin over real HTTP."""

    def __init__(self, base):
        import http.cookiejar

        self.base = base
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def request(self, path, data=None):
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body)  # noqa: S310 - loopback only
        try:
            with self.opener.open(request, timeout=20) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def csrf_token(self):
        return next(cookie.value for cookie in self.cookies if cookie.name == "csrftoken")

    def sign_in(self, username, password):
        self.request("/admin/login/")
        status, body = self.request(
            "/admin/login/?next=/admin/",
            {"username": username, "password": password, "csrfmiddlewaretoken": self.csrf_token()},
        )
        assert status == 200 and "logout" in body, (status, re.findall(r"errornote.*|<h1.*", body))

    def post(self, path, data):
        return self.request(path, {**data, "csrfmiddlewaretoken": self.csrf_token()})
