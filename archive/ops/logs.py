"""Log lines that say which request they are about, and bad Host headers in one line each.

Django logs a refused Host header (DisallowedHost) as an error with its whole traceback; on the
internet that is a scanner a minute, and the traceback says nothing the message does not.
"""

import logging


class RequestFormatter(logging.Formatter):
    """Appends `[METHOD /path?query host=… from …]` to records that carry a request."""

    def format(self, record):
        line = super().format(record)
        request = getattr(record, "request", None)
        meta = getattr(request, "META", None)
        if meta is None:
            return line
        query = meta.get("QUERY_STRING", "")
        address = meta.get("PATH_INFO", "") + (f"?{query}" if query else "")
        method, host, client = (
            meta.get("REQUEST_METHOD", "?"),
            meta.get("HTTP_HOST", ""),
            meta.get("REMOTE_ADDR"),
        )
        described = f"{method} {address} host={host!r} from {client or '?'}"
        first, newline, rest = line.partition("\n")
        return f"{first} [{described}]{newline}{rest}"


class WithoutTraceback(logging.Filter):
    """Drops the traceback, so that the record is one line."""

    def filter(self, record):
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True
