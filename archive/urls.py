from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import feeds, views
from .caching import public_page
from .citations import views as citation_views
from .data import views as data_views
from .search import views as search_views
from .sitemaps import SITEMAPS, sitemap_page

public = [
    path("", views.home, name="home"),
    path("<int:year>/", views.year_detail, name="year"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement"),
    path("statements/<slug:slug>/cite.bib", citation_views.download, {"format": "bib"}, name="cite_bibtex"),
    path("statements/<slug:slug>/cite.ris", citation_views.download, {"format": "ris"}, name="cite_ris"),
    path("statements/<slug:slug>/cite.json", citation_views.download, {"format": "json"}, name="cite_csl"),
    path("topics/", views.topic_index, name="topics"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/", public_page(feeds.TopicFeed()), name="topic_feed"),
    path("sessions/", views.session_index, name="sessions"),
    path("sessions/<int:congress>-<int:number>/", views.session_detail, name="session"),
    path("about/", views.about, name="about"),
    path("feed/", public_page(feeds.NewStatementsFeed()), name="feed"),
    path("search/", search_views.search, name="search"),
    path("search/feed/", feeds.SearchFeed(), name="search_feed"),
    path("data/", data_views.data_page, name="data"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    # The JSON API has no language prefix: every answer holds all three languages.
    path("api/v1/", include(("archive.api.urls", "api"))),
    path("sitemap.xml", public_page(sitemap_page, parameters=["p"]), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    # The downloadable files are the same in every language: one address each.
    path("data/<str:name>", data_views.data_file, name="data_file"),
]
# Every public address carries its language; LocaleMiddleware sends "/" to the reader's one.
urlpatterns += i18n_patterns(path("", include((public, "archive"))))

# A database outage raised outside a view is the 503 page too (archive/ops/outage.py).
handler500 = "archive.ops.outage.server_error"
