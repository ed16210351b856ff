"""The live check changes nothing it did not create: the state-diff test against a mock
organisation populated like a real one (snapshots through the admin API), with a fault at
every step k, SIGTERM at about 10 points, read-only mode, and --cleanup after a SIGKILL. Every
test runs against both ways the mock runs (`mock_modes`): in a thread of this process and as
`ango-hub mock` in its own, the latter seen only through HTTP.

`make test` runs every step with one fault kind each (rotating over k) on the mock in a thread,
and every 3rd step (plus the first of each step group the stride misses) on the mock in its own
process; `make live-check-sweep` (LIVE_CHECK_SWEEP=1) runs every step with every kind on both.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

import pytest
from ango_hub.live_check import plan
from ango_hub.live_check.context import Run
from ango_hub.live_check.runner import execute
from ango_hub.mock.validation import CROSSCHECK_ENV
from mock_modes import MODES, Mocked, mock_in
from mock_org import MockOrg, without_tag
from safety_helpers import (
    FAULT_KINDS,
    TAG,
    check_state,
    faulted_steps,
    fresh,
    options,
    prepare,
    run_with_fault,
    signal_at,
    step_group,
    step_starts,
)

SWEEP = os.environ.get("LIVE_CHECK_SWEEP") == "1"
# The stride over the steps k for the fault test in `make test`, per mode (the sweep: 1).
STRIDE = {"thread": 1, "process": 3}


@pytest.fixture(scope="module", params=MODES)
def mock(request: pytest.FixtureRequest) -> Iterator[Mocked]:
    # `ango-hub mock` started without the mock's self-check (CROSSCHECK_ENV, set for the
    # suite), as the fault test turns it off for the mock in a thread: not the point here.
    with ExitStack() as stack:
        with pytest.MonkeyPatch.context() as env:
            env.delenv(CROSSCHECK_ENV, raising=False)
            mocked = stack.enter_context(mock_in(request.param))
        yield mocked


@pytest.fixture(scope="module")
def org(mock: Mocked) -> MockOrg:
    prepare(mock.org)
    return mock.org


@pytest.fixture(scope="module")
def steps(org: MockOrg, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, int]]:
    """Each step of a clean write run and the number of its first request: the baseline that
    places a fault at step k. The clean run itself must change nothing of the user's."""
    before = fresh(org)
    done = execute(options(org, tmp_path_factory.mktemp("baseline") / "ledger.json"))
    assert done.aborted is None
    assert done.step_errors == {}
    check_state(org, before, done)
    assert {item.kind for item in done.session.run.ledger.leftovers} == {
        "plugin log",
        "plugin response",
    }
    return step_starts(done)


def test_a_clean_write_run_changes_nothing_of_the_users(steps: list[tuple[str, int]]) -> None:
    named = [step for step, _ in steps]
    assert named[:2] == ["listProjects", "createProject"]
    assert "cleanup" in named
    assert len(steps) > 80  # the steps, the probes and cleanup


SHARDS = 4


# Each shard (both modes of it) an xdist group of its own, so that the shards, not the two
# modes, are what the workers share out: the runs are the cost, not the mock each worker starts.
@pytest.mark.parametrize(
    "shard",
    [pytest.param(i, marks=pytest.mark.xdist_group(f"fault-shard-{i}")) for i in range(SHARDS)],
)
def test_a_fault_at_every_step_changes_nothing_of_the_users(
    mock: Mocked,
    steps: list[tuple[str, int]],  # on the prepared organisation
    tmp_path: Path,
    shard: int,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A fault at the first request of each chosen step k (STRIDE; every k in the sweep), one
    kind each rotating over k (every kind in the sweep); the shards share the chosen steps."""
    monkeypatch.delenv(CROSSCHECK_ENV, raising=False)  # the mock's self-check: not the point
    chosen = faulted_steps(steps, 1 if SWEEP else STRIDE[mock.mode], all_kinds=SWEEP)
    # However sparse, the choice reaches every fault kind and every group of steps.
    assert {kind for *_, kind in chosen} == set(FAULT_KINDS)
    assert {step_group(step) for _, step, _, _ in chosen} == {step_group(step) for step, _ in steps}
    failures = []
    for k, step, nth, kind in chosen[shard::SHARDS]:
        try:
            run_with_fault(mock.org, kind, nth, tmp_path / f"ledger-{k}-{kind}.json")
        except AssertionError as exc:
            failures.append(f"step {k} ({step}, request {nth}), {kind}: {exc}")
    assert failures == []


def test_sigterm_at_about_ten_points_runs_cleanup_once(
    mock: Mocked, org: MockOrg, steps: list[tuple[str, int]], tmp_path: Path
) -> None:
    total = steps[-1][1]
    for point in range(1, 11):
        at = total * point // 11
        before = fresh(org)
        start = mock.answered()

        def count(start: int = start) -> int:
            return mock.answered() - start

        with signal_at(count, [(at, signal.SIGTERM)]):
            done = execute(options(org, tmp_path / f"ledger-{point}.json"))
        assert done.aborted is not None, f"SIGTERM at request {at} did not stop the run"
        assert "interrupted by SIGTERM" in done.aborted
        assert sum(1 for e in done.session.run.recorder.exchanges if e.step == "cleanup") > 0
        check_state(org, before, done)


# The mock in a thread only: the second SIGINT must land while cleanup sends its few requests,
# and counting them through another process's request log is too late for that.
@pytest.mark.parametrize("mock", ["thread"], indirect=True)
def test_a_second_sigint_stops_cleanup_and_lists_what_is_left(
    mock: Mocked, org: MockOrg, steps: list[tuple[str, int]], tmp_path: Path
) -> None:
    # The first SIGINT halfway through the steps; the second once cleanup has sent a request.
    before = fresh(org)
    start = mock.answered()
    first = dict(steps)["exportTasks"]

    def count() -> int:
        return mock.answered() - start

    with signal_at(count, [(first, signal.SIGINT), (first + 1, signal.SIGINT)]):
        done = execute(options(org, tmp_path / "ledger.json"))

    assert done.aborted is not None
    assert done.aborted.startswith("interrupted by SIGINT during ")
    assert done.aborted.endswith("; cleanup stopped by a second SIGINT")
    left = {(item.kind, item.name): item for item in done.session.run.ledger.leftovers}
    project = left["project", f"{TAG}-project"]
    assert project.reason == "cleanup stopped by a second interrupt"
    assert project.manual_step.startswith("delete the project in Ango Hub")
    check_state(org, before, done)


def test_the_guard_refuses_a_write_to_the_users_project(
    org: MockOrg, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A step that (wrongly) aims at the user's project is refused before anything is sent,
    # and reported as a defect of the live check.
    def wrong(run: Run) -> None:
        run.call("updateLabelValidation", {"projectId": org.project_id}, body={})

    coverage = tuple(
        replace(c, step=wrong) if c.operation_id == "updateLabelValidation" else c
        for c in plan.COVERAGE
    )
    monkeypatch.setattr(plan, "COVERAGE", coverage)
    before = fresh(org)

    done = execute(options(org, tmp_path / "ledger.json"))

    (refused,) = done.session.guard.refused
    assert refused.operation_id == "updateLabelValidation"
    assert "not a project this run created" in str(refused)
    assert "refused by the request guard" in done.step_errors["updateLabelValidation"][0]
    after = org.snapshot()
    assert without_tag(after, TAG) == without_tag(before, TAG)
    assert [e for e in org.requests() if e["operation"] == "updateLabelValidation"] == []
