"""Search benchmark: index build time, index size and query latency on SQLite and PostgreSQL,
beside a naive search (icontains on every translated field) over the same synthetic data.

    make bench-search                                   # 10,000 and 100,000 statements
    BENCH_SIZES=2000,10000 make bench-search            # other sizes

Runs under scripts/with-postgres: the PostgreSQL figures come from a separate database created in
that throwaway cluster, the SQLite ones from a temporary file; db.sqlite3 is never touched. Every
statement is unmistakably fake: titles start with "[SYNTHETIC]".
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZES = [int(n) for n in os.environ.get("BENCH_SIZES", "10000,100000").split(",")]
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))

# The fixed mix: common and rare words in each language, Chinese two-character words, Traditional
# characters, a phrase, an exclusion, OR, and filters; then queries the thesaurus expands (to up to
# ten terms in three languages), Taiwan words, and prefixes, short ones included (`kal*` begins a
# few made-up words in every statement's vocabulary; `zor*` begins 168, more than a prefix may, and
# is refused at once).
EXPANDING = [
    ("electric car", {}),  # the electric-vehicles group: 11 more terms
    ("smart manufacturing", {}),
    ("recycling", {}),
    ("satellite internet", {}),
    ("芯片", {}),
    ("晶片", {}),  # Taiwan's word: also 芯片, and the chips group
    ("innovat*", {}),
    ("sat*", {}),
    ("kal*", {}),
    ("zor*", {}),
    ("séc*", {}),
]
QUERIES = [
    ("satellite", {}),  # the broadest: in about a quarter of the statements
    ("satellites internet", {}),
    ("économie numérique", {}),
    ("sécurité", {}),
    ("卫星", {}),
    ("地震", {}),
    ("衛星互聯網", {}),
    ("小米", {}),
    ('"the economy"', {}),
    ("economy -education", {}),
    ("earthquake OR flood", {}),
    ("innovation", {"kind": "proposal"}),
    ("制造", {"year": 2020}),
    ("zorvexal", {}),  # a rare word
    *EXPANDING,
]


def worker(backend, sizes):
    """Runs inside one process per database: fills it, rebuilds the index, times the queries."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    from archive.search import backends
    from archive.search.concepts import thesaurus_load
    from archive.search.index import search_index_rebuild
    from archive.search.query import Filters, search
    from benchmarks.search_corpus import corpus_extend, naive_search

    call_command("migrate", verbosity=0)
    thesaurus_load(path=settings.CONTENT_DIR / "thesaurus.json")
    results = []
    for size in sizes:
        corpus_extend(size=size)
        started = time.perf_counter()
        documents = search_index_rebuild()
        build = time.perf_counter() - started
        index_bytes = backends.for_connection(connection).size(connection)
        if connection.vendor == "postgresql":
            # What an operator does after loading this much at once (PostgreSQL's "Populating a
            # Database"): otherwise autovacuum works through the new statements on the same two
            # cores while the searches are timed.
            with connection.cursor() as cursor:
                cursor.execute("VACUUM (ANALYZE)")

        def timed(run, queries=QUERIES):
            samples = []
            for _round in range(ROUNDS):
                for q, params in queries:
                    started = time.perf_counter()
                    run(q, params)
                    samples.append((time.perf_counter() - started) * 1000)
            samples.sort()
            return {
                "p50_ms": round(statistics.median(samples), 1),
                "p95_ms": round(samples[int(len(samples) * 0.95) - 1], 1),
            }

        def indexed(q, params, exact=False):
            filters = Filters(
                kind=params.get("kind"), year_from=params.get("year"), year_to=params.get("year")
            )
            search(text=q, filters=filters, reader_language="en", exact=exact)

        # The first search after a change reads the documents' filter columns into memory
        # (archive/search/table.py): timed apart, as what a reader waits after an editor's save.
        started = time.perf_counter()
        indexed("satellite", {})
        first = (time.perf_counter() - started) * 1000
        # One untimed round: the latencies are those of a serving archive, whose index pages are
        # in the database's memory, not of the first search of each word after the load.
        for q, params in QUERIES:
            indexed(q, params)
        run_indexed = timed(indexed)
        run_naive = timed(naive_search)
        # What expansion costs: the expanding queries with and without it (exact=True searches
        # the words as typed only; a prefix is searched either way).
        run_expanding = timed(indexed, EXPANDING)
        run_exact = timed(lambda q, params: indexed(q, params, exact=True), EXPANDING)
        results.append(
            {
                "backend": backend,
                "statements": size,
                "documents": documents,
                "build_s": round(build, 1),
                "index_mb": round(index_bytes / 1e6, 1) if index_bytes else None,
                "first_search_ms": round(first),
                "search": run_indexed,
                "naive": run_naive,
                "expanding": run_expanding,
                "expanding_exact": run_exact,
                "speedup_p95": round(run_naive["p95_ms"] / max(run_indexed["p95_ms"], 0.1), 1),
            }
        )
        print(json.dumps(results[-1]), flush=True)


def run_worker(backend, url):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_SECRET_KEY": "benchmark-only",
        "DJANGO_DEBUG": "0",
        "ARCHIVE_SEARCH_CACHE_DIR": str(Path(tempfile.gettempdir()) / "archive-bench-jieba"),
    }
    args = [sys.executable, __file__, "--worker", backend, ",".join(map(str, SIZES))]
    output = subprocess.run(args, env=env, check=True, capture_output=True, text=True, cwd=ROOT).stdout
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def main():
    results = []
    with tempfile.TemporaryDirectory(prefix="archive-bench-") as folder:
        results += run_worker("sqlite", f"sqlite:///{folder}/bench.sqlite3")
    cluster = os.environ.get("DATABASE_URL", "")
    if cluster.startswith("postgres"):
        import psycopg2

        name = "archive_bench_search"
        admin = psycopg2.connect(cluster)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name}")
        try:
            base, _sep, query = cluster.partition("?")
            results += run_worker("postgresql", f"{base.rsplit('/', 1)[0]}/{name}?{query}")
        finally:
            with admin.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.close()
    else:
        print("DATABASE_URL is not PostgreSQL: run under scripts/with-postgres for both figures.")
    report = table(results)
    print(report)
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "search.md").write_text(report + "\n")


HEADER = (
    "database",
    "statements",
    "documents",
    "index build",
    "index size",
    "first search after a change",
    "search p50 / p95",
    "naive p50 / p95",
    "p95 speed-up",
    "expanding queries p50 / p95: as typed → expanded",
)


def table(results):
    lines = ["| " + " | ".join(HEADER) + " |", "|---|" + "---:|" * (len(HEADER) - 1)]
    for r in results:
        cells = (
            r["backend"],
            f"{r['statements']:,}",
            f"{r['documents']:,}",
            f"{r['build_s']} s",
            f"{r['index_mb']} MB",
            f"{r['first_search_ms']:,} ms",
            f"{r['search']['p50_ms']} / {r['search']['p95_ms']} ms",
            f"{r['naive']['p50_ms']} / {r['naive']['p95_ms']} ms",
            f"{r['speedup_p95']}×",
            f"{r['expanding_exact']['p50_ms']} / {r['expanding_exact']['p95_ms']} → "
            f"{r['expanding']['p50_ms']} / {r['expanding']['p95_ms']} ms",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker(sys.argv[2], [int(n) for n in sys.argv[3].split(",")])
    else:
        main()
