"""Export archives (issue 11, item 7): a task outgrowing ``max_task_bytes`` once decompressed
is a typed error in every format, and ``split`` archives are read member after member."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from ango_hub import ResponseTooLargeError
from ango_hub.export_reader import iter_archive_tasks
from ango_hub.mock.server import MockServer
from client_helpers import MakeHub

CAP = 1 << 20


def archive(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in members.items():
            zipped.writestr(name, data)
    return path


def test_split_archive_is_read_in_member_order(tmp_path: Path) -> None:
    tasks = {f"tasks/t{n:04d}.json": json.dumps({"taskId": f"t{n}"}).encode() for n in range(500)}
    path = archive(tmp_path / "split.zip", tasks)
    assert [t["taskId"] for t in iter_archive_tasks(path)] == [f"t{n}" for n in range(500)]


@pytest.mark.parametrize(
    ("members", "where"),
    [
        ({"p.ndjson": b'{"a": "' + b" " * (5 * CAP) + b'"}\n'}, "p.ndjson"),
        ({"p.json": b'[{"a": 1}, {"a": "' + b" " * (5 * CAP) + b'"}]'}, "p.json"),
        ({"tasks/a.json": b"{}", "tasks/b.json": b'{"a": "' + b" " * (5 * CAP) + b'"}'}, "b.json"),
    ],
    ids=["ndjson-line", "json-array-item", "split-member"],
)
def test_a_task_beyond_the_cap_is_a_typed_error(
    tmp_path: Path, members: dict[str, bytes], where: str
) -> None:
    path = archive(tmp_path / "bomb.zip", members)
    assert path.stat().st_size < 64 * 1024  # a small archive, 5 MiB inside
    with pytest.raises(ResponseTooLargeError) as info:
        list(iter_archive_tasks(path, max_task_bytes=CAP))
    assert where in str(info.value)
    assert "max_task_bytes" in str(info.value)
    assert info.value.limit == CAP


def test_many_tasks_each_under_the_cap_are_fine(tmp_path: Path) -> None:
    line = json.dumps({"a": "x" * 1000}).encode() + b"\n"
    path = archive(tmp_path / "many.zip", {"p.ndjson": line * 5000})  # 5 MB in all
    assert sum(1 for _ in iter_archive_tasks(path, max_task_bytes=64 * 1024)) == 5000


def test_split_export_from_the_mock_on_both_clients(mock: MockServer, make_hub: MakeHub) -> None:
    mock.seed(300, labeled=True)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        tasks = list(hub.exports.iter_tasks(mock.project_id, format="split"))
    assert len(tasks) == 300
    assert len({t.task_id for t in tasks}) == 300


def test_client_cap_reaches_iter_tasks(mock: MockServer, make_hub: MakeHub) -> None:
    mock.seed(3, labeled=True)
    with (
        make_hub(api_key=mock.api_key, base_url=mock.base_url, max_task_bytes=16) as hub,
        pytest.raises(ResponseTooLargeError, match="max_task_bytes"),
    ):
        list(hub.exports.iter_tasks(mock.project_id, format="split"))
