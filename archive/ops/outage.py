"""While the database is down: cached pages are still served (archive/caching.py reads only the
cache), and every page that needs the database answers a translated 503 with Retry-After instead
of the bare 500 page. The error is logged once, in one line, with the request it interrupted."""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.defaults import server_error as django_server_error

logger = logging.getLogger("archive.outage")

# What a dead or restarting server raises: refused connections, terminated sessions, a closed
# connection. Integrity and programming errors are bugs and stay 500s.
OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else ""


def unavailable(request, exception):
    logger.error(
        "database unavailable: %s %s -> 503 (%s: %s)",
        request.method,
        request.get_full_path(),
        type(exception).__name__,
        first_line(exception),
    )
    # Rendered like 500.html: no request context, no context processor, no database.
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseOutageMiddleware:
    """Turns a database outage raised by a view into the 503 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS):
            return unavailable(request, exception)
        return None


def server_error(request, template_name="500.html"):
    """handler500: an outage raised outside a view (a middleware, a session save) is a 503 too."""
    exception = sys.exc_info()[1]
    if isinstance(exception, OUTAGE_ERRORS) or isinstance(
        getattr(exception, "__cause__", None), OUTAGE_ERRORS
    ):
        return unavailable(request, exception)
    return django_server_error(request, template_name)
