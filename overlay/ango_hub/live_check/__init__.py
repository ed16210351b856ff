"""``ango-hub live-check``: check ``openapi.yaml`` against a real Ango Hub server.

Calls every operation the mode allows through the library (:mod:`.plan` lists them), records
each request and answer (:mod:`.recorder`), checks both against the spec with openapi-core
(:mod:`.validation`), sends deliberately bad requests the server must refuse, deletes what it
created (:mod:`.cleanup`), and reports per operation (:mod:`.report`). Needs the
``live-check`` extra (openapi-core, PyYAML); without it, importing this package raises an
ImportError whose message is the line that installs it.
"""

from __future__ import annotations

from .._extras import require_extra

require_extra("live-check", "the live check")

from .context import Mode  # noqa: E402  (after the extra check)
from .runner import LiveCheckOptions, run_live_check  # noqa: E402

__all__ = ["LiveCheckOptions", "Mode", "run_live_check"]
