from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, re_path

from . import feeds, views
from .caching import public_page
from .search import views as search_views
from .sitemaps import SITEMAPS

public = [
    path("", views.home, name="home"),
    path("<int:year>/", views.year_detail, name="year"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("topics/<slug:slug>/feed/", public_page(feeds.TopicFeed()), name="topic_feed"),
    path("sessions/<int:congress>-<int:number>/", views.session_detail, name="session"),
    path("feed/", public_page(feeds.NewStatementsFeed()), name="feed"),
    path("search/", search_views.search, name="search"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    # /zh/, /zh-cn/, /zh-tw/, /zh-hant/…: the Chinese the archive has is Simplified.
    re_path(r"^(?!zh-hans/)[zZ][hH](?:[-_][a-zA-Z0-9]+)*/(?P<rest>.*)$", views.to_simplified_chinese),
]
# Every public address carries its language; LocaleMiddleware sends "/" to the reader's one.
urlpatterns += i18n_patterns(path("", include((public, "archive"))))
