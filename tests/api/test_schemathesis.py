"""The API keeps the promises of its OpenAPI schema: schemathesis generates requests from the schema
(valid ones, and invalid ones that must be refused) and checks every answer against it.

In process through the WSGI application, with the rate limit off (tests/api/conftest.py); a few
dozen examples per operation keep the run under a minute."""

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db

schema = schemathesis.openapi.from_wsgi("/api/v1/schema/?format=json", get_wsgi_application())

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@schema.parametrize()
@settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck))
def test_the_api_conforms_to_its_schema(case, archive):
    case.call_and_validate(checks=CHECKS)
