"""Meta descriptions written from a page's content: what search engines and link previews show.

Each page type says what it holds (counts by kind, sessions, the first titles) in the reader's
language, so that the home, year, session and topic pages no longer share one sentence.
"""

from collections import Counter

from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .languages import version_in
from .listing import Listing
from .models import StatementKind
from .timeline import KIND_COUNTS

# Search engines show about 150 Latin characters; Chinese characters are twice as wide.
MAX_LENGTH = {"zh-hans": 110}
DEFAULT_MAX_LENGTH = 200
TITLES = 2


def _join(items):
    return pgettext("list separator", ", ").join(str(item) for item in items)


def _counts(kinds):
    counts = Counter(kinds)
    return _join(KIND_COUNTS[kind] % {"count": counts[kind]} for kind in StatementKind if counts.get(kind))


def _titles(statements):
    """The first titles of a list: `statements` is a list of statements or a Listing of cards."""
    first = statements.statements(limit=TITLES) if isinstance(statements, Listing) else statements[:TITLES]
    titles = [version_in(statement).title.value for statement in first]
    quoted = [pgettext("quoted title", "“%(title)s”") % {"title": title} for title in titles if title]
    return pgettext("titles separator", "; ").join(quoted)


def _fit(text, language):
    return Truncator(text).chars(MAX_LENGTH.get(language, DEFAULT_MAX_LENGTH))


def site_description():
    return _(
        "What Lei Jun, founder of Xiaomi and an NPC deputy since 2013, has said and proposed at the "
        "National People's Congress, with its sources."
    )


def home(years, language):
    """The site's sentence and what the timeline holds: counts by kind, first and last year."""
    kinds = Counter()
    for year in years:
        kinds.update(year.counts)
    if not kinds:
        return site_description()
    with_content = [year.year for year in years if year.total]
    text = _(
        "Lei Jun at the National People's Congress, %(first)s–%(last)s: %(counts)s, each with its "
        "sources, in English, French and Chinese."
    ) % {
        "counts": _counts(kinds.elements()),
        "first": with_content[0],
        "last": with_content[-1],
    }
    return _fit(text, language)


def year(page, language):
    if not page.statements:
        text = _("Lei Jun at the National People's Congress in %(year)s: nothing is archived yet.") % {
            "year": page.year
        }
        return _fit(text, language)
    text = _("Lei Jun at the National People's Congress in %(year)s: %(counts)s, including %(titles)s.") % {
        "year": page.year,
        "counts": _counts(statement.kind for statement in page.statements),
        "titles": _titles(page.statements),
    }
    return _fit(text, language)


def session(session, statements, language):
    parts = {
        "session": str(session),
        "opened": date_format(session.opened_on, "DATE_FORMAT"),
        "closed": date_format(session.closed_on, "DATE_FORMAT"),
    }
    if not statements:
        text = _("Lei Jun at the %(session)s, %(opened)s to %(closed)s: nothing is archived yet.") % parts
        return _fit(text, language)
    parts["counts"] = _counts(statement.kind for statement in statements)
    parts["titles"] = _titles(statements)
    text = (
        _("Lei Jun at the %(session)s, %(opened)s to %(closed)s: %(counts)s, including %(titles)s.") % parts
    )
    return _fit(text, language)


def topic(name, description, statements, language):
    """The topic's own description when it has one in the reader's language, else its contents."""
    if description.value and not description.is_fallback:
        return _fit(description.value, language)
    if not statements:
        return _fit(_("Lei Jun on %(topic)s: nothing is archived yet.") % {"topic": name}, language)
    text = _("Lei Jun on %(topic)s at the National People's Congress: %(counts)s, including %(titles)s.") % {
        "topic": name,
        "counts": _counts(statement.kind for statement in statements),
        "titles": _titles(statements),
    }
    return _fit(text, language)
