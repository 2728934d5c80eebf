"""Measuring relevance against the judged queries in tests/search/relevance/judgments.json.

Each query lists its relevant statements graded 2 (about it) or 1 (mentions it). For the
statements a search returns, best first: recall at k = max(10, number relevant), so that a query
with 16 relevant statements can reach 1.0; precision at 10 (relevant among the first ten, over
ten); nDCG at 10 with gains 2^grade - 1. Means per language of the query and overall.
"""

import json
import math
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

JUDGMENTS = Path(settings.BASE_DIR) / "tests" / "search" / "relevance" / "judgments.json"
LANGUAGE_NAMES = {"en": "English", "fr": "French", "zh-hans": "Chinese"}


def judged_queries(path=JUDGMENTS):
    return json.loads(Path(path).read_text(encoding="utf-8"))["queries"]


def cutoff(relevant):
    return max(10, len(relevant))


def recall_at_k(ranked, relevant):
    k = cutoff(relevant)
    return len(set(ranked[:k]) & relevant.keys()) / len(relevant)


def precision_at_10(ranked, relevant):
    return sum(1 for slug in ranked[:10] if slug in relevant) / 10


def ndcg_at_10(ranked, relevant):
    def dcg(grades):
        return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))

    ideal = dcg(sorted(relevant.values(), reverse=True)[:10])
    return dcg([relevant.get(slug, 0) for slug in ranked[:10]]) / ideal if ideal else 0.0


@dataclass
class Scores:
    queries: int
    recall: float
    precision: float
    ndcg: float


def _mean(rows):
    n = len(rows)
    return Scores(
        n,
        sum(r["recall"] for r in rows) / n,
        sum(r["precision"] for r in rows) / n,
        sum(r["ndcg"] for r in rows) / n,
    )


def evaluate(ranked_for, queries=None):
    """`ranked_for(query)` -> slugs, best first. Returns (per query rows, {language: Scores}, Scores)."""
    rows = []
    for query in queries if queries is not None else judged_queries():
        relevant = query["relevant"]
        ranked = ranked_for(query["q"], cutoff(relevant))
        rows.append(
            {
                **query,
                "ranked": ranked,
                "recall": recall_at_k(ranked, relevant),
                "precision": precision_at_10(ranked, relevant),
                "ndcg": ndcg_at_10(ranked, relevant),
            }
        )
    by_language = {
        code: _mean([r for r in rows if r["language"] == code])
        for code in LANGUAGE_NAMES
        if any(r["language"] == code for r in rows)
    }
    return rows, by_language, _mean(rows)


def search_ranked(text, k):
    """The public search, as the search page and the API call it: the first k statements' slugs."""
    from .query import search

    results = search(text=text, per_page=max(k, 10), reader_language="en")
    return [hit.statement.slug for hit in results.hits]
