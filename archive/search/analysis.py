"""The analyser: text in any of the three languages -> the tokens the index and the queries share.

All the linguistics happens here, in Python, for indexing and for queries alike, so that SQLite and
PostgreSQL only ever compare finished tokens and cannot disagree about what a word is.
"""

import functools
import logging
import re
import threading
import unicodedata
from dataclasses import dataclass

import jieba
import snowballstemmer
from django.conf import settings

# Bump when a change here would give different tokens: documents record the version they were
# analysed with, and a mismatch asks for `manage.py rebuild_search_index`. jieba's version is part of
# it because a new dictionary segments differently.
ANALYSER_VERSION = f"3+jieba{jieba.__version__}"

LANGUAGES = ("en", "fr", "zh-hans")
STEMMERS = {"en": "english", "fr": "french"}

# Ideographs (unified, extension A, compatibility, extensions B onwards): segmented by jieba.
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Either a run of ideographs or a run of other letters and digits (Latin words, 5G, 105).
SPLIT = re.compile(rf"(?P<han>[{HAN}]+)|(?P<word>[^\W_{HAN}]+)")
WORD = re.compile(rf"[^\W_{HAN}]+")
# Longer tokens are noise (hashes, URLs glued together) and PostgreSQL caps a lexeme at 2 KB.
MAX_TOKEN_LENGTH = 60

# In the stored token stream, separates the words in reading order from the sub-words that jieba's
# search mode adds, so that a phrase can never match across the two.
GAP = "_"

_jieba_lock = threading.Lock()
_jieba_ready = False


def load_dictionary():
    """Load jieba's dictionary once per process, caching it in a writable folder of ours."""
    global _jieba_ready
    if _jieba_ready:
        return
    with _jieba_lock:
        if _jieba_ready:
            return
        jieba.setLogLevel(logging.WARNING)
        cache_dir = settings.SEARCH_CACHE_DIR
        try:
            cache_dir.mkdir(parents=True, exist_ok=True)
            jieba.dt.tmp_dir = str(cache_dir)
            jieba.dt.cache_file = "jieba.cache"
        except OSError:
            pass  # jieba still works, only without a cache: slower start, same tokens
        jieba.dt.initialize()
        _jieba_ready = True


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int  # character offsets in the analysed text, for highlighting
    end: int
    extra: bool = False  # a sub-word of a longer Chinese word (search mode), not in reading order


def fold(text):
    """NFKC, case folding and accents removed: économie -> economie, ＡＩ -> ai."""
    text = unicodedata.normalize("NFKC", text).casefold()
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", stripped)


_local = threading.local()


def _stemmer(language):
    # Snowball stemmers keep state while they work: one per thread (runserver serves in threads).
    stemmers = getattr(_local, "stemmers", None)
    if stemmers is None:
        stemmers = _local.stemmers = {code: snowballstemmer.stemmer(name) for code, name in STEMMERS.items()}
    return stemmers.get(language)


@functools.lru_cache(maxsize=200_000)
def normalise_word(word, language):
    """One run of letters or digits -> its tokens (folding can split it, e.g. ½ -> 1⁄2)."""
    stemmer = _stemmer(language)
    out = []
    for part in WORD.findall(fold(word)):
        if len(part) > MAX_TOKEN_LENGTH:
            continue
        out.append(stemmer.stemWord(part) if stemmer else part)
    return tuple(out)


@functools.lru_cache(maxsize=50_000)
def _segment(run, for_query):
    """A run of ideographs -> ((word, start, end, extra), ...).

    Queries use jieba's accurate mode. Documents also get search mode's sub-words (人民 inside
    中华人民共和国), so that a two-character word inside a longer one is found.
    """
    load_dictionary()
    out = []
    position = 0
    freq = jieba.dt.FREQ
    for word in jieba.dt.cut(run, HMM=True):
        start, end = position, position + len(word)
        position = end
        if not for_query:
            for size in (2, 3):
                if len(word) > size:
                    for i in range(len(word) - size + 1):
                        sub = word[i : i + size]
                        if freq.get(sub):
                            out.append((sub, start + i, start + i + size, True))
        out.append((word, start, end, False))
    return tuple(out)


