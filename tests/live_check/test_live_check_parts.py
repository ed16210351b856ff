"""Coverage of the spec, the discrepancy matcher, pacing, and the run guards."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
import yaml
from ango_hub.errors import ConfigurationError
from ango_hub.live_check import Mode
from ango_hub.live_check.guard import check_allowed, default_rate
from ango_hub.live_check.known import known_discrepancy
from ango_hub.live_check.plan import COVERAGE, PROBES, covered_operations
from ango_hub.live_check.recorder import Pacer
from ango_hub.live_check.redact import scrub
from live_check_helpers import DISCREPANCIES, SPEC, spec_operation_ids


def test_every_operation_in_the_spec_has_live_check_coverage() -> None:
    in_spec = spec_operation_ids(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    missing = sorted(in_spec - covered_operations())
    assert missing == [], f"add a Coverage entry in ango_hub/live_check/plan.py for {missing}"
    stale = sorted(covered_operations() - in_spec)
    assert stale == [], f"Coverage entries for operations the spec no longer has: {stale}"
    assert len({c.operation_id for c in COVERAGE}) == len(COVERAGE)  # one entry each


def test_probes_name_spec_operations() -> None:
    in_spec = spec_operation_ids(yaml.safe_load(SPEC.read_text(encoding="utf-8")))
    assert {p.operation_id for p in PROBES} <= in_spec


@pytest.mark.parametrize(
    ("operation", "method", "path", "detail", "row"),
    [
        ("getSignedUrl", "GET", "/getSignedUrl", "query.url: required parameter is missing", "6"),
        ("assignBatches", "POST", "/assignBatches", "body.mode: 'x' is not one of", "17"),
        ("exportTasks", "GET", "/export", "query.sendEmail: 'no' is not one of", "20"),
        ("getUploadUrl", "GET", "/getUploadUrl", "201: status code not declared", "7"),
        ("listAssets", "GET", "/project/{projectId}/assets", "query.filters: not JSON", "13"),
    ],
)
def test_known_discrepancies_are_found_by_operation_and_field(
    operation: str, method: str, path: str, detail: str, row: str
) -> None:
    assert known_discrepancy(DISCREPANCIES, operation, method, path, detail) == (
        f"DISCREPANCIES.md #{row}"
    )


def test_unrecorded_difference_is_not_matched(tmp_path: Path) -> None:
    detail = "200 response.data: 'total' is a required property"
    args = ("listAssets", "GET", "/project/{projectId}/assets", detail)
    assert known_discrepancy(DISCREPANCIES, *args) is None
    assert known_discrepancy(tmp_path / "absent.md", *args) is None


def test_pacer_spaces_requests_and_honours_retry_after() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    pacer = Pacer(per_minute=60, clock=lambda: now[0], sleep=sleep)
    pacer.before_request()
    pacer.before_request()
    assert slept == [1.0]
    limited = httpx.Response(429, headers={"retry-after": "5"})
    pacer.after_response(limited)
    pacer.before_request()
    assert slept == [1.0, 5.0]


def test_unpaced_on_loopback_paced_elsewhere() -> None:
    assert default_rate("http://127.0.0.1:8765/v2") is None
    assert default_rate("http://localhost:8765/v2") is None
    rate = default_rate("https://testapi.ango.ai/v2")
    assert rate is not None
    assert rate < 100


def test_guards_need_a_project_and_yes_outside_the_test_region() -> None:
    with pytest.raises(ConfigurationError, match="ANGO_LIVE_PROJECT: missing"):
        check_allowed(
            base_url="https://testapi.ango.ai/v2", project=None, mode=Mode.WRITE, yes=True
        )
    with pytest.raises(ConfigurationError, match=r"--yes: imeritapi\.ango\.ai is not the test"):
        check_allowed(
            base_url="https://imeritapi.ango.ai/v2", project="p", mode=Mode.READ, yes=False
        )
    assert (
        check_allowed(
            base_url="https://testapi.ango.ai/v2", project="p", mode=Mode.WRITE, yes=False
        )
        == "p"
    )
    assert (
        check_allowed(base_url="https://us-api.ango.ai/v2", project="p", mode=Mode.READ, yes=True)
        == "p"
    )


def test_scrub_removes_key_and_signed_queries() -> None:
    text = "key sk-123 at https://b.s3.amazonaws.com/a.jpg?X-Amz-Signature=abc&X-Amz-Expires=60 ok"
    assert scrub(text, ("sk-123",)) == "key *** at https://b.s3.amazonaws.com/a.jpg ok"
    plain = "https://example.com/a?page=2"
    assert scrub(plain) == plain
