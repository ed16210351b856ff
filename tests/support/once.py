"""A build that every pytest-xdist worker needs, made once per test run instead of once per
worker (a session fixture runs in each worker process).

The first worker to ask builds into a folder of the run's shared temporary directory under a
file lock; the others wait for it and reuse the folder. Without xdist the run's own temporary
directory is used, so nothing carries over from one run to the next.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

DONE = ".built"


def built_once(
    tmp_path_factory: pytest.TempPathFactory, name: str, build: Callable[[Path], None]
) -> Path:
    """``build(folder)`` run once per test run, whichever worker asks first; returns ``folder``.

    A build that raises leaves no folder behind, so each worker that asks fails the same way.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # pytest-N/, which every worker of this run shares
    folder = base / f"once-{name}"
    with (base / f"once-{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if not (folder / DONE).exists():
                shutil.rmtree(folder, ignore_errors=True)
                folder.mkdir()
                try:
                    build(folder)
                except BaseException:
                    shutil.rmtree(folder, ignore_errors=True)
                    raise
                (folder / DONE).touch()
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
    return folder
