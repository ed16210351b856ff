"""Schemathesis (v4 CLI) against a live mock, from openapi.yaml: every check, every phase.

Bounded and reproducible for CI: deterministic generation, a fixed seed, no example database,
a few examples per operation. `make fuzz` runs the randomised, longer campaign
(tests/mock/fuzz.py) with the same configuration.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import httpx
from ango_hub.testing import run_mock_server

REPO = Path(__file__).resolve().parents[2]
SCHEMATHESIS = str(Path(sys.executable).with_name("schemathesis"))

# Operations whose spec allows requests the server must still answer 400, because OpenAPI cannot
# state the rule; for them `positive_data_acceptance` also accepts 400 (every other expected
# status is schemathesis' default). Each entry says why.
POSITIVE_400_REASONS = {
    # "Give exactly one of `url` or `name`": two optional query parameters; the spec says 400.
    "getSignedUrl": "neither url nor name",
    # `projectId` in the form must equal the path's; `conversations`/`file` must hold JSON
    # arrays: form fields are plain strings in the spec.
    "uploadChatAssets": "projectId mismatch or conversations not JSON",
    # body `project`, when present, must equal the path's `projectId` (spec description).
    "deleteAssets": "body.project differs from the path",
    # `project` and `projectId` must agree; `mode` is an open string but only `add` is known.
    "assignBatches": "project/projectId disagree or unknown mode",
    # `filters` is JSON text (contentMediaType application/json + contentSchema); schemathesis
    # generates plain strings for it, which the server cannot read.
    "listAssets": "filters not JSON",
    # `createdAt`/`updatedAt` hold JSON objects as text ({"$gt", "$lt"} with ISO dates).
    "exportTasks": "createdAt/updatedAt not a JSON date range",
    "exportTasksV3": "createdAt/updatedAt not a JSON date range",
}


# schemathesis' default list for positive_data_acceptance, plus 400.
POSITIVE_STATUSES = '["2xx", "3xx", "400", "401", "403", "404", "409", "429", "5xx"]'


def schemathesis_config(api_key: str, project_id: str, asset_id: str, max_examples: int) -> str:
    """schemathesis.toml for one run.

    Auth goes through the spec's ApiKeyAuth scheme (so `ignored_auth` knows what to drop).
    Project and asset IDs are drawn from dictionaries of real ones 90% of the time, so most
    requests reach real state while the rest still fuzz those parameters.
    """
    operations = "\n".join(
        f"""
[[operations]]
# {reason}
include-operation-id = "{op}"
checks.positive_data_acceptance.expected-statuses = {POSITIVE_STATUSES}
"""
        for op, reason in POSITIVE_400_REASONS.items()
    )
    return f"""
[generation]
deterministic = true
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
# Follow the links written in openapi.yaml only. Inferred links ("dependency-analysis") join
# DELETE /project/{{projectId}}/assets (which deletes the assets named in the body) to GET on the
# same path (which lists the project), and use_after_free then takes the listing for the deleted
# resource: a false positive, since the path names the project, not the deleted assets.
inference.algorithms = []
{operations}
"""


def run_schemathesis(
    tmp: Path, extra_args: list[str], max_examples: int
) -> subprocess.CompletedProcess[str]:
    """Start a mock, seed one asset, run `schemathesis run` with all checks against it."""
    with run_mock_server() as mock:
        created = httpx.post(
            f"{mock.base_url}/project/{mock.project_id}/cloud",
            headers={"apikey": mock.api_key},
            json={"assets": [{"data": "https://example.com/a.jpg", "externalId": "fuzz-seed"}]},
        )
        created.raise_for_status()
        (asset,) = mock.project.assets.values()
        config = tmp / "schemathesis.toml"
        config.write_text(
            schemathesis_config(mock.api_key, mock.project_id, asset.id, max_examples)
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
                "--checks",
                "all",
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


def test_schemathesis_all_checks_all_phases_zero_failures(tmp_path: Path) -> None:
    result = run_schemathesis(tmp_path, ["--generation-deterministic"], max_examples=10)
    summary = result.stdout[result.stdout.rfind("SUMMARY") :]
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-5000:]
    # The run really exercised the API: all 12 operations, the stateful phase included.
    assert "Tested: 12" in summary, summary
    assert "✅ Stateful" in summary, summary
    assert "Failures" not in summary, summary
