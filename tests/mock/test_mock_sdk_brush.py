"""The official SDK's upload_brush_array against a live mock, in a subprocess (with the numpy and
Pillow it imports but does not declare, installed in .venv-sdk by `make install`): the PNG of a
2D mask and of an RGB image, and the NRRD of a medical volume, land in the mock's storage and
decode to what was sent; getUploadUrl's requests are valid against openapi.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest
from ango_hub.mock.server import MockServer

from tests.support.sdk import run_sdk_script

# Heavy (a subprocess, a browser, a build or a fuzzer): not in `make test-fast`.
pytestmark = pytest.mark.slow

SCRIPT = Path(__file__).with_name("sdk_brush_script.py")


def test_official_sdk_upload_brush_array(mock: MockServer) -> None:
    mock.ctx.requests.clear()
    result = run_sdk_script(SCRIPT, mock.root_url, mock.api_key)
    out = result.out
    # A 2D mask: white and opaque where non-zero, transparent elsewhere.
    assert out["mask_mode"] == "RGBA"
    assert out["mask_alpha"] == [[0, 255, 0], [255, 255, 0]]
    # RGB: alpha 255 where the pixel is not black.
    assert out["rgb_pixels"] == [[[0, 0, 0, 0], [10, 20, 30, 255]], [[0, 0, 0, 0], [0, 0, 0, 0]]]
    header = out["nrrd_header"]
    assert header.startswith("NRRD")
    assert any(f"sizes: {s}" in header for s in ("5 3 2", "2 3 5"))
    # Stored under the project, by file type, and returned without the signature's query.
    assert f"/_storage/{out['project']}/brushes/" in out["mask_url"]
    assert "?" not in out["mask_url"]
    assert out["nrrd_url"].endswith(".nrrd")
    stored = [p for p in mock.ctx.store.root.rglob("*") if p.is_file()]
    assert sum(p.suffix == ".png" for p in stored) == 2
    assert mock.requests.counts["getUploadUrl"] == 3
    assert not [e for e in mock.requests.entries if e["status"] >= 400]
