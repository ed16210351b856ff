"""The installed console script, run as a user runs it (this venv's ``ango-hub``)."""

import sys
from pathlib import Path

ANGO_HUB = str(Path(sys.executable).with_name("ango-hub"))
