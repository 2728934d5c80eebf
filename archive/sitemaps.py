"""sitemap.xml: every public page in every language, each with its hreflang alternates."""

import re

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap
from django.http import Http404
from django.urls import reverse

from . import origin, timeline
from .models import Session, Statement, Topic


class ArchiveSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    # Addresses name the configured public origin, never the request's Host.
    def get_protocol(self, protocol=None):
        return origin.site_scheme()

    def get_domain(self, site=None):
        return origin.site_host()


class HomeSitemap(ArchiveSitemap):
    changefreq = "weekly"

    def items(self):
        return ["archive:home", "archive:topics", "archive:sessions", "archive:about"]

    def location(self, item):
        return reverse(item)


class YearSitemap(ArchiveSitemap):
    def items(self):
        return list(timeline.deputy_years())

    def location(self, item):
        return timeline.year_url(item)


class StatementSitemap(ArchiveSitemap):
    def items(self):
        return Statement.objects.published().order_by("date", "id")

    def lastmod(self, item):
        return item.updated_at


class TopicSitemap(ArchiveSitemap):
    def items(self):
        return Topic.objects.order_by("slug")


class SessionSitemap(ArchiveSitemap):
    def items(self):
        return Session.objects.order_by("opened_on")


SITEMAPS = {
    "home": HomeSitemap,
    "years": YearSitemap,
    "statements": StatementSitemap,
    "topics": TopicSitemap,
    "sessions": SessionSitemap,
}


def sitemap_page(request, sitemaps):
    """The sitemap; `?p=` must be a page number as the sitemap writes it (1, 2, …), else 404.

    Django's view reads "01", " 1" or "1.0" as page 1: each would be one more cached variant.
    Numbers past the last page are its 404 already.
    """
    page = request.GET.get("p")
    if page is not None and not re.fullmatch(r"[1-9][0-9]{0,5}", page):
        raise Http404("No such sitemap page.")
    return sitemap(request, sitemaps=sitemaps)
