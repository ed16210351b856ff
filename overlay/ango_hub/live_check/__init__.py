"""``ango-hub live-check``: check ``openapi.yaml`` against a real Ango Hub server.

Calls every operation the mode allows through the library (:mod:`.plan` lists them), records
each request and answer (:mod:`.recorder`), checks both against the spec with openapi-core
(:mod:`.validation`), sends deliberately bad requests the server must refuse, deletes what it
created (:mod:`.cleanup`), and reports per operation (:mod:`.report`). Needs the ``mock`` extra
(openapi-core).
"""

from __future__ import annotations

from .context import Mode
from .runner import LiveCheckOptions, run_live_check

__all__ = ["LiveCheckOptions", "Mode", "run_live_check"]
