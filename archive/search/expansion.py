"""From a parsed query to what the database is asked, in each document language.

- The words as typed, with forms that mean the same: English spelling variants (licence/license,
  colour/color, programme/program, -ise/-ize) for English documents only; a Chinese word in
  Taiwan's vocabulary also as the mainland writes it (晶片 -> 芯片, OpenCC's tw2sp), unless the
  archive itself uses the word as typed (智慧 stays 智慧, not 智能); a prefix (`innovat*`) as the
  tokens of every word in the archive that begins with it, since stems (innov) need not.
  Together these are the exact query.
- The concept groups: a run of query words that is a group's term also finds the group's other
  terms, ranked below the exact matches (the expanded query).
- Topics whose name holds every word of the query (in one language) bring their statements,
  weighted like a title (exact), or like an expansion when only the group's terms match.
Very common words are dropped when the query has others; phrases keep them.
"""

import itertools
import re
from dataclasses import dataclass, field

from .analysis import (
    HAN,
    LANGUAGES,
    WORD,
    fold,
    normalise_word,
    query_tokens,
    regional,
    simplify,
    stop_tokens,
)
from .lexicon import term_tokens

# A shorter prefix would match a large part of the vocabulary.
MIN_PREFIX_LENGTH = 3
# A prefix that begins more words than this (in one language) is refused as too broad: each word
# is searched as a token of its own.
MAX_PREFIX_WORDS = 100
# Alternatives a concept group adds to one query, at most (the editor's groups are small).
MAX_EXPANSIONS = 40
# The longest run of query tokens looked up as a group's term.
MAX_TERM_TOKENS = 6
IDEOGRAPH = re.compile(f"[{HAN}]")


@dataclass(frozen=True)
class Alternative:
    tokens: tuple
    phrase: bool = False


@dataclass
class CompiledQuery:
    """A query as tokens of one language; what a backend compiles to its own syntax."""

    clauses: list  # each a list of OR-ed alternatives, all clauses required
    negatives: list


@dataclass
class Plan:
    exact: dict  # language -> CompiledQuery
    expanded: dict | None = None  # language -> CompiledQuery, when a concept group added terms
    topics: dict = field(default_factory=dict)  # topic id -> True (exact) or False (by expansion)
    also: list = field(default_factory=list)  # what was searched besides the words typed
    short_prefixes: list = field(default_factory=list)  # refused: shorter than MIN_PREFIX_LENGTH
    broad_prefixes: list = field(default_factory=list)  # refused: more than MAX_PREFIX_WORDS begin so


def _variants_en(word):
    """British and American spellings of an English word (folded), both ways."""
    out = set()
    rules = [
        (r"(.+[^aeiou])ise(s|d|r|rs)?$", r"\1ize\2"),
        (r"(.+[^aeiou])ize(s|d|r|rs)?$", r"\1ise\2"),
        (r"(.+)is(ing|ation|ations)$", r"\1iz\2"),
        (r"(.+)iz(ing|ation|ations)$", r"\1is\2"),
        (r"(.+)yse(s|d)?$", r"\1yze\2"),
        (r"(.+)yze(s|d)?$", r"\1yse\2"),
        (r"(.+)our(s|ed|ing|ful|less)?$", r"\1or\2"),
        (r"(.+[^o])or(s|ed|ing|ful|less)?$", r"\1our\2"),
        (r"(.+)ence(s|d)?$", r"\1ense\2"),
        (r"(.+)ense(s|d)?$", r"\1ence\2"),
        (r"(.+)tre(s)?$", r"\1ter\2"),
        (r"(.+)ter(s)?$", r"\1tre\2"),
        (r"(.+)amme(s)?$", r"\1am\2"),
        (r"(.+)am(s)?$", r"\1amme\2"),
        (r"(.+)ogue(s)?$", r"\1og\2"),
    ]
    for pattern, replacement in rules:
        variant = re.sub(pattern, replacement, word)
        if variant != word:
            out.add(variant)
    return out


