"""Requests per second of the year page and a statement page under gunicorn (2 workers, loopback),
against the same pages saved as static files and served by whitenoise, in the same run.

Run by `make bench`. Uses the archive's real content loaded into a throwaway database (SQLite,
and PostgreSQL too when DATABASE_URL points at one, as `scripts/with-postgres` arranges), never
the archive's own db.sqlite3. Load comes from wrk (Debian's package) on loopback only.
"""

import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DURATION = os.environ.get("BENCH_SECONDS", "8")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
PAGES = {"year page": "/en/2020/", "statement page": None}  # the statement is chosen from the data
FIRST_2020_STATEMENT = (
    "from archive.models import Statement; "
    "print(Statement.objects.published().top_level().in_year(2020).chronological().first().slug)"
)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wrk(url):
    out = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url} answered {errors.group(1)} errors under load")
    return rps


def measure(label, database_url, workdir):
    static_root = workdir / f"static-{label}"
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_STATIC_ROOT": str(static_root),
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    slug = (
        subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                FIRST_2020_STATEMENT,
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    pages = {**PAGES, "statement page": f"/en/statements/{slug}/"}
    manage(env, "collectstatic", "--noinput")

    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [GUNICORN, "archive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/en/", timeout=1)  # noqa: S310 - loopback only
                break
            except OSError:
                time.sleep(0.1)
        # Save each page as served, then serve that file through whitenoise from the same app.
        snapshot = static_root / "bench"
        snapshot.mkdir(parents=True, exist_ok=True)
        rows = []
        for name, path in pages.items():
            html = urllib.request.urlopen(base + path, timeout=10).read()  # noqa: S310 - loopback only
            filename = re.sub(r"\W+", "-", path).strip("-") + ".html"
            (snapshot / filename).write_bytes(html)
            rows.append((name, path, filename))
        server.terminate()
        server.wait()
        # whitenoise indexes files at start-up: restart so it sees the snapshots.
        server = subprocess.Popen(
            [
                GUNICORN,
                "archive.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "2",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
        )
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/en/", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        results = []
        for name, path, filename in rows:
            wrk(base + path)  # warm the page cache and the workers
            dynamic = wrk(base + path)
            static = wrk(f"{base}/static/bench/{filename}")
            results.append((label, name, path, dynamic, static))
        return results
    finally:
        server.terminate()
        server.wait()


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make bench` installs Debian's wrk.")
    workdir = Path(tempfile.mkdtemp(prefix="archive-bench-"))
    try:
        results = measure("SQLite", f"sqlite:///{workdir / 'bench.sqlite3'}", workdir)
        if os.environ.get("DATABASE_URL", "").startswith("postgres"):
            results += measure("PostgreSQL", os.environ["DATABASE_URL"], workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    lines = [
        f"gunicorn, 2 sync workers, loopback; wrk -t1 -c{CONNECTIONS} -d{DURATION}s; {os.cpu_count()} cores.",
        "",
        "| database | page | address | Django (req/s) | as a static file (req/s) | ratio |",
        "|---|---|---|---|---|---|",
    ]
    for label, name, path, dynamic, static in results:
        lines.append(
            f"| {label} | {name} | `{path}` | {dynamic:.0f} | {static:.0f} | {dynamic / static:.2f} |"
        )
    report = "\n".join(lines)
    print(report)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "pages.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
