"""The API against its own OpenAPI schema (schemathesis): no generated request may cause a server error.

Every operation of /api/openapi.json is called with requests generated from the schema (random
ids, filters, page sizes, bodies), as a reviewer over HTTP Basic, against a live server holding
seeds 004 and 002 (documents, projects, indicators, self-evaluations, reports). A 4xx answer is
fine (a wrong id, a refused filter); a 5xx is a bug. Bounded: ``EXAMPLES`` requests per operation.
"""

from __future__ import annotations

import base64

import pytest

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.db]

EXAMPLES = 25


@pytest.fixture
def fuzz_data(transactional_db, parsed_004, parsed_002, settings):
    from django.contrib.auth import get_user_model

    from perfbudget.store import models as db
    from perfbudget.store.save import save_document

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    for document, findings in (parsed_004, parsed_002):
        save_document(document, findings)
    user = get_user_model().objects.create_user(username="fuzz", password="Fuzz-2024-api")
    db.Profile.objects.create(user=user, role=db.Role.REVIEWER)
    return {"Authorization": "Basic " + base64.b64encode(b"fuzz:Fuzz-2024-api").decode()}


def test_no_server_errors(live_server, fuzz_data):
    from perfbudget.serve.api import api

    schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 18
    failures: list[str] = []
    for operation in operations:
        _fuzz(operation, live_server.url, fuzz_data, failures)
    assert failures == [], failures[:10]


def _fuzz(operation, base_url: str, headers: dict, failures: list[str]) -> None:
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy())
    def call(case):
        response = case.call(base_url=base_url, headers=headers)
        if response.status_code >= 500:
            failures.append(
                f"{operation.method.upper()} {operation.path}: {response.status_code} "
                f"for {case.path_parameters} {case.query}"
            )

    call()
