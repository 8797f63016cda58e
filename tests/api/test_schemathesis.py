"""Property-based testing of the whole API against its own OpenAPI document: Schemathesis reads
the document the site serves and sends generated requests, valid and invalid, through the WSGI
application; no response may be a server error or differ from what the document promises."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from config.wsgi import application

# Per operation: enough to reach every parameter's edges, few enough for CI on two cores.
EXAMPLES = 30


# Loaded when the module is collected: the document is built from code, with no query.
# (schemathesis.pytest.from_fixture would defer it, but it breaks on pytest 9's node ids.)
schema = schemathesis.openapi.from_wsgi("/api/openapi.json", application)


@pytest.fixture
def wsgi_keeps_the_test_transaction():
    """A real WSGI request closes the database connection when it ends, which would lose the
    test's transaction (and its sample) on PostgreSQL; Django's own test client prevents that
    the same way."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_api_keeps_to_its_document(case, sample, wsgi_keeps_the_test_transaction):
    case.call_and_validate()
