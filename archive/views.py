"""The readers' pages. Filters live on the querysets; views only choose and render."""

from django.shortcuts import get_object_or_404, render
from django.utils.cache import add_never_cache_headers

from .models import Session, Statement, Topic


def home(request):
    statements = Statement.objects.published().top_level().for_listing().newest_first()
    return render(request, "archive/home.html", {"statements": statements})


def statement_detail(request, slug):
    statement = get_object_or_404(
        Statement.objects.visible_to(request.user).select_related("session", "parent"), slug=slug
    )
    quotes = statement.quotes.visible_to(request.user).chronological()
    response = render(
        request,
        "archive/statement_detail.html",
        {
            "statement": statement,
            "quotes": quotes,
            "sources": statement.sources.all(),
            "topics": statement.topics.all(),
            "is_preview": not statement.is_published,
        },
    )
    if not statement.is_published:
        add_never_cache_headers(response)
    return response


def topic_detail(request, slug):
    topic = get_object_or_404(Topic, slug=slug)
    statements = Statement.objects.published().about(topic).for_listing().chronological()
    return render(request, "archive/topic_detail.html", {"topic": topic, "statements": statements})


def session_detail(request, congress, number):
    session = get_object_or_404(Session, congress=congress, number=number)
    statements = Statement.objects.published().filter(session=session).for_listing().chronological()
    return render(request, "archive/session_detail.html", {"session": session, "statements": statements})
