from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from . import views
from .search import views as search_views

public = [
    path("", views.home, name="home"),
    path("statements/<slug:slug>/", views.statement_detail, name="statement"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic"),
    path("sessions/<int:congress>-<int:number>/", views.session_detail, name="session"),
    path("search/", search_views.search, name="search"),
]

urlpatterns = [
    path("admin/", admin.site.urls),
]
# Every public address carries its language; LocaleMiddleware sends "/" to the reader's one.
urlpatterns += i18n_patterns(path("", include((public, "archive"))))
