"""The project carries what it cites: every document named in the repository is in it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# A document named by file name (README.md, docs/MOCK.md, ...), or by the bare name of the
# generator notes, which code comments use ("see GENERATOR-NOTES"). A path that leaves the
# repository (the research notes in ../shared/docs/) says where it is, and is not counted.
CITED = re.compile(r"(?<![\w/.-])(?:docs/)?([A-Z][A-Z0-9_-]+\.md|GENERATOR-NOTES)\b")


def tracked_text_files() -> list[Path]:
    names = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files = []
    for name in names:
        path = REPO / name
        if path.is_file() and path.suffix in {".py", ".md", ".yaml", ".yml", ".mk", ".toml", ""}:
            files.append(path)
    return files


def test_every_cited_document_exists_in_the_repository() -> None:
    files = tracked_text_files()
    # Only what the repository itself holds (git's view), not node_modules or a venv.
    present = {path.name for path in files if path.suffix == ".md"}
    missing = {}
    for path in files:
        for name in CITED.findall(path.read_text(encoding="utf-8", errors="replace")):
            wanted = name if name.endswith(".md") else f"{name}.md"
            if wanted not in present:
                missing.setdefault(wanted, []).append(str(path.relative_to(REPO)))
    assert not missing, f"cited but not in the repository: {missing}"
    assert "GENERATOR-NOTES.md" in present
