"""tools/other_languages holds scripts, not a package: make its modules importable."""

from __future__ import annotations

import sys
from pathlib import Path

TOOL = str(Path(__file__).resolve().parents[2] / "tools" / "other_languages")
if TOOL not in sys.path:
    sys.path.insert(0, TOOL)
