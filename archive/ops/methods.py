"""Methods no page answers. TRACE echoes the request (and so its cookies) back; refused at once."""

from django.http import HttpResponseNotAllowed

REFUSED_METHODS = {"TRACE", "TRACK", "CONNECT"}
ALLOWED = ["GET", "HEAD", "POST", "OPTIONS"]


class RefuseMethodsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in REFUSED_METHODS:
            return HttpResponseNotAllowed(ALLOWED)
        return self.get_response(request)
