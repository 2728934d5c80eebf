"""A bounded load test on loopback: 50 clients for 60 s over a realistic mix of public pages
(home, years, statements with `compare`, topics, sessions, feeds, and 60 rotating searches) on
gunicorn (deploy/gunicorn.conf.py) + PostgreSQL, in three runs:

1. as it is;
2. with PostgreSQL restarted in the middle (stopped for 5 s with pg_ctl);
3. with a sign-in flood beside it (4 clients posting wrong passwords as fast as they can).

Run by `make bench-load` (inside scripts/with-postgres); writes benchmarks/results/load.md.
wrk (Debian's package) sends the load; a Lua script picks each request from the mix and counts
answers by status. BENCH_LOAD_SECONDS and BENCH_LOAD_CLIENTS shorten a trial run.
"""

import datetime
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "60"))
CLIENTS = int(os.environ.get("BENCH_LOAD_CLIENTS", "50"))
RESULTS = ROOT / "benchmarks" / "results" / "load.md"

PATHS_SCRIPT = """
import json
from archive.models import Session, Statement, Topic
from archive import timeline
statements = list(Statement.objects.published().order_by("date")[:40])
paths = ["/en/", "/fr/", "/zh-hans/", "/en/feed/", "/fr/feed/"]
paths += [f"/{l}/{y}/" for y in timeline.deputy_years() for l in ("en", "fr", "zh-hans")]
for s in statements:
    url = s.get_absolute_url()
    paths += [url, url + "?compare=fr", url + "?compare=none", url.replace("/en/", "/zh-hans/", 1)]
paths += [t.get_absolute_url() for t in Topic.objects.all()[:15]]
paths += [t.get_absolute_url() + "feed/" for t in Topic.objects.all()[:5]]
paths += [f"/en/sessions/{s.key}/" for s in Session.objects.all()]
words = set()
for s in statements:
    for title in (s.title_en, s.title_fr):
        words.update(w.strip(",.:;()«»'’").lower() for w in (title or "").split() if len(w) > 5)
    if s.title_zh_hans:
        words.add(s.title_zh_hans[:2])
searches = sorted(words)[:60]
print(json.dumps({"pages": paths, "searches": searches}))
"""

LUA = r"""
local paths = {%s}
local counter = 0
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end
function init(args)
  statuses = {}
  counter = id * 7919
end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, n in pairs(s) do total[code] = (total[code] or 0) + n end
  end
  io.write("STATUSES")
  for code, n in pairs(total) do io.write(string.format(" %%d=%%d", code, n)) end
  io.write("\n")
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("P%%d %%.2f\n", p, latency:percentile(p) / 1000))
  end
end
"""

FLOOD_LUA = r"""
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "csrftoken=%s"
local n = 0
function request()
  n = n + 1
  return wrk.format(nil, "/admin/login/", nil,
    "csrfmiddlewaretoken=%s&username=guess" .. n .. "&password=wrong" .. n .. "&next=/admin/")
end
"""


def manage(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return result.stdout if capture else None


def wrk(script, url, seconds, clients, threads=2):
    out = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    statuses = dict(
        (int(code), int(n)) for code, n in re.findall(r"(\d+)=(\d+)", re.search(r"STATUSES(.*)", out)[1])
    )
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50": float(re.search(r"P50 ([\d.]+)", out)[1]),
        "p90": float(re.search(r"P90 ([\d.]+)", out)[1]),
        "p99": float(re.search(r"P99 ([\d.]+)", out)[1]),
        "statuses": statuses,
        "socket_errors": re.search(r"Socket errors:.*", out)[0] if "Socket errors" in out else "none",
    }


def pg_ctl(action):
    folder = Path(os.environ["PGHOST"])
    data = folder / "data"
    pg_ctl = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))[-1]
    command = [str(pg_ctl), "-D", str(data), "-w", "-m", "fast"]
    if os.getuid() == 0:
        command = ["runuser", "-u", data.owner(), "--", *command]
    if action == "start":
        options = f"-c listen_addresses='' -c unix_socket_directories='{folder}' -c fsync=off"
        command += ["-l", str(folder / "server.log"), "-o", options]
    subprocess.run([*command, action], check=True, stdout=subprocess.DEVNULL)


