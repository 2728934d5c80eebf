"""/healthz for a load balancer: is the database reachable, the cache working, the search index
up to date? 200 with `ok` for each, or 503 naming what failed.

Answered by a middleware at the top of the stack, before anything calls request.get_host(): a
probe comes by the machine's own address, which ALLOWED_HOSTS rightly does not list, and over
plain HTTP, which SecurityMiddleware would redirect. It reveals nothing but the three words.
"""

import json
import logging
import time

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpResponse

logger = logging.getLogger("archive.health")

HEALTH_PATH = "/healthz"
# The index check runs a few queries over every statement: done at most once a minute per cache.
INDEX_CHECK_KEY = "archive:healthz:index"
INDEX_CHECK_SECONDS = 60


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache():
    token = str(time.time())
    cache.set("archive:healthz:probe", token, timeout=30)
    if cache.get("archive:healthz:probe") != token:
        raise RuntimeError("the cache did not keep a value")


def check_search_index():
    problems = cache.get(INDEX_CHECK_KEY)
    if problems is None:
        from ..search.index import index_problems

        problems = index_problems()
        cache.set(INDEX_CHECK_KEY, problems, timeout=INDEX_CHECK_SECONDS)
    if problems:
        raise RuntimeError("; ".join(problems))


def first_line(error):
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


CHECKS = {"database": check_database, "cache": check_cache, "search_index": check_search_index}


def health_report():
    report, healthy = {}, True
    for name, check in CHECKS.items():
        if name == "search_index" and report.get("database") != "ok":
            report[name] = "unknown"
            continue
        try:
            check()
        except (DatabaseError, RuntimeError, OSError) as error:
            healthy = False
            report[name] = "failing"
            logger.error(
                "healthz: %s failing: %s",
                name,
                first_line(error),
            )
        else:
            report[name] = "ok"
    return healthy, report


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != HEALTH_PATH:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = HttpResponse(status=405)
            response["Allow"] = "GET, HEAD"
            return response
        healthy, report = health_report()
        response = HttpResponse(
            json.dumps({"status": "ok" if healthy else "failing", **report}),
            content_type="application/json",
            status=200 if healthy else 503,
        )
        response["Cache-Control"] = "no-store"
        return response
