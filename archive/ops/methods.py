"""Requests no page answers: TRACE (which echoes the request, and so its cookies, back) and
addresses carrying a NUL character."""

from django.http import HttpResponseBadRequest, HttpResponseNotAllowed
from django.template.loader import render_to_string

REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
ALLOWED = ["GET", "HEAD", "POST", "OPTIONS"]


class RefuseMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED)
        return self.get_response(request)


class RefuseNulMiddleware:
    """In the admin, a NUL character in the address or its query is refused with 400.

    PostgreSQL cannot store or compare one: the admin's search and autocomplete, which read the
    query without a form, would pass it to the database and fail. Public pages read their query
    through forms, which answer with their own message. Below LocaleMiddleware, so that the page
    is in the editor's language.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith("/admin/"):
            return self.get_response(request)
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            return HttpResponseBadRequest(render_to_string("400.html"))
        return self.get_response(request)
