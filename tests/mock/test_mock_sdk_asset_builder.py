"""The official SDK's upload_files_with_asset_builder against a live mock, in a subprocess: the
template it reads back from getProject, the CSV it parses into HTML assets, the batches call and
the cloud import it sends, every request valid against openapi.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_asset_builder_script.py")


def test_official_sdk_upload_files_with_asset_builder(mock: MockServer, tmp_path: Path) -> None:
    rows = tmp_path / "products.csv"
    rows.write_text("sku,title,description\nA-1,Red mug,Holds tea\nB-2,Blue cup,Holds coffee\n")
    mock.ctx.requests.clear()
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key, str(rows))
    out = result.out
    assets = {a["externalId"]: a for a in out["assets"]}
    assert sorted(assets) == ["A-1", "B-2"]
    assert "Red mug" in assets["A-1"]["data"]
    assert "Holds tea" in assets["A-1"]["data"]
    assert assets["B-2"]["contextData"]["title"] == "Blue cup"
    stored = mock.state.projects[out["project"]]
    assert {a.priority for a in stored.assets.values()} == {3}
    counts = mock.requests.counts
    # No createBatches: the SDK reads the template's batch column as `batch_column_name`, a key
    # the template (`batchColumn`) never has, so its rows never name a batch (README's table).
    for operation in ("getProject", "importCloudAssets", "listAssets"):
        assert counts[operation] >= 1, operation
    assert not [e for e in mock.requests.entries if e["status"] >= 400]
