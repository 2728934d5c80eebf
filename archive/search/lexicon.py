"""What a search knows besides the documents: topic names, the concept groups (thesaurus) and the
archive's vocabulary of words as written. Read at query time, never copied into the documents,
so that renaming a topic or editing a group changes the next search without re-indexing.

Each process keeps one copy per database, tagged with the index's generation token. Saving a
topic or a concept group rewrites that token (signals.py), as every write to the index does; a
search that finds a newer token than its copy's reads the copy again and searches once more
(query.py), so steady-state searches still make one query.
"""

import bisect
import threading
from dataclasses import dataclass, field

from django.db import connection

from ..models import Topic
from .analysis import LANGUAGES, tokenize
from .models import ConceptGroup, SearchWord

# Vocabulary words considered for "did you mean": at most this many edits away.
MAX_EDITS = 2


@dataclass
class Vocabulary:
    """One language's words: folded words in order, with what each is written as and its token."""

    words: list = field(default_factory=list)
    written: list = field(default_factory=list)
    tokens: list = field(default_factory=list)
    index: dict = field(default_factory=dict)  # folded word -> position

    def starting_with(self, prefix):
        """(word, token) of every word beginning with `prefix` (folded), in order."""
        start = bisect.bisect_left(self.words, prefix)
        out = []
        for position in range(start, len(self.words)):
            if not self.words[position].startswith(prefix):
                break
            out.append((self.words[position], self.tokens[position]))
        return out


@dataclass
class Lexicon:
    generation: str | None
    # [(topic id, {language: frozenset of its name's tokens})]
    topics: list = field(default_factory=list)
    # [[(language, term)]] for each concept group, and {language: {term's tokens: [group numbers]}}
    groups: list = field(default_factory=list)
    group_keys: dict = field(default_factory=dict)
    vocabulary: dict = field(default_factory=dict)  # language -> Vocabulary

    def knows(self, folded):
        return any(folded in vocabulary.index for vocabulary in self.vocabulary.values())

    def suggestion(self, folded):
        """The word closest to `folded` (1 or 2 edits, fewest first, then the commonest spelling
        across languages, then alphabetical), as written, or None."""
        best = None
        for language, vocabulary in self.vocabulary.items():
            if language == "zh-hans":
                continue  # edits are not how Chinese is misspelt
            for position, word in enumerate(vocabulary.words):
                # Misspellings rarely change both ends of a word: a cheap filter before the distance.
                if abs(len(word) - len(folded)) > MAX_EDITS or (
                    word[0] != folded[0] and word[-1] != folded[-1]
                ):
                    continue
                distance = edit_distance(folded, word, MAX_EDITS)
                if distance <= MAX_EDITS:
                    key = (distance, word)
                    if best is None or key < best[0]:
                        best = (key, vocabulary.written[position])
        return best[1] if best else None


def edit_distance(a, b, limit):
    """Levenshtein distance with adjacent transpositions, or limit + 1 once it exceeds `limit`."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = ca != cb
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def term_tokens(text, language):
    """A term (a query word, a group's term, a topic's name) as the query analyser reads it."""
    from .analysis import simplify

    return tuple(t.text for t in tokenize(simplify(text), language, for_query=True))


def _read(generation):
    lexicon = Lexicon(generation)
    for topic in Topic.objects.all():
        names = {}
        for language in LANGUAGES:
            name = getattr(topic, f"name_{language.replace('-', '_')}", None) or ""
            # Documents' analysis: Chinese names also give their sub-words (知识产权 -> 产权).
            names[language] = frozenset(t.text for t in tokenize(name, language))
        lexicon.topics.append((topic.pk, names))
    for number, group in enumerate(ConceptGroup.objects.all()):
        terms = group.terms()
        lexicon.groups.append(terms)
        for term_language, term in terms:
            key = term_tokens(term, term_language)
            if key:
                lexicon.group_keys.setdefault(term_language, {}).setdefault(key, []).append(number)
    rows = SearchWord.objects.order_by("language", "word").values_list("language", "word", "written", "token")
    for language, word, written, token in rows.iterator(chunk_size=5000):
        vocabulary = lexicon.vocabulary.setdefault(language, Vocabulary())
        vocabulary.index[word] = len(vocabulary.words)
        vocabulary.words.append(word)
        vocabulary.written.append(written)
        vocabulary.tokens.append(token)
    return lexicon


_lock = threading.Lock()
_lexicons = {}


def current(generation=None) -> Lexicon:
    """This process's copy; read again when `generation` is not the copy's (the first time,
    under the token read just before)."""
    from .table import generation_read

    with _lock:
        lexicon = _lexicons.get(connection.alias)
        if lexicon is None or (generation is not None and lexicon.generation != generation):
            lexicon = _lexicons[connection.alias] = _read(generation or generation_read())
        return lexicon
