"""SIGINT and SIGTERM during a live check: the first stops the steps and cleanup runs (once);
during cleanup SIGTERM is ignored and a second SIGINT stops cleanup, so the report lists what
is left. Installed only in the main thread (Python delivers signals there)."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

from .cleanup import CleanupStopped


class Interrupted(BaseException):
    """SIGINT or SIGTERM during the steps."""

    def __init__(self, name: str) -> None:
        self.signal_name = name
        super().__init__(name)


@dataclass
class Phase:
    """Where the run is: ``steps``, ``cleanup`` or ``done``."""

    name: str = "steps"
    signals: int = 0


@contextmanager
def interrupts(phase: Phase) -> Iterator[None]:
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        phase.signals += 1
        if phase.name == "steps":
            phase.name = "stopping"
            raise Interrupted(signal.Signals(signum).name)
        if phase.name == "cleanup" and signum == signal.SIGINT and phase.signals > 1:
            phase.name = "stopped"
            raise CleanupStopped()
        # Otherwise (cleanup under way, or done): cleanup runs once and is not interrupted by
        # SIGTERM or by the first signal's echo.

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