class _Compiler:
    def __init__(self, parsed, lexicon, *, exact_only):
        self.parsed, self.lexicon, self.exact_only = parsed, lexicon, exact_only
        self.also = {}  # ordered set of what was added
        self.short_prefixes, self.broad_prefixes = [], []

    def alternatives(self, term, language):
        text = term.text
        if term.prefix and not IDEOGRAPH.search(text):
            return self._prefix(text, language)
        tokens = tuple(query_tokens(text, language))
        if not term.phrase:
            stops = stop_tokens(language)
            kept = tuple(t for t in tokens if t not in stops)
            tokens = kept or tokens
        out = [Alternative(tokens, term.phrase and len(tokens) > 1)] if tokens else []
        if self.exact_only or not tokens:
            return out
        converted = _regional(text, self.lexicon)
        if converted:
            regional_tokens = tuple(query_tokens(converted, language))
            if regional_tokens and regional_tokens != tokens:
                out.append(Alternative(regional_tokens, term.phrase and len(regional_tokens) > 1))
                self.also[converted] = None
        if language == "en" and not term.phrase and len(tokens) == 1:
            vocabulary = self.lexicon.vocabulary.get("en")
            for variant in sorted(_variants_en(fold(text))) if vocabulary else ():
                position = vocabulary.index.get(variant)
                if position is not None and vocabulary.tokens[position] != tokens[0]:
                    out.append(Alternative((vocabulary.tokens[position],)))
                    self.also[vocabulary.written[position]] = None
        return out

    def _prefix(self, text, language):
        """`innovat*`: the tokens of every word in the archive that begins so as written, which
        need not begin the tokens themselves (innovation -> innov); each searched as itself, so
        PostgreSQL can take common ones from its postings."""
        parts = WORD.findall(fold(text))
        if not parts:
            return []
        *head, prefix = parts
        if len(prefix) < MIN_PREFIX_LENGTH:
            self.short_prefixes.append(text + "*")
            return None
        vocabulary = self.lexicon.vocabulary.get(language)
        words = vocabulary.starting_with(prefix) if vocabulary else []
        if len(words) > MAX_PREFIX_WORDS:
            self.broad_prefixes.append(text + "*")
            return None
        head = tuple(t for word in head for t in normalise_word(word, language))
        # No word begins so: the prefix itself, which finds nothing, keeps the clause required.
        tokens = dict.fromkeys(token for _word, token in words) or {prefix: None}
        return [Alternative((*head, token)) for token in tokens]

    def compile(self, language):
        clauses = []
        for clause in self.parsed.clauses:
            alternatives = []
            for term in clause:
                found = self.alternatives(term, language)
                if found:
                    alternatives += found
            if alternatives:
                clauses.append(_unique(alternatives))
        stops = stop_tokens(language)

        def is_stop(clause):
            return all(not a.phrase and set(a.tokens) <= stops for a in clause)

        if any(not is_stop(c) for c in clauses):
            clauses = [c for c in clauses if not is_stop(c)]
        negatives = []
        for term in self.parsed.negatives:
            if term.prefix and not IDEOGRAPH.search(term.text):
                negatives += self._prefix(term.text, language) or []  # -sat*: every word so begun
                continue
            tokens = tuple(query_tokens(term.text, language))
            if tokens:
                negatives.append(Alternative(tokens, term.phrase and len(tokens) > 1))
        return CompiledQuery(clauses, negatives) if clauses else None


def _regional(text, lexicon):
    """`text` as the mainland writes it, when that differs and the archive does not use the
    words as typed: 晶片 -> 芯片, but 智慧 stays itself (tw2sp would make it 智能)."""
    converted = regional(text)
    if not converted:
        return None
    vocabulary = lexicon.vocabulary.get("zh-hans")
    tokens = query_tokens(simplify(text), "zh-hans")
    known = bool(vocabulary and tokens) and all(t in vocabulary.index for t in tokens)
    return None if known else converted


def _unique(alternatives):
    seen, out = set(), []
    for a in alternatives:
        if a not in seen:
            seen.add(a)
            out.append(a)
    return out


def _without_subsumed(alternatives):
    """The alternatives less those that can only match where another already does: a term
    holding every word of a plain (not phrase) alternative finds a subset of its documents
    (`internet par satellite` beside `satellite internet` typed). A phrase costs the database
    a read of every candidate document's positions, the slowest part of an expanded search."""
    plain = [set(a.tokens) for a in alternatives if not a.phrase and a.tokens]
    return [
        a
        for a in alternatives
        if not any(words <= set(a.tokens) and (a.phrase or words != set(a.tokens)) for words in plain)
    ]


def _group_matches(parsed, lexicon):
    """[(first clause, last clause, group numbers)]: runs of whole single-word (or single-phrase)
    clauses that are a group's term in the term's language, longest first, not overlapping."""
    found = []
    # A Chinese word in Taiwan's vocabulary is also looked up as the mainland writes it.
    readings = [lambda text: text]
    if any(_regional(term.text, lexicon) for clause in parsed.clauses for term in clause):
        readings.append(lambda text: _regional(text, lexicon) or text)
    for language, keys in lexicon.group_keys.items():
        for reading in readings:
            flat = []  # (token, clause number, first token of the clause, last token of the clause)
            for number, clause in enumerate(parsed.clauses):
                if len(clause) != 1 or clause[0].prefix:
                    flat.append((None, number, True, True))
                    continue
                tokens = term_tokens(reading(clause[0].text), language)
                for i, token in enumerate(tokens):
                    flat.append((token, number, i == 0, i == len(tokens) - 1))
            found += _runs(flat, keys)
    found.sort(key=lambda m: (m[0] - m[1], m[0]))
    chosen, used = {}, set()
    for first, last, groups in found:
        span = set(range(first, last + 1))
        if (first, last) in chosen:
            chosen[(first, last)] |= set(groups)
        elif not span & used:
            chosen[(first, last)] = set(groups)
            used |= span
    return [(first, last, sorted(groups)) for (first, last), groups in sorted(chosen.items())]


