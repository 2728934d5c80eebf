"""The readers' pages. Filters live on the querysets and in `timeline`; views only choose and render.

Every public page is wrapped in `public_page`: cached per address for readers, fresh for editors.
"""

from django.conf import settings
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse

from . import citations, descriptions, indexes, languages, timeline
from .caching import cached_fragment, public_page, rendered_for_readers
from .citations import citing
from .listing import listing
from .models import Provenance, Session, Statement, Topic


def _to_canonical(request, path):
    """A permanent redirect to the one address of a page that answers to several (leading zeros)."""
    query = request.META.get("QUERY_STRING")
    return redirect(path + (f"?{query}" if query else ""), permanent=True)


@public_page
def home(request):
    statements = Statement.objects.published()
    years = timeline.year_summaries(statements)
    return render(
        request,
        "archive/home.html",
        {
            "years": years,
            "latest": timeline.latest_additions(statements),
            "page_description": descriptions.home(years, languages.current_language()),
            "agenda": indexes.agenda(),
        },
    )


@public_page
def topic_index(request):
    return render(request, "archive/topic_index.html", {"topics": indexes.topic_index()})


@public_page
def session_index(request):
    return render(request, "archive/session_index.html", {"sessions": indexes.session_index()})


@public_page
def about(request):
    return render(
        request,
        "archive/about.html",
        {
            "corrections_email": settings.ARCHIVE_CORRECTIONS_EMAIL,
            # The labels exactly as the pages show them, which link here.
            "provenance_labels": dict(Provenance.choices),
            "archive_citation": citations.archive_citation(),
            "feed_url": reverse("archive:feed"),
        },
    )


@public_page
def year_detail(request, year):
    if not timeline.is_deputy_year(year):
        raise Http404("Lei Jun was not a deputy in that year, or it has not come yet.")
    if request.path != timeline.year_url(year):
        return _to_canonical(request, timeline.year_url(year))  # /en/02020/ -> /en/2020/
    page = timeline.year_page(year, request.user)
    reader = languages.current_language()

    def render_page():
        description = descriptions.year(page, reader)
        return render(request, "archive/year_detail.html", {"page": page, "page_description": description})

    # The year's sessions renew the fragments' generation; its statements are the listing's cards.
    return rendered_for_readers(request, page.statements.digest, render_page)


@public_page(parameters=["compare"])
def statement_detail(request, slug):
    reader = languages.current_language()
    if not languages.is_comparison_choice(request.GET.get("compare"), reader):
        # Only the known values are pages of their own (and cached); the rest go to the canonical one.
        query = request.GET.copy()
        del query["compare"]
        return redirect(request.path + (f"?{query.urlencode()}" if query else ""))
    key = timeline.statement_key(slug, request.user)
    if key is None:
        renamed = Statement.objects.visible_to(request.user).renamed_from(slug)
        if renamed is None:
            raise Http404("No such statement.")
        query = request.META.get("QUERY_STRING")
        # Temporary: a later statement may take the old slug, and browsers keep permanent redirects.
        return redirect(renamed.get_absolute_url() + (f"?{query}" if query else ""))
    pk, _updated_at, date, parent_id, _parent_updated_at = key
    # What the page shows besides the statement's own fields (sources, topics and the session
    # renew the fragments' generation), read as keys only: the page is rendered again only when
    # one of them changes, and then the statements themselves are fetched.
    around = timeline.neighbours(pk, date, parent_id, request.user)
    shown = [key, around, timeline.quote_keys(pk, request.user)]

    def render_page():
        found = Statement.objects.select_related("session", "parent").in_bulk(
            [pk] + [k[0] for k in around if k]
        )
        if pk not in found:  # deleted since its key was read
            raise Http404("No such statement.")
        statement = found[pk]
        previous, following = (found.get(k[0]) if k else None for k in around)
        parent = statement.parent
        if parent is not None and not (parent.is_published or request.user.is_staff):
            parent = None
        parts = {}
        for part in statement.quotes.visible_to(request.user).chronological():
            parts.setdefault(part.kind, []).append(part)
        sources, topics = list(statement.sources.all()), list(statement.topics.all())
        compare = languages.comparison_language(statement, request.GET.get("compare"), reader)
        return render(
            request,
            "archive/statement_detail.html",
            {
                "statement": statement,
                "version": languages.version_in(statement, reader),
                "comparison": languages.version_in(statement, compare, fallback=False) if compare else None,
                "comparison_choices": languages.comparison_choices(reader),
                "compare": compare or languages.NO_COMPARISON,
                "no_comparison": languages.NO_COMPARISON,
                "parent": parent,
                "quotes": parts.get(Statement.Kind.QUOTE, []),
                "reported_points": parts.get(Statement.Kind.REPORTED, []),
                "his_words": languages.his_words(statement),
                "sources": sources,
                "topics": topics,
                "previous": previous,
                "next": following,
                # citeproc takes milliseconds per style: built once per change, language and day
                # (the access date is part of every citation).
                "citing": cached_fragment(
                    "citing",
                    (statement.pk, statement.updated_at, reader, parent and parent.updated_at)
                    + (timeline.consulted_today(),),
                    lambda: citing(statement, reader, sources=sources, topics=topics, parent=parent),
                ),
                "is_preview": not statement.is_published,
            },
        )

    return rendered_for_readers(request, shown, render_page, parameters=["compare"])


@public_page
def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    statements = listing(
        timeline.with_quote_counts(
            Statement.objects.visible_to(request.user).top_level().about(topic), request.user
        ).chronological()
    )
    name = languages.shown_in(topic, "name")
    description = languages.shown_in(topic, "description")
    return render(
        request,
        "archive/topic_detail.html",
        {
            "topic": topic,
            "name": name,
            "description": description,
            "page_description": cached_fragment(
                "topic-description",
                (topic.pk, statements.digest, languages.current_language()),
                lambda: descriptions.topic(name, description, statements, languages.current_language()),
            ),
            "years": timeline.by_year(statements),
        },
    )


@public_page
def session_detail(request, congress, number):
    session = get_object_or_404(Session, congress=congress, number=number)
    if request.path != session.get_absolute_url():
        return _to_canonical(request, session.get_absolute_url())  # /en/sessions/012-1/ -> 12-1
    statements = listing(
        timeline.with_quote_counts(
            Statement.objects.visible_to(request.user).top_level().filter(session=session), request.user
        ).chronological()
    )
    return render(
        request,
        "archive/session_detail.html",
        {
            "session": session,
            "name": languages.shown_in(session, "name"),
            "statements": statements,
            "page_description": cached_fragment(
                "session-description",
                (session.pk, statements.digest, languages.current_language()),
                lambda: descriptions.session(session, statements, languages.current_language()),
            ),
        },
    )


def to_simplified_chinese(request, rest):
    """`/zh-tw/2020/` -> `/zh-hans/2020/`: a reader asking for any Chinese gets the Chinese site."""
    return _to_canonical(request, f"/zh-hans/{rest}")


def robots_txt(request):
    return render(request, "robots.txt", content_type="text/plain; charset=utf-8")
