"""Fault injection for client tests: rate limits, gateway errors, dropped connections, delays.

Off by default. A :class:`FaultRule` fires on a share of matching calls (``rate``, drawn from
a seeded RNG so runs repeat) or on exactly the ``nth`` matching call, optionally only for one
``operation`` (operationId) or ``path`` (prefix), at most ``times`` times. Rules are checked in
order; the first that fires decides. Admin (``/_mock/``) and storage requests are never
faulted unless a rule names their path explicitly.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import math
import random
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Any, Literal

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .fault_reshape import reshaping_send
from .validation import operation_for

FaultKind = Literal["rate_limit", "server_error", "drop", "delay", "reshape", "refuse"]
FAULT_KINDS: tuple[str, ...] = ("rate_limit", "server_error", "drop", "delay", "reshape", "refuse")
MAX_DELAY = 300
MAX_WINDOW = 86_400
MAX_TRACKED_KEYS = 10_000  # quota bookkeeping: past this, keys idle for a window are dropped


_NUMBER_FIELDS = {"rate": (0, 1), "delay_seconds": (0, MAX_DELAY), "window": (0, MAX_WINDOW)}


@dataclass
class FaultRule:
    """A fault: what (``kind``), when (``rate``/``nth``/``limit``), where (``operation``/``path``).

    A ``rate_limit`` rule with ``limit`` is a per-API-key quota instead: it lets ``limit``
    matching calls per key through in any ``window`` seconds and answers the rest 429.
    """

    kind: FaultKind
    rate: float | None = None  # 0..1 share of matching calls
    nth: int | None = None  # fire on the nth matching call (1-based)
    operation: str | None = None  # operationId from openapi.yaml
    path: str | None = None  # request path prefix, e.g. /v2/project
    times: int | None = None  # stop after firing this many times
    status: int = 502  # server_error status (5xx); refuse status (4xx, e.g. 403)
    retry_after: int = 1  # rate_limit Retry-After seconds (quota rules compute their own)
    delay_seconds: float = 1.0  # delay before answering normally
    complete_after_disconnect: bool = False  # delay: finish the request if its client left
    limit: int | None = None  # rate_limit quota: calls per key per window
    window: float = 60.0  # rate_limit quota window, seconds
    remove: str | None = None  # reshape: dotted JSON path removed from the answer
    calls: int = field(default=0, compare=False)
    fired: int = field(default=0, compare=False)
    # Quota bookkeeping: hashed key -> start times of the calls inside the window.
    _admitted: dict[str, deque[float]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        _check_types(self)
        if self.kind not in FAULT_KINDS:
            raise ValueError(f"kind: must be one of {', '.join(FAULT_KINDS)}, not {self.kind!r}")
        if self.limit is not None:
            if self.kind != "rate_limit":
                raise ValueError("limit: only for kind rate_limit")
            if self.rate is not None or self.nth is not None:
                raise ValueError("limit: give either limit (a quota) or rate/nth, not both")
        elif self.rate is None and self.nth is None:
            self.rate = 1.0
        for name, (low, high) in _NUMBER_FIELDS.items():
            value = getattr(self, name)
            if value is not None and not (math.isfinite(value) and low <= value <= high):
                raise ValueError(f"{name}: must be between {low} and {high}, not {value!r}")
        if self.window == 0:
            raise ValueError("window: must be more than 0 seconds")
        for name, low in (("nth", 1), ("times", 0), ("limit", 1), ("retry_after", 0)):
            value = getattr(self, name)
            if value is not None and value < low:
                raise ValueError(f"{name}: must be at least {low}, not {value!r}")
        _check_status(self)
        if self.kind == "reshape" and not self.remove:
            raise ValueError("remove: required for reshape, a dotted path such as data.total")

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FaultRule:
        """Build a rule from JSON (admin API, CLI); unknown keys are an error."""
        unknown = sorted(set(data) - set(RULE_FIELDS))
        if unknown:
            raise ValueError(
                f"{unknown[0]}: unknown fault field; use {', '.join(sorted(RULE_FIELDS))}"
            )
        if "kind" not in data:
            raise ValueError(f"kind: required, one of {', '.join(FAULT_KINDS)}")
        return cls(**data)

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (*RULE_FIELDS, "calls", "fired")}

    def matches(self, path: str, operation: str | None) -> bool:
        if path.startswith("/_mock/"):  # the admin API stays reachable, to clear the faults
            return False
        if self.operation is not None and self.operation != operation:
            return False
        if self.path is not None:
            return path.startswith(self.path)
        return path.startswith("/v2/")

    def admit(self, api_key: str, now: float) -> Verdict:
        """Quota rules: count this call against the key, or refuse it (``fired``)."""
        assert self.limit is not None  # noqa: S101  (only called for quota rules)
        name = hashlib.sha256(api_key.encode("utf-8", "surrogateescape")).hexdigest()
        if len(self._admitted) > MAX_TRACKED_KEYS:  # e.g. a flood of made-up keys
            self._forget_idle_keys(now)
        admitted = self._admitted.setdefault(name, deque())
        while admitted and admitted[0] <= now - self.window:
            admitted.popleft()
        full = len(admitted) >= self.limit
        if not full:
            admitted.append(now)
        reset = max(1, math.ceil(admitted[0] + self.window - now))
        headers = [
            (b"x-ratelimit-limit", str(self.limit).encode()),
            (b"x-ratelimit-remaining", str(self.limit - len(admitted)).encode()),
            (b"x-ratelimit-reset", str(reset).encode()),
        ]
        return Verdict(self if full else None, reset, headers)

    def _forget_idle_keys(self, now: float) -> None:
        idle = [
            k for k, calls in self._admitted.items() if not calls or calls[-1] <= now - self.window
        ]
        for key in idle:
            del self._admitted[key]


# Field name -> accepted types (bool is not a number here, though Python says it is).
_FIELD_TYPES: dict[str, tuple[type, ...]] = {
    "kind": (str,),
    "rate": (int, float, type(None)),
    "nth": (int, type(None)),
    "operation": (str, type(None)),
    "path": (str, type(None)),
    "times": (int, type(None)),
    "status": (int,),
    "retry_after": (int,),
    "delay_seconds": (int, float),
    "complete_after_disconnect": (bool,),
    "limit": (int, type(None)),
    "window": (int, float),
    "remove": (str, type(None)),
}
RULE_FIELDS = tuple(_FIELD_TYPES)
_TYPE_WORDS = {
    str: "a string",
    int: "an integer",
    float: "a number",
    bool: "true or false",
    type(None): "null",
}


def _check_status(rule: FaultRule) -> None:
    if rule.kind == "server_error" and not 500 <= rule.status <= 599:
        raise ValueError(f"status: must be a 5xx code, not {rule.status!r}")
    if rule.kind == "refuse" and not 400 <= rule.status <= 499:
        raise ValueError(f"status: must be a 4xx code for refuse, not {rule.status!r}")


def _check_types(rule: FaultRule) -> None:
    for name, types in _FIELD_TYPES.items():
        value = getattr(rule, name)
        wrong_bool = isinstance(value, bool) and bool not in types
        if wrong_bool or not isinstance(value, types):
            kinds = [t for t in types if not (t is int and float in types)]
            words = " or ".join(_TYPE_WORDS[t] for t in kinds)
            shown = repr(value)
            shown = shown if len(shown) <= 40 else shown[:37] + "..."
            raise ValueError(f"{name}: must be {words}, not {shown}")


@dataclass
class Verdict:
    """What the faults decide for one call: the rule that fired (if any), the quota's
    Retry-After, and the X-RateLimit-* headers for the answer."""

    rule: FaultRule | None
    retry_after: int = 0
    headers: list[tuple[bytes, bytes]] = field(default_factory=list)


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

    def decide(
        self, path: str, operation: str | None, api_key: str = "", now: float | None = None
    ) -> Verdict:
        """Run the rules in order for this call; the first that fires decides."""
        moment = time.monotonic() if now is None else now
        headers: list[tuple[bytes, bytes]] = []
        with self._lock:
            for rule in self.rules:
                if not rule.matches(path, operation):
                    continue
                rule.calls += 1
                if rule.times is not None and rule.fired >= rule.times:
                    continue
                if rule.limit is not None:
                    verdict = rule.admit(api_key, moment)
                    headers = verdict.headers
                    fire = verdict.rule is not None
                    retry_after = verdict.retry_after
                elif rule.nth is not None:
                    fire, retry_after = rule.calls == rule.nth, rule.retry_after
                else:
                    fire = self._rng.random() < (rule.rate or 0.0)
                    retry_after = rule.retry_after
                if fire:
                    rule.fired += 1
                    return Verdict(rule, retry_after, headers)
            return Verdict(None, 0, headers)


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


# (method, path, operation, status, api key) of faulted answers
Recorder = Callable[[str, str, str | None, int, str | None], None]


class FaultMiddleware:
    """ASGI middleware that applies :class:`FaultInjector` rules before the app answers."""

    def __init__(
        self,
        app: ASGIApp,
        injector: FaultInjector,
        record: Recorder | None = None,
        max_buffer: int = 16 * 1024 * 1024,
    ) -> None:
        self.app = app
        self.injector = injector
        self.record = record
        self.max_buffer = max_buffer  # request bytes a complete_after_disconnect delay holds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not self.injector.rules:
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        method: str = scope["method"]
        operation = operation_for(method, path)
        api_key = dict(scope.get("headers") or []).get(b"apikey", b"").decode("latin-1")
        verdict = self.injector.decide(path, operation, api_key)
        rule = verdict.rule
        if rule is not None and rule.kind not in ("delay", "reshape") and self.record is not None:
            status = {"rate_limit": 429, "server_error": rule.status, "refuse": rule.status}.get(
                rule.kind, 0
            )
            self.record(method, path, operation, status, api_key or None)  # 0: dropped
        if rule is None:
            await self.app(scope, receive, _adding_headers(send, verdict.headers))
        elif rule.kind == "delay" and rule.complete_after_disconnect:
            await self._delay_and_finish(scope, receive, send, rule)
        elif rule.kind == "delay":
            await asyncio.sleep(rule.delay_seconds)
            await self.app(scope, receive, send)
        elif rule.kind == "reshape":
            await self.app(scope, receive, reshaping_send(send, rule.remove or ""))
        elif rule.kind == "rate_limit":
            body = json.dumps({"status": "fail", "message": "Too many requests"}).encode()
            extra = [(b"retry-after", str(verdict.retry_after).encode()), *verdict.headers]
            await _send(send, 429, body, b"application/json", extra)
        elif rule.kind == "server_error":
            await _send(send, rule.status, gateway_page(rule.status), b"text/html")
        elif rule.kind == "refuse":  # the API refusing the key (say, 403: not allowed)
            try:
                message = HTTPStatus(rule.status).phrase
            except ValueError:  # a 4xx code with no standard name
                message = "Refused"
            body = json.dumps({"status": "fail", "message": message}).encode()
            await _send(send, rule.status, body, b"application/json")
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

    async def _delay_and_finish(
        self, scope: Scope, receive: Receive, send: Send, rule: FaultRule
    ) -> None:
        """Like a real server: take the request in, work on it for ``delay_seconds``, and
        carry it through even if the client has gone meanwhile (its answer goes nowhere).

        The server would otherwise lose the body: once the client disconnects, uvicorn hands
        out only ``http.disconnect``. So the body (up to ``max_buffer`` bytes; a bigger one
        streams on after the delay) is read before waiting and replayed to the app.
        """
        held: list[Message] = []
        size = 0
        while size <= self.max_buffer:
            message = await receive()
            held.append(message)
            if message["type"] != "http.request" or not message.get("more_body", False):
                break
            size += len(message.get("body", b""))
        await asyncio.sleep(rule.delay_seconds)

        async def replay() -> Message:
            return held.pop(0) if held else await receive()

        await self.app(scope, replay, send)  # uvicorn ignores sends to a closed connection


def _adding_headers(send: Send, headers: list[tuple[bytes, bytes]]) -> Send:
    if not headers:
        return send

    async def sender(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *headers]}
        await send(message)

    return sender


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
