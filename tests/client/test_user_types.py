"""``mypy --strict`` on a user's script catches a misspelt tool kind, review decision and stage
type before anything runs: the kinds are the spec's enums as ``Literal`` types, also on the
label set ``hub.projects.get`` reads back; so is an issue's status, sent or read back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """\
from ango_hub import AngoHub
from ango_hub.labels import Classification, LabelSet, Stage, Tool, linear_workflow


def set_up(hub: AngoHub, project: str, task: str) -> None:
    colour = Classification("radio", "Colour", options=["Red", "Blue"])
    labels = LabelSet(tools=[Tool("{tool}", "Car", classifications=[colour])])
    hub.projects.set_label_set(project, labels)
    stages = linear_workflow(Stage("Start"), Stage("Label"), Stage("{stage}"), Stage("Complete"))
    hub.projects.set_workflow(project, stages)
    hub.tasks.review(task, "{decision}")
    if hub.projects.get(project).label_set.tools[0].kind == "{read}":
        print("a box")
    hub.issues.update("issue-id", status="{status}")
    for issue in hub.issues.list(task=task):
        if issue.status == "{status}":  # an answer's closed value set is a Literal too
            print(issue.id, issue.content or "")
"""
GOOD = {"tool": "bounding-box", "stage": "Review", "decision": "Accepted", "read": "bounding-box"}
BAD = {"tool": "bounding-bx", "stage": "Reveiw", "decision": "Accept", "read": "bounding-bx"}
GOOD |= {"status": "Resolved"}
BAD |= {"status": "Resolve"}


def _mypy(tmp_path: Path, values: dict[str, str]) -> subprocess.CompletedProcess[str]:
    script = tmp_path / "user_script.py"
    script.write_text(SCRIPT.format(**values))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / ".mypy_cache"),  # one per test: safe under xdist
            "--config-file",
            "",
            str(script),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        cwd=tmp_path,
    )


def test_mypy_strict_catches_a_misspelt_kind_decision_and_stage_type(tmp_path: Path) -> None:
    good = _mypy(tmp_path, GOOD)
    assert good.returncode == 0, good.stdout
    bad = _mypy(tmp_path, BAD)
    assert bad.returncode == 1, bad.stdout
    errors = [line for line in bad.stdout.splitlines() if ": error:" in line]
    assert len(errors) == 6, bad.stdout
    lines = SCRIPT.splitlines()
    for wrong, where in (
        ("bounding-bx", "{tool}"),
        ("Reveiw", "{stage}"),
        ("Accept", "{decision}"),
        ("bounding-bx", "{read}"),  # the kind read back is a ToolKind to mypy
    ):
        number = next(n for n, line in enumerate(lines, 1) if where in line)
        assert any(f"user_script.py:{number}:" in e and wrong in e for e in errors), bad.stdout
