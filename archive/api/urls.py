from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from rest_framework.routers import SimpleRouter

from . import views

router = SimpleRouter()
router.register("statements", views.StatementViewSet, basename="statement")
router.register("topics", views.TopicViewSet, basename="topic")
router.register("sessions", views.SessionViewSet, basename="session")
router.register("sources", views.SourceViewSet, basename="source")
router.register("withdrawals", views.WithdrawalViewSet, basename="withdrawal")

urlpatterns = [
    path("", views.RootView.as_view(), name="root"),
    path("search/", views.SearchView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # Redoc from our own static files (drf-spectacular-sidecar), in a page with no inline script.
    path(
        "docs/",
        SpectacularRedocView.as_view(url_name="api:schema", template_name="api/redoc.html"),
        name="docs",
    ),
    path("", include(router.urls)),
    # Only addresses that end in a slash, so that CommonMiddleware still adds a forgotten one.
    re_path(r"^.*/$", views.NotFoundView.as_view()),
]
