"""The fake transport behind the generated client's tests (see conftest.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpx

BASE_URL = "https://imeritapi.ango.ai/v2"
KEY = "test-key-0123456789"


@dataclass
class Recorder:
    """Answers every request with ``status``/``body`` and keeps the requests it saw."""

    status: int = 200
    body: bytes = b'{"status": "success", "data": {}}'
    content_type: str = "application/json"
    requests: list[httpx.Request] = field(default_factory=list)

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()  # multipart bodies are streams: read them while they are open
        self.requests.append(request)
        return httpx.Response(
            self.status, content=self.body, headers={"content-type": self.content_type}
        )

    @property
    def only(self) -> httpx.Request:
        """The single request sent."""
        assert len(self.requests) == 1, self.requests
        return self.requests[0]
