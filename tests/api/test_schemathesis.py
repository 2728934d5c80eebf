"""The API keeps the promises of its OpenAPI schema: schemathesis generates requests from the schema
(valid ones, and invalid ones that must be refused) and checks every answer against it.

In process through the WSGI application, with the rate limit off (tests/api/conftest.py); a few
dozen examples per operation keep the run under a minute."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())


@pytest.fixture
def connection_kept_open():
    """The WSGI application closes the database connection after each request, as it must in
    production; the test's transaction lives on that connection, so keep it open, as Django's test
    client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case, archive, connection_kept_open):
    case.call_and_validate(checks=CHECKS)
