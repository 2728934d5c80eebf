"""Adjustments to the generated OpenAPI schema."""

from ..origin import site_url


def servers_from_origin(result, generator, request, public):
    """The API's server is the public origin (ARCHIVE_SITE_URL), read when the schema is served."""
    result["servers"] = [{"url": site_url()}]
    return result
