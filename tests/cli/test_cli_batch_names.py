"""``ango-hub upload --batch``: a batch the project lacks is refused (exit 2, nothing uploaded,
the project's batches listed); ``--create-batches`` creates it."""

from __future__ import annotations

from pathlib import Path

from ango_hub.mock.server import MockServer
from cli_helpers import RunCli


def test_upload_refuses_a_misspelt_batch(cli: RunCli, mock: MockServer, tmp_path: Path) -> None:
    image = tmp_path / "a.png"
    image.write_bytes(b"png")
    assert cli("batches", "create", mock.project_id, "Batch 1").code == 0
    result = cli("upload", mock.project_id, str(image), "--batch", "Bacth 1")
    assert result.code == 2, result
    assert "did you mean `Batch 1`?" in result.stderr
    assert [a for a in mock.project.iter_assets() if not a.deleted] == []
    created = cli("upload", mock.project_id, str(image), "--batch", "Bacth 1", "--create-batches")
    assert created.code == 0, created
    names = [mock.project.batch_names(a.batches) for a in mock.project.iter_assets()]
    assert names == [["Bacth 1"]]
