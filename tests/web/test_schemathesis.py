"""The API against its own OpenAPI document: schemathesis with every check, in process (ASGI).

Requests generated from the document, valid ones (positive mode) and ones that break it
(negative mode), against every operation, each answer validated by all of schemathesis'
checks. The budget is bounded (`MAX_EXAMPLES` per operation and mode) so it runs in CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import Case, GenerationMode
from schemathesis.config import SchemathesisConfig
from schemathesis.openapi import from_asgi

from prisonwatch.extract.pipeline import Extractor
from prisonwatch.storage.sql import SqlStore
from prisonwatch.web.app import create_app
from prisonwatch.web.settings import WebSettings
from tests.web.conftest import build

MAX_EXAMPLES = 20
RAN: dict[str, int] = {}
UNBREAKABLE: list[str] = []
CONFIG = """
[[operations]]
include-path = "/api/v1/stats"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404"]

[[operations]]
include-path-regex = "^/api/v1/(deals|observations|persons|custody|demands)"
checks.positive_data_acceptance.expected-statuses = ["2xx", "400", "401", "403", "404"]
"""
"""The two relaxations: a series' `to` before its `from`, more than 30 years after it, or a
start before 1900, is refused with 400: rules between parameters (and on the range of a
`format: date`) that an OpenAPI document cannot state; and an organisation or country the
ledger does not know is refused with 400 naming the known ones, a rule against the data."""


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory, extractor: Extractor) -> Iterator[object]:
    tmp: Path = tmp_path_factory.mktemp("schemathesis")
    store = SqlStore(f"sqlite:///{tmp / 'st.db'}")
    store.migrate()
    build(store, tmp, extractor)
    app = create_app(WebSettings(store.url, secure_cookies=False), store)
    yield from_asgi("/api/v1/openapi.json", app, config=SchemathesisConfig.from_str(CONFIG))
    store.close()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_api_conforms_to_its_openapi_document(api_schema: object, mode: GenerationMode) -> None:
    operations = [r.ok() for r in api_schema.get_all_operations()]  # type: ignore[attr-defined]
    assert len(operations) >= 10
    failures: list[str] = []
    for op in operations:

        @given(case=op.as_strategy(generation_mode=mode))
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=list(HealthCheck),
        )
        def check(case: Case) -> None:
            RAN[mode.value] = RAN.get(mode.value, 0) + 1
            case.call_and_validate()

        try:
            check()
        except Unsatisfiable:
            # nothing of this operation can break the document (a free-text path id alone)
            assert mode is GenerationMode.NEGATIVE, op.label
            UNBREAKABLE.append(op.label)
        except Exception as exc:  # every operation is tried; all failures are told at the end
            failures.append(f"{op.label}: {exc}")
    print(f"\nschemathesis cases run: {RAN}; no invalid request possible: {UNBREAKABLE}")
    assert not failures, "\n\n".join(failures)
    assert RAN[mode.value] >= 100
