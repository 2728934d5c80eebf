"""The year-by-year timeline: which years there are, what each holds, and what comes before and after.

Every function here reads in a fixed number of queries, whatever the number of statements.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property
from itertools import groupby

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext_lazy

from . import compiled
from .listing import Listing, card_keys, listing, listing_of
from .models import Session, Statement, StatementKind

# Lei Jun became a deputy to the 12th National People's Congress, whose first session opened in
# March 2013; the timeline runs from then to the current year.
FIRST_YEAR = 2013
LATEST_ADDITIONS = 6

KIND_COUNTS = {
    StatementKind.PROPOSAL: ngettext_lazy("%(count)d proposal", "%(count)d proposals", "count"),
    StatementKind.SPEECH: ngettext_lazy("%(count)d speech", "%(count)d speeches", "count"),
    StatementKind.REMARKS: ngettext_lazy("%(count)d set of remarks", "%(count)d sets of remarks", "count"),
    StatementKind.QUOTE: ngettext_lazy("%(count)d quote", "%(count)d quotes", "count"),
    StatementKind.REPORTED: ngettext_lazy("%(count)d reported point", "%(count)d reported points", "count"),
}


def last_year():
    return timezone.localdate().year


def deputy_years():
    return range(FIRST_YEAR, last_year() + 1)


def is_deputy_year(year):
    return FIRST_YEAR <= year <= last_year()


def year_url(year):
    return reverse("archive:year", kwargs={"year": year})


@dataclass
class YearSummary:
    """One year on the home page: its sessions and how many statements of each kind it holds."""

    year: int
    sessions: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def url(self):
        return year_url(self.year)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def counts_by_kind(self):
        """("3 proposals", "1 speech", ...) in the order of the kinds, leaving out kinds with none."""
        counts = self.counts
        return [KIND_COUNTS[kind] % {"count": counts[kind]} for kind in StatementKind if counts.get(kind)]


def year_summaries(statements):
    """Every year of the timeline, oldest first, with its sessions and counts by kind (2 queries)."""
    summaries = {year: YearSummary(year) for year in deputy_years()}
    for session in Session.objects.filter(year__in=list(summaries)).order_by("opened_on"):
        summaries[session.year].sessions.append(session)
    counts = (
        statements.annotate(year=ExtractYear("date"))
        .filter(year__in=list(summaries))
        .values_list("year", "kind")
        .annotate(n=Count("id"))
        .order_by()
    )
    for year, kind, n in counts:
        summaries[year].counts[kind] = n
    return list(summaries.values())


def latest_additions(statements, limit=LATEST_ADDITIONS):
    """The statements most recently added to the archive (first published), newest first."""
    return listing(statements.top_level().order_by("-published_at", "-date", "-id")[:limit], counted=False)


def with_quote_counts(statements, user):
    """Annotate each statement with how many of its quotes, and of its reported points, the user may read."""
    visible = Q() if user.is_staff else Q(quotes__status=Statement.Status.PUBLISHED)
    quotes, reported = Q(quotes__kind=StatementKind.QUOTE), Q(quotes__kind=StatementKind.REPORTED)
    return statements.annotate(
        quote_count=Count("quotes", filter=visible & quotes, distinct=True),
        reported_count=Count("quotes", filter=visible & reported, distinct=True),
    )


@dataclass
class YearPage:
    year: int
    statements: Listing

    @cached_property
    def sessions(self):
        """Read when the page is rendered (1 query): a page kept whole in the cache needs none."""
        return list(Session.objects.in_year(self.year).order_by("opened_on"))

    @property
    def previous_year(self):
        return self.year - 1 if is_deputy_year(self.year - 1) else None

    @property
    def next_year(self):
        return self.year + 1 if is_deputy_year(self.year + 1) else None

    @property
    def previous_url(self):
        return year_url(self.previous_year) if self.previous_year else ""

    @property
    def next_url(self):
        return year_url(self.next_year) if self.next_year else ""


def _audience(user):
    """What changes the SQL of a key query with the reader: editors see drafts."""
    return "editor" if user.is_staff else "reader"


def year_page(year, user):
    """A year's statements' cards in date order (1 query; and its sessions, 1 more, when shown)."""

    def cards(first, last):
        statements = Statement.objects.visible_to(user).top_level().filter(date__range=(first, last))
        return card_keys(with_quote_counts(statements, user).chronological())

    rows = compiled.rows(
        f"year-cards-{_audience(user)}",
        Statement,
        cards,
        first=datetime.date(year, 1, 1),
        last=datetime.date(year, 12, 31),
    )
    return YearPage(year=year, statements=listing_of(rows))


@dataclass
class YearGroup:
    year: int
    statements: list

    @property
    def url(self):
        return year_url(self.year)


def by_year(statements):
    """Statements in date order, grouped by the year they were made in."""
    return [YearGroup(year, list(group)) for year, group in groupby(statements, key=lambda s: s.date.year)]


def statement_key(slug, user):
    """The statement at `slug` that `user` may see, as keys (1 query): its id, last change, date,
    parent's id and parent's last change; None when there is none."""

    def key(slug):
        return (
            Statement.objects.visible_to(user)
            .filter(slug=slug)
            .values_list("pk", "updated_at", "date", "parent_id", "parent__updated_at")
        )

    found = compiled.rows(f"statement-key-{_audience(user)}", Statement, key, slug=slug)
    return found[0] if found else None


def neighbours(pk, date, parent_id, user):
    """The keys (id, last change) of the statements just before and just after this one in
    time, at the same level (2 queries), or None at either end.

    A top-level statement's neighbours are the top-level statements around it; a quote's are the
    other quotes from the same statement.
    """

    # At one level, published() is simply "published": a reader sees a quote only when its
    # statement is published, so its siblings' parent is too (and the simpler query is a third
    # of the page's work less). The conditions below already leave the statement itself out.
    def siblings(**values):
        found = (
            Statement.objects.all()
            if user.is_staff
            else Statement.objects.filter(status=Statement.Status.PUBLISHED)
        )
        if "parent" in values:
            return found.filter(parent_id=values["parent"])
        return found.filter(parent__isnull=True)

    def before(pk, date, **parent):
        earlier = Q(date__lt=date) | Q(date=date, id__lt=pk)
        return siblings(**parent).filter(earlier).newest_first().values_list("pk", "updated_at")[:1]

    def after(pk, date, **parent):
        later = Q(date__gt=date) | Q(date=date, id__gt=pk)
        return siblings(**parent).filter(later).chronological().values_list("pk", "updated_at")[:1]

    shape = f"{_audience(user)}-{'quote' if parent_id else 'top'}"
    parent = {"parent": parent_id} if parent_id else {}
    return tuple(
        next(iter(compiled.rows(f"{name}-{shape}", Statement, build, pk=pk, date=date, **parent)), None)
        for name, build in (("before", before), ("after", after))
    )


def quote_keys(pk, user):
    """The keys (id, last change) of a statement's quotes and reported points that `user` may
    see, in date order (1 query)."""

    def quotes(parent):
        return (
            Statement.objects.visible_to(user)
            .filter(parent_id=parent)
            .chronological()
            .values_list("pk", "updated_at")
        )

    return compiled.rows(f"quote-keys-{_audience(user)}", Statement, quotes, parent=pk)


def consulted_today():
    """The date a reader consults a page, for citations: today in the archive's time zone."""
    return timezone.localdate()


def start_of_today():
    """Midnight today, as an aware datetime: pages that show today's date change then."""
    return timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time.min))
