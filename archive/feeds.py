"""Atom feeds (RFC 4287) in the reader's language: new statements, one topic's, or any search's.

Entry ids are tag: URIs (RFC 4151) built from the public origin's host and the statement's
permanent numeric id, so they never change when a slug is corrected; `published` is when the
statement first appeared in the archive, `updated` its last change, and the title says when he
said it. The feed's author is the archive; each entry's author is Lei Jun.
"""

from urllib.parse import urlsplit

from django.contrib.syndication.views import Feed
from django.db.models import prefetch_related_objects
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .citations.reference import AUTHOR
from .languages import current_language, shown_in, version_in
from .models import CONTROL_CHARACTERS, Statement, Topic
from .origin import absolute_url, site_host
from .search.forms import SearchForm

FEED_LENGTH = 30
# The date in every tag: URI this archive mints. Part of each id: never change it.
TAG_DATE = "2026"


def tag_uri(specific):
    """`tag:archive.example.org,2026:statement/42`. A tag's authority is a host name, without port."""
    host = urlsplit(f"//{site_host()}").hostname or site_host()
    return f"tag:{host},{TAG_DATE}:{specific}"


def statement_tag(statement):
    return tag_uri(f"statement/{statement.pk}")


class NewStatementsFeed(Feed):
    feed_type = Atom1Feed

    def title(self):
        return _("Lei Jun at the NPC: new statements")

    def subtitle(self):
        return _("Statements newly added to the archive, with their sources.")

    def link(self):
        return absolute_url(reverse("archive:home"))

    # Absolute addresses from the configured origin: Django would otherwise take the Host header.
    def feed_url(self):
        return absolute_url(reverse("archive:feed"))

    def feed_guid(self):
        return tag_uri(f"feed/{current_language()}")

    # RFC 4287 requires an author for the feed (or for every entry): the archive compiles it.
    def author_name(self):
        return _("Lei Jun at the National People's Congress")

    def author_link(self):
        return absolute_url(reverse("archive:home"))

    def item_author_name(self, item):
        return AUTHOR.get(current_language(), AUTHOR["en"])

    def item_guid(self, item):
        return statement_tag(item)

    item_guid_is_permalink = False

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def statements(self):
        return Statement.objects.published().for_listing().order_by("-published_at", "-id")

    def items(self):
        return self.statements()[:FEED_LENGTH]

    def item_title(self, item):
        # When he said it, in the title: a feed reader shows when an entry was added, not that.
        title = CONTROL_CHARACTERS.sub("", version_in(item).title.value)
        return _("%(title)s (%(date)s)") % {"title": title, "date": date_format(item.date, "DATE_FORMAT")}

    def item_description(self, item):
        # Atom marks the summary as HTML: our texts are plain, so they are escaped first.
        version = version_in(item)
        said = _("%(kind)s, %(date)s.") % {
            "kind": item.get_kind_display(),
            "date": date_format(item.date, "DATE_FORMAT"),
        }
        if item.session_id:
            said = _("%(kind)s, %(date)s, %(session)s.") % {
                "kind": item.get_kind_display(),
                "date": date_format(item.date, "DATE_FORMAT"),
                "session": shown_in(item.session, "name").value,
            }
        text = f"{said} {version.note} {version.summary.value}".replace("  ", " ")
        return escape(CONTROL_CHARACTERS.sub("", text.strip()))

    def item_pubdate(self, item):
        return item.published_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_categories(self, item):
        # Its kind first, so that a feed reader can tell a quote from a reported point.
        return [str(item.get_kind_display()), *(topic.name for topic in item.topics.all())]


class TopicFeed(NewStatementsFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)

    def title(self, obj):
        return _("Lei Jun at the NPC: new statements on %(topic)s") % {"topic": obj.name}

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj):
        return absolute_url(reverse("archive:topic_feed", kwargs={"slug": obj.slug}))

    def feed_guid(self, obj):
        return tag_uri(f"topic/{obj.pk}/feed/{current_language()}")

    def items(self, obj):
        return self.statements().about(obj)[:FEED_LENGTH]


class SearchFeed(NewStatementsFeed):
    """The statements a search finds, newest first: the search page's parameters and search.

    Not cached with the pages (each query would fill the cache); ConditionalGetMiddleware gives
    it an ETag, so a feed reader polling an unchanged search gets a 304.
    """

    def __call__(self, request, *args, **kwargs):
        form = SearchForm(request.GET)
        if not form.is_valid():
            return render(request, "archive/search.html", {"form": form, "results": None}, status=400)
        # On the request, not on this instance, which every request shares.
        request.search_form = form
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request):
        return request.search_form

    def title(self, form):
        q = form.cleaned_data["q"].strip()
        if q:
            return _("Lei Jun at the NPC: search for “%(query)s”") % {"query": q}
        return _("Lei Jun at the NPC: search")

    def subtitle(self, form):
        return _("Statements this search finds, newest first.")

    def link(self, form):
        return absolute_url(reverse("archive:search") + "?" + form.data.urlencode())

    def feed_url(self, form):
        return absolute_url(reverse("archive:search_feed") + "?" + form.data.urlencode())

    def feed_guid(self, form):
        return self.feed_url(form)

    def items(self, form):
        results = form.results(reader_language=get_language(), sort="newest", page=1, per_page=FEED_LENGTH)
        statements = [hit.statement for hit in results.hits]
        prefetch_related_objects(statements, "topics")
        return statements
