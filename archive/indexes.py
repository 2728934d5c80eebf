"""Indexes to browse by: every topic with its count per year, every session, and his agenda (topics x years).

Counts are of published top-level statements (quotes and reported points are parts of those), in
a fixed number of queries. Charts are plain SVG drawn from these numbers on the server: the
geometry is computed here, the template only writes the attributes.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.urls import reverse

from . import timeline
from .languages import shown_in
from .models import Session, Statement, Topic

# The per-year bar chart of a topic: bar width, gap and height in SVG units.
BAR_WIDTH, BAR_GAP, BAR_HEIGHT = 8, 2, 32
# The agenda's grid: cell size and gap; the topic names are written beside the grid, not in it.
CELL, CELL_GAP = 26, 3
# Shades of a cell by how many statements it holds (classes in site.css).
LEVELS = (0, 1, 2, 4)  # 0 -> level-0, 1 -> level-1, 2-3 -> level-2, 4+ -> level-3


def level(count):
    return max(index for index, floor in enumerate(LEVELS) if count >= floor)


def _counts_by_topic_and_year():
    """{topic_id: {year: count}} of published top-level statements (1 query)."""
    rows = (
        Statement.objects.published()
        .top_level()
        .filter(topics__isnull=False)
        .annotate(year=ExtractYear("date"))
        .values_list("topics", "year")
        .annotate(n=Count("id", distinct=True))
        .order_by()
    )
    counts = defaultdict(dict)
    for topic_id, year, n in rows:
        counts[topic_id][year] = n
    return counts


def search_url(**params):
    return reverse("archive:search") + "?" + urlencode(params)


@dataclass
class Bar:
    year: int
    count: int
    x: int
    y: int
    height: int


@dataclass
class TopicRow:
    topic: Topic
    name: object  # a languages.Shown: the name in the reader's language, or a fallback
    by_year: dict
    years: list

    @property
    def total(self):
        return sum(self.by_year.values())

    @property
    def chart_width(self):
        return len(self.years) * (BAR_WIDTH + BAR_GAP) - BAR_GAP

    chart_height = BAR_HEIGHT
    bar_width = BAR_WIDTH

    @property
    def bars(self):
        """One bar a year, scaled to this topic's busiest year; an empty year is a 1-unit stub."""
        peak = max(self.by_year.values(), default=0) or 1
        bars = []
        for index, year in enumerate(self.years):
            count = self.by_year.get(year, 0)
            height = max(1, round(BAR_HEIGHT * count / peak)) if count else 1
            bars.append(Bar(year, count, index * (BAR_WIDTH + BAR_GAP), BAR_HEIGHT - height, height))
        return bars

    @property
    def year_counts(self):
        """(year, count) for the years with statements: the chart's text equivalent."""
        return [(year, self.by_year[year]) for year in self.years if self.by_year.get(year)]


def topic_index():
    """Every topic, by name in the reader's language, with its statements per year (2 queries)."""
    counts = _counts_by_topic_and_year()
    years = list(timeline.deputy_years())
    rows = [
        TopicRow(topic, shown_in(topic, "name"), counts.get(topic.pk, {}), years)
        for topic in Topic.objects.all()
    ]
    return sorted(rows, key=lambda row: (-row.total, row.name.value.casefold()))


def session_index():
    """Every session, oldest first, with its number of published statements and of quotes (1 query)."""
    published = Q(statements__status=Statement.Status.PUBLISHED)
    return list(
        Session.objects.annotate(
            statement_count=Count(
                "statements", filter=published & Q(statements__parent__isnull=True), distinct=True
            ),
            quote_count=Count(
                "statements",
                filter=published
                & Q(statements__parent__isnull=False, statements__parent__status=Statement.Status.PUBLISHED),
                distinct=True,
            ),
        ).order_by("opened_on")
    )


@dataclass
class Cell:
    topic: Topic
    year: int
    count: int
    x: int
    y: int

    @property
    def level(self):
        return level(self.count)

    @property
    def url(self):
        return search_url(topic=self.topic.slug, year=self.year)


@dataclass
class Agenda:
    """Which topics he raised in which year: a grid of counts, each cell a link to that search."""

    years: list
    rows: list = field(default_factory=list)  # (TopicRow, [Cell, ...])

    size = CELL
    step = CELL + CELL_GAP

    label_width = 230  # the topic names, right-aligned against the grid

    @property
    def width(self):
        return self.label_width + len(self.years) * self.step

    @property
    def height(self):
        return len(self.rows) * self.step + self.step  # a row of year labels under the grid

    @property
    def year_labels(self):
        left = self.label_width + CELL / 2
        return [(year, left + index * self.step) for index, year in enumerate(self.years)]

    @property
    def label_y(self):
        return len(self.rows) * self.step + CELL * 0.7

    @property
    def name_x(self):
        return self.label_width - 8

    @property
    def is_empty(self):
        return not self.rows


def agenda():
    """The topics raised at least once, busiest first, against every year as a deputy (2 queries)."""
    years = list(timeline.deputy_years())
    result = Agenda(years)
    for index, row in enumerate(row for row in topic_index() if row.total):
        y = index * result.step
        cells = [
            Cell(row.topic, year, row.by_year.get(year, 0), result.label_width + column * result.step, y)
            for column, year in enumerate(years)
        ]
        result.rows.append((row, cells))
    return result
