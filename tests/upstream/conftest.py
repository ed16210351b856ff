"""tools/upstream and tools/spec are scripts, not packages: make their modules importable."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
for tool in ("upstream", "spec"):
    path = str(ROOT / "tools" / tool)
    if path not in sys.path:
        sys.path.insert(0, path)
