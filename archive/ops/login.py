"""The editors' sign-in: at most one password check at a time on each machine.

A password hash costs tens of milliseconds of CPU on purpose. django-axes refuses a guesser after
a few failures (before any hashing), but a flood of sign-ins under ever-new names and addresses
would still keep every worker hashing while readers wait. A sign-in that arrives while another is
being checked on this machine is answered at once with 429 and Retry-After, so hashing can hold at
most one worker and the public pages keep all the others.
"""

import fcntl
import os

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse

RETRY_AFTER_SECONDS = 2


class SignInGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method != "POST" or request.path_info != reverse("admin:login"):
            return self.get_response(request)
        path = settings.ARCHIVE_SIGNIN_LOCK_FILE
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "a") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return busy()
            try:
                return self.get_response(request)
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)


def busy():
    response = HttpResponse(render_to_string("signin_busy.html"), status=429)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
