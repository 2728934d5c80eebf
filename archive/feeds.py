"""Atom feeds of newly published statements, in the reader's language: all of them, or one topic's."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .languages import version_in
from .models import CONTROL_CHARACTERS, Statement, Topic
from .origin import absolute_url

FEED_LENGTH = 30


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

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def statements(self):
        return Statement.objects.published().for_listing().order_by("-published_at", "-id")

    def items(self):
        return self.statements()[:FEED_LENGTH]

    def item_title(self, item):
        return CONTROL_CHARACTERS.sub("", version_in(item).title.value)

    def item_description(self, item):
        # Atom marks the summary as HTML: our texts are plain, so they are escaped first.
        version = version_in(item)
        return escape(CONTROL_CHARACTERS.sub("", f"{version.note} {version.summary.value}".strip()))

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

    def items(self, obj):
        return self.statements().about(obj)[:FEED_LENGTH]
