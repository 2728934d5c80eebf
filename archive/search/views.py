"""The search page: a plain GET form, shareable and usable without JavaScript."""

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.utils.formats import localize
from django.utils.html import escape
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language

from ..caching import cached_fragment
from ..languages import mark_chinese_runs
from ..listing import hit_heads
from ..models import Session, Statement, Topic
from .expansion import MAX_PREFIX_WORDS, MIN_PREFIX_LENGTH
from .forms import SearchForm

# Topics are many; the facet lists the commonest, and always the one chosen.
MAX_TOPIC_FACETS = 15


def _link(params, **changes):
    """The current search with some parameters changed (None removes one); back to page 1.

    `params` is a plain dict of lists: a page has a hundred of these links, and copying a
    QueryDict (a deep copy) for each took a tenth of the page's time.
    """
    query = dict(params)
    for name, value in {**changes, "page": None}.items():
        query.pop(name, None)
        if value is not None:
            query[name] = [value]
    return "?" + urlencode(query, doseq=True)


def _feed_query(params):
    """The search's parameters for its feed: the same words and filters; a feed has no pages or sort."""
    query = params.copy()
    for name in ("page", "sort"):
        query.pop(name, None)
    return query.urlencode()


def _facet_names():
    """Every session's and topic's name in the reader's language, for the facets: read once per
    change of a session or topic (the fragments' generation) rather than twice per search."""

    def build():
        return {
            "sessions": [(s.pk, s.key, str(s.name)) for s in Session.objects.order_by("-opened_on")],
            "topics": {t.pk: (t.slug, str(t.name)) for t in Topic.objects.all()},
        }

    return cached_fragment("facet-names", (get_language(),), build)


def _values_html(values):
    """A facet's list items, written out here: a template spent a fifth of the results page on
    these few dozen links. The same markup as the template had; every text escaped."""
    items = []
    for value in values:
        label = mark_chinese_runs(capfirst(str(value["label"])))  # escapes the name
        count = localize(value["count"])
        if value["chosen"]:
            items.append(
                f'<li><strong aria-current="true">{label}</strong> <span class="count">({count})</span></li>'
            )
        else:
            url = escape(value["url"])
            items.append(f'<li><a href="{url}">{label}</a> <span class="count">({count})</span></li>')
    return mark_safe("\n".join(items))  # noqa: S308 - labels and addresses escaped above


def _facets(counts, form, params):
    """Facet lists for the template: label, count, link, and whether it is the chosen value."""
    data = form.cleaned_data
    filters = form.filters()
    year_chosen = filters.year_from if filters.year_from == filters.year_to else None
    years = [
        {
            "label": year,
            "count": n,
            "url": _link(params, year=year, year_from=None, year_to=None),
            "chosen": year == year_chosen,
        }
        for year, n in sorted(counts["year"].items(), reverse=True)
    ]
    kinds = [
        {
            "label": label,
            "count": counts["kind"][value],
            "url": _link(params, kind=value),
            "chosen": value == data.get("kind"),
        }
        for value, label in Statement.Kind.choices
        if value in counts["kind"]
    ]
    languages = [
        {
            "label": name,
            "count": counts["language"][code],
            "url": _link(params, language=code),
            "chosen": code == data.get("language"),
        }
        for code, name in settings.LANGUAGES
        if code in counts["language"]
    ]
    names = _facet_names()
    chosen_session = data.get("session")
    sessions = [
        {
            "label": name,
            "count": counts["session"][pk],
            "url": _link(params, session=key),
            "chosen": chosen_session is not None and pk == chosen_session.pk,
        }
        for pk, key, name in names["sessions"]
        if pk in counts["session"]
    ]
    top = sorted(counts["topic"], key=lambda pk: (-counts["topic"][pk], pk))[:MAX_TOPIC_FACETS]
    chosen_topic = data.get("topic")
    if chosen_topic and chosen_topic.pk in counts["topic"] and chosen_topic.pk not in top:
        top.append(chosen_topic.pk)
    topics = [
        {
            "label": names["topics"][pk][1],
            "count": counts["topic"][pk],
            "url": _link(params, topic=names["topics"][pk][0]),
            "chosen": chosen_topic is not None and pk == chosen_topic.pk,
        }
        for pk in sorted(
            (pk for pk in top if pk in names["topics"]),
            key=lambda pk: (-counts["topic"][pk], names["topics"][pk][1]),
        )
    ]
    return [
        {
            "name": "year",
            "title": form["year"].label,
            "values": years,
            "clear": _link(params, year=None, year_from=None, year_to=None),
            "active": filters.year_from is not None or filters.year_to is not None,
        },
        {
            "name": "session",
            "title": form["session"].label,
            "values": sessions,
            "clear": _link(params, session=None),
            "active": bool(data.get("session")),
        },
        {
            "name": "kind",
            "title": form["kind"].label,
            "values": kinds,
            "clear": _link(params, kind=None),
            "active": bool(data.get("kind")),
        },
        {
            "name": "topic",
            "title": form["topic"].label,
            "values": topics,
            "clear": _link(params, topic=None),
            "active": bool(chosen_topic),
        },
        {
            "name": "language",
            "title": form["language"].label,
            "values": languages,
            "clear": _link(params, language=None),
            "active": bool(data.get("language")),
        },
    ]


def search(request):
    form = SearchForm(request.GET)
    context = {"form": form, "results": None}
    if not form.is_valid():
        return render(request, "archive/search.html", context, status=400)
    context["truncated"] = form.truncated
    if not form.asks_something():
        return render(request, "archive/search.html", context)
    results = form.results(reader_language=get_language())
    params = request.GET.copy()
    context["results"] = results
    context["hits"] = list(zip(results.hits, hit_heads(results.hits), strict=True))
    context["feed_url"] = reverse("archive:search_feed") + "?" + _feed_query(params)
    context["min_prefix"] = MIN_PREFIX_LENGTH
    context["max_prefix_words"] = MAX_PREFIX_WORDS
    context["exact_url"] = _link(params, exact="1")
    context["wider_url"] = _link(params, exact=None)
    if results.suggestion:
        context["suggestion_url"] = _link(params, q=results.suggestion)
    if results.understood:
        lists = dict(params.lists())
        # Only the filters that can narrow or widen this search: none at all leaves no empty column.
        facets = [f for f in _facets(results.facets, form, lists) if f["values"] or f["active"]]
        for facet in facets:
            facet["items"] = _values_html(facet["values"])
        context["facets"] = facets
        context["sorts"] = [
            {"label": label, "url": _link(lists, sort=value), "chosen": value == form.cleaned_data["sort"]}
            for value, label in form.fields["sort"].choices
        ]
        params.pop("page", None)
        context["page_url"] = "?" + (params.urlencode() + "&" if params else "") + "page="
    return render(request, "archive/search.html", context)
