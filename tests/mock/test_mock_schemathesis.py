"""Schemathesis (v4 CLI) against a live mock, from openapi.yaml: every check, every phase.

Bounded and reproducible for CI: deterministic generation (no random seed involved), no example
database, a few examples per operation. `make fuzz` runs the randomised, longer campaign
(tests/mock/fuzz_campaign.py) with the same configuration.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from ango_hub import operations
from ango_hub.testing import run_mock_server

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))

# The state-dependent rules, and only those: the request is schema-valid, and the answer depends
# on what the organisation holds, which no schema can say. For these operations
# `positive_data_acceptance` also accepts 400 (every other expected status is schemathesis'
# default, where "no such ..." is already a 404). Each entry names its rule; docs/MOCK.md lists
# them. The mock's former guesses (fields that must agree, duplicates, JSON text) are gone.
POSITIVE_400_REASONS = {
    # Receivers must be members of the organisation (the SDK's send_notification docstring).
    "sendNotification": "a receiver who is not a member",
    # `confirmName` must match the project's name (the SDK's purge_project docstring).
    "purgeProject": "confirmName is not the project's name",
    # Every task must be in the project (nothing changes otherwise).
    "setTasksBenchmark": "a task not in the project",
    # The user must be a member, every task in the project (and in `stage` when given).
    "assignTasks": "user not a member, or a task not in the project or stage",
    # `toStageId` must be a stage of the project's workflow.
    "requeueTasks": "toStageId not a stage of the workflow",
    # Submitting needs a next stage (one the workflow has); a review needs a Review stage.
    "annotateTask": "submitted from a stage with no next stage",
    "reviewTask": "the task is not in a Review stage",
    # An address already a member or invited, or a project of another organisation.
    "inviteOrganizationMembers": "already a member or invited, or an unknown project",
    # The organisation's owner cannot be removed (the key's own user).
    "removeOrganizationMembers": "the owner named",
    # NOT state-dependent, left open: a `file` part without `filename=` in its
    # Content-Disposition is not read as the file (the mock refuses it, as for every file part).
    "uploadChatAssets": "a file part sent without filename=",
}


# schemathesis' default list for positive_data_acceptance, plus 400.
POSITIVE_STATUSES = '["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]'

# The one check switched off, for one operation. DELETE /project/{projectId}/assets deletes the
# assets named in its *body*; GET on the same path lists the project. use_after_free treats any
# 2xx GET on the path of a successful DELETE (same scenario) as reading the deleted resource,
# so every listing after a delete "fails". The deleted assets really are gone from listings:
# test_mock_assets.py::test_delete_is_soft_and_counts_failures asserts it.
USE_AFTER_FREE_OFF = {
    "listAssets": "lists the project whose *members* a DELETE removed",
    "listOrganizationMembers": "lists the organisation whose *members* a DELETE removed",
    "listOrganizationInvites": "lists the organisation whose *invitations* a DELETE removed",
}


# Roots of the spec's link chains. In the stateful phase their path `projectId` was observed not
# to come from the dictionary below (every root call answered 404 and no chain started), so
# these two always get the real project.
CHAIN_ROOTS = ("importCloudAssets", "uploadChatAssets")


def _operations_config(project_id: str) -> str:
    blocks = []
    for op in sorted(set(POSITIVE_400_REASONS) | set(USE_AFTER_FREE_OFF) | set(CHAIN_ROOTS)):
        lines = ["[[operations]]", f'include-operation-id = "{op}"']
        if op in POSITIVE_400_REASONS:
            lines.insert(0, f"# positive_data_acceptance + 400: {POSITIVE_400_REASONS[op]}")
            lines.append(f"checks.positive_data_acceptance.expected-statuses = {POSITIVE_STATUSES}")
        if op in USE_AFTER_FREE_OFF:
            lines.insert(0, f"# use_after_free off: {USE_AFTER_FREE_OFF[op]}")
            lines.append("checks.use_after_free.enabled = false")
        if op in CHAIN_ROOTS:
            lines.insert(0, "# root of the link chains: always the real project")
            lines.append(f'parameters = {{ "path.projectId" = "{project_id}" }}')
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def schemathesis_config(
    api_key: str, project_id: str, asset_id: str, max_examples: int, deterministic: bool = True
) -> str:
    """schemathesis.toml for one run.

    Auth goes through the spec's ApiKeyAuth scheme (so `ignored_auth` knows what to drop).
    Project and asset IDs are drawn from dictionaries of real ones 90% of the time, so most
    requests reach real state while the rest still fuzz those parameters.
    """
    operations = _operations_config(project_id)
    return f"""
