"""Schemathesis against /openapi.json: requests generated from the schema (valid and
invalid, at the boundaries of every parameter) are sent to the in-process app over the
examples, with the token, and every one of schemathesis' checks holds: no server
error, every status, header and body as the schema says, invalid data refused, valid
data accepted, a missing or wrong token refused, a method not listed answered 405."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
import schemathesis
from fastapi import FastAPI
from hypothesis import HealthCheck, settings
from schemathesis.checks import CHECKS, load_all_checks
from schemathesis.config import SchemathesisConfig

from storyline.pipeline import Resources
from tests.api.conftest import TOKEN, fresh_app

load_all_checks()
# Every check schemathesis has, as `--checks all` runs them (max_response_time needs a
# limit and measures speed, which tests do not).
ALL_CHECKS = [c for c in CHECKS.get_all() if getattr(c, "__name__", "") != "max_response_time"]
EXAMPLES_PER_OPERATION = 30


# The schema does not depend on the data: read it from an app over an empty store, and
# send the requests to an app over the examples (schemathesis' lazy fixture loader does
# not run under pytest 9).
_EMPTY = tempfile.TemporaryDirectory(prefix="storyline-schema-")
# A request the schema allows may still be refused with a 422 for what a schema cannot
# say: a cursor the server never gave, a day that does not exist (2023-02-30), a text
# that is not English. Any other refusal of valid data (a 400) is a failure.
CONFIG = SchemathesisConfig.from_dict(
    {
        "checks": {
            "positive_data_acceptance": {
                "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]
            }
        }
    }
)
schema = schemathesis.openapi.from_asgi(
    "/openapi.json",
    fresh_app(Path(_EMPTY.name) / "empty.db", api_token=TOKEN),
    config=CONFIG,
)


@pytest.fixture(scope="module")
def examples_app(
    examples_db: str, resources: Resources, tmp_path_factory: pytest.TempPathFactory
) -> FastAPI:
    """An app with a token over a copy of the examples (ingest may write to it)."""
    db = tmp_path_factory.mktemp("fuzz") / "examples.db"
    shutil.copyfile(examples_db, db)
    return fresh_app(db, resources, api_token=TOKEN)


@pytest.mark.slow
@schema.include(path_regex="^/api/").parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    derandomize=True,  # the same requests on every run: CI does not flake
    suppress_health_check=list(HealthCheck),
)
def test_the_api_meets_its_schema(case: schemathesis.Case, examples_app: FastAPI) -> None:
    case.call_and_validate(
        app=examples_app, headers={"Authorization": f"Bearer {TOKEN}"}, checks=ALL_CHECKS
    )