def _runs(flat, keys):
    """[(first clause, last clause, group numbers)] of the runs of whole clauses in `flat` that are keys."""
    runs = []
    for start in range(len(flat)):
        if not flat[start][2] or flat[start][0] is None:
            continue
        for end in range(start + 1, min(len(flat), start + MAX_TERM_TOKENS) + 1):
            if flat[end - 1][0] is None:
                break
            key = tuple(t[0] for t in flat[start:end])
            if flat[end - 1][3] and key in keys:
                runs.append((flat[start][1], flat[end - 1][1], tuple(keys[key])))
    return runs


def _expanded(exact, parsed, matches, lexicon, language, also):
    """The exact query with each matched run of clauses replaced by one clause: the run as
    typed, or any other term of its groups."""
    typed = {fold(t.text) for clause in parsed.clauses for t in clause}
    for first, last, _groups in matches:  # a run of words typed is not "also searched"
        typed.add(fold(" ".join(c[0].text for c in parsed.clauses[first : last + 1])))
    clauses, position, added = [], 0, 0
    # Clauses dropped by compile (punctuation only, stop words) are matched by number, so
    # recompile clause by clause.
    compiler = _Compiler(parsed, lexicon, exact_only=False)
    per_clause = []
    for clause in parsed.clauses:
        alternatives = []
        for term in clause:
            alternatives += compiler.alternatives(term, language) or []
        per_clause.append(_unique(alternatives))
    stops = stop_tokens(language)
    for first, last, groups in matches:
        while position < first:
            clauses.append(per_clause[position])
            position += 1
        run = [per_clause[n] for n in range(first, last + 1) if per_clause[n]]
        combined = []
        for combination in itertools.islice(itertools.product(*run), 16):
            tokens = tuple(t for a in combination for t in a.tokens if t not in stops) or tuple(
                t for a in combination for t in a.tokens
            )
            combined.append(Alternative(tokens, len(combination) == 1 and combination[0].phrase))
        for number in groups:
            for _term_language, term in lexicon.groups[number]:
                if fold(term) in typed or added >= MAX_EXPANSIONS:
                    continue
                tokens = term_tokens(term, language)
                if tokens:
                    combined.append(Alternative(tokens, len(tokens) > 1))
                    also[term] = None
                    added += 1
        clauses.append(_without_subsumed(_unique(combined)))
        position = last + 1
    clauses += per_clause[position:]
    clauses = [c for c in clauses if c]
    if any(not all(not a.phrase and set(a.tokens) <= stops for a in c) for c in clauses):
        clauses = [c for c in clauses if not all(not a.phrase and set(a.tokens) <= stops for a in c)]
    return CompiledQuery(clauses, exact.negatives) if clauses else None


def _topic_matches(query, names, stops):
    """Whether every clause of `query` has an alternative all of whose words are in `names`."""
    if not query or not query.clauses:
        return False
    meaningful = False
    for clause in query.clauses:
        ok = False
        for a in clause:
            words = set(a.tokens) - stops
            if words and words <= names:
                ok = meaningful = True
                break
            if not words and set(a.tokens) <= names:
                ok = True
                break
        if not ok:
            return False
    return meaningful


def plan(parsed, lexicon, *, exact_only=False):
    compiler = _Compiler(parsed, lexicon, exact_only=exact_only)
    exact = {code: compiler.compile(code) for code in LANGUAGES}
    exact = {code: q for code, q in exact.items() if q is not None}
    result = Plan(
        exact,
        short_prefixes=list(dict.fromkeys(compiler.short_prefixes)),
        broad_prefixes=list(dict.fromkeys(compiler.broad_prefixes)),
    )
    if not exact:
        return result
    also = dict(compiler.also)
    matches = [] if exact_only else _group_matches(parsed, lexicon)
    if matches:
        expanded = {code: _expanded(exact[code], parsed, matches, lexicon, code, also) for code in exact}
        result.expanded = {code: q for code, q in expanded.items() if q is not None}
    # Topics are matched on whole words: a prefix is about how a word is written, not a concept.
    has_prefix = any(term.prefix for clause in parsed.clauses for term in clause)
    if not exact_only and not has_prefix:
        for topic_id, names in lexicon.topics:
            for code in exact:
                stops = stop_tokens(code)
                if _topic_matches(exact[code], names[code], stops):
                    result.topics[topic_id] = True
                    break
                if result.expanded and _topic_matches(result.expanded.get(code), names[code], stops):
                    result.topics.setdefault(topic_id, False)
    result.also = list(also)
    return result
