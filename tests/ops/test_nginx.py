"""deploy/'s nginx config, rendered for loopback, in front of gunicorn run with deploy/'s config:
clients that send their headers slowly no longer stop the site."""

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.factories import StatementFactory
from tests.ops import servers

sys.path.insert(0, str(servers.ROOT / "deploy"))
from render_nginx import render  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
SLOW_CLIENTS = 4  # twice the workers: enough to hold every one of them


def nginx_main_config(folder, site):
    user = "user root;" if os.getuid() == 0 else ""  # workers must reach gunicorn's socket (mode 770)
    return f"""
{user}
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {site};
}}
"""


def slow_client(connect):
    """Starts a request and sends only part of its headers, as a slow client does."""
    sock = connect()
    sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")
    return sock


def unix_request(path, timeout):
    with socket.socket(socket.AF_UNIX) as sock:
        sock.settimeout(timeout)
        sock.connect(path)
        sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return sock.recv(100)


@pytest.mark.django_db(transaction=True)
def test_slow_clients_do_not_stop_the_site_behind_nginx(postgres_only, static_root, tmp_path):
    if not Path(NGINX).exists():
        pytest.fail("nginx is missing: `make system-test-deps` installs Debian's nginx.")
    StatementFactory(title_en="A statement behind nginx")
    gunicorn_socket = tmp_path / "gunicorn.sock"
    port = servers.free_port()
    site = tmp_path / "archive.conf"
    site.write_text(
        render(
            server_name="127.0.0.1",
            static_root=static_root,
            socket=gunicorn_socket,
            listen=f"127.0.0.1:{port}",
            tls=False,
        )
    )
    (tmp_path / "nginx.conf").write_text(nginx_main_config(tmp_path, site))
    env = servers.server_env(tmp_path, static_root, ARCHIVE_BEHIND_PROXY="1")
    config = ["-c", str(servers.ROOT / "deploy" / "gunicorn.conf.py")]
    with servers.gunicorn(
        env, tmp_path / "gunicorn.log", workers=2, bind=f"unix:{gunicorn_socket}", extra_args=config
    ):
        assert oct(gunicorn_socket.stat().st_mode & 0o777) == "0o770"  # umask from deploy's config
        nginx = subprocess.Popen(
            [
                NGINX,
                "-c",
                str(tmp_path / "nginx.conf"),
                "-p",
                str(tmp_path),
                "-e",
                str(tmp_path / "error.log"),
            ],
            stderr=subprocess.PIPE,
        )
        base = f"http://127.0.0.1:{port}"
        slow = []
        try:
            for _ in range(100):
                try:
                    servers.get(base + "/healthz", timeout=2)
                    break
                except OSError:
                    time.sleep(0.1)
            status, headers, body = servers.get(base + "/en/", {"Accept-Encoding": "identity"})
            assert status == 200 and "A statement behind nginx" in body
            stylesheet = re.search(r'href="(/static/[^"]+\.css)"', body)[1]
            assert servers.get(base + stylesheet)[0] == 200  # static files from nginx itself
            assert (
                servers.get(base + "/en/2020/", {"Accept-Encoding": "gzip"})[1]["Content-Encoding"] == "gzip"
            )
            # Pages with a CSRF token (the admin's) are never compressed (BREACH).
            status, headers, body = servers.get(base + "/admin/login/", {"Accept-Encoding": "gzip"})
            assert status == 200 and "csrfmiddlewaretoken" in body
            assert headers.get("Content-Encoding") is None

            # Through nginx: the slow clients wait in nginx; readers are served at once.
            slow = [
                slow_client(lambda: socket.create_connection(("127.0.0.1", port)))
                for _ in range(SLOW_CLIENTS)
            ]
            time.sleep(0.5)
            started = time.monotonic()
            for path in ("/en/", "/en/2020/", "/en/search/?q=nginx"):
                assert servers.get(base + path, timeout=5)[0] == 200, path
            assert time.monotonic() - started < 5
            for sock in slow:
                sock.close()

            # Straight to gunicorn, as the README's old set-up was: the same clients hold every
            # worker, and a reader waits in vain. (The control: this test can fail.)
            def direct():
                sock = socket.socket(socket.AF_UNIX)
                sock.connect(str(gunicorn_socket))
                return sock

            slow = [slow_client(direct) for _ in range(SLOW_CLIENTS)]
            time.sleep(0.5)
            with pytest.raises(TimeoutError):
                unix_request(str(gunicorn_socket), timeout=3)
        finally:
            for sock in slow:
                sock.close()
            nginx.terminate()
            nginx.wait(timeout=10)
