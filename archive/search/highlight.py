"""Snippets with the matched words marked, found by the analyser's own rules, with offsets.

The text is escaped piece by piece and only then wrapped in <mark>, so nothing a document holds
can become markup. jieba is not run here: a Chinese query word is looked for as it is written
within each run of ideographs, which finds it wherever the index did and costs far less.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .analysis import HAN, SPLIT, WORD, normalise_word

IDEOGRAPHS = re.compile(f"[{HAN}]+")

SNIPPET_LENGTH = 220
CONTEXT_BEFORE = 60


def matched_spans(text, language, tokens, limit=None):
    """(start, end) of every word of `text` whose token is one of `tokens`, merged, in order.

    With `limit`, stops once a span starts that far past the first one.
    """
    han_tokens = [t for t in tokens if IDEOGRAPHS.fullmatch(t)]
    word_tokens = set(tokens).difference(han_tokens)
    # Only the kind of run a token can be found in: a snippet is scanned for each hit.
    pattern = SPLIT if han_tokens and word_tokens else IDEOGRAPHS if han_tokens else WORD
    spans = []
    for match in pattern.finditer(text):
        start = match.start()
        if limit is not None and spans and start > spans[0][0] + limit:
            break
        run = match.group()
        if han_tokens and IDEOGRAPHS.match(run):
            for token in han_tokens:
                position = run.find(token)
                while position != -1:
                    spans.append((start + position, start + position + len(token)))
                    position = run.find(token, position + 1)
        elif not word_tokens.isdisjoint(normalise_word(run, language)):
            spans.append((start, match.end()))
    merged = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def snippet(text, language, tokens, length=SNIPPET_LENGTH):
    """A stretch of `text` around the first match, as safe HTML with <mark> around matches."""
    text = text or ""
    spans = matched_spans(text, language, set(tokens), limit=length)
    start = 0
    if spans and spans[0][0] > CONTEXT_BEFORE:
        start = spans[0][0] - CONTEXT_BEFORE
        # Start on a word boundary where there is one nearby (there is none in Chinese).
        space = text.rfind(" ", start - 20, start)
        start = space + 1 if space != -1 else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", end - 20, end)
        end = space if space > start else end
    pieces = ["…"] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        pieces.append(escape(text[cursor:span_start]))
        pieces.append("<mark>" + escape(text[span_start:span_end]) + "</mark>")
        cursor = span_end
    pieces.append(escape(text[cursor:end]))
    if end < len(text):
        pieces.append("…")
    return mark_safe("".join(pieces)), bool(spans)  # noqa: S308 - every piece of text is escaped above
