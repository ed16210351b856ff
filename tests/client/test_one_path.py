"""One path is one path: a ``str`` or ``Path`` given to ``upload`` is one file or folder, never
walked character by character; what is not a path is refused before anything is sent, and
``mypy --strict`` refuses it in a user's script, a bare ``str`` included (most often a list
was meant: the type asks for ``Path("images")`` or ``["images"]``). On both clients."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ango_hub import AngoHubValidationError
from ango_hub.mock.server import MockServer
from client_helpers import MakeHub


def images(tmp_path: Path) -> Path:
    folder = tmp_path / "images"
    folder.mkdir()
    for name in ("a.png", "b.png"):
        (folder / name).write_bytes(name.encode() * 8)
    return folder


@pytest.mark.parametrize("as_text", [True, False], ids=["str", "Path"])
def test_a_folder_given_alone_is_one_folder(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path, as_text: bool
) -> None:
    folder = images(tmp_path)
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        given = str(folder) if as_text else folder
        report = hub.assets.upload(mock.project_id, given, progress=False)  # type: ignore[arg-type,unused-ignore]
    assert [(i.external_id, i.status) for i in report.items] == [
        ("a.png", "created"),
        ("b.png", "created"),
    ]


def test_a_file_given_alone_is_one_file(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    one = images(tmp_path) / "a.png"
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        report = hub.assets.upload(mock.project_id, str(one), progress=False)  # type: ignore[arg-type]
    assert [(i.external_id, i.status) for i in report.items] == [("a.png", "created")]


def test_what_is_not_a_path_is_refused_before_sending(
    make_hub: MakeHub, mock: MockServer, tmp_path: Path
) -> None:
    listing = tmp_path / "list.txt"
    listing.write_text("a.png\nb.png\n")
    with make_hub(api_key=mock.api_key, base_url=mock.base_url) as hub:
        mock.requests.clear()
        with listing.open() as handle, pytest.raises(AngoHubValidationError, match="files"):
            hub.assets.upload(mock.project_id, handle, progress=False)  # type: ignore[arg-type]
        with pytest.raises(AngoHubValidationError, match=r"files\[1\]: must be a path, got int"):
            hub.assets.upload(mock.project_id, ["a.png", 7], progress=False)  # type: ignore[list-item]
        with pytest.raises(AngoHubValidationError, match="files: got bytes"):
            hub.assets.upload(mock.project_id, b"images", progress=False)  # type: ignore[arg-type]
    assert sum(mock.requests.counts.values()) == 0


USER_SCRIPT = """\
from pathlib import Path

from ango_hub import AngoHub, AsyncAngoHub

hub = AngoHub(api_key="k", base_url="http://127.0.0.1:9/v2")
hub.assets.upload("p", "images")  # BAD
hub.assets.upload("p", Path("images"))
hub.assets.upload("p", ["a.jpg", "b.jpg"])
hub.assets.upload("p", [Path("a.jpg")])
hub.assets.upload("p", ["a.png", Path("b.png")])
hub.assets.upload("p", ("a.png", Path("b.png")))
hub.assets.upload("p", {"a.png", "b.png"})
hub.assets.upload("p", Path("images").glob("*.png"))
hub.assets.upload("p", sorted(Path("images").glob("*.png")))
hub.assets.upload("p", (p for p in Path("images").iterdir() if p.suffix == ".png"))
hub.assets.upload("p", (str(p) for p in Path("images").iterdir()))
names: list[str] = ["a.png"]
hub.assets.upload("p", names)
found: list[Path] = [Path("a.png")]
hub.assets.upload("p", found)
with open("list.txt") as listing:
    hub.assets.upload("p", listing)  # BAD
hub.assets.upload("p", [1, 2])  # BAD
hub.assets.upload("p", b"images")  # BAD
hub.assets.upload("p", str(Path("images")))  # BAD


async def main(ahub: AsyncAngoHub) -> None:
    await ahub.assets.upload("p", "images")  # BAD
    await ahub.assets.upload("p", Path("images"))
    await ahub.assets.upload("p", ["a.jpg", "b.jpg"])
    await ahub.assets.upload("p", 42)  # BAD
"""


def test_mypy_strict_refuses_what_is_not_a_path(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(USER_SCRIPT)
    mypy = [sys.executable, "-m", "mypy", "--strict", "--no-error-summary"]
    run = subprocess.run(
        [*mypy, "--cache-dir", str(tmp_path / "cache"), str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    bad = {n for n, line in enumerate(USER_SCRIPT.splitlines(), 1) if line.endswith("# BAD")}
    flagged = {int(line.split(":")[1]) for line in run.stdout.splitlines() if ": error:" in line}
    assert flagged == bad, textwrap.indent(run.stdout + run.stderr, "  ")
    assert 'Argument 2 to "upload" of "Assets"' in run.stdout