# Every check schemathesis has (the config-file form of `--checks all`, which, given on the
# command line, would override the per-operation settings below).
[checks]
enabled = true

[generation]
deterministic = {"true" if deterministic else "false"}
max-examples = {max_examples}
database = "none"

[auth.openapi.ApiKeyAuth]
api_key = "{api_key}"

[dictionaries.projects]
values = ["{project_id}"]

[dictionaries.assets]
values = ["{asset_id}"]

[parameters]
"path.projectId" = {{ dictionary = "projects", probability = 0.9 }}
"query.project" = {{ dictionary = "projects", probability = 0.9 }}
"body.project" = {{ dictionary = "projects", probability = 0.9 }}
"body.projectId" = {{ dictionary = "projects", probability = 0.9 }}
"path.assetId" = {{ dictionary = "assets", probability = 0.9 }}

[phases.stateful]
max-steps = 10
# Walk the links written in openapi.yaml (import -> list -> update / assign batches / delete).
# With schemathesis' inferred links on, POST /assets/{{assetId}} (fed by the asset dictionary)
# becomes the root of nearly every scenario and the spec's chains are rarely reached.
inference.algorithms = []
# More scenarios than examples per operation: enough for the link chains to be walked.
generation.max-examples = {max_examples * 4}

{operations}
"""


def run_schemathesis(
    tmp: Path, extra_args: list[str], max_examples: int, deterministic: bool = True
) -> subprocess.CompletedProcess[str]:
    """Start a mock, seed one asset, run `schemathesis run` with all checks against it."""
    with run_mock_server() as mock:
        created = httpx.post(
            f"{mock.base_url}/project/{mock.project_id}/cloud",
            headers={"apikey": mock.api_key},
            json={"assets": [{"data": "https://example.com/a.jpg", "externalId": "fuzz-seed"}]},
            timeout=60,  # the first body validation builds validators: seconds when busy
        )
        created.raise_for_status()
        (asset,) = mock.project.assets.values()
        config = tmp / "schemathesis.toml"
        config.write_text(
            schemathesis_config(
                mock.api_key, mock.project_id, asset.id, max_examples, deterministic
            )
        )
        return subprocess.run(
            [
                SCHEMATHESIS,
                "--config-file",
                str(config),
                "run",
                str(REPO / "openapi.yaml"),
                "--url",
                mock.base_url,
                "--phases",
                "examples,coverage,fuzzing,stateful",
                "--workers",
                "1",
                "--no-color",
                *extra_args,
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
            check=False,
        )


ALL_CHECKS = {
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
    "negative_data_rejection",
    "positive_data_acceptance",
    "missing_required_header",
    "unsupported_method",
    "allow_header_conformance",
    "use_after_free",
    "ensure_resource_availability",
    "ignored_auth",
    "object_level_authorization",
}


def test_schemathesis_all_checks_all_phases_zero_failures(tmp_path: Path) -> None:
    events = tmp_path / "events.ndjson"
    args = ["--generation-deterministic", "--report", "ndjson", "--report-ndjson-path", str(events)]
    result = run_schemathesis(tmp_path, args, max_examples=10)
    summary = result.stdout[result.stdout.rfind("SUMMARY") :]
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    # The run really exercised the API: every operation of the index, every phase, every check.
    assert f"Tested: {len(operations())}" in summary, summary
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        assert f"✅ {phase}" in summary, summary
    assert "Failures" not in summary, summary
    # The spec's link chains were walked: the three links from the listing and at least one
    # import -> listing link (cloud's 200 variant is unreachable: the mock answers 201).
    links = re.search(r"API Links:\s+(\d+) covered / (\d+) selected", result.stdout)
    assert links, result.stdout[-3000:]
    assert int(links.group(1)) >= 4, links.group(0)
    ran = set(re.findall(r'"name": ?"([a-z_]+)"', events.read_text()))
    assert ran >= ALL_CHECKS, ALL_CHECKS - ran