def tokenize(text, language, *, for_query=False):
    """Tokens of `text` as analysed for documents in `language`, with offsets into `text`."""
    tokens = []
    for match in SPLIT.finditer(text or ""):
        start = match.start()
        if match.group("han"):
            run = match.group("han")
            folded = unicodedata.normalize("NFKC", run)
            # Compatibility ideographs fold one to one; if not, offsets stay within the run.
            same_length = len(folded) == len(run)
            for word, s, e, extra in _segment(folded, for_query):
                if same_length:
                    tokens.append(Token(word, start + s, start + e, extra))
                else:
                    tokens.append(Token(word, start, match.end(), extra))
        else:
            for part in normalise_word(match.group("word"), language):
                tokens.append(Token(part, start, match.end()))
    return tokens


def index_tokens(text, language):
    """The stored stream: words in reading order, then GAP, then search mode's sub-words.

    The same analysis as tokenize(), without the offsets, which a rebuild does not need.
    """
    words, extras = [], []
    for match in SPLIT.finditer(text or ""):
        run = match.group("han")
        if run:
            for word, _start, _end, extra in _segment(unicodedata.normalize("NFKC", run), False):
                (extras if extra else words).append(word)
        else:
            words.extend(normalise_word(match.group("word"), language))
    if extras:
        words += [GAP, *extras]
    return " ".join(words)


@functools.lru_cache(maxsize=1)
def _t2s():
    from opencc import OpenCC

    return OpenCC("t2s")


def simplify(text):
    """Traditional -> Simplified characters, so 衛星 finds 卫星 (the archive's Chinese is Simplified)."""
    if not re.search(f"[{HAN}]", text):
        return text
    return _t2s().convert(text)


def query_tokens(word, language):
    """The tokens one word of a query stands for in documents of `language`."""
    return [t.text for t in tokenize(simplify(word), language, for_query=True)]


@functools.lru_cache(maxsize=1)
def _tw2sp():
    from opencc import OpenCC

    return OpenCC("tw2sp")


def regional(text):
    """Taiwan's words as the mainland writes them (晶片 -> 芯片, 軟體 -> 软件), or None if the
    phrase table changes nothing beyond the characters that simplify() already converts."""
    if not re.search(f"[{HAN}]", text):
        return None
    converted = _tw2sp().convert(text)
    return converted if converted != simplify(text) else None


# Very common words: ignored when a query has other words (but kept inside phrases). "it" is not
# one of them (IT), nor is "or" (French gold, and an operator).
STOP_WORDS = {
    "en": "a an and are as at be by for from in into is of on that the this to was were which with",
    "fr": "a au aux ce ces d de des du en est et l la le les par pour qu que qui sa se ses son sur un une",
    "zh-hans": "的 是 了 在 和 与 及 等 也 都 而 对 把 被 之 其",
}


@functools.cache
def stop_tokens(language):
    """The tokens of the very common words of every language, as analysed for `language`."""
    tokens = set()
    for words in STOP_WORDS.values():
        for word in words.split():
            tokens.update(query_tokens(word, language))
    return frozenset(tokens)


def written_words(text, language):
    """{folded word: (as written in lower case, token)} of a text, for the vocabulary: Latin
    words in every language, Chinese words (jieba's, in reading order) in Chinese."""
    out = {}
    for match in SPLIT.finditer(text or ""):
        run = match.group("han")
        if run:
            for word, _start, _end, extra in _segment(unicodedata.normalize("NFKC", run), False):
                if not extra:
                    out.setdefault(word, (word, word))
            continue
        word = match.group("word")
        folded = fold(word)
        tokens = normalise_word(word, language)
        if len(tokens) == 1 and WORD.fullmatch(folded) and len(folded) <= MAX_TOKEN_LENGTH:
            out.setdefault(folded, (unicodedata.normalize("NFKC", word).casefold(), tokens[0]))
    return out
