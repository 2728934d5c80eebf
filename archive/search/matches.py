"""The matching statements, counted and ordered by the database: facet counts and one page.

One SQL statement does the work whatever the number of matches: it reduces the matching
documents to one row per statement (`m`), then answers from it, in one UNION ALL,
- `g`: how many statements share each combination of year, session, kind, topic filter and
  matched languages: a few hundred rows at most, from which Python derives the total and every
  facet count but the topics' (the combinations say which filters each group fails);
- `t`: per topic, the statements that pass every filter but the topic one;
- `c`: statements with a query word in a title, which ranking by relevance puts first: they are
  few, and scored exactly in Python by query.title_score, as before;
- `p`: the first statements of the rest, newest (or oldest) first, up to the end of the page.
Before, every matching document came to Python (about 5 µs a row), so a word in a quarter of
the statements cost hundreds of milliseconds.
"""

from dataclasses import dataclass

from django.db import connection

from . import backends
from .analysis import ANALYSER_VERSION, LANGUAGES

# Which languages a statement matched in, as bits: one integer that SQL can sum and test.
LANGUAGE_BITS = {code: 1 << n for n, code in enumerate(LANGUAGES)}


def _like(text):
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _title_flag(query):
    """SQL: 1 where the title holds every token of some alternative of some clause.

    A superset of what query.title_score counts (a phrase is only checked for its words), so
    nothing it would score is missed; the exact score is computed in Python for these few.
    """
    if query is None:
        return "0", []
    alternatives, params = [], []
    for clause in query.clauses:
        for alternative in clause:
            alternatives.append(
                "("
                + " AND ".join(
                    ["(' ' || d.title_tokens || ' ') LIKE %s ESCAPE '\\'"] * len(alternative.tokens)
                )
                + ")"
            )
            params += [_like(f" {token} ") for token in alternative.tokens]
    return "CASE WHEN " + " OR ".join(alternatives) + " THEN 1 ELSE 0 END", params


def _documents(backend, positives, columns_for):
    """UNION ALL of the backend's matching documents; languages whose query is the same string
    (English and French often stem alike) share one branch, so the index is read once for them."""
    groups = {}
    for language, query in positives.items():
        key = backend.compile(query) if query is not None else None
        groups.setdefault(key, (query, []))[1].append(language)
    parts, params = [], []
    for query, languages in groups.values():
        columns, column_params = columns_for(query)
        sql, where_params = backend.documents_sql(columns, query, languages)
        parts.append(sql)
        params += column_params + where_params
    return " UNION ALL ".join(parts), params


@dataclass
class Conditions:
    """The filters as SQL over `m`, each with its parameters, by facet name."""

    sql: dict
    params: dict

    def all_but(self, name=None):
        chosen = [f for f in self.sql if f != name]
        if not chosen:
            return "1 = 1", []
        return " AND ".join(self.sql[f] for f in chosen), [p for f in chosen for p in self.params[f]]


def _conditions(filters):
    sql, params = {}, {}
    years = []
    if filters.year_from is not None:
        years.append(("m.year >= %s", filters.year_from))
    if filters.year_to is not None:
        years.append(("m.year <= %s", filters.year_to))
    if years:
        sql["year"], params["year"] = " AND ".join(s for s, _v in years), [v for _s, v in years]
    if filters.session_id is not None:
        sql["session"], params["session"] = "m.session_id = %s", [filters.session_id]
    if filters.kind is not None:
        sql["kind"], params["kind"] = "m.kind = %s", [filters.kind]
    if filters.topic_id is not None:
        sql["topic"], params["topic"] = "m.topic_ok = 1", []
    if filters.language is not None:
        sql["language"], params["language"] = "(m.languages & %s) <> 0", [LANGUAGE_BITS[filters.language]]
    return Conditions(sql, params)


