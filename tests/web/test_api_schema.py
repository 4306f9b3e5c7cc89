"""schemathesis against the JSON API's own OpenAPI document, in process, with a token of each
role: no answer is a 500, and every answer (status, content type, body, headers) is one the
document declares.

Requests are generated from the document: valid ones (which must be accepted unless a rule
the document cannot express refuses them, see below) and, with the administrator's token,
invalid ones (which must be refused with a 4xx, never a 500). The run is bounded
(`EXAMPLES` per operation and mode) and derandomised, so it is the same run every time.
"""

from __future__ import annotations

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import (
    Failure,
    FailureGroup,
    negative_data_rejection,
    positive_data_acceptance,
)
from schemathesis.config import SchemathesisConfig
from schemathesis.schemas import APIOperation

from produktlyft.accounts.tokens import create_token
from produktlyft.kernel.access import Role
from produktlyft.kernel.db import Database
from tests.conftest import make_context

OPENAPI = "/api/v1/openapi.json"
EXAMPLES = 12  # per operation, role and mode: some 700 requests in all
SETTINGS = settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run
    database=None,  # no example database: nothing carried over between runs
    deadline=None,  # a busy machine is slow, not wrong
    phases=[Phase.explicit, Phase.generate],  # no shrinking: a failure is reported as found
    suppress_health_check=list(HealthCheck),
)
# Checks that cannot hold for an operation, and why. A file's contents and the fields of an edit
# are checked against rules an OpenAPI schema cannot say (the template's columns and
# vocabularies), so valid-looking ones may get 422; and a file in a multipart body is bytes,
# so the "invalid" file schemathesis makes (an object where bytes were declared) is a file.
EDITS = {
    f"PATCH /{entity}/{{record_id}}": [positive_data_acceptance]
    for entity in ("systems", "capabilities", "integrations", "contracts")
}
EXCLUDED = {"POST /imports": [positive_data_acceptance, negative_data_rejection], **EDITS}
# The token is sent by the test (its absence is schemathesis' `ignored_auth` check); a query
# parameter the document does not name is ignored, as HTTP allows, so not sent as "invalid".
CONFIG = {"generation": {"with-security-parameters": False, "allow-extra-parameters": False}}
# Invalid requests only matter where they get past the permission check.
NEGATIVE_ROLE = Role.ADMIN


def _operations(app: FastAPI) -> list[APIOperation]:
    schema = schemathesis.openapi.from_asgi(
        OPENAPI, app, config=SchemathesisConfig.from_dict(CONFIG)
    )
    return [result.ok() for result in schema.get_all_operations()]


def _takes_input(operation: APIOperation) -> bool:
    raw = operation.definition.raw
    return bool(raw.get("parameters") or raw.get("requestBody"))


def _check(
    operation: APIOperation, mode: GenerationMode, secret: str, counted: list[int]
) -> list[str]:
    """Run one operation's examples in `mode`; the failures' reports (none if all held)."""
    excluded = EXCLUDED.get(operation.label, [])

    @SETTINGS
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case: schemathesis.Case) -> None:
        counted.append(1)
        case.call_and_validate(
            headers={"Authorization": f"Bearer {secret}"}, excluded_checks=excluded
        )

    if mode is GenerationMode.NEGATIVE and not _takes_input(operation):
        return []  # nothing to send wrong: no parameter, no body (the token is the test's)
    try:
        run()
    except (Failure, FailureGroup) as found:
        return [f"{operation.label} ({mode.value}): {found}"]
    except Unsatisfiable:
        # every value is valid (a record id is any text): no invalid request to send
        if mode is not GenerationMode.NEGATIVE:
            raise
    return []


@pytest.mark.parametrize("role", [Role.VIEWER, Role.ANALYST, Role.ADMIN])
def test_every_answer_is_declared_and_none_is_a_server_error(
    app: FastAPI, web_database: Database, role: Role
) -> None:
    secret = create_token(make_context(web_database), f"schemathesis-{role.value}", role).secret
    operations = _operations(app)
    modes = [GenerationMode.POSITIVE]
    if role is NEGATIVE_ROLE:
        modes.append(GenerationMode.NEGATIVE)
    counted: list[int] = []
    failures = [
        report
        for operation in operations
        for mode in modes
        for report in _check(operation, mode, secret, counted)
    ]
    assert not failures, "\n\n".join(failures)
    assert len(operations) >= 14  # every operation of the document was reached
    assert len(counted) >= len(operations) * len(modes)
    print(f"schemathesis {role.value}: {len(operations)} operations, {len(counted)} requests")


def test_the_run_is_the_same_every_time(app: FastAPI) -> None:
    """derandomize makes the examples a function of the operation alone: two runs draw the
    same requests, so a failure found once is found again."""
    operation = next(op for op in _operations(app) if op.label == "GET /systems")
    drawn: list[list[object]] = []
    for _ in range(2):
        queries: list[object] = []

        @SETTINGS
        @given(case=operation.as_strategy(generation_mode=GenerationMode.POSITIVE))
        def draw(case: schemathesis.Case) -> None:
            queries.append(case.query)  # noqa: B023  (drawn before the next loop)

        draw()
        drawn.append(queries)
    assert drawn[0] == drawn[1] and len(drawn[0]) > 1
