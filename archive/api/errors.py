"""Every API error as JSON: {"errors": {"parameter": ["reason", …]}} for bad parameters."""

from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(exc, exceptions.ValidationError):
        detail = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
        response.data = {
            "errors": {
                name: [str(m) for m in (ms if isinstance(ms, list) else [ms])] for name, ms in detail.items()
            }
        }
    return response
