"""Relevance of search against the judged queries (tests/search/relevance/judgments.json), on
SQLite and PostgreSQL: recall at k = max(10, number relevant), precision at 10 and nDCG at 10,
per language of the query and overall. Writes benchmarks/results/relevance.md.

    make eval-search

Runs under scripts/with-postgres: each database is new (a temporary SQLite file, a database
created in the throwaway cluster), migrated, loaded with the archive's content and indexed;
db.sqlite3 is never touched.
"""

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from archive.search.concepts import thesaurus_load
    from archive.search.evaluation import evaluate, search_ranked
    from archive.search.index import search_index_rebuild
    from archive.services import content_load

    call_command("migrate", verbosity=0)
    content_load(directory=settings.CONTENT_DIR)
    thesaurus_load(path=settings.CONTENT_DIR / "thesaurus.json")
    search_index_rebuild()
    rows, by_language, overall = evaluate(search_ranked)
    print(
        json.dumps(
            {
                "rows": [
                    {k: r[k] for k in ("q", "language", "need", "relevant", "ranked")}
                    | {k: round(r[k], 4) for k in ("recall", "precision", "ndcg")}
                    for r in rows
                ],
                "by_language": {code: vars(s) for code, s in by_language.items()},
                "overall": vars(overall),
            }
        )
    )


def run_worker(url):
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "archive.settings",
        "DJANGO_SECRET_KEY": "evaluation-only",
        "DJANGO_DEBUG": "0",
        "ARCHIVE_SEARCH_CACHE_DIR": str(Path(tempfile.gettempdir()) / "archive-eval-jieba"),
    }
    output = subprocess.run(
        [sys.executable, __file__, "--worker"], env=env, check=True, capture_output=True, text=True, cwd=ROOT
    ).stdout
    return json.loads(output.splitlines()[-1])


def main():
    results = {}
    with tempfile.TemporaryDirectory(prefix="archive-eval-") as folder:
        results["sqlite"] = run_worker(f"sqlite:///{folder}/eval.sqlite3")
    cluster = os.environ.get("DATABASE_URL", "")
    if cluster.startswith("postgres"):
        import psycopg2

        name = "archive_eval_search"
        admin = psycopg2.connect(cluster)
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name}")
        try:
            base, _sep, query = cluster.partition("?")
            results["postgresql"] = run_worker(f"{base.rsplit('/', 1)[0]}/{name}?{query}")
        finally:
            with admin.cursor() as cursor:
                cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.close()
    else:
        print("DATABASE_URL is not PostgreSQL: run under scripts/with-postgres for both figures.")
    text = report(results)
    print(text.split("\n## Per query")[0])
    (ROOT / "benchmarks" / "results").mkdir(exist_ok=True)
    (ROOT / "benchmarks" / "results" / "relevance.md").write_text(text + "\n")


def report(results):
    lines = [
        "# Search relevance",
        "",
        "Written by `make eval-search` from the judged queries in `tests/search/relevance/judgments.json`",
        "(2 = about it, 1 = mentions it), against the archive's content. Recall at k = max(10, number",
        "relevant); precision at 10 counts relevant statements among the first ten, over ten (a query with",
        "three relevant statements can reach 0.3 at most); nDCG at 10 with gains 2^grade - 1.",
        "",
        "| database | queries | recall@k | precision@10 | nDCG@10 |",
        "|---|---:|---:|---:|---:|",
    ]
    names = {"en": "English", "fr": "French", "zh-hans": "Chinese"}
    for backend, result in results.items():
        for code, s in [*result["by_language"].items(), ("overall", result["overall"])]:
            label = f"{backend}, {names.get(code, code)}"
            lines.append(
                f"| {label} | {s['queries']} | {s['recall']:.3f} | {s['precision']:.3f} | {s['ndcg']:.3f} |"
            )
    first = next(iter(results.values()))["rows"]
    same = all(r["rows"] == first for r in results.values())
    lines += [
        "",
        "The two databases return the same statements in the same order for every query."
        if same
        else "**The databases differ on some queries** (see below).",
        "",
        "## Per query",
        "",
        "| query | language | need | relevant | recall@k | P@10 | nDCG@10 | relevant not found within k |",
        "|---|---|---|---:|---:|---:|---:|---|",
    ]
    for row in first:
        k = max(10, len(row["relevant"]))
        missed = sorted(set(row["relevant"]) - set(row["ranked"][:k]))
        query = row["q"].replace("|", "\\|")
        lines.append(
            f"| `{query}` | {row['language']} | {row['need']} | {len(row['relevant'])} | {row['recall']:.2f} "
            f"| {row['precision']:.1f} | {row['ndcg']:.2f} | {', '.join(missed)} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--worker":
        worker()
    else:
        main()
