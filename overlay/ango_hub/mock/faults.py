"""Fault injection for client tests: rate limits, gateway errors, dropped connections, delays.

Off by default. A :class:`FaultRule` fires on a share of matching calls (``rate``, drawn from
a seeded RNG so runs repeat) or on exactly the ``nth`` matching call, optionally only for one
``operation`` (operationId) or ``path`` (prefix), at most ``times`` times. Rules are checked in
order; the first that fires decides. Admin (``/_mock/``) and storage requests are never
faulted unless a rule names their path explicitly.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
import threading
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from typing import Any, Literal

from starlette.types import ASGIApp, Receive, Scope, Send

from .validation import operation_for

FaultKind = Literal["rate_limit", "server_error", "drop", "delay"]
FAULT_KINDS: tuple[str, ...] = ("rate_limit", "server_error", "drop", "delay")


@dataclass
class FaultRule:
    """A fault: what (``kind``), when (``rate``/``nth``), where (``operation``/``path``)."""

    kind: FaultKind
    rate: float | None = None  # 0..1 share of matching calls
    nth: int | None = None  # fire on the nth matching call (1-based)
    operation: str | None = None  # operationId from openapi.yaml
    path: str | None = None  # request path prefix, e.g. /v2/project
    times: int | None = None  # stop after firing this many times
    status: int = 502  # server_error status
    retry_after: int = 1  # rate_limit Retry-After seconds
    delay_seconds: float = 1.0  # delay before answering normally
    calls: int = field(default=0, compare=False)
    fired: int = field(default=0, compare=False)

    def __post_init__(self) -> None:
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"kind: must be one of {', '.join(FAULT_KINDS)}, not {self.kind!r}")
        if self.rate is None and self.nth is None:
            self.rate = 1.0
        if self.rate is not None and not 0 <= self.rate <= 1:
            raise ValueError("rate: must be between 0 and 1")
        if self.nth is not None and self.nth < 1:
            raise ValueError("nth: must be at least 1")
        if self.times is not None and self.times < 0:
            raise ValueError("times: must be at least 0")
        if self.kind == "server_error" and not 500 <= self.status <= 599:
            raise ValueError("status: must be a 5xx code")
        if self.delay_seconds < 0 or self.delay_seconds > 300:
            raise ValueError("delay_seconds: must be between 0 and 300")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FaultRule:
        """Build a rule from JSON (admin API, CLI); unknown keys are an error."""
        known = {
            "kind",
            "rate",
            "nth",
            "operation",
            "path",
            "times",
            "status",
            "retry_after",
            "delay_seconds",
        }
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"{unknown[0]}: unknown fault field; use {', '.join(sorted(known))}")
        if "kind" not in data:
            raise ValueError(f"kind: required, one of {', '.join(FAULT_KINDS)}")
        try:
            return cls(**data)
        except TypeError as exc:
            raise ValueError(str(exc)) from exc

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def matches(self, path: str, operation: str | None) -> bool:
        if self.operation is not None and self.operation != operation:
            return False
        if self.path is not None:
            return path.startswith(self.path)
        return path.startswith("/v2/")


class FaultInjector:
    """The active rules and a seeded RNG; thread-safe."""

    def __init__(self, seed: int = 0, rules: list[FaultRule] | None = None) -> None:
        self._lock = threading.Lock()
        self._seed = seed
        self._rng = random.Random(seed)  # noqa: S311  (reproducible, not secret)
        self.rules: list[FaultRule] = list(rules or [])

    def add(self, rule: FaultRule) -> None:
        with self._lock:
            self.rules.append(rule)

    def clear(self, seed: int | None = None) -> None:
        """Remove every rule and restart the RNG (from ``seed`` if given)."""
        with self._lock:
            self.rules.clear()
            if seed is not None:
                self._seed = seed
            self._rng = random.Random(self._seed)  # noqa: S311

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return [r.to_dict() for r in self.rules]

    def pick(self, path: str, operation: str | None) -> FaultRule | None:
        """The rule that fires for this call, if any (advances counters)."""
        with self._lock:
            for rule in self.rules:
                if not rule.matches(path, operation):
                    continue
                rule.calls += 1
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                if rule.nth is not None:
                    fire = rule.calls == rule.nth
                else:
                    fire = self._rng.random() < (rule.rate or 0.0)
                if fire:
                    rule.fired += 1
                    return rule
            return None


class _QuietDrops(logging.Filter):
    """Hide uvicorn's error line for the responses the ``drop`` fault cuts off on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "ASGI callable returned without completing response."


def quiet_dropped_responses() -> None:
    """Install :class:`_QuietDrops` on uvicorn's error logger (once per process)."""
    logger = logging.getLogger("uvicorn.error")
    if not any(isinstance(f, _QuietDrops) for f in logger.filters):
        logger.addFilter(_QuietDrops())


def gateway_page(status: int) -> bytes:
    """The HTML error page a gateway (nginx-style) sends for ``status``; not JSON."""
    try:
        title = f"{status} {HTTPStatus(status).phrase}"
    except ValueError:  # a 5xx code with no standard name, e.g. 599
        title = str(status)
    return (
        f"<html><head><title>{title}</title></head>"
        f"<body><center><h1>{title}</h1></center><hr>"
        "<center>mock-gateway</center></body></html>\n"
    ).encode()


class FaultMiddleware:
    """ASGI middleware that applies :class:`FaultInjector` rules before the app answers."""

    def __init__(
        self,
        app: ASGIApp,
        injector: FaultInjector,
        record: Callable[[str, str, str | None, int], None] | None = None,
    ) -> None:
        self.app = app
        self.injector = injector
        self.record = record  # (method, path, operation, status) of faulted answers

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.injector.rules:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        operation = operation_for(scope["method"], path)
        rule = self.injector.pick(path, operation)
        if rule is not None and rule.kind != "delay" and self.record is not None:
            status = {"rate_limit": 429, "server_error": rule.status}.get(rule.kind, 0)
            self.record(scope["method"], path, operation, status)  # 0: connection dropped
        if rule is None:
            await self.app(scope, receive, send)
        elif rule.kind == "delay":
            await asyncio.sleep(rule.delay_seconds)
            await self.app(scope, receive, send)
        elif rule.kind == "rate_limit":
            body = json.dumps({"status": "fail", "message": "Too many requests"}).encode()
            await _send(
                send,
                429,
                body,
                b"application/json",
                [(b"retry-after", str(rule.retry_after).encode())],
            )
        elif rule.kind == "server_error":
            await _send(send, rule.status, gateway_page(rule.status), b"text/html")
        else:  # drop: promise a body, send part of it, then let the server close the socket
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", b"4096"),
                    ],
                }
            )
            await send(
                {"type": "http.response.body", "body": b'{"status": "succ', "more_body": True}
            )


async def _send(
    send: Send,
    status: int,
    body: bytes,
    content_type: bytes,
    extra: list[tuple[bytes, bytes]] | None = None,
) -> None:
    headers = [
        (b"content-type", content_type),
        (b"content-length", str(len(body)).encode()),
        *(extra or []),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
