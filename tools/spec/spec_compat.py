"""CI gate: the spec's latest change must be admitted by its `info.version` and CHANGELOG.md.

Base to compare with, unless `--base REF` is given:
* uncommitted edits to openapi.yaml: HEAD (what you are about to commit);
* otherwise: the parent of the newest commit that touched openapi.yaml (what CI checks on a
  fresh clone: the latest spec change, against the spec before it).
Nothing to compare (no history, no parent, no openapi.yaml at the base) passes with a message.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from spec_diff import diff, gate, load_yaml

SPEC = "openapi.yaml"


def git(*args: str) -> str | None:
    """stdout of a git command, or None when it fails (no repo, unknown ref, missing file)."""
    done = subprocess.run(["git", *args], capture_output=True, text=True, check=False)  # noqa: S603, S607
    return done.stdout if done.returncode == 0 else None


def default_base() -> str | None:
    """The ref to compare with (see the module docstring), or None when there is none."""
    if git("rev-parse", "--verify", "-q", "HEAD") is None:
        return None
    if git("diff", "--quiet", "HEAD", "--", SPEC) is None:
        return "HEAD"
    last = (git("log", "-1", "--format=%H", "--", SPEC) or "").strip()
    if not last or git("rev-parse", "--verify", "-q", f"{last}~1") is None:
        return None
    return f"{last}~1"


def main(argv: list[str] | None = None) -> int:
    """Compare, print the changes, and fail when the version does not admit them."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--base", help="git ref to compare with (default: see above)")
    ap.add_argument("--changelog", type=Path, default=Path("CHANGELOG.md"))
    args = ap.parse_args(argv)
    base = args.base or default_base()
    old_text = git("show", f"{base}:{SPEC}") if base else None
    if old_text is None:
        print(
            f"spec-compat: nothing to compare with (base {base or 'none'} has no {SPEC}); "
            "checking the changelog only"
        )
    new_doc = load_yaml(Path(SPEC).read_text())
    old_doc = load_yaml(old_text) if old_text is not None else new_doc
    changes = diff(old_doc, new_doc)
    breaking = sum(c.breaking for c in changes)
    print(
        f"spec-compat: {base or '-'} {old_doc['info']['version']} -> working tree "
        f"{new_doc['info']['version']}: {breaking} breaking, {len(changes) - breaking} other"
    )
    for change in changes:
        print(f"  {change}")
    try:
        changelog = args.changelog.read_text()
    except FileNotFoundError:
        changelog = ""
    try:
        problems = gate(old_doc, new_doc, changes, changelog)
    except ValueError as exc:
        problems = [str(exc)]
    for problem in problems:
        print(f"spec-compat: FAIL: {problem}", file=sys.stderr)
    if not problems:
        print("spec-compat: ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
