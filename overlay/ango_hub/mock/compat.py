"""Endpoints outside openapi.yaml that the official SDK calls: none any more.

``GET /v2/project/{id}`` became ``getProject`` and ``POST /v2/batches/{id}`` became
``createBatches`` (spec 1.4.0). ``GET /v2/batches/{id}`` was dropped: the SDK's
``get_batches`` reads ``getProject``'s ``batches`` and nothing calls it (docs/DISCREPANCIES.md
row 34). The hook stays for the next SDK call the spec cannot describe.
"""

from __future__ import annotations

from .api import CompatRoute

COMPAT_ROUTES: list[CompatRoute] = []
