"""Requests per second of the archive's pages under gunicorn (2 workers, loopback), each beside the
same page saved as a static file and served by whitenoise, in the same run:

- static: the page's HTML as a static file (the ceiling);
- cached: a reader's page from the page cache (the fast path);
- cold, fragments warm: the page cache off, each statement's rendered pieces cached (the first
  view of a page after an edit elsewhere);
- fully cold: the page cache and the fragments off (the first view after a restart);
- search page: the results page over a rotating mix of 60 queries in three languages;
- search engine: `archive.search.query.search` alone over the same mix, in two processes.

Run by `make bench`. Uses the archive's real content loaded into a throwaway database (SQLite, and
PostgreSQL too when DATABASE_URL points at one, as `scripts/with-postgres` arranges), never the
archive's own db.sqlite3. Load comes from wrk (Debian's package) on loopback only; every run is
bounded in time.
"""

import json
import multiprocessing
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DURATION = os.environ.get("BENCH_SECONDS", "8")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
FIRST_2020_STATEMENT = (
    "from archive.models import Statement; "
    "print(Statement.objects.published().top_level().in_year(2020).chronological().first().slug)"
)
# Words and phrases from the archive in its three languages, with and without filters: a reader's
# mix, each query different from the one before.
SEARCHES = [
    *[
        {"q": q}
        for q in [
            "satellite",
            "internet",
            "artificial intelligence",
            "AI",
            "electric vehicles",
            "smartphone",
            "manufacturing",
            "innovation",
            "privacy",
            "data",
            "tax",
            "small businesses",
            "earthquake",
            "robots",
            "chips",
            "5G",
            "older people",
            "talent",
            "Xiaomi",
            "supply chain",
            '"digital economy"',
            "economy -education",
            "earthquake OR flood",
            "licence plate",
            "satellite internet",
            "intelligence artificielle",
            "véhicules électriques",
            "fabrication",
            "innovation technologique",
            "données personnelles",
            "entreprises",
            "séisme",
            "robots humanoïdes",
            "économie numérique",
            "puces",
            "brevets",
            "talents",
            "impôts",
            "卫星",
            "人工智能",
            "新能源汽车",
            "智能手机",
            "制造业",
            "创新",
            "数据安全",
            "个人信息",
            "中小企业",
            "地震预警",
            "机器人",
            "芯片",
            "人才",
            "小米",
            "互联网",
            "衛星互聯網",
            "数字经济",
            "高质量发展",
        ]
    ],
    {"q": "satellite", "year": "2020"},
    {"q": "innovation", "kind": "proposal"},
    {"q": "制造", "year": "2021"},
    {"q": "", "kind": "remarks"},
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
        stdout=None if capture else subprocess.DEVNULL,
    )
    return result.stdout if capture else None


def wrk(url, script=None):
    command = ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    out = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url} answered {errors.group(1)} errors under load")
    return rps


class Server:
    """gunicorn with 2 sync workers on a free loopback port, with some settings of its own."""

    def __init__(self, env, **settings):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [GUNICORN, "archive.wsgi", "--bind", f"127.0.0.1:{self.port}", "--workers", "2"]
            + ["--log-level", "warning"],
            cwd=ROOT,
            env={**env, **settings},
        )
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/en/", timeout=1)  # noqa: S310 - loopback only
                return
            except OSError:
                time.sleep(0.1)
        raise SystemExit("gunicorn did not start")

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        self.process.wait()


def search_script(workdir):
    """A wrk script that walks through the search mix, one query after another."""
    paths = ["/en/search/?" + urllib.parse.urlencode(params) for params in SEARCHES]
    script = workdir / "searches.lua"
    script.write_text(
        "paths = {" + ",".join(json.dumps(p) for p in paths) + "}\n"
        "i = 0\n"
        "request = function()\n"
        "  i = i % #paths + 1\n"
        '  return wrk.format("GET", paths[i])\n'
        "end\n"
    )
    return script


def engine_worker(env, seconds, queue):
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from archive.search.forms import SearchForm
    from archive.search.query import search

    forms = []
    for params in SEARCHES:
        form = SearchForm(params)
        form.is_valid()
        forms.append(form)
    done, deadline = 0, time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        form = forms[done % len(forms)]
        search(text=form.cleaned_data["q"], filters=form.filters(), reader_language="en")
        done += 1
    queue.put(done)


def engine_rps(env):
    """The engine alone, as two processes (like gunicorn's two workers) calling it in a loop."""
    seconds = float(DURATION)
    queue = multiprocessing.get_context("spawn").Queue()
    workers = [
        multiprocessing.get_context("spawn").Process(target=engine_worker, args=(env, seconds, queue))
        for _ in range(2)
    ]
    for worker in workers:
        worker.start()
    total = sum(queue.get() for _ in workers)
    for worker in workers:
        worker.join()
    return total / seconds


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
        "DJANGO_CACHE_DIR": str(workdir / f"cache-{label}"),
    }
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "rebuild_search_index")
    slug = manage(env, "shell", "-c", FIRST_2020_STATEMENT, capture=True).strip().splitlines()[-1]
    pages = {"year page": "/en/2020/", "statement page": f"/en/statements/{slug}/"}
    manage(env, "collectstatic", "--noinput")

    # Save each page as served, then serve that file through whitenoise from the same app.
    snapshot = static_root / "bench"
    snapshot.mkdir(parents=True, exist_ok=True)
    files = {}
    with Server(env) as server:
        for name, path in pages.items():
            filename = re.sub(r"\W+", "-", path).strip("-") + ".html"
            (snapshot / filename).write_bytes(urllib.request.urlopen(server.base + path, timeout=10).read())  # noqa: S310
            files[name] = filename

    rows = []
    # whitenoise indexes files at start-up: these servers see the snapshots.
    with Server(env) as server:
        statics = {}
        for name, path in pages.items():
            statics[name] = wrk(f"{server.base}/static/bench/{files[name]}")
            wrk(server.base + path)  # warm the page cache and the workers
            rows.append((label, name, "static", statics[name], statics[name]))
            rows.append((label, name, "cached", wrk(server.base + path), statics[name]))
        static = sum(statics.values()) / len(statics)
        script = search_script(workdir)
        wrk(server.base + "/en/search/?q=warm", script)
        rows.append((label, "search page (60-query mix)", "uncached", wrk(server.base + "/", script), static))
    with Server(env, ARCHIVE_PAGE_CACHE="0") as server:
        for name, path in pages.items():
            wrk(server.base + path)  # warms the fragments
            rows.append((label, name, "cold, fragments warm", wrk(server.base + path), statics[name]))
    with Server(env, ARCHIVE_PAGE_CACHE="0", ARCHIVE_FRAGMENT_CACHE="0") as server:
        for name, path in pages.items():
            rows.append((label, name, "fully cold", wrk(server.base + path), statics[name]))
    rows.append((label, "search engine alone (same mix)", "in process", engine_rps(env), static))
    return rows


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
        "Fractions are of the same page served as a static file in the same run (for search, of the",
        "pages' average static figure).",
        "",
        "| database | page | how | req/s | fraction of static |",
        "|---|---|---|---:|---:|",
    ]
    for label, name, how, rps, static in results:
        lines.append(f"| {label} | {name} | {how} | {rps:.0f} | {rps / static:.2f} |")
    report = "\n".join(lines)
    print(report)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "pages.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
