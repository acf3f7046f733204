"""Schemathesis, driven by the service's own OpenAPI schema: no generated request gets a 5xx.

The operations and their Hypothesis strategies come from schemathesis; the loop is ours
(schemathesis' pytest plugin does not load under pytest 9).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings


def test_no_generated_request_gets_a_server_error(server):
    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()

        @given(case=operation.as_strategy())
        @settings(max_examples=25, deadline=None, database=None,
                  suppress_health_check=list(HealthCheck))
        def check(case):
            response = case.call(timeout=30)
            assert response.status_code < 500, (case.method, case.formatted_path, response.text[:300])

        check()
        checked.append(operation.label)
    assert len(checked) >= 8, checked