def matching_sql(compiled_by_language, filters, *, candidates, page_rows):
    """The statement described in the module docstring. `compiled_by_language` maps each
    language to its CompiledQuery, or to None to take every document (a search with no words)."""
    backend = backends.for_connection(connection)
    positives = {
        code: (type(q)(q.clauses, []) if q is not None else None) for code, q in compiled_by_language.items()
    }

    def columns_for(query):
        flag, flag_params = _title_flag(query)
        return (
            f"d.statement_id AS statement_id, d.language AS language, {backend.YEAR_SQL} AS year, "
            f"{backend.DATE_SQL} AS date, d.kind AS kind, d.session_id AS session_id, "
            f"d.topic_ids AS topic_ids, {flag} AS title_hit, "
            "CASE WHEN d.analyser_version = %s THEN 0 ELSE 1 END AS stale",
            [*flag_params, ANALYSER_VERSION],
        )

    documents, params = _documents(backend, positives, columns_for)
    where = ""
    negatives = {code: q for code, q in compiled_by_language.items() if q is not None and q.negatives}
    if negatives:
        excluded, excluded_params = _documents(
            backend,
            {code: type(q)([q.negatives], []) for code, q in negatives.items()},
            lambda query: ("d.statement_id", []),
        )
        where = f"WHERE h.statement_id NOT IN ({excluded})"
        params += excluded_params
    topic_sql, topic_params = "1", []
    if filters.topic_id is not None:
        topic_sql, topic_params = (
            "CASE WHEN h.topic_ids LIKE %s THEN 1 ELSE 0 END",
            [f"% {filters.topic_id} %"],
        )
    bits = " ".join(f"WHEN '{code}' THEN {bit}" for code, bit in LANGUAGE_BITS.items())
    # With a language chosen, only a title in that language counts for relevance.
    title_sql, title_params = "h.title_hit", []
    if filters.language is not None:
        title_sql, title_params = "CASE WHEN h.language = %s THEN h.title_hit ELSE 0 END", [filters.language]
    sql = (
        "WITH m AS MATERIALIZED (SELECT h.statement_id AS statement_id, MAX(h.year) AS year, "  # noqa: S608 - fixed SQL; values are parameters
        "MAX(h.date) AS date, MAX(h.kind) AS kind, MAX(h.session_id) AS session_id, "
        f"MAX({topic_sql}) AS topic_ok, SUM(CASE h.language {bits} ELSE 0 END) AS languages, "
        f"MAX({title_sql}) AS title_hit, MAX(h.stale) AS stale "
        f"FROM ({documents}) AS h {where} GROUP BY h.statement_id) "
    )
    params = [*topic_params, *title_params, *params]
    conditions = _conditions(filters)
    everything, everything_params = conditions.all_but()
    but_topic, but_topic_params = conditions.all_but("topic")
    sql += (
        "SELECT 'g', m.year, m.session_id, m.kind, m.topic_ok, m.languages, COUNT(*), MAX(m.stale), "  # noqa: S608 - fixed SQL; values are parameters
        "NULL, NULL "
        "FROM m GROUP BY m.year, m.session_id, m.kind, m.topic_ok, m.languages "
        "UNION ALL SELECT 't', t.topic_id, NULL, NULL, NULL, NULL, COUNT(*), 0, NULL, NULL FROM m "
        # CROSS JOIN keeps SQLite from scanning every statement's topics to find the few matching.
        "CROSS JOIN archive_statement_topics AS t "
        f"WHERE t.statement_id = m.statement_id AND {but_topic} "
        "GROUP BY t.topic_id "
    )
    params += but_topic_params
    if candidates:
        sql += (
            # Every document of these statements: their titles, for title_score.
            "UNION ALL SELECT 'c', m.statement_id, NULL, m.date, NULL, m.languages, 0, 0, d.language, "  # noqa: S608 - fixed SQL; values are parameters
            "d.title_tokens FROM m JOIN archive_searchdocument AS d ON d.statement_id = m.statement_id "
            f"WHERE m.title_hit = 1 AND {everything} "
        )
        params += everything_params
    direction = "ASC" if page_rows.oldest_first else "DESC"
    rest = "m.title_hit = 0 AND " if candidates and page_rows.by_relevance else ""
    sql += (
        "UNION ALL SELECT 'p', p.statement_id, NULL, p.date, NULL, p.languages, 0, 0, NULL, NULL FROM ("  # noqa: S608 - fixed SQL; values are parameters
        f"SELECT m.statement_id, m.date, m.languages FROM m WHERE {rest}{everything} "
        f"ORDER BY m.date {direction}, m.statement_id {direction} LIMIT %s) AS p"
    )
    params += [*everything_params, page_rows.limit]
    return sql, params


@dataclass
class PageRows:
    limit: int
    oldest_first: bool = False
    by_relevance: bool = False  # title matches come first: the page's rows leave them out


def run(compiled_by_language, filters, *, candidates, page_rows):
    sql, params = matching_sql(compiled_by_language, filters, candidates=candidates, page_rows=page_rows)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
