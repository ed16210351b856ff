"""Running the live check against a populated mock organisation with a fault at step k, and
checking that the user's objects are unchanged and the leftovers are what the mock holds."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ango_hub.live_check import Mode, plan
from ango_hub.live_check.ledger import Leftover
from ango_hub.live_check.runner import Executed, LiveCheckOptions, execute
from mock_org import CONTAINED, MockOrg, held_under_tag, populate, without_tag

RUN_ID = "sweep"
TAG = f"ango-hub-live-check-{RUN_ID}"
RETRIES = 1  # the library's retries per call in these runs: "past the retries" = 2 answers
FAULT_KINDS = ("500", "403", "429", "drop")


def options(
    org: MockOrg, ledger: Path | None, mode: Mode = Mode.WRITE, **extra: Any
) -> LiveCheckOptions:
    return LiveCheckOptions(
        api_key=org.api_key,
        base_url=org.base_url,
        project=org.project_id,
        mode=mode,
        run_id=RUN_ID,
        max_retries=RETRIES,
        ledger_path=ledger,
        **extra,
    )


def fault_rules(kind: str, nth: int) -> list[dict[str, Any]]:
    """A fault on the ``nth`` API request; for 500, 429 and a drop on the retries after it
    too (the library retries those), so that the call fails past its retries. Rules with the
    same ``nth`` fire on consecutive requests: one that fires keeps the next from counting."""
    if kind == "403":
        return [{"kind": "refuse", "status": 403, "nth": nth, "path": "/v2/"}]
    rule: dict[str, Any] = {
        "500": {"kind": "server_error", "status": 500},
        "429": {"kind": "rate_limit", "retry_after": 0},
        "drop": {"kind": "drop"},
    }[kind]
    return [{**rule, "nth": nth, "path": "/v2/"} for _ in range(RETRIES + 1)]


def step_starts(done: Executed) -> list[tuple[str, int]]:
    """(step, the 1-based number of its first API request) of a clean run, in order."""
    starts: list[tuple[str, int]] = []
    for number, exchange in enumerate(done.session.run.recorder.exchanges, 1):
        if not starts or starts[-1][0] != exchange.step:
            starts.append((exchange.step, number))
    return starts


def step_group(step: str) -> str:
    """The module a coverage step lives in; probes and cleanup are groups of their own."""
    if step.startswith("probe "):
        return "probes"
    modules = {c.operation_id: c.step.__module__ for c in plan.COVERAGE}
    return modules.get(step, step).rsplit(".", 1)[-1]


def faulted_steps(
    steps: list[tuple[str, int]], every: int, all_kinds: bool
) -> list[tuple[int, str, int, str]]:
    """(k, step, its first request, fault kind) for every ``every``-th step k, plus the first
    step of each group the stride misses; one kind each, rotating over k (every kind with
    ``all_kinds``). The kind of step k is the same whatever the stride, and with a stride of 3
    the rotation over 4 kinds still reaches every kind."""
    chosen = set(range(0, len(steps), every))
    seen = {step_group(steps[k][0]) for k in chosen}
    for k, (step, _) in enumerate(steps):
        if step_group(step) not in seen:
            chosen.add(k)
            seen.add(step_group(step))
    return [
        (k, steps[k][0], steps[k][1], kind)
        for k in sorted(chosen)
        for kind in (FAULT_KINDS if all_kinds else (FAULT_KINDS[k % len(FAULT_KINDS)],))
    ]


def check_state(org: MockOrg, before: dict[str, Any], done: Executed) -> None:
    """The user's objects are unchanged, no request was refused by the guard, and the
    leftovers are what the mock holds under the run's tag."""
    after = org.snapshot()
    assert without_tag(after, TAG) == without_tag(before, TAG)
    assert done.session.guard.refused == []
    try:
        check_leftovers(done.session.run.ledger.leftovers, held_under_tag(after, TAG))
    except AssertionError as exc:
        sent = [
            (e.step, e.request.url.path, e.response.status_code)
            for e in done.session.run.recorder.exchanges[-12:]
        ]
        raise AssertionError(f"{exc}; aborted: {done.aborted}; last requests: {sent}") from None


def check_leftovers(leftovers: list[Leftover], held: set[tuple[str, str]]) -> None:
    listed = {(item.kind, item.name) for item in leftovers if item.kind not in CONTAINED}
    confirmed = {
        (item.kind, item.name)
        for item in leftovers
        if item.kind not in CONTAINED and item.confirmed
    }
    assert held <= listed, f"held but not reported: {held - listed}"
    assert confirmed <= held, f"reported but not held: {confirmed - held} ({leftovers})"
    assert all(item.manual_step for item in leftovers)
    if not any(kind == "project" for kind, _ in held):
        assert not [item for item in leftovers if item.kind in CONTAINED]


def prepare(org: MockOrg) -> None:
    """Populate the organisation once and save it (the admin API's checkpoint)."""
    org.reset()
    populate(org)
    org.admin("POST", "checkpoint")


def fresh(org: MockOrg) -> dict[str, Any]:
    """The populated organisation as saved (faults and request log cleared); its snapshot."""
    org.admin("PUT", "checkpoint")
    return org.snapshot()


def run_with_fault(org: MockOrg, kind: str, nth: int, ledger: Path) -> Executed:
    before = fresh(org)
    org.faults(fault_rules(kind, nth))
    try:
        done = execute(options(org, ledger))
    finally:
        org.faults([])
    check_state(org, before, done)
    return done


@contextmanager
def signal_at(
    count: Callable[[], int], points: list[tuple[int, int]], pid: int | None = None
) -> Iterator[None]:
    """Send each (request count, signal) of ``points`` (to this process, or ``pid``) once
    ``count()`` reaches it (a late count, as from another process's request log, cannot
    deliver two signals at once). In this process SIGINT and SIGTERM are ignored around the run, so
    that a signal landing after it ends cannot stop the test session."""
    stop = threading.Event()

    def watch() -> None:
        after = 0  # each signal waits for a request answered after the one before it was sent
        for at, signum in points:
            while count() < max(at, after):
                if stop.is_set():
                    return
                time.sleep(0.001)
            os.kill(pid or os.getpid(), signum)
            after = count() + 1

    saved = {}
    if pid is None:
        saved = {s: signal.signal(s, lambda *_: None) for s in (signal.SIGINT, signal.SIGTERM)}
    thread = threading.Thread(target=watch, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join()
        for signum, handler in saved.items():
            signal.signal(signum, handler)