def main():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("run inside scripts/with-postgres (make bench-load)")
    work = Path(tempfile.mkdtemp(prefix="archive-load-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_STATIC_ROOT": str(work / "static"),
        "DJANGO_CACHE_DIR": str(work / "cache"),
        "ARCHIVE_SIGNIN_LOCK_FILE": str(work / "signin.lock"),
        "ARCHIVE_SITE_URL": "http://127.0.0.1",
    }
    print("setting up: migrate, load_content, search index, collectstatic", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_content")
    manage(env, "rebuild_search_index")
    manage(env, "collectstatic", "--noinput")
    mix = json.loads(manage(env, "shell", "-c", PATHS_SCRIPT, capture=True).strip().splitlines()[-1])
    searches = [f"/{lang}/search/?q={urllib.parse.quote(w)}" for w in mix["searches"] for lang in ("en",)]
    paths = mix["pages"] + searches
    script = work / "mix.lua"
    script.write_text(LUA % ", ".join(json.dumps(p) for p in paths))

    port = 18000 + secrets.randbelow(2000)
    workers = os.cpu_count() * 2 + 1
    gunicorn = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "-c",
            "deploy/gunicorn.conf.py",
            "archive.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--access-logfile",
            "/dev/null",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(work / "gunicorn.log", "w"),  # noqa: SIM115
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)  # noqa: S310 - loopback
                break
            except OSError:
                time.sleep(0.2)
        # Every address once first: the runs measure serving, not each worker's first search or
        # the first rendering of each page (the steady run would otherwise be a warm-up).
        for path in paths:
            try:
                urllib.request.urlopen(base + path, timeout=30).read()  # noqa: S310 - loopback
            except OSError:
                pass
        runs = {}
        print(
            f"1/3 {CLIENTS} clients, {SECONDS} s, {len(paths)} addresses ({len(searches)} searches)",
            flush=True,
        )
        runs["steady"] = wrk(script, base, SECONDS, CLIENTS)

        print("2/3 the same, PostgreSQL stopped for 5 s in the middle", flush=True)

        def restart():
            time.sleep(SECONDS / 2 - 2.5)
            pg_ctl("stop")
            time.sleep(5)
            pg_ctl("start")

        restarter = threading.Thread(target=restart)
        restarter.start()
        runs["restart"] = wrk(script, base, SECONDS, CLIENTS)
        restarter.join()

        print("3/3 the same, with a sign-in flood beside it", flush=True)
        token = secrets.token_hex(16)  # 32 characters: a valid CSRF secret, as cookie and field
        flood_script = work / "flood.lua"
        flood_script.write_text(FLOOD_LUA % (token, token))
        flood = {}
        flooder = threading.Thread(target=lambda: flood.update(wrk_flood(flood_script, base)))
        flooder.start()
        time.sleep(1)
        runs["flood"] = wrk(script, base, SECONDS - 2, CLIENTS)
        flooder.join()
        runs["flood"]["login"] = flood
    finally:
        gunicorn.terminate()
        gunicorn.wait(timeout=30)
    write(runs, len(paths), len(searches), workers)


def wrk_flood(script, base):
    out = subprocess.run(
        ["wrk", "-t1", "-c4", f"-d{SECONDS}s", "-s", str(script), base],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1])}


def write(runs, addresses, searches, workers):
    def statuses(run):
        return ", ".join(f"{code}: {n}" for code, n in sorted(run["statuses"].items()))

    lines = [
        "# Load test (`make bench-load`)",
        "",
        f"{datetime.date.today().isoformat()}, {os.cpu_count()} cores shared with other work, loopback only. "
        f"gunicorn with deploy/gunicorn.conf.py ({workers} sync workers), PostgreSQL on a Unix socket, "
        f"the file page cache. {CLIENTS} clients for {SECONDS} s each (wrk), over {addresses} addresses: "
        f"home, years, statements (with `compare`), topics, sessions, feeds and {searches} "
        "rotating searches.",
        "",
        "| run | req/s | p50 ms | p90 ms | p99 ms | answers by status | socket errors |",
        "|---|---|---|---|---|---|---|",
    ]
    names = {
        "steady": "steady",
        "restart": "PostgreSQL stopped 5 s mid-run",
        "flood": "beside a sign-in flood",
    }
    for key, run in runs.items():
        lines.append(
            f"| {names[key]} | {run['rps']:.0f} | {run['p50']:.1f} | {run['p90']:.1f} | {run['p99']:.1f} "
            f"| {statuses(run)} | {run['socket_errors']} |"
        )
    flood = runs["flood"]["login"]
    ratio = runs["flood"]["p50"] / runs["steady"]["p50"] if runs["steady"]["p50"] else float("nan")
    lines += [
        "",
        f"Sign-in flood: 4 clients, {flood['rps']:.0f} attempts/s (refused by the lockout and the "
        f"one-at-a-time gate); the public pages' p50 was {ratio:.2f}x the steady run's (goal: at most 2x).",
        "",
        "Goals: no error in the steady run; no 500 during the restart (cached pages uninterrupted, "
        "503 at most while the database is down).",
    ]
    RESULTS.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
