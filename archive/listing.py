"""Lists of statements as the year, session, topic and home pages show them: one card each.

A card is rendered once per statement, change and language and kept in the fragments cache. A
list reads only its statements' keys (one light query: no model instances, no prefetching), takes
the cards it has from the cache in one call, and renders the others from full statements fetched
for them alone. So the first view of a page after an edit elsewhere costs one query and a cache
read, not the queries and template work of every card.
"""

import hashlib
from dataclasses import dataclass, field

from django.core.cache import caches
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .caching import fragments_generation
from .models import Statement

CARD_TEMPLATE = "includes/statement_card.html"
CARD_SECONDS = 86400


@dataclass
class Card:
    """One statement of a list: what its key is made of, and its rendered card."""

    pk: int
    updated_at: object
    date: object
    kind: str
    quote_count: int
    reported_count: int
    html: str = ""

    def __str__(self):
        return self.html

    def __html__(self):  # rendered as it is: it was escaped when the card was rendered
        return self.html


@dataclass
class Listing:
    """The cards of a list, rendered (or read from the cache) when first shown: a page kept whole
    in the fragments cache (caching.rendered_for_readers) needs only the list's digest."""

    cards: list
    show_session: bool = True
    filled: bool = field(default=False, repr=False)

    def __bool__(self):
        return bool(self.cards)

    def __iter__(self):
        if not self.filled:
            _fill(self.cards, self.show_session)
            self.filled = True
        return iter(self.cards)

    def __len__(self):
        return len(self.cards)

    @property
    def kinds(self):
        return [card.kind for card in self.cards]

    @property
    def digest(self):
        """What the list shows, in a few bytes: for fragments made from the whole list."""
        keys = [(c.pk, c.updated_at.isoformat(), c.quote_count, c.reported_count) for c in self.cards]
        return hashlib.sha256(repr(keys).encode()).hexdigest()[:32]

    def statements(self, limit=None):
        """The full statements, in the list's order (one query plus prefetching): for what is built
        from them when it is not cached (a page's description)."""
        cards = self.cards[:limit] if limit else self.cards
        found = Statement.objects.for_listing().in_bulk([card.pk for card in cards])
        return [found[card.pk] for card in cards if card.pk in found]


def _card_key(card, language, show_session, generation):
    stamp = card.updated_at.isoformat()
    return (
        f"archive:card:{card.pk}:{stamp}:{card.quote_count}:{card.reported_count}:"
        f"{language}:{int(bool(show_session))}:{generation}"
    )


CARD_FIELDS = ("pk", "updated_at", "date", "kind")
COUNT_FIELDS = ("quote_count", "reported_count")


def card_keys(statements):
    """The rows a list's cards are made from: `statements` (an ordered queryset carrying
    `quote_count` and `reported_count`, timeline.with_quote_counts) as values."""
    return statements.values_list(*CARD_FIELDS, *COUNT_FIELDS)


def listing(statements, *, show_session=True, counted=True):
    """The cards of `statements` (an ordered queryset) in its order.

    `counted`: the queryset carries `quote_count` and `reported_count` (timeline.with_quote_counts);
    otherwise the cards show no counts.
    """
    if counted:
        return listing_of(card_keys(statements), show_session=show_session)
    cards = [Card(*row, quote_count=0, reported_count=0) for row in statements.values_list(*CARD_FIELDS)]
    return Listing(cards, show_session)


def listing_of(rows, *, show_session=True):
    """The cards of rows made by `card_keys` (or the same query compiled once, `compiled.rows`)."""
    return Listing([Card(*row) for row in rows], show_session)


def _fill(cards, show_session):
    """Each card's HTML: from the fragments cache in one call, the missing ones rendered from
    their statements, fetched together."""
    if not cards:
        return
    language, generation = get_language(), fragments_generation()
    store = caches["fragments"]
    keys = {card.pk: _card_key(card, language, show_session, generation) for card in cards}
    found = store.get_many(list(keys.values()))
    missing = [card for card in cards if keys[card.pk] not in found]
    if missing:
        full = Statement.objects.for_listing().in_bulk([card.pk for card in missing])
        rendered = {}
        for card in missing:
            statement = full[card.pk]
            statement.quote_count, statement.reported_count = card.quote_count, card.reported_count
            html = render_to_string(
                CARD_TEMPLATE,
                {"statement": statement, "show_session": show_session, "LANGUAGE_CODE": language},
            )
            rendered[keys[card.pk]] = found[keys[card.pk]] = html
        store.set_many(rendered, CARD_SECONDS)
    for card in cards:
        card.html = found[keys[card.pk]]


HIT_TEMPLATE = "includes/search_hit.html"


def hit_heads(hits):
    """The title, date, kind and session of each search hit (everything but its snippet), from
    the fragments cache; the statements not cached yet are fetched together and rendered."""
    if not hits:
        return []
    language, generation = get_language(), fragments_generation()
    store = caches["fragments"]
    keys = [
        f"archive:hit:{hit.statement_id}:{hit.updated_at.isoformat()}:{language}:{generation}" for hit in hits
    ]
    found = store.get_many(keys)
    rendered = {}
    for hit, key in zip(hits, keys, strict=True):
        if key not in found:
            html = render_to_string(HIT_TEMPLATE, {"statement": hit.statement, "LANGUAGE_CODE": language})
            rendered[key] = found[key] = html
    if rendered:
        store.set_many(rendered, CARD_SECONDS)
    return [mark_safe(found[key]) for key in keys]  # noqa: S308 - rendered by our template
