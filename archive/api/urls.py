from csp.constants import SELF
from csp.decorators import csp_replace
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
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
    # Swagger UI from our own static files (drf-spectacular-sidecar); the split view serves its
    # set-up script as a file of its own, so the page has no inline script (Redoc's bundle loads
    # its logo from a CDN, whatever its options). The one exception to the site's CSP: Swagger UI's
    # stylesheet draws its icons as data: images.
    path(
        "docs/",
        csp_replace({"img-src": [SELF, "data:"]})(
            SpectacularSwaggerSplitView.as_view(url_name="api:schema", template_name="api/swagger_ui.html")
        ),
        name="docs",
    ),
    path("", include(router.urls)),
    # Only addresses that end in a slash, so that CommonMiddleware still adds a forgotten one.
    re_path(r"^.*/$", views.NotFoundView.as_view()),
]
